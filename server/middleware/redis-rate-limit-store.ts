import { createClient } from 'redis';
import type { RateLimitHit, RateLimitStore } from './rate-limit-store.js';

/**
 * One atomic step per request: count it, start the window on the first hit, and report how long the
 * window has left. A key left without an expiry (it cannot happen through this script, but a manual
 * INCR could) is given one, so no client is locked out for good.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

export interface RedisRateLimitStoreOptions {
  /** redis:// or rediss:// URL, with credentials and database number if needed. */
  url: string;
  /** Prepended to every key, so one Redis can serve several deployments. */
  keyPrefix?: string;
  /** A request waits at most this long for Redis before it is let through unlimited. */
  timeoutMs?: number;
  now?: () => number;
}

export class RateLimitStoreUnavailableError extends Error {
  override name = 'RateLimitStoreUnavailableError';
}

/**
 * Rate-limit counts in Redis, shared by every replica that points at it. Never waits on a dead Redis:
 * commands are not queued while disconnected and each one has a deadline, so a failing Redis costs a
 * request a few milliseconds, then the limiter lets it through. The client reconnects on its own.
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore & { close(): Promise<void> } {
  const keyPrefix = options.keyPrefix ?? 'lumen:ratelimit:';
  const timeoutMs = options.timeoutMs ?? 250;
  const now = options.now ?? Date.now;
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    // A Redis that is connected but stopped leaves sent commands waiting; bound them (a full queue fails fast).
    commandsQueueMaxLength: 10_000,
    commandOptions: { timeout: timeoutMs },
    socket: {
      connectTimeout: 2_000,
      // Keep trying for as long as the process lives, backing off to one attempt every 5 s.
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 6), 5_000),
    },
  });
  let closed = false;
  // Until the first attempt to connect succeeds or fails, a request waits for it (at most timeoutMs);
  // after that, a Redis that is down costs a request nothing.
  let settleFirstAttempt: () => void = () => {};
  let firstAttempt: Promise<void> | undefined = new Promise((resolve) => (settleFirstAttempt = resolve));
  const firstAttemptOver = () => {
    firstAttempt = undefined;
    settleFirstAttempt();
  };
  // Connection errors are reported through failing hits (the limiter logs them once a minute); an
  // 'error' event without a listener would crash the process.
  client.on('error', firstAttemptOver);
  client.on('ready', () => {
    firstAttemptOver();
    // The socket must not keep a process alive that has otherwise finished (tests, a shutdown).
    client.unref();
  });
  client.connect().catch(firstAttemptOver);

  return {
    async hit(key: string, windowMs: number): Promise<RateLimitHit> {
      if (closed) throw new RateLimitStoreUnavailableError('store closed');
      // Requests that arrive while the first connection is still being made wait for it, briefly.
      if (!client.isReady && firstAttempt) await Promise.race([firstAttempt, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
      if (!client.isReady) throw new RateLimitStoreUnavailableError('redis not connected');
      // Our own deadline as well as the client's: a Redis that is connected but stopped must not hold requests.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RateLimitStoreUnavailableError('redis timed out')), timeoutMs);
      });
      const reply = (await Promise.race([client.eval(HIT_SCRIPT, { keys: [keyPrefix + key], arguments: [String(windowMs)] }), deadline]).finally(() => clearTimeout(timer))) as unknown;
      if (!Array.isArray(reply) || reply.length !== 2) throw new RateLimitStoreUnavailableError('unexpected reply');
      const [count, ttl] = reply.map(Number);
      return { count, resetAt: now() + Math.max(0, ttl) };
    },
    async close() {
      if (closed) return;
      closed = true;
      // A client still trying to connect has nothing to flush: stop it and its reconnect timer.
      if (client.isReady) await client.close().catch(() => client.destroy());
      else if (client.isOpen) client.destroy();
    },
  };
}
