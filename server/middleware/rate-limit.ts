import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import { clientKey } from './client-key.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';

const WINDOW_MS = 60_000;

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

/** Per-client request limit: over it, a 429 with Retry-After and the standard error body. */
export function createRateLimit(options: RateLimitOptions): MiddlewareHandler {
  const limit = options.limitPerMinute;
  if (limit <= 0) return async (_c, next) => next();
  const store = options.store ?? createMemoryRateLimitStore({ now: options.now });
  const keyOf = options.keyOf ?? clientKey;
  const prefix = options.scope ? `${options.scope}:` : '';
  const now = options.now ?? Date.now;
  return async (c, next) => {
    let hit;
    try {
      hit = await store.hit(prefix + keyOf(c), WINDOW_MS);
    } catch (error) {
      // A broken shared store must not take the hotlines down with it: let the request through and say so.
      options.logger?.error({ event: 'rate_limit_store_error', errorName: (error as Error).name });
      return next();
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((hit.resetAt - now()) / 1000));
    c.header('RateLimit-Limit', String(limit));
    c.header('RateLimit-Remaining', String(Math.max(0, limit - hit.count)));
    c.header('RateLimit-Reset', String(retryAfterSeconds));
    if (hit.count <= limit) return next();
    c.header('Retry-After', String(retryAfterSeconds));
    return c.json(
      {
        error: {
          code: 'rate_limited',
          message: `Too many requests: the limit is ${limit} per minute. Try again in ${retryAfterSeconds} s. If you are in danger, call 911.`,
        },
      },
      429,
    );
  };
}
