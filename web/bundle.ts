import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { CARRIED_FIELDS, CARRIED_HOTLINE_IDS } from './widget/carried-hotlines.js';
import { SCRIPTS, WEB_DIST_URL, type ScriptName } from './scripts.js';

export { SCRIPTS, type ScriptName } from './scripts.js';

/** Squeezes the whitespace and comments out of a CSS text; selectors keep their meaning (".a :b" stays apart). */
export function squeezeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/([,:])\s+/g, '$1')
    .trim();
}

/** Keeps the bundle small: only the carried hotline entries, and the stylesheets without their layout whitespace. */
const slimPlugin: Plugin = {
  name: 'lumen-slim',
  setup(builder) {
    builder.onLoad({ filter: /corpus[\\/]hotlines\.json$/ }, async (args) => {
      const data = JSON.parse(await readFile(args.path, 'utf8')) as { hotlines: Record<string, unknown>[] };
      const hotlines = data.hotlines
        .filter((hotline) => CARRIED_HOTLINE_IDS.includes(String(hotline.id)))
        .map((hotline) => Object.fromEntries(CARRIED_FIELDS.filter((field) => field in hotline).map((field) => [field, hotline[field]])));
      return { contents: JSON.stringify({ hotlines }), loader: 'json' };
    });
    builder.onLoad({ filter: /widget[\\/]styles[\w-]*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // Only the CSS template literals (they hold no ${} expressions) are rewritten.
      return { contents: source.replace(/(_CSS = `)([^`]*)(`)/g, (_, open: string, css: string, close: string) => open + squeezeCss(css) + close), loader: 'ts' };
    });
  },
};

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
    plugins: [slimPlugin],
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
