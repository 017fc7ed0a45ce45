// The shapes of a day's reminder schedule. Times are epoch ms plus the local wall time they
// stand for in the patient's IANA time zone.

/** A waking window in local wall time, 'HH:MM' 24-hour. Sleep before wake means it crosses midnight. */
export interface WakingWindow {
  readonly wake: string;
  readonly sleep: string;
}

export interface ScheduleRequest extends WakingWindow {
  /** Local calendar date 'YYYY-MM-DD' in `timeZone`. */
  readonly date: string;
  /** IANA time zone, e.g. 'Europe/Berlin'. */
  readonly timeZone: string;
}

export interface ScheduledSession {
  /** 0-based position in the day. */
  readonly index: number;
  /** Epoch ms of the session's start. */
  readonly startMs: number;
  /** Local date 'YYYY-MM-DD' (differs from the schedule date after midnight in a crossing window). */
  readonly localDate: string;
  /** Local wall time 'HH:MM'. */
  readonly localTime: string;
  /** Offset from UTC at that instant, minutes (e.g. 120 for CEST). */
  readonly utcOffsetMin: number;
}

export interface DaySchedule {
  readonly date: string;
  readonly timeZone: string;
  readonly wake: string;
  readonly sleep: string;
  /** Epoch ms of the waking window's start and end. */
  readonly wakeMs: number;
  readonly sleepMs: number;
  readonly sessions: readonly ScheduledSession[];
}

export type SlotStatus = 'done' | 'missed' | 'due' | 'upcoming';

export interface ScheduleProgress {
  readonly slots: readonly { readonly session: ScheduledSession; readonly status: SlotStatus }[];
  /** The next slot not yet done whose start is now or later, or the one due now; null when none is left. */
  readonly next: ScheduledSession | null;
  readonly missed: readonly ScheduledSession[];
  readonly done: number;
}
