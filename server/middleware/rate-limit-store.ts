/** One client's count in the current window, as a store reports it after counting a request. */
export interface RateLimitHit {
  count: number;
  /** When the window ends (ms since the epoch); the client may try again then. */
  resetAt: number;
}

/**
 * Where request counts live. In memory for one instance; a multi-instance deployment implements this
 * over a shared store (e.g. Redis INCR + PEXPIRE) so every instance sees the same counts.
 */
export interface RateLimitStore {
  /** Counts one request for `key` in a fixed window of `windowMs` and returns the count so far. */
  hit(key: string, windowMs: number): RateLimitHit | Promise<RateLimitHit>;
}

/** A fixed-window counter in a Map, bounded so a flood of distinct addresses cannot grow it without end. */
export function createMemoryRateLimitStore(options: { maxKeys?: number; now?: () => number } = {}): RateLimitStore & { size(): number } {
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, RateLimitHit>();
  let nextSweep = 0;

  const sweep = (time: number) => {
    for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key);
  };

  return {
    hit(key, windowMs) {
      const time = now();
      // Expired windows are dropped at most once per window, so the sweep costs O(keys) per minute, not per request.
      if (time >= nextSweep) {
        sweep(time);
        nextSweep = time + windowMs;
      }
      let window = windows.get(key);
      if (!window || window.resetAt <= time) {
        windows.delete(key);
        // Still full after the sweep: forget the oldest client rather than grow (Maps keep insertion order).
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        window = { count: 0, resetAt: time + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetAt: window.resetAt };
    },
    size: () => windows.size,
  };
}
