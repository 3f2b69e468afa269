// The routes in server/routes/web.ts, through app.request() without a port. They serve web/dist as built
// by `npm run build:web` (vitest's global setup builds it from the current source before the tests).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createWebRoutes, WebBuildMissingError } from '../server/routes/web.js';

const app = createWebRoutes();
const scratch = mkdtempSync(join(tmpdir(), 'lumen-web-dist-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('web routes', () => {
  it('serves the widget bundle as JavaScript', async () => {
    const response = await app.request('/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    const code = await response.text();
    expect(code.length).toBeGreaterThan(1000);
    // Nothing that writes to the device, and no HTML parsing of data.
    expect(code).not.toMatch(/localStorage|sessionStorage|document\.cookie|indexedDB|innerHTML|insertAdjacentHTML/);
  });

  it('serves the staff script', async () => {
    const response = await app.request('/staff.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(await response.text()).not.toMatch(/innerHTML|insertAdjacentHTML/);
  });

  it('embeds the widget on the demo page with one script tag and no inline script', async () => {
    const response = await app.request('/');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<script src="/widget.js" data-endpoint="/api/chat" defer></script>');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/widget.js" data-endpoint="/api/chat" defer>']);
  });

  it('serves the staff page with its script as a file', async () => {
    const html = await (await app.request('/staff')).text();
    expect(html).toContain('data-lumen="search"');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/staff.js" defer>']);
  });

  it('serves the built files byte for byte, with an ETag that revalidates to 304', async () => {
    const distDir = join(scratch, 'built');
    mkdirSync(distDir);
    writeFileSync(join(distDir, 'widget.js'), '/* built widget */ void 0;');
    writeFileSync(join(distDir, 'staff.js'), '/* built staff */ void 0;');
    const fromFiles = createWebRoutes({ distDir });
    const response = await fromFiles.request('/widget.js');
    expect(await response.text()).toBe('/* built widget */ void 0;');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fromFiles.request('/widget.js', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(await (await fromFiles.request('/staff.js')).text()).toBe('/* built staff */ void 0;');
  });

  it('stops at startup, saying what to run, when a bundle is missing', () => {
    const distDir = join(scratch, 'half-built');
    mkdirSync(distDir);
    writeFileSync(join(distDir, 'widget.js'), 'void 0;');
    expect(() => createWebRoutes({ distDir })).toThrow(WebBuildMissingError);
    expect(() => createWebRoutes({ distDir })).toThrow(/staff\.js is missing: run `npm run build:web`/);
    expect(() => createWebRoutes({ distDir: join(scratch, 'never-built') })).toThrow(/widget\.js is missing/);
  });

  it('the server does not load esbuild: its module graph has no bundler in it', async () => {
    // The graph esbuild itself sees from the server entry point, with packages left as imports.
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../server/main.ts', import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.endsWith('server/routes/web.ts'))).toBe(true);
    expect(inputs.filter((path) => path.endsWith('web/bundle.ts') || path.endsWith('web/build.ts'))).toEqual([]);
    const packages = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((entry) => entry.path));
    expect(packages.filter((name) => name === 'esbuild' || name.startsWith('esbuild/'))).toEqual([]);
  });
});
