// Signs the clinician out after the server's idle limit without activity, with a warning a
// minute before: the page must not keep showing health data on an unattended screen.

export interface IdleTimer {
  /** Call on any keyboard or pointer activity. */
  activity(): void;
  stop(): void;
}

export interface IdleOptions {
  /** Idle limit in ms (the server's sessionIdleMin × 60 000). */
  readonly timeoutMs: number;
  /** How long before the limit the warning comes, ms (default 60 000, at most half the limit). */
  readonly warnBeforeMs?: number;
  readonly onWarn: () => void;
  readonly onTimeout: () => void;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

export function createIdleTimer(o: IdleOptions): IdleTimer {
  if (!(o.timeoutMs > 0)) throw new RangeError(`timeoutMs must be > 0, got ${o.timeoutMs}`);
  const warnAt = o.timeoutMs - Math.min(o.warnBeforeMs ?? 60_000, o.timeoutMs / 2);
  let handles: unknown[] = [];
  let stopped = false;
  const arm = () => {
    for (const x of handles) o.clearTimer(x);
    if (stopped) return;
    handles = [
      o.setTimer(o.onWarn, warnAt),
      o.setTimer(() => {
        stopped = true;
        o.onTimeout();
      }, o.timeoutMs),
    ];
  };
  arm();
  return {
    activity: arm,
    stop() {
      stopped = true;
      for (const x of handles) o.clearTimer(x);
      handles = [];
    },
  };
}
