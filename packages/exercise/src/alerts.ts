// Alert rules for clinicians: sharp pain, high pain, two days of low adherence, and a falling
// range of motion. Each alert carries the evidence that triggered it.

import { dailyAdherence, median, rangeTrend } from './adherence.ts';
import type { Alert } from './alert-types.ts';
import type { Side } from './dose.ts';
import type { SessionRecord } from './session-types.ts';
import { addDays, localDateOf } from './zoned-time.ts';

/** Pain at or above this (0-10) raises an urgent alert. */
export const ALERT_PAIN_AT = 7;
/** Adherence below this on each of the last two full days raises a warning. */
export const ALERT_ADHERENCE_BELOW = 0.5;
/** A fall in median range larger than this, degrees, raises a warning (above the ~4.6 deg detectable change). */
export const ALERT_RANGE_FALL_DEG = 5;
/** Days of range history before the latest day that form the baseline. */
export const RANGE_BASELINE_DAYS = 7;

/** Alerts one session raises on its own: sharp pain, or pain at or above ALERT_PAIN_AT. */
export function sessionAlerts(record: SessionRecord, timeZone: string): Alert[] {
  const out: Alert[] = [];
  const date = localDateOf(timeZone, record.startedAtMs);
  const worst = Math.max(
    ...[record.painBefore, record.painAfter, record.painMax].filter((x): x is number => x !== null),
    Number.NEGATIVE_INFINITY,
  );
  if (record.sharpPain) {
    out.push({
      code: 'sharp-pain',
      severity: 'urgent',
      message: `Sharp pain was reported during the session on ${date}${worst >= 0 ? ` (${worst}/10 at worst)` : ''}; the session was stopped.`,
      evidence: { sessionId: record.sessionId, atMs: record.endedAtMs, painLevel: record.painMax },
    });
  }
  // Worsening pain stopped the session: the seed's advice is medical review, so the clinician hears
  // of it even when the level stays under the pain-high threshold (e.g. 2 -> 4).
  if (record.stopReason?.code === 'pain-rising') {
    const { before, now } = record.stopReason;
    out.push({
      code: 'pain-rising',
      severity: 'urgent',
      message: `Pain rose from ${before}/10 to ${now}/10 during the session on ${date}; the session was stopped.`,
      evidence: { sessionId: record.sessionId, atMs: record.endedAtMs, before, now },
    });
  }
  // One urgent alert for one stop: a stop for sharp or rising pain already names the level, and a
  // pain-high beside it made two urgent alerts of one event (7/10 at a sharp-pain stop).
  if (worst >= ALERT_PAIN_AT && out.length === 0) {
    out.push({
      code: 'pain-high',
      severity: 'urgent',
      message: `Pain of ${worst}/10 was reported around the session on ${date}.`,
      evidence: { sessionId: record.sessionId, atMs: record.endedAtMs, painLevel: worst },
    });
  }
  return out;
}

export interface TrendAlertInput {
  readonly records: readonly SessionRecord[];
  readonly timeZone: string;
  /** Today's local date; today is not judged for adherence because it is not over. */
  readonly todayDate: string;
  readonly prescribedPerDay: number;
}

/** Alerts from trends: adherence on the last two full days, and each foot's range. */
export function trendAlerts(input: TrendAlertInput): Alert[] {
  const out: Alert[] = [];
  const days = dailyAdherence(input.records, {
    timeZone: input.timeZone,
    fromDate: addDays(input.todayDate, -2),
    toDate: addDays(input.todayDate, -1),
    prescribedPerDay: input.prescribedPerDay,
  });
  if (input.prescribedPerDay > 0 && days.every((d) => d.ratio < ALERT_ADHERENCE_BELOW)) {
    out.push({
      code: 'low-adherence',
      severity: 'warning',
      message: `Fewer than half of the prescribed sessions were done on each of ${days.map((d) => d.date).join(' and ')}.`,
      evidence: { days: days.map(({ date, done, prescribed }) => ({ date, done, prescribed })) },
    });
  }
  const trend = rangeTrend(input.records, input.timeZone);
  for (const side of ['left', 'right'] as const satisfies readonly Side[]) {
    const series = trend[side].filter((d) => d.date <= input.todayDate);
    const latest = series[series.length - 1];
    const base = series.slice(-1 - RANGE_BASELINE_DAYS, -1);
    if (!latest || base.length === 0) continue;
    const baselineDeg = median(base.map((d) => d.medianRangeDeg))!;
    if (baselineDeg - latest.medianRangeDeg > ALERT_RANGE_FALL_DEG) {
      out.push({
        code: 'range-falling',
        severity: 'warning',
        message: `The ${side} ankle's range fell from a median of ${baselineDeg.toFixed(1)}° to ${latest.medianRangeDeg.toFixed(1)}° on ${latest.date}.`,
        evidence: {
          side,
          baselineDeg,
          latestDeg: latest.medianRangeDeg,
          baselineDates: base.map((d) => d.date),
          latestDate: latest.date,
        },
      });
    }
  }
  return out;
}
