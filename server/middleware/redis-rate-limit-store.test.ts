// Shared rate limits on a real Debian redis-server (started here on a free port, nothing persisted):
// two app replicas keep one budget, and a Redis that dies or hangs lets requests through.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { parseServerConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startTestRedis, type TestRedis } from '../testing/redis-server.js';
import { createTestRuntimeWith } from '../testing/test-runtime.js';
import { createRedisRateLimitStore } from './redis-rate-limit-store.js';

const TYPED = 'CANARY-typed-words: how long does a full order of protection last in missouri';

let redis: TestRedis;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  redis = await startTestRedis();
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await redis?.stop();
});

/** One replica: its own app, runtime config, Redis client and port, as another process would have. */
async function startReplica(limitPerMinute: number) {
  const runtime = await createTestRuntimeWith({ LUMEN_REDIS_URL: redis.url, LUMEN_RATE_LIMIT_PER_MINUTE: String(limitPerMinute) });
  const lines: string[] = [];
  const app = createApp(runtime, { logger: createLogger({ mode: 'json', write: (line) => lines.push(line) }) });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)), () => server.closeAllConnections());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chat = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: TYPED }], retrievalMode: 'lexical' }),
    });
    await response.arrayBuffer();
    return { status: response.status, remaining: response.headers.get('RateLimit-Remaining'), ms: performance.now() - started };
  };
  return { chat, lines, storeErrors: () => lines.filter((line) => line.includes('"rate_limit_store_error"')) };
}

describe('LUMEN_REDIS_URL', () => {
  it('is checked at startup', () => {
    expect(parseServerConfig({ LUMEN_REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(parseServerConfig({}).redisUrl).toBeUndefined();
    expect(() => parseServerConfig({ LUMEN_REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/LUMEN_REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
  });
});

describe('the Redis rate-limit store', () => {
  it('counts per key in a window that starts at the first hit and ends on its own', async () => {
    const store = createRedisRateLimitStore({ url: redis.url, keyPrefix: `test-${Date.now()}:` });
    cleanups.push(() => store.close());
    const first = await store.hit('a', 400);
    expect(first.count).toBe(1);
    expect(first.resetAt - Date.now()).toBeGreaterThan(200);
    expect(first.resetAt - Date.now()).toBeLessThanOrEqual(400);
    expect((await store.hit('a', 400)).count).toBe(2);
    // Later hits do not push the window out: it still ends where the first hit put it.
    const third = await store.hit('a', 400);
    expect(Math.abs(third.resetAt - first.resetAt)).toBeLessThan(100);
    expect((await store.hit('b', 400)).count).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await store.hit('a', 400)).count).toBe(1);
  });

  it('is atomic under concurrent hits from several clients', async () => {
    const prefix = `test-concurrent-${Date.now()}:`;
    const stores = [0, 1, 2].map(() => createRedisRateLimitStore({ url: redis.url, keyPrefix: prefix }));
    cleanups.push(...stores.map((store) => () => store.close()));
    const counts = await Promise.all(Array.from({ length: 90 }, (_, index) => stores[index % 3].hit('same', 60_000)));
    expect(counts.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, index) => index + 1));
  });
});

describe('two replicas on one Redis', () => {
  it('keep one budget across both; with Redis killed requests pass, logged once, and the limit returns with Redis', async () => {
    const [a, b] = [await startReplica(4), await startReplica(4)];
    // One client (127.0.0.1) alternating between replicas, as a load balancer would send it.
    const statuses = [];
    for (const replica of [a, b, a, b, a, b]) statuses.push((await replica.chat()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);

    await redis.kill();
    const whileDown = [];
    for (let index = 0; index < 10; index++) whileDown.push(await (index % 2 ? b : a).chat());
    expect(whileDown.map((result) => result.status)).toEqual(Array(10).fill(200));
    // Answered without limits, and without waiting on a dead Redis.
    expect(whileDown.every((result) => result.remaining === null)).toBe(true);
    expect(Math.max(...whileDown.map((result) => result.ms))).toBeLessThan(3_000);
    // Logged once per replica, not once per request; never what was typed.
    expect(a.storeErrors()).toHaveLength(1);
    expect(b.storeErrors()).toHaveLength(1);
    expect(JSON.parse(a.storeErrors()[0])).toMatchObject({ level: 'error', event: 'rate_limit_store_error', scope: 'chat' });
    expect([...a.lines, ...b.lines].join('\n')).not.toContain('CANARY');

    // Redis back (empty): the replicas reconnect on their own and count again in one budget.
    await redis.restart();
    const deadline = Date.now() + 20_000;
    let counted = await a.chat();
    while (counted.remaining === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      counted = await a.chat();
    }
    expect(counted.remaining).not.toBeNull();
    const used = 4 - Number(counted.remaining);
    let sawLimit = false;
    for (let index = used; index < 6 && !sawLimit; index++) sawLimit = (await (index % 2 ? b : a).chat()).status === 429;
    expect(sawLimit).toBe(true);
    expect(a.lines.some((line) => line.includes('"rate_limit_store_recovered"'))).toBe(true);
  }, 120_000);

  it('lets requests through within a fraction of a second when Redis hangs', async () => {
    const replica = await startReplica(100);
    expect((await replica.chat()).remaining).not.toBeNull();
    redis.pause();
    try {
      const hung = await replica.chat();
      expect(hung.status).toBe(200);
      expect(hung.remaining).toBeNull();
      // The store's deadline is 250 ms; the rest is the answer itself.
      expect(hung.ms).toBeLessThan(2_000);
      expect(replica.storeErrors()).toHaveLength(1);
    } finally {
      redis.resume();
    }
  }, 60_000);
});
