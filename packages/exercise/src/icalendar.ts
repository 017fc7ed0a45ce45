// A small RFC 5545 writer for reminder calendars: CRLF lines folded at 75 octets, escaped text,
// a VTIMEZONE built from Intl so DTSTART;TZID stays on the local time across DST, and a VALARM.
// Own writer because `ics` stamps DTSTAMP from the clock and reads times in the host's zone.

import { type Dose, sessionDurationS } from './dose.ts';
import { MESSAGES_EN } from './messages.ts';
import type { DaySchedule } from './schedule-types.ts';
import { formatDate, localPartsAt, offsetMinAt, pad, parseDate } from './zoned-time.ts';

export interface ICalendarRequest {
  readonly schedule: DaySchedule;
  /** Regimen id and version go into UIDs, so re-importing an unchanged plan updates, not duplicates. */
  readonly regimenId: string;
  readonly regimenVersion: number;
  readonly dose: Dose;
  /** How many days each reminder repeats (RRULE COUNT), 1-366. */
  readonly days: number;
  /** Reminder this many minutes before each session, 0-120. */
  readonly alarmMinBefore: number;
  /** DTSTAMP, epoch ms: when the file was made (passed in: this package has no clock). */
  readonly stampMs: number;
}

/** Escapes TEXT values (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** UTF-8 length of one code point, octets (no TextEncoder: this package has neither DOM nor Node types). */
function utf8Octets(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** Folds one content line to at most 75 octets per line, never splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Octets(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()).replace(/-/g, '')}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function localStamp(timeZone: string, ms: number): string {
  const p = localPartsAt(timeZone, ms);
  return `${formatDate(p.year, p.month, p.day).replace(/-/g, '')}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

function offsetText(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
}

/** Instants in [fromMs, toMs) where the zone's offset changes, found by daily steps then bisection. */
export function offsetTransitions(
  timeZone: string,
  fromMs: number,
  toMs: number,
): { atMs: number; from: number; to: number }[] {
  const out: { atMs: number; from: number; to: number }[] = [];
  const step = 86_400_000;
  let t = fromMs;
  let off = offsetMinAt(timeZone, t);
  while (t < toMs) {
    const u = Math.min(t + step, toMs);
    const offU = offsetMinAt(timeZone, u);
    if (offU !== off) {
      let lo = t;
      let hi = u;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
        if (offsetMinAt(timeZone, mid) === off) lo = mid;
        else hi = mid;
      }
      out.push({ atMs: hi, from: off, to: offU });
      off = offU;
    }
    t = u;
  }
  return out;
}

function vtimezone(timeZone: string, fromMs: number, toMs: number): string[] {
  const year = localPartsAt(timeZone, fromMs).year;
  const standard = Math.min(
    offsetMinAt(timeZone, Date.UTC(year, 0, 1)),
    offsetMinAt(timeZone, Date.UTC(year, 6, 1)),
  );
  const first = offsetMinAt(timeZone, fromMs);
  const kind = (off: number) => (off > standard ? 'DAYLIGHT' : 'STANDARD');
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  lines.push(
    `BEGIN:${kind(first)}`,
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offsetText(first)}`,
    `TZOFFSETTO:${offsetText(first)}`,
    `END:${kind(first)}`,
  );
  for (const tr of offsetTransitions(timeZone, fromMs, toMs)) {
    // DTSTART of an observance is the local time of the change read in the offset before it.
    const d = new Date(tr.atMs + tr.from * 60_000);
    const wall = `${formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()).replace(/-/g, '')}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
    lines.push(
      `BEGIN:${kind(tr.to)}`,
      `DTSTART:${wall}`,
      `TZOFFSETFROM:${offsetText(tr.from)}`,
      `TZOFFSETTO:${offsetText(tr.to)}`,
      `END:${kind(tr.to)}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The schedule as an iCalendar file: one daily-repeating VEVENT per session with a display alarm. */
export function toICalendar(req: ICalendarRequest): string {
  if (!Number.isInteger(req.days) || req.days < 1 || req.days > 366) {
    throw new RangeError(`days must be a whole number from 1 to 366, got ${req.days}`);
  }
  if (!Number.isInteger(req.alarmMinBefore) || req.alarmMinBefore < 0 || req.alarmMinBefore > 120) {
    throw new RangeError(`alarmMinBefore must be a whole number from 0 to 120, got ${req.alarmMinBefore}`);
  }
  const { schedule: s, dose } = req;
  const tz = s.timeZone;
  const minutes = Math.max(1, Math.ceil(sessionDurationS(dose) / 60));
  const summary = `Ankle pumps: ${dose.repsPerFoot} per foot, ${dose.sets} ${dose.sets === 1 ? 'set' : 'sets'}`;
  const description = [
    `Point your toes down and hold ${dose.plantarHoldS} s, then pull them up toward your shin and hold ${dose.dorsiHoldS} s.`,
    `${dose.repsPerFoot} times for each foot, ${dose.sets} ${dose.sets === 1 ? 'set' : 'sets'}.`,
    MESSAGES_EN['care.stopSharpPain'],
    MESSAGES_EN['care.emergency'],
  ].join('\n');
  const first = s.sessions[0]?.startMs ?? s.wakeMs;
  const endMs = first + (req.days + 1) * 86_400_000;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ankle Pump Coach//anklepump//EN',
    'CALSCALE:GREGORIAN',
  ];
  lines.push(...vtimezone(tz, first - 86_400_000, endMs));
  const d = parseDate(s.date)!;
  for (const slot of s.sessions) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${req.regimenId}-v${req.regimenVersion}-${formatDate(d.year, d.month, d.day)}-${slot.localTime.replace(':', '')}@anklepump`,
      `DTSTAMP:${utcStamp(req.stampMs)}`,
      `DTSTART;TZID=${tz}:${localStamp(tz, slot.startMs)}`,
      `DURATION:PT${minutes}M`,
      `RRULE:FREQ=DAILY;COUNT=${req.days}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'CATEGORIES:HEALTH',
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(summary)}`,
      `TRIGGER:${req.alarmMinBefore === 0 ? 'PT0S' : `-PT${req.alarmMinBefore}M`}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
