// Reminders for the patient's plan, from the exercise package's schedules: today's sessions over
// the waking day in the device's time zone, the next one due, and an .ics file for any calendar.
import {
  type DaySchedule,
  planDay,
  prescribedSessionsPerDay,
  type Regimen,
  scheduleProgress,
  toICalendar,
} from '@anklepump/exercise';
import { localDay } from './sessions.ts';

/** The waking day reminders are spread over (local time). */
export const WAKING = { wake: '08:00', sleep: '22:00' } as const;
/** How many days the calendar file repeats each reminder. */
export const ICS_DAYS = 30;

/** The device's IANA time zone (falls back to UTC where the browser does not say). */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Sessions the plan asks for in one waking day. */
export function plannedPerDay(regimen: Regimen): number {
  return prescribedSessionsPerDay(regimen.frequency, WAKING);
}

/** Today's schedule at `nowMs`, or null if the plan cannot be scheduled. */
export function todaySchedule(
  regimen: Regimen,
  nowMs: number,
  timeZone = deviceTimeZone(),
): DaySchedule | null {
  const r = planDay(regimen.frequency, { ...WAKING, date: localDay(nowMs), timeZone });
  return r.success ? r.data : null;
}

/** Epoch ms of the next session due or upcoming today, given the completed sessions' starts. */
export function nextReminder(
  regimen: Regimen,
  doneStartsMs: readonly number[],
  nowMs: number,
  timeZone = deviceTimeZone(),
): number | null {
  const schedule = todaySchedule(regimen, nowMs, timeZone);
  if (!schedule) return null;
  return scheduleProgress(schedule, doneStartsMs, nowMs).next?.startMs ?? null;
}

/** What to say about the next session: none left today, due now (its slot has passed), or a later time. */
export type NextSession =
  | { readonly kind: 'none' }
  | { readonly kind: 'now'; readonly plannedMs: number }
  | { readonly kind: 'at'; readonly atMs: number };

/** A slot at or before `nowMs` is due now, never "next" at a time already gone. */
export function describeNext(nextMs: number | null, nowMs: number): NextSession {
  if (nextMs === null) return { kind: 'none' };
  return nextMs <= nowMs ? { kind: 'now', plannedMs: nextMs } : { kind: 'at', atMs: nextMs };
}

/** An .ics file with today's reminders repeating daily for ICS_DAYS days. */
export function icsForPlan(regimen: Regimen, nowMs: number, timeZone = deviceTimeZone()): string | null {
  const schedule = todaySchedule(regimen, nowMs, timeZone);
  if (!schedule) return null;
  return toICalendar({
    schedule,
    regimenId: regimen.id,
    regimenVersion: regimen.version,
    dose: regimen.dose,
    days: ICS_DAYS,
    alarmMinBefore: 0,
    stampMs: nowMs,
  });
}
