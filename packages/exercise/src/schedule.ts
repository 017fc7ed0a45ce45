// Today's session times from a regimen, a waking window and an IANA time zone, and which of them
// are done, due, missed or still to come. Pure: "now" and the sessions done are arguments.

import type { Frequency } from './regimen.ts';
import type {
  DaySchedule,
  ScheduledSession,
  ScheduleProgress,
  ScheduleRequest,
  SlotStatus,
} from './schedule-types.ts';
import type { ValidationIssue, ValidationResult } from './validation.ts';
import {
  addDays,
  isValidTimeZone,
  localDateOf,
  localTimeOf,
  offsetMinAt,
  parseDate,
  parseTimeOfDay,
  zonedToEpochMs,
} from './zoned-time.ts';

/** A waking window shorter than this cannot hold a schedule. */
export const MIN_WAKING_MIN = 60;
/** Daily sessions are placed on this grid (minutes) so reminders read 10:45, not 10:52. */
export const SLOT_GRID_MIN = 15;

/** Minutes after waking of each session: centres of equal slots, or every interval after waking. */
export function sessionOffsetsMin(frequency: Frequency, wakeMin: number, spanMin: number): number[] {
  if (frequency.type === 'interval') {
    const out: number[] = [];
    for (let m = frequency.everyMin; m < spanMin; m += frequency.everyMin) out.push(m);
    return out;
  }
  const n = frequency.sessionsPerDay;
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const centre = wakeMin + (spanMin * (2 * k + 1)) / (2 * n);
    let m = Math.round(centre / SLOT_GRID_MIN) * SLOT_GRID_MIN - wakeMin;
    // Keep inside the window and strictly increasing even when the grid is coarse for the window.
    const prev = out[out.length - 1];
    if (prev !== undefined && m <= prev) m = prev + 1;
    out.push(Math.min(Math.max(m, 0), spanMin - 1));
  }
  return [...new Set(out)];
}

/** Today's sessions for `frequency`. Returns issues naming the bad field instead of throwing. */
export function planDay(frequency: Frequency, req: ScheduleRequest): ValidationResult<DaySchedule> {
  const issues: ValidationIssue[] = [];
  const wakeMin = parseTimeOfDay(req.wake);
  const sleepMin = parseTimeOfDay(req.sleep);
  const date = parseDate(req.date);
  if (wakeMin === null) {
    issues.push({
      code: 'invalid_time',
      path: ['wake'],
      message: `wake must be a 24-hour time HH:MM, got "${req.wake}"`,
    });
  }
  if (sleepMin === null) {
    issues.push({
      code: 'invalid_time',
      path: ['sleep'],
      message: `sleep must be a 24-hour time HH:MM, got "${req.sleep}"`,
    });
  }
  if (!date) {
    issues.push({
      code: 'invalid_date',
      path: ['date'],
      message: `date must be a calendar date YYYY-MM-DD, got "${req.date}"`,
    });
  }
  if (!isValidTimeZone(req.timeZone)) {
    issues.push({
      code: 'invalid_time_zone',
      path: ['timeZone'],
      message: `time zone must be an IANA name such as Europe/Berlin, got "${req.timeZone}"`,
    });
  }
  if (wakeMin === null || sleepMin === null || !date || issues.length > 0) return { success: false, issues };
  const spanMin = sleepMin > wakeMin ? sleepMin - wakeMin : sleepMin + 1440 - wakeMin;
  if (spanMin < MIN_WAKING_MIN) {
    return {
      success: false,
      issues: [
        {
          code: 'too_small',
          path: ['sleep'],
          message: `the waking window ${req.wake}-${req.sleep} is ${spanMin} min; it must be at least ${MIN_WAKING_MIN} min`,
          minimum: MIN_WAKING_MIN,
        },
      ],
    };
  }
  const tz = req.timeZone;
  const at = (minutesAfterMidnight: number): number => {
    const dayShift = Math.floor(minutesAfterMidnight / 1440);
    const d = parseDate(addDays(req.date, dayShift))!;
    const m = minutesAfterMidnight - dayShift * 1440;
    return zonedToEpochMs(tz, { ...d, hour: Math.floor(m / 60), minute: m % 60 });
  };
  const sessions: ScheduledSession[] = sessionOffsetsMin(frequency, wakeMin, spanMin).map((off, index) => {
    const startMs = at(wakeMin + off);
    return {
      index,
      startMs,
      localDate: localDateOf(tz, startMs),
      localTime: localTimeOf(tz, startMs),
      utcOffsetMin: offsetMinAt(tz, startMs),
    };
  });
  return {
    success: true,
    data: {
      date: req.date,
      timeZone: tz,
      wake: req.wake,
      sleep: req.sleep,
      wakeMs: at(wakeMin),
      sleepMs: at(wakeMin + spanMin),
      sessions,
    },
    warnings: [],
  };
}

/** Sessions done this long before waking or after sleep still count for the day. */
export const DAY_EDGE_MS = 60 * 60_000;

/**
 * Which slots are done, due, missed or upcoming at `nowMs`. Each session done in the waking day
 * (± DAY_EDGE_MS) covers the earliest uncovered slot, so a late morning session still counts.
 * A slot is missed once the next slot starts (or the day ends) without it being covered.
 */
export function scheduleProgress(
  schedule: DaySchedule,
  doneStartsMs: readonly number[],
  nowMs: number,
): ScheduleProgress {
  const done = doneStartsMs
    .filter((t) => t >= schedule.wakeMs - DAY_EDGE_MS && t < schedule.sleepMs + DAY_EDGE_MS)
    .sort((a, b) => a - b);
  const covered = Math.min(done.length, schedule.sessions.length);
  const slots = schedule.sessions.map((session, i) => {
    let status: SlotStatus;
    const missedAt = schedule.sessions[i + 1]?.startMs ?? schedule.sleepMs;
    if (i < covered) status = 'done';
    else if (nowMs < session.startMs) status = 'upcoming';
    else if (nowMs < missedAt) status = 'due';
    else status = 'missed';
    return { session, status };
  });
  const next = slots.find((s) => s.status === 'due' || s.status === 'upcoming')?.session ?? null;
  return {
    slots,
    next,
    missed: slots.filter((s) => s.status === 'missed').map((s) => s.session),
    done: covered,
  };
}
