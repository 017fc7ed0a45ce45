// Trend rules (adherence, range falling) read a patient's recent history, which costs far more
// than storing an upload. So a session upload only marks the patient; this queue evaluates marked
// patients shortly after, off the request path. If the process dies first, the periodic sweep
// covers it: trend alerts are about days, not seconds.
import type { Deps } from '../deps.ts';
import { raiseAlerts, trendAlertsOf } from './alert-sweep.ts';

export interface TrendQueue {
  /** Marks a patient for evaluation (with the zone their device reported). */
  mark(patientId: string, timeZone: string): void;
  /** Evaluates everything marked now; resolves when done. */
  flush(): Promise<void>;
  /** Stops the timer after a final flush. */
  stop(): Promise<void>;
}

export function createTrendQueue(
  deps: Pick<Deps, 'store' | 'randomBytes' | 'logger' | 'now'>,
  delayMs: number,
): TrendQueue {
  let marked = new Map<string, string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const run = async (batch: Map<string, string>) => {
    for (const [patientId, tz] of batch) {
      try {
        const nowMs = deps.now();
        await raiseAlerts(deps, patientId, await trendAlertsOf(deps.store, patientId, tz, nowMs), nowMs);
      } catch (e) {
        deps.logger.log('error', 'trend alerts failed', { patientId, error: String(e) });
      }
    }
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = marked;
    marked = new Map();
    running = running.then(() => run(batch));
    return running;
  };
  return {
    mark(patientId, timeZone) {
      if (stopped) return;
      marked.set(patientId, timeZone);
      if (!timer) {
        timer = setTimeout(() => void flush(), delayMs);
        timer.unref();
      }
    },
    flush,
    async stop() {
      stopped = true;
      await flush();
    },
  };
}
