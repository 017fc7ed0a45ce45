// When the patient app sends its outbox without being asked: at start, when the phone comes back
// online, when the app returns to the foreground, and every few minutes while it is open.

export interface AutoSync {
  stop(): void;
}

/**
 * Runs `sync` now and on each trigger; `target` is the window (events `online`, `visibilitychange`),
 * `isVisible` reads document visibility. Interval in ms (default 5 min; 0 = none).
 */
export function startAutoSync(o: {
  readonly sync: () => Promise<unknown>;
  readonly target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  readonly isVisible: () => boolean;
  readonly intervalMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (h: unknown) => void;
}): AutoSync {
  const interval = o.intervalMs ?? 5 * 60_000;
  if (!(interval >= 0)) throw new RangeError(`intervalMs must be >= 0, got ${interval}`);
  // A failed run is reported by the sync itself; the trigger must never throw into an event loop.
  const run = () => void o.sync().catch(() => undefined);
  const onVisible = () => {
    if (o.isVisible()) run();
  };
  o.target.addEventListener('online', run);
  o.target.addEventListener('visibilitychange', onVisible);
  const setT = o.setTimer ?? ((fn, ms) => setInterval(fn, ms));
  const clearT = o.clearTimer ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  const timer = interval > 0 ? setT(() => (o.isVisible() ? run() : undefined), interval) : null;
  run();
  return {
    stop() {
      o.target.removeEventListener('online', run);
      o.target.removeEventListener('visibilitychange', onVisible);
      if (timer !== null) clearT(timer);
    },
  };
}
