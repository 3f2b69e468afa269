import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import { clientKey } from './client-key.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';

const WINDOW_MS = 60_000;
/** A failing store is reported at most this often, however many requests pass meanwhile. */
const STORE_ERROR_LOG_INTERVAL_MS = 60_000;

export interface RateLimitOptions {
  /** Budget name; clients are counted separately per scope ("chat", "lookup"). */
  scope?: string;
  /** Requests allowed per client per minute; 0 turns limiting off. */
  limitPerMinute: number;
  /** Where counts live; in memory unless a shared store is given. */
  store?: RateLimitStore;
  /** How a client is told apart; the socket address by default. */
  keyOf?: (c: Context) => string;
  logger?: Logger;
  now?: () => number;
}

/** Counts requests per client; `consume` is called where a request is known to be worth counting. */
export interface RateLimiter {
  /**
   * Counts this request. Returns undefined when it may go on, else the 429 to send. RateLimit-* headers
   * are set on the context either way.
   */
  consume(c: Context): Promise<Response | undefined>;
}

/**
 * Per-client request limit: over it, a 429 with Retry-After and the standard error body. If the store
 * fails, the request goes through: the limiter must never keep people from the hotlines. The failure
 * is logged when it starts and then at most once a minute, with how many requests passed unlimited.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const limit = options.limitPerMinute;
  if (limit <= 0) return { consume: async () => undefined };
  const store = options.store ?? createMemoryRateLimitStore({ now: options.now });
  const keyOf = options.keyOf ?? clientKey;
  const prefix = options.scope ? `${options.scope}:` : '';
  const now = options.now ?? Date.now;
  let failing = false;
  let lastErrorLogAt = -Infinity;
  let unlimitedSinceLog = 0;

  const storeFailed = (error: unknown) => {
    unlimitedSinceLog += 1;
    const time = now();
    if (!failing || time - lastErrorLogAt >= STORE_ERROR_LOG_INTERVAL_MS) {
      // The error's name and code only: a message could carry a key, and keys are client addresses.
      const code = (error as { code?: unknown })?.code;
      options.logger?.error({
        event: 'rate_limit_store_error',
        scope: options.scope,
        errorName: (error as Error)?.name ?? typeof error,
        errorCode: typeof code === 'string' ? code.slice(0, 40) : undefined,
        passedUnlimited: unlimitedSinceLog,
      });
      lastErrorLogAt = time;
      unlimitedSinceLog = 0;
    }
    failing = true;
  };

  return {
    async consume(c) {
      let hit;
      try {
        hit = await store.hit(prefix + keyOf(c), WINDOW_MS);
      } catch (error) {
        storeFailed(error);
        return undefined;
      }
      if (failing) {
        failing = false;
        options.logger?.info({ event: 'rate_limit_store_recovered', scope: options.scope, passedUnlimited: unlimitedSinceLog });
        unlimitedSinceLog = 0;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((hit.resetAt - now()) / 1000));
      c.header('RateLimit-Limit', String(limit));
      c.header('RateLimit-Remaining', String(Math.max(0, limit - hit.count)));
      c.header('RateLimit-Reset', String(retryAfterSeconds));
      if (hit.count <= limit) return undefined;
      return c.json(
        {
          error: {
            code: 'rate_limited',
            message: `Too many requests: the limit is ${limit} per minute. Try again in ${retryAfterSeconds} s. If you are in danger, call 911.`,
          },
        },
        429,
        // Only on the 429: a request let through anyway (an urgent message) must not tell the client to wait.
        { 'Retry-After': String(retryAfterSeconds) },
      );
    },
  };
}

/** The limiter as middleware, for routes where every request that reaches it counts. */
export function createRateLimit(options: RateLimitOptions): MiddlewareHandler {
  const limiter = createRateLimiter(options);
  return async (c, next) => (await limiter.consume(c)) ?? next();
}
