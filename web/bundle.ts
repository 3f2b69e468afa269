import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The browser scripts Lumen serves, by the name they are served under. */
export const SCRIPTS = {
  'widget.js': 'widget/index.ts',
  'staff.js': 'staff/index.ts',
} as const;

export type ScriptName = keyof typeof SCRIPTS;

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
