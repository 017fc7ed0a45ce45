// Turns newly stored records into clinician alerts. Thresholds come from the exercise package
// (pain >= PAIN_SEE_DOCTOR_AT); range-falling needs history, so it reads the patient's recent
// sessions. Thin adapter: the exercise package defines the Alert shapes, not (yet) these rules.
import { type AlertCode, PAIN_SEE_DOCTOR_AT } from '@anklepump/exercise';
import type { Alert, StoredRecord } from '../store/store.ts';

type Obj = Record<string, unknown>;
export type AlertKind = AlertCode | 'screening-red-flag';
export type NewAlert = Omit<Alert, 'id' | 'ackBy' | 'ackMs' | 'patientId' | 'createdMs'>;

/** A fall in mean range larger than the minimal detectable change (about 4.6 deg) plus margin. */
export const RANGE_DROP_DEG = 5;
export const RANGE_BASELINE_SESSIONS = 5;
export const RANGE_RECENT_SESSIONS = 3;

/** Alerts that one record raises on its own (pain, sharp pain, screening outcome). */
export function alertsForRecord(r: { id: string; kind: StoredRecord['kind']; body: unknown }): NewAlert[] {
  const d = r.body as Obj;
  const out: NewAlert[] = [];
  const sharp = (message: string) =>
    out.push({
      kind: 'sharp-pain',
      severity: 'urgent',
      message,
      recordId: r.id,
      dedupeKey: `sharp-pain:${r.id}`,
    });
  const high = (level: number) =>
    out.push({
      kind: 'pain-high',
      severity: 'urgent',
      message: `Pain reported at ${level}/10 (alert threshold ${PAIN_SEE_DOCTOR_AT}).`,
      recordId: r.id,
      dedupeKey: `pain-high:${r.id}`,
    });
  if (r.kind === 'session') {
    if (d.sharpPain === true) sharp('Sharp pain reported during a session; the session was stopped.');
    if (typeof d.painMax === 'number' && d.painMax >= PAIN_SEE_DOCTOR_AT) high(d.painMax);
  } else if (r.kind === 'pain') {
    if (d.sharp === true) sharp('Sharp pain reported.');
    if (typeof d.level === 'number' && d.level >= PAIN_SEE_DOCTOR_AT) high(d.level);
  } else {
    const decision = d.decision as { outcome?: string; reason?: string } | undefined;
    const outcome = decision?.outcome;
    if (outcome && outcome !== 'go') {
      out.push({
        kind: 'screening-red-flag',
        severity: outcome === 'supervised-only' ? 'warning' : 'urgent',
        message: `Safety screening: ${outcome}. ${decision?.reason ?? ''}`.trim(),
        recordId: r.id,
        dedupeKey: `screening-red-flag:${r.id}`,
      });
    }
  }
  return out;
}

/** Mean range (deg) of one session's measured reps on `side`, or null if none were measured. */
export function sessionMeanRange(body: unknown, side: 'left' | 'right'): number | null {
  const feet = (body as Obj).feet as Obj | undefined;
  const ranges = (feet?.[side] as Obj | undefined)?.rangesDeg;
  if (!Array.isArray(ranges) || ranges.length === 0) return null;
  return ranges.reduce((a: number, b) => a + (b as number), 0) / ranges.length;
}

/**
 * Range falling: the mean of the last 3 measured sessions is at least RANGE_DROP_DEG below the
 * mean of the 5 before them, per foot. `sessions` are in time order.
 */
export function rangeFallingAlerts(
  sessions: readonly { id: string; body: unknown; occurredMs: number }[],
): NewAlert[] {
  const out: NewAlert[] = [];
  for (const side of ['left', 'right'] as const) {
    const measured = sessions
      .map((s) => ({ s, m: sessionMeanRange(s.body, side) }))
      .filter((x): x is { s: (typeof sessions)[number]; m: number } => x.m !== null);
    if (measured.length < RANGE_BASELINE_SESSIONS + RANGE_RECENT_SESSIONS) continue;
    const recent = measured.slice(-RANGE_RECENT_SESSIONS);
    const base = measured.slice(-(RANGE_BASELINE_SESSIONS + RANGE_RECENT_SESSIONS), -RANGE_RECENT_SESSIONS);
    const mean = (xs: { m: number }[]) => xs.reduce((a, x) => a + x.m, 0) / xs.length;
    const baselineDeg = mean(base);
    const latestDeg = mean(recent);
    if (baselineDeg - latestDeg >= RANGE_DROP_DEG) {
      const last = recent.at(-1)!.s;
      out.push({
        kind: 'range-falling',
        severity: 'warning',
        message: `${side === 'left' ? 'Left' : 'Right'} ankle range fell from ${baselineDeg.toFixed(0)}° to ${latestDeg.toFixed(0)}° (mean of the last ${RANGE_RECENT_SESSIONS} sessions against the ${RANGE_BASELINE_SESSIONS} before).`,
        recordId: last.id,
        dedupeKey: `range-falling:${side}:${new Date(last.occurredMs).toISOString().slice(0, 10)}`,
      });
    }
  }
  return out;
}

/** Sessions a regimen expects per day: daily count, or waking hours / interval for interval regimens. */
export function expectedSessionsPerDay(regimen: unknown, wakingHours = 16): number | null {
  const f = (regimen as Obj | null)?.frequency as Obj | undefined;
  if (f?.type === 'daily' && typeof f.sessionsPerDay === 'number') return f.sessionsPerDay;
  if (f?.type === 'interval' && typeof f.everyMin === 'number' && f.everyMin > 0)
    return Math.floor((wakingHours * 60) / f.everyMin);
  return null;
}

/**
 * Adherence falling: over the last `days` whole days the patient did under half of what the
 * current prescription asks. Returns null when there is nothing to say (no prescription, too new).
 */
export function lowAdherenceAlert(p: {
  regimen: unknown;
  prescribedSinceMs: number;
  sessionsInWindow: number;
  windowEndMs: number;
  days: number;
}): NewAlert | null {
  const perDay = expectedSessionsPerDay(p.regimen);
  if (perDay === null || p.windowEndMs - p.prescribedSinceMs < p.days * 86_400_000) return null;
  const expected = perDay * p.days;
  if (p.sessionsInWindow * 2 >= expected) return null;
  const day = new Date(p.windowEndMs).toISOString().slice(0, 10);
  return {
    kind: 'low-adherence',
    severity: 'warning',
    message: `${p.sessionsInWindow} of ${expected} prescribed sessions done in the last ${p.days} days.`,
    recordId: null,
    dedupeKey: `low-adherence:${day}`,
  };
}
