// "Do not continue today": a session on this device that stopped because of pain earlier today
// blocks the rest of the day (home, safety check). The rule itself is the exercise package's.
import { localDateOf, type PainStopToday, painStopOnDay } from '@anklepump/exercise';
import { deviceTimeZone } from '../store/reminders.ts';
import type { StoredSession } from '../store/sessions.ts';

/** The latest pain stop on the device's local day of `nowMs`, or null. */
export function painStopToday(
  sessions: readonly StoredSession[],
  nowMs: number,
  timeZone = deviceTimeZone(),
): PainStopToday | null {
  return painStopOnDay(
    sessions.map((s) => s.record),
    timeZone,
    localDateOf(timeZone, nowMs),
  );
}
