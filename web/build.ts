// npm run build:web (run by npm ci/install and before npm start): writes the browser bundles to web/dist/,
// which the server serves as files, and prints their sizes.
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeBundles } from './bundle.js';

for (const { path, code } of await writeBundles()) {
  const raw = Buffer.byteLength(code);
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`${relative(process.cwd(), path)}  ${(raw / 1024).toFixed(1)} kB raw  ${(gzipped / 1024).toFixed(1)} kB gzipped`);
}
