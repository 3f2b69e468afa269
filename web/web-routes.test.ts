// The routes in server/routes/web.ts, through app.request() without a port.
import { describe, expect, it } from 'vitest';
import { createWebRoutes } from '../server/routes/web.js';

const app = createWebRoutes();

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
});
