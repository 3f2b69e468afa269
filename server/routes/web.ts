import { Hono, type Context } from 'hono';
import { bundleScript, type ScriptName } from '../../web/bundle.js';
import { renderHostPage } from '../../web/pages/host-page.js';
import { renderStaffPage } from '../../web/pages/staff-page.js';

const JS = 'application/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** Serves the widget bundle, the staff page's script, the demo host page and the staff lookup page. */
export function createWebRoutes(): Hono {
  const app = new Hono();
  // Bundled once per process, on first request; a failed build is dropped so the next request tries again.
  const bundles = new Map<ScriptName, Promise<string>>();
  const script = (name: ScriptName): Promise<string> => {
    let pending = bundles.get(name);
    if (!pending) {
      pending = bundleScript(name);
      bundles.set(name, pending);
      pending.catch(() => bundles.delete(name));
    }
    return pending;
  };
  const serveScript = (name: ScriptName) => async (c: Context) =>
    c.body(await script(name), 200, {
      'Content-Type': JS,
      // Short, revalidated cache: a content fix reaches embedded sites within minutes.
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      // The widget is loaded by other organisations' sites.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });

  app.get('/widget.js', serveScript('widget.js'));
  app.get('/staff.js', serveScript('staff.js'));

  const hostPage = renderHostPage();
  const staffPage = renderStaffPage();
  app.get('/', (c) => c.body(hostPage, 200, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' }));
  app.get('/staff', (c) => c.body(staffPage, 200, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' }));
  return app;
}
