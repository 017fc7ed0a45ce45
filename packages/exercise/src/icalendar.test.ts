import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, offsetTransitions, toICalendar } from './icalendar.ts';
import { REGIMEN_PRESETS } from './regimen.ts';
import { planDay } from './schedule.ts';

/** Minimal RFC 5545 reader for the tests: unfold, then split components and properties. */
function parse(ics: string) {
  const lines = ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const events: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  let inAlarm = false;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') cur = {};
    else if (l === 'END:VEVENT') {
      events.push(cur!);
      cur = null;
    } else if (l === 'BEGIN:VALARM') inAlarm = true;
    else if (l === 'END:VALARM') inAlarm = false;
    else if (cur) {
      const i = l.indexOf(':');
      cur[(inAlarm ? 'ALARM-' : '') + l.slice(0, i)] = l.slice(i + 1);
    }
  }
  return { lines, events };
}

// UTF-8 length via percent-encoding (this package's tests have no DOM or Node types).
const octets = (s: string) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, 'x').length;

function calendar(date: string, id: 'general' | 'hourly' = 'general', days = 14) {
  const r = planDay(REGIMEN_PRESETS[id].frequency, {
    date,
    timeZone: 'Europe/Berlin',
    wake: '07:00',
    sleep: '22:00',
  });
  if (!r.success) throw new Error('plan failed');
  return toICalendar({
    schedule: r.data,
    regimenId: id,
    regimenVersion: 1,
    dose: REGIMEN_PRESETS[id].dose,
    days,
    alarmMinBefore: 5,
    stampMs: Date.UTC(2026, 2, 20, 9, 30, 5),
  });
}

describe('iCalendar reminders', () => {
  const ics = calendar('2026-03-20');
  const { lines, events } = parse(ics);

  it('has one daily-repeating event per session, at the local time in its zone', () => {
    expect(events.map((e) => e['DTSTART;TZID=Europe/Berlin'])).toEqual([
      '20260320T104500',
      '20260320T181500',
    ]);
    for (const e of events) {
      expect(e.RRULE).toBe('FREQ=DAILY;COUNT=14');
      expect(e.DURATION).toBe('PT5M');
      expect(e['ALARM-TRIGGER']).toBe('-PT5M');
      expect(e['ALARM-ACTION']).toBe('DISPLAY');
    }
  });

  it('stamps DTSTAMP with the time passed in, in UTC, and gives stable unique UIDs', () => {
    expect(events.map((e) => e.DTSTAMP)).toEqual(['20260320T093005Z', '20260320T093005Z']);
    expect(new Set(events.map((e) => e.UID)).size).toBe(2);
    expect(calendar('2026-03-20')).toBe(ics);
  });

  it('defines the zone, including the DST change inside the 14 days', () => {
    expect(lines).toContain('TZID:Europe/Berlin');
    const i = lines.indexOf('BEGIN:DAYLIGHT');
    expect(lines.slice(i, i + 5)).toEqual([
      'BEGIN:DAYLIGHT',
      'DTSTART:20260329T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
    ]);
  });

  it('uses CRLF only, folds at 75 octets, and balances every BEGIN with an END', () => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const raw of ics.split('\r\n')) expect(octets(raw)).toBeLessThanOrEqual(75);
    const begins = lines.filter((l) => l.startsWith('BEGIN:')).map((l) => l.slice(6));
    const ends = lines.filter((l) => l.startsWith('END:')).map((l) => l.slice(4));
    expect(begins.sort()).toEqual(ends.sort());
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });

  it('escapes commas and newlines in text', () => {
    expect(events[0]!.SUMMARY).toBe('Ankle pumps: 10 per foot\\, 2 sets');
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('hourly: 14 events a day', () => {
    expect(parse(calendar('2026-06-01', 'hourly', 1)).events).toHaveLength(14);
  });

  it('rejects a repeat count or alarm outside range', () => {
    expect(() => calendar('2026-06-01', 'general', 0)).toThrow(RangeError);
  });
});

describe('line folding', () => {
  it('never splits a character and unfolds to the original (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const folded = foldLine(`DESCRIPTION:${s}`);
        for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${s}`);
      }),
    );
  });
});

describe('offset transitions', () => {
  it('finds both European changes of 2026 to the second', () => {
    const t = offsetTransitions('Europe/Berlin', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(t).toEqual([
      { atMs: Date.UTC(2026, 2, 29, 1), from: 60, to: 120 },
      { atMs: Date.UTC(2026, 9, 25, 1), from: 120, to: 60 },
    ]);
  });
});
