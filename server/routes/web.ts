import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { ConfigError, PROJECT_ROOT } from '../../ingest/config.js';
import { renderHostPage } from '../../web/pages/host-page.js';
import { renderStaffPage } from '../../web/pages/staff-page.js';
import { SCRIPTS, WEB_DIST_URL, type ScriptName } from '../../web/scripts.js';

const JS = 'application/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** The browser bundles are not built: `npm run build:web` (run by npm ci and npm start) writes them. */
export class WebBuildMissingError extends ConfigError {
  override name = 'WebBuildMissingError';
}

interface BuiltScript {
  code: Buffer;
  etag: string;
}

/** Reads a built bundle once, at startup; a missing or empty one stops the start with what to run. */
function readBuiltScript(distDir: string, name: ScriptName): BuiltScript {
  const path = join(distDir, name);
  let code: Buffer;
  try {
    code = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    code = Buffer.alloc(0);
  }
  if (code.length === 0) {
    const shown = relative(PROJECT_ROOT, path) || path;
    throw new WebBuildMissingError(`The browser bundle ${shown} is missing: run \`npm run build:web\` (npm ci and npm start run it for you).`);
  }
  return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"` };
}

/**
 * Serves the widget bundle, the staff page's script (both built beforehand into web/dist, read once at
 * startup; nothing is bundled here), the demo host page and the staff lookup page.
 */
export function createWebRoutes(options: { distDir?: string } = {}): Hono {
  const distDir = options.distDir ?? fileURLToPath(WEB_DIST_URL);
  const scripts = new Map((Object.keys(SCRIPTS) as ScriptName[]).map((name) => [name, readBuiltScript(distDir, name)]));
  const app = new Hono();
  const serveScript = (name: ScriptName) => (c: Context) => {
    const script = scripts.get(name)!;
    const headers = {
      'Content-Type': JS,
      // Short, revalidated cache: a content fix reaches embedded sites within minutes, and revalidating costs a 304.
      'Cache-Control': 'public, max-age=300',
      ETag: script.etag,
      'X-Content-Type-Options': 'nosniff',
      // The widget is loaded by other organisations' sites.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === script.etag)) return c.body(null, 304, headers);
    return c.body(new Uint8Array(script.code), 200, headers);
  };

  app.get('/widget.js', serveScript('widget.js'));
  app.get('/staff.js', serveScript('staff.js'));

  const hostPage = renderHostPage();
  const staffPage = renderStaffPage();
  app.get('/', (c) => c.body(hostPage, 200, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' }));
  app.get('/staff', (c) => c.body(staffPage, 200, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' }));
  return app;
}
