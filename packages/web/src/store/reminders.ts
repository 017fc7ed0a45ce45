// Reminder times for the patient's plan over a 08:00-22:00 waking day, the next one due, and an
// iCalendar file (RFC 5545: daily-repeating events with an alarm) any calendar app accepts.
import type { Regimen } from '@anklepump/exercise';

const WAKE_MIN = 8 * 60;
const SLEEP_MIN = 22 * 60;

/** Minutes after local midnight of each planned session in a day. */
export function reminderMinutes(regimen: Regimen): number[] {
  const f = regimen.frequency;
  if (f.type === 'interval') {
    const out: number[] = [];
    for (let m = WAKE_MIN; m < SLEEP_MIN; m += f.everyMin) out.push(m);
    return out;
  }
  const n = f.sessionsPerDay;
  if (n === 1) return [WAKE_MIN + 60];
  // Spread evenly from one hour after waking to one hour before sleep.
  const first = WAKE_MIN + 60;
  const last = SLEEP_MIN - 60;
  return Array.from({ length: n }, (_, i) => Math.round(first + ((last - first) * i) / (n - 1)));
}

/** Epoch ms of the next reminder after `nowMs` (local time), or null if none is left today. */
export function nextReminder(regimen: Regimen, nowMs: number): number | null {
  const midnight = new Date(nowMs);
  midnight.setHours(0, 0, 0, 0);
  for (const m of reminderMinutes(regimen)) {
    const at = midnight.getTime() + m * 60_000;
    if (at > nowMs) return at;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(
    d.getUTCMinutes(),
  )}${pad(d.getUTCSeconds())}Z`;
}
/** Escapes text for an iCalendar TEXT value. */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** An .ics file with one daily-repeating event per planned session, each with a reminder alarm. */
export function icsForPlan(regimen: Regimen, nowMs: number, title: string): string {
  const day = new Date(nowMs);
  const ymd = `${day.getFullYear()}${pad(day.getMonth() + 1)}${pad(day.getDate())}`;
  const minutes = reminderMinutes(regimen);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ankle Pump Coach//web//EN',
    'CALSCALE:GREGORIAN',
  ];
  minutes.forEach((m, i) => {
    const start = `${ymd}T${pad(Math.floor(m / 60))}${pad(m % 60)}00`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:anklepump-${regimen.id}-${i}@local`,
      `DTSTAMP:${stamp(new Date(nowMs))}`,
      `DTSTART:${start}`,
      'DURATION:PT10M',
      'RRULE:FREQ=DAILY',
      `SUMMARY:${icsText(title)}`,
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${icsText(title)}`,
      'TRIGGER:PT0M',
      'END:VALARM',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
