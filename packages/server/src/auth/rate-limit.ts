// A fixed-window rate limiter keyed by client address. Per server instance: with several instances
// the account lockout (kept in the database) is what bounds password guessing overall.

export interface RateLimiter {
  /** Counts one attempt; returns seconds to wait if over the limit, else 0. */
  hit(key: string, nowMs: number): number;
}

export function createRateLimiter(options: {
  perWindow: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { startMs: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;
  return {
    hit(key, nowMs) {
      let w = windows.get(key);
      if (!w || nowMs - w.startMs >= options.windowMs) {
        if (windows.size >= maxKeys) windows.clear();
        w = { startMs: nowMs, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      if (w.count <= options.perWindow) return 0;
      return Math.max(1, Math.ceil((w.startMs + options.windowMs - nowMs) / 1000));
    },
  };
}
