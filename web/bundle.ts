import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SCRIPTS, WEB_DIST_URL, type ScriptName } from './scripts.js';

export { SCRIPTS, type ScriptName } from './scripts.js';

/** Bundles one browser script in memory: minified IIFE for es2020, no files written. */
export async function bundleScript(name: ScriptName): Promise<string> {
  const entry = fileURLToPath(new URL(SCRIPTS[name], import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${name}`);
  return output.text;
}

/**
 * Bundles every script into `outDir` (web/dist by default). Each file is written beside its final name and
 * renamed over it, so a server starting meanwhile reads the old bundle or the new one, never half of one.
 */
export async function writeBundles(outDir: string = fileURLToPath(WEB_DIST_URL)): Promise<Array<{ name: ScriptName; path: string; code: string }>> {
  await mkdir(outDir, { recursive: true });
  const written = [];
  for (const name of Object.keys(SCRIPTS) as ScriptName[]) {
    const code = await bundleScript(name);
    const path = join(outDir, name);
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, code);
    await rename(partial, path);
    written.push({ name, path, code });
  }
  return written;
}
