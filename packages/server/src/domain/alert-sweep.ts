// Trend alerts need no upload to fire: a patient who stops exercising uploads nothing. So the
// trend rules run after each session upload for that patient, and on a timer for everyone.
// Several server instances share one database: each sweep period is claimed by one row
// (job_runs), so exactly one instance runs it; dedupe keys make raising an alert idempotent besides.
import { newId } from '../auth/tokens.ts';
import type { Deps } from '../deps.ts';
import type { Store } from '../store/store.ts';
import { type NewAlert, TREND_DAYS, trendAlertsFor } from './alert-rules.ts';

type SweepDeps = Pick<Deps, 'store' | 'randomBytes' | 'logger'>;

/** Raises alerts (idempotently); returns how many were new. */
export async function raiseAlerts(
  deps: Pick<Deps, 'store' | 'randomBytes'>,
  patientId: string,
  alerts: readonly NewAlert[],
  nowMs: number,
): Promise<number> {
  let raised = 0;
  for (const a of alerts) {
    if (await deps.store.raiseAlert({ ...a, id: newId(deps.randomBytes), patientId, createdMs: nowMs }))
      raised++;
  }
  return raised;
}

/** The trend alerts for one patient as of `nowMs` (not yet raised). */
export async function trendAlertsOf(
  store: Store,
  patientId: string,
  timeZone: string | null,
  nowMs: number,
): Promise<NewAlert[]> {
  const history = await store.prescriptionHistory(patientId);
  const current = history.at(-1);
  const sessions = await store.listRecords(patientId, {
    kind: 'session',
    fromMs: nowMs - TREND_DAYS * 86_400_000,
    limit: 10_000,
  });
  return trendAlertsFor({
    sessions,
    regimen: current?.regimen ?? null,
    prescribedSinceMs: history[0]?.changedMs ?? null,
    timeZone: timeZone ?? 'UTC',
    nowMs,
  });
}

/** One pass over every patient with a prescription; returns the number of new alerts. */
export async function sweepTrendAlerts(deps: SweepDeps, nowMs: number): Promise<number> {
  let raised = 0;
  for (const p of await deps.store.prescribedPatients()) {
    raised += await raiseAlerts(deps, p.id, await trendAlertsOf(deps.store, p.id, p.timeZone, nowMs), nowMs);
  }
  return raised;
}

export interface AlertSweep {
  /**
   * Runs the pass for the period that `nowMs` falls in, unless some instance already claimed that
   * period: the number of new alerts, or null when another run had it.
   */
  runOnce(nowMs: number): Promise<number | null>;
  stop(): Promise<void>;
}

/** Runs the sweep every `everyMs` (first run after one interval); stop() waits for a running pass. */
export function startAlertSweep(deps: SweepDeps & { now: () => number }, everyMs: number): AlertSweep {
  let running: Promise<unknown> = Promise.resolve();
  const runOnce = async (nowMs: number): Promise<number | null> => {
    const periodMs = Math.floor(nowMs / everyMs) * everyMs;
    if (!(await deps.store.claimJobRun('alert-sweep', periodMs, nowMs))) return null;
    // Housekeeping rides on the same once-per-period claim.
    await deps.store.pruneRateLimits(nowMs - 3_600_000);
    return sweepTrendAlerts(deps, nowMs);
  };
  const timer = setInterval(() => {
    running = runOnce(deps.now())
      .then((n) => n !== null && n > 0 && deps.logger.log('info', 'alert sweep', { raised: n }))
      .catch((e) => deps.logger.log('error', 'alert sweep failed', { error: String(e) }));
  }, everyMs);
  timer.unref();
  return {
    runOnce: (nowMs) => {
      const p = runOnce(nowMs);
      running = p.catch(() => undefined);
      return p;
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
