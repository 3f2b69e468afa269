/** The browser scripts Lumen serves, by the name they are served under, and their entry points (under web/). */
export const SCRIPTS = {
  'widget.js': 'widget/index.ts',
  'staff.js': 'staff/index.ts',
} as const;

export type ScriptName = keyof typeof SCRIPTS;

/** Where `npm run build:web` writes the bundles and where the server reads them from. */
export const WEB_DIST_URL = new URL('dist/', import.meta.url);
