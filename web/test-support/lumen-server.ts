import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll } from 'vitest';
import { renderHostPage } from '../pages/host-page.js';
import { createTestApp } from '../../server/testing/test-runtime.js';

/** The policy the real deployment sends; applied here when the app sets none, so inline scripts would fail the tests. */
export const TEST_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A Lumen server on a loopback port, plus two pages only tests need. */
export interface RunningLumen {
  baseUrl: string;
  /** The demo host page with data-exit-url pointing at /exit-test on this server. */
  hostUrl: string;
  exitUrl: string;
  /** A neutral page to start history from, so Back after quick exit has somewhere to go. */
  startUrl: string;
  /** Bodies the test pages sent to /exit-report (a beacon sent as the host page unloads). */
  exitReports: string[];
  close(): Promise<void>;
}

/** Starts the real Lumen app (built on the real index) on 127.0.0.1 with an ephemeral port. */
export async function startLumen(): Promise<RunningLumen> {
  const app = await createTestApp();
  const page = (title: string): Response =>
    new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`, {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  const exitReports: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    let response: Response;
    if (pathname === '/exit-report' && request.method === 'POST') {
      exitReports.push(await request.text());
      response = new Response(null, { status: 204 });
    } else if (pathname === '/exit-test') response = page('Weather');
    else if (pathname === '/exit-start') response = page('Start');
    else if (pathname === '/test-host') {
      response = new Response(renderHostPage({ exitUrl: '/exit-test' }), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    } else response = await app.fetch(request);
    if (!response.headers.has('Content-Security-Policy')) {
      response = new Response(response.body, response);
      response.headers.set('Content-Security-Policy', TEST_CSP);
    }
    return response;
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    hostUrl: `${baseUrl}/test-host`,
    exitUrl: `${baseUrl}/exit-test`,
    startUrl: `${baseUrl}/exit-start`,
    exitReports,
    close: () =>
      new Promise<void>((resolve) => {
        // Streams or keep-alive sockets must not keep the suite running.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Starts one Lumen server for a test file (handed to `onStart`) and closes it after the file's tests. */
export function useLumenPerFile(onStart: (lumen: RunningLumen) => void): void {
  let running: RunningLumen | undefined;
  beforeAll(async () => {
    running = await startLumen();
    onStart(running);
  });
  afterAll(async () => {
    await running?.close();
  });
}
