// Adherence and progress from session records: sessions done against prescribed per local day,
// 7-day adherence, streaks, per-foot median range per day and the pain trend.

import { countsAsDone } from './done-session.ts';
import type { Side } from './dose.ts';
import type { Frequency } from './regimen.ts';
import { sessionOffsetsMin } from './schedule.ts';
import type { WakingWindow } from './schedule-types.ts';
import type { SessionRecord } from './session-types.ts';
import { addDays, localDateOf, parseTimeOfDay } from './zoned-time.ts';

export interface DayAdherence {
  /** Local date 'YYYY-MM-DD' in the patient's zone. */
  readonly date: string;
  readonly prescribed: number;
  /** Sessions that day that count as done (`countsAsDone`: stopped, aborted and all-skipped do not). */
  readonly done: number;
  /** done / prescribed, capped at 1 (extra sessions do not make up for missed days). */
  readonly ratio: number;
}

/** Sessions a frequency asks for in one waking day (an interval regimen's count depends on the window). */
export function prescribedSessionsPerDay(frequency: Frequency, window: WakingWindow): number {
  const wake = parseTimeOfDay(window.wake);
  const sleep = parseTimeOfDay(window.sleep);
  if (wake === null || sleep === null) throw new RangeError('wake and sleep must be HH:MM');
  const span = sleep > wake ? sleep - wake : sleep + 1440 - wake;
  return sessionOffsetsMin(frequency, wake, span).length;
}

/** Adherence for each day from `fromDate` to `toDate` inclusive, by the local date a session started. */
export function dailyAdherence(
  records: readonly SessionRecord[],
  opts: {
    readonly timeZone: string;
    readonly fromDate: string;
    readonly toDate: string;
    readonly prescribedPerDay: number;
  },
): DayAdherence[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    if (!countsAsDone(r)) continue;
    const d = localDateOf(opts.timeZone, r.startedAtMs);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const out: DayAdherence[] = [];
  for (let d = opts.fromDate, guard = 0; d <= opts.toDate && guard < 3660; d = addDays(d, 1), guard++) {
    const done = counts.get(d) ?? 0;
    const p = opts.prescribedPerDay;
    out.push({ date: d, prescribed: p, done, ratio: p > 0 ? Math.min(1, done / p) : 1 });
  }
  return out;
}

/** The 7 days ending `todayDate` and their pooled ratio (each day capped, then averaged). */
export function sevenDayAdherence(
  records: readonly SessionRecord[],
  opts: { readonly timeZone: string; readonly todayDate: string; readonly prescribedPerDay: number },
): { readonly days: readonly DayAdherence[]; readonly ratio: number } {
  const days = dailyAdherence(records, {
    ...opts,
    fromDate: addDays(opts.todayDate, -6),
    toDate: opts.todayDate,
  });
  return { days, ratio: days.reduce((a, d) => a + d.ratio, 0) / days.length };
}

/**
 * Consecutive fully-done days ending at the last day of `days` (ascending dates). A last day
 * that is `todayDate` and not yet complete does not break the streak: the day is not over.
 */
export function currentStreak(days: readonly DayAdherence[], todayDate: string): number {
  let i = days.length - 1;
  const last = days[i];
  if (last && last.date === todayDate && last.done < last.prescribed) i--;
  let n = 0;
  for (; i >= 0 && days[i]!.done >= days[i]!.prescribed; i--) n++;
  return n;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface DayRange {
  readonly date: string;
  /** Median range of motion of the day's measured reps, degrees. */
  readonly medianRangeDeg: number;
  readonly reps: number;
}

/**
 * Whether a session's degrees can join a trend: not when its camera view changed mid-session (the
 * degrees after the change are from another view, and which reps came after it is not recorded).
 */
export const degreesComparable = (r: Pick<SessionRecord, 'degrees'>): boolean =>
  r.degrees?.kind !== 'view-changed';

/**
 * Per foot, the median measured range per local day (days without measured reps are absent).
 * Sessions whose degrees are not comparable (`degreesComparable`) are left out.
 */
export function rangeTrend(
  records: readonly SessionRecord[],
  timeZone: string,
): { readonly left: readonly DayRange[]; readonly right: readonly DayRange[] } {
  const bySide = (side: Side): DayRange[] => {
    const byDay = new Map<string, number[]>();
    for (const r of records) {
      const ranges = r.feet[side].rangesDeg;
      if (ranges.length === 0 || !degreesComparable(r)) continue;
      const d = localDateOf(timeZone, r.startedAtMs);
      byDay.set(d, [...(byDay.get(d) ?? []), ...ranges]);
    }
    return [...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, v]) => ({ date, medianRangeDeg: median(v)!, reps: v.length }));
  };
  return { left: bySide('left'), right: bySide('right') };
}

export interface DayPain {
  readonly date: string;
  /** Highest pain reported that day (before, during or after a session), 0-10. */
  readonly maxPain: number;
  readonly meanBefore: number | null;
  readonly meanAfter: number | null;
  readonly sharp: boolean;
}

/** Pain per local day from the records that carry any pain rating. */
export function painTrend(records: readonly SessionRecord[], timeZone: string): DayPain[] {
  const byDay = new Map<string, SessionRecord[]>();
  for (const r of records) {
    if (r.painBefore === null && r.painAfter === null && r.painMax === null) continue;
    const d = localDateOf(timeZone, r.startedAtMs);
    byDay.set(d, [...(byDay.get(d) ?? []), r]);
  }
  const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, rs]) => ({
      date,
      maxPain: Math.max(
        ...rs.flatMap((r) => [r.painBefore, r.painAfter, r.painMax].filter((x): x is number => x !== null)),
      ),
      meanBefore: mean(rs.flatMap((r) => (r.painBefore === null ? [] : [r.painBefore]))),
      meanAfter: mean(rs.flatMap((r) => (r.painAfter === null ? [] : [r.painAfter]))),
      sharp: rs.some((r) => r.sharpPain),
    }));
}
