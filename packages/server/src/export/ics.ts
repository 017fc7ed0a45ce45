// The prescription's reminder schedule as iCalendar (RFC 5545): one daily-repeating VEVENT per
// session slot, each with a VALARM. Thin adapter until the exercise package's calendar export lands.

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
};
const esc = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space. */
function fold(line: string): string {
  if (line.length <= 74) return line;
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 73) parts.push(line.slice(i, i + 73));
  return parts.join('\r\n ');
}

/** Session start times (minutes after local midnight) spread over a 08:00-20:00 waking day. */
export function dailySlots(perDay: number, wakeMin = 8 * 60, sleepMin = 20 * 60): number[] {
  if (perDay <= 1) return [wakeMin + 60];
  const step = (sleepMin - wakeMin) / (perDay - 1);
  return Array.from({ length: perDay }, (_, i) => Math.round(wakeMin + i * step));
}

/**
 * A VCALENDAR with one VEVENT per slot (floating local time, so it follows the phone's zone),
 * repeating daily from `startDate` (YYYY-MM-DD), each lasting `durationMin` with a reminder at start.
 */
export function scheduleIcs(p: {
  uidBase: string;
  title: string;
  description: string;
  startDate: string;
  slotsMin: number[];
  durationMin: number;
  nowMs: number;
}): string {
  const date = p.startDate.replace(/-/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ankle Pump Coach//EN', 'CALSCALE:GREGORIAN'];
  p.slotsMin.forEach((m, i) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${p.uidBase}-${i}@anklepump`,
      `DTSTAMP:${stamp(p.nowMs)}`,
      `DTSTART:${date}T${pad(Math.floor(m / 60))}${pad(m % 60)}00`,
      `DURATION:PT${p.durationMin}M`,
      'RRULE:FREQ=DAILY',
      `SUMMARY:${esc(p.title)}`,
      `DESCRIPTION:${esc(p.description)}`,
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${esc(p.title)}`,
      'TRIGGER:PT0M',
      'END:VALARM',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
