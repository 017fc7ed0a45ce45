// "Do not continue today": after a session stopped because of pain, the rest of that local day is
// blocked. This finds that stop among the records, so every screening (web, CLI, server) can pass
// it to `decideScreening` the same way.

import type { PainStopToday } from './screening.ts';
import type { SessionRecord } from './session-types.ts';
import { localDateOf } from './zoned-time.ts';

/**
 * The latest session on local `date` ('YYYY-MM-DD' in `timeZone`) that stopped because of pain
 * (a sharp-pain press or pain rising during the session), or null when there was none.
 */
export function painStopOnDay(
  records: readonly Pick<SessionRecord, 'stopReason' | 'endedAtMs'>[],
  timeZone: string,
  date: string,
): PainStopToday | null {
  let latest: PainStopToday | null = null;
  for (const r of records) {
    const stop = r.stopReason;
    if (!stop || localDateOf(timeZone, r.endedAtMs) !== date) continue;
    if (latest && latest.stoppedAtMs >= r.endedAtMs) continue;
    latest = { stoppedAtMs: r.endedAtMs, level: stop.code === 'sharp-pain' ? stop.level : stop.now };
  }
  return latest;
}
