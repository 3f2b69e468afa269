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

  it('lets requests through when the store fails, logging it once a minute (no key, no message) and its recovery', async () => {
    let time = 5_000_000;
    let down = true;
    const lines: string[] = [];
    const memory = createMemoryRateLimitStore({ now: () => time });
    const store = {
      hit: (key: string, windowMs: number) => (down ? Promise.reject(Object.assign(new Error(`connect ECONNREFUSED for ${key}`), { code: 'ECONNREFUSED' })) : memory.hit(key, windowMs)),
    };
    const app = appWith({ limitPerMinute: 1, store, now: () => time, keyOf: () => '198.51.100.7', logger: createLogger({ mode: 'json', write: (line) => lines.push(line) }) });
    for (let index = 0; index < 100; index++) {
      expect((await app.request('/')).status).toBe(200);
      time += 100;
    }
    // 100 requests over 10 s: one line, not one per request.
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', event: 'rate_limit_store_error', errorName: 'Error', errorCode: 'ECONNREFUSED', passedUnlimited: 1 });
    time += 60_000;
    expect((await app.request('/')).status).toBe(200);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1])).toMatchObject({ event: 'rate_limit_store_error', passedUnlimited: 100 });
    // Neither the client's address (the key) nor the error's message reaches the log.
    expect(lines.join('\n')).not.toMatch(/198\.51\.100\.7|connect ECONNREFUSED for/);
    down = false;
    expect((await app.request('/')).status).toBe(200);
    expect(JSON.parse(lines[2])).toMatchObject({ level: 'info', event: 'rate_limit_store_recovered' });
    expect((await app.request('/')).status).toBe(429);
  });

  it('sends Retry-After only with the 429', async () => {
    const app = appWith({ limitPerMinute: 1 });
    const first = await app.request('/');
    expect(first.headers.get('RateLimit-Remaining')).toBe('0');
    expect(first.headers.get('Retry-After')).toBeNull();
    expect((await app.request('/')).headers.get('Retry-After')).toMatch(/^\d+$/);
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
