// npm run build:web: writes the browser bundles to web/dist/ and prints their sizes.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleScript, SCRIPTS, type ScriptName } from './bundle.js';

const outDir = fileURLToPath(new URL('dist/', import.meta.url));
await mkdir(outDir, { recursive: true });
for (const name of Object.keys(SCRIPTS) as ScriptName[]) {
  const code = await bundleScript(name);
  await writeFile(new URL(name, new URL('dist/', import.meta.url)), code);
  const raw = Buffer.byteLength(code);
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`web/dist/${name}  ${(raw / 1024).toFixed(1)} kB raw  ${(gzipped / 1024).toFixed(1)} kB gzipped`);
}
