import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { clientKey, createForwardedClientKey } from './client-key.js';
import { createRateLimit } from './rate-limit.js';
import { createMemoryRateLimitStore } from './rate-limit-store.js';

function appWith(options: Parameters<typeof createRateLimit>[0]): Hono {
  const app = new Hono();
  app.use('*', createRateLimit(options));
  app.get('/', (c) => c.text('ok'));
  return app;
}

describe('createRateLimit', () => {
  it('counts each client separately and opens again when the window ends', async () => {
    let time = 1_000_000;
    const now = () => time;
    const app = appWith({ limitPerMinute: 2, now, store: createMemoryRateLimitStore({ now }), keyOf: (c) => c.req.header('x-client') ?? '?' });
    const get = (client: string) => app.request('/', { headers: { 'x-client': client } });
    expect((await get('a')).status).toBe(200);
    expect((await get('a')).status).toBe(200);
    const limited = await get('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect((await get('b')).status).toBe(200);
    time += 45_000;
    expect((await get('a')).headers.get('Retry-After')).toBe('15');
    time += 15_000;
    expect((await get('a')).status).toBe(200);
  });

  it('lets requests through and logs when the store fails, rather than refusing everyone', async () => {
    const lines: string[] = [];
    const store = { hit: () => Promise.reject(new Error('connection refused')) };
    const app = appWith({ limitPerMinute: 1, store, logger: createLogger({ mode: 'json', write: (line) => lines.push(line) }) });
    expect((await app.request('/')).status).toBe(200);
    expect(lines.join('\n')).toContain('rate_limit_store_error');
  });

  it('keys on the socket address of a real connection', async () => {
    const app = new Hono();
    app.get('/', (c) => c.text(clientKey(c)));
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // A forged forwarding header must not change who the client is.
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
      expect(await response.text()).toBe('127.0.0.1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('createForwardedClientKey', () => {
  it('trusts X-Forwarded-For only from a listed proxy, and only the entry that proxy appended', async () => {
    const app = new Hono();
    const fromProxy = createForwardedClientKey({ trustedProxies: ['127.0.0.1'] });
    const fromElsewhere = createForwardedClientKey({ trustedProxies: ['10.0.0.2'] });
    app.get('/', (c) => c.json([fromProxy(c), fromElsewhere(c)]));
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.9' } });
      expect(await response.json()).toEqual(['203.0.113.9', '127.0.0.1']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('createMemoryRateLimitStore', () => {
  it('stays bounded under many distinct clients and drops expired windows', () => {
    let time = 0;
    const store = createMemoryRateLimitStore({ maxKeys: 100, now: () => time });
    for (let index = 0; index < 1_000; index++) store.hit(`client-${index}`, 60_000);
    expect(store.size()).toBe(100);
    time += 61_000;
    store.hit('late', 60_000);
    expect(store.size()).toBe(1);
  });
});
