// The widget as integrators embed it: an organisation's page on one origin, Lumen on another.
// Lumen's CORS list admits the organisation's origin and no other; both run on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.js';
import { createLogger } from '../server/logger.js';
import { createTestRuntimeWith } from '../server/testing/test-runtime.js';
import { screenshot, usePagePerTest } from './test-support/browser.js';
import { ask, hook, openPanel } from './test-support/widget-page.js';

type Server = ReturnType<typeof serve>;

async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ server: Server; origin: string }> {
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** An organisation's page that embeds the widget from Lumen's origin with the documented script tag. */
function hostPage(lumenOrigin: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shelter</title></head>
<body><h1>Shelter</h1><p>We can help.</p>
<script src="${lumenOrigin}/widget.js" data-endpoint="${lumenOrigin}/api/chat" defer></script></body></html>`;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

let allowedHost: { server: Server; origin: string };
let otherHost: { server: Server; origin: string };
let lumen: { server: Server; origin: string };
let page: Page;

beforeAll(async () => {
  let lumenOrigin = '';
  allowedHost = await listen(() => hostPage(lumenOrigin));
  otherHost = await listen(() => hostPage(lumenOrigin));
  const runtime = await createTestRuntimeWith({ LUMEN_CORS_ORIGINS: allowedHost.origin });
  const app = createApp(runtime, { logger: createLogger({ mode: 'silent' }) });
  lumen = await listen((request) => app.fetch(request));
  lumenOrigin = lumen.origin;
}, 600_000);
afterAll(async () => {
  await Promise.all([close(allowedHost?.server), close(otherHost?.server), close(lumen?.server)]);
});
usePagePerTest((opened) => ({ page } = opened));

describe('widget embedded from another origin', () => {
  it('answers with citations on a page whose origin Lumen allows', async () => {
    expect(new URL(allowedHost.origin).port).not.toBe(new URL(lumen.origin).port);
    await page.goto(allowedHost.origin);
    await openPanel(page);
    const answer = await ask(page, 'how long does a full order of protection last in missouri');
    expect(await answer.getAttribute('data-status')).toBe('answered');
    expect(await answer.locator('[data-lumen="citation"]').count()).toBeGreaterThan(0);
    expect(await answer.innerText()).toMatch(/180 days/);
    // The whole section comes from Lumen's origin into the panel.
    await answer.locator('[data-lumen="citation"]').first().click();
    await hook(page, 'source').getByRole('button', { name: /whole section/i }).click();
    await hook(page, 'reader').locator('.reader-block').first().waitFor({ timeout: 15_000 });
    expect(await hook(page, 'reader').locator('.reader-block.quoted').count()).toBe(1);
    await screenshot(page, 'widget-cross-origin');
  });

  it('on a page whose origin Lumen does not allow, the browser blocks the answer and the widget still shows hotlines', async () => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/CORS|Access-Control-Allow-Origin/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(otherHost.origin);
    await openPanel(page);
    const answer = await ask(page, 'how long does a full order of protection last in missouri');
    expect(await answer.getAttribute('data-status')).toBe('error');
    expect(await answer.innerText()).not.toMatch(/180 days/);
    expect(await answer.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await expect(hook(page, 'hotlines').innerText()).resolves.toMatch(/911/);
    expect(refused.length).toBeGreaterThan(0);
  });
});
