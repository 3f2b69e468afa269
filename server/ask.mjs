// `npm run ask`: runs the terminal lookup (server/ask-cli.ts) compiled to one plain-JavaScript file,
// dist/ask-cli.mjs, rebuilt here whenever a source under server/ or ingest/ (or package.json) is newer.
// Loading the TypeScript sources through tsx took most of a local lookup's time (about 2.4 s of it,
// against 1.6 s compiled); a hotline worker on a call waits for every one of them.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// At the project's top level, as the sources' own files are one folder down: ingest/config.ts finds the
// project from its own location, and the compiled file must resolve to the same place.
const output = join(root, 'dist', 'ask-cli.mjs');

/** The newest modification time of the TypeScript sources under a folder (tests excluded). */
function newestSource(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () => Math.max(newestSource(join(root, 'server')), newestSource(join(root, 'ingest')), statSync(join(root, 'package.json')).mtimeMs);

if (!existsSync(output) || statSync(output).mtimeMs < sourcesChanged()) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(output), { recursive: true });
  // Written beside and renamed into place, so a lookup started meanwhile never loads half a file.
  const temporary = `${output}.${process.pid}.tmp`;
  await build({ entryPoints: [join(root, 'server', 'ask-cli.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: temporary, logLevel: 'warning' });
  renameSync(temporary, output);
}
await import(pathToFileURL(output).href);
