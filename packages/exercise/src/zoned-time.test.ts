import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isValidTimeZone,
  localDateOf,
  localPartsAt,
  localTimeOf,
  offsetMinAt,
  parseDate,
  parseTimeOfDay,
  zonedToEpochMs,
} from './zoned-time.ts';

describe('time zones with Intl only', () => {
  it('knows IANA zones and rejects made-up ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('gives summer and winter offsets', () => {
    expect(offsetMinAt('Europe/Berlin', Date.UTC(2026, 0, 15))).toBe(60);
    expect(offsetMinAt('Europe/Berlin', Date.UTC(2026, 6, 15))).toBe(120);
    expect(offsetMinAt('America/New_York', Date.UTC(2026, 0, 15))).toBe(-300);
    expect(offsetMinAt('Asia/Kolkata', Date.UTC(2026, 0, 15))).toBe(330);
  });

  it('converts a local wall time to the right instant on both sides of a DST change', () => {
    expect(zonedToEpochMs('Europe/Berlin', { year: 2026, month: 3, day: 28, hour: 10, minute: 45 })).toBe(
      Date.UTC(2026, 2, 28, 9, 45),
    );
    expect(zonedToEpochMs('Europe/Berlin', { year: 2026, month: 3, day: 29, hour: 10, minute: 45 })).toBe(
      Date.UTC(2026, 2, 29, 8, 45),
    );
  });

  it('moves a time skipped by spring-forward ahead by the gap (02:30 -> 03:30)', () => {
    const t = zonedToEpochMs('Europe/Berlin', { year: 2026, month: 3, day: 29, hour: 2, minute: 30 });
    expect(localTimeOf('Europe/Berlin', t)).toBe('03:30');
  });

  it('takes the earlier of a time that happens twice at fall-back', () => {
    const t = zonedToEpochMs('Europe/Berlin', { year: 2026, month: 10, day: 25, hour: 2, minute: 30 });
    expect(t).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(offsetMinAt('Europe/Berlin', t)).toBe(120);
  });

  it('round-trips any instant through its local fields (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        fc.constantFrom(
          'Europe/Berlin',
          'America/New_York',
          'Australia/Sydney',
          'Asia/Kolkata',
          'UTC',
          'America/St_Johns',
        ),
        (minute, tz) => {
          const t = minute * 60_000;
          const back = zonedToEpochMs(tz, localPartsAt(tz, t));
          // Equal, or the earlier twin of an ambiguous fall-back time (same wall clock).
          expect(back <= t).toBe(true);
          expect(localTimeOf(tz, back)).toBe(localTimeOf(tz, t));
          expect(localDateOf(tz, back)).toBe(localDateOf(tz, t));
        },
      ),
    );
  });
});

describe('parsing dates and times', () => {
  it('accepts HH:MM and H:MM, rejects the rest', () => {
    expect(parseTimeOfDay('07:30')).toBe(450);
    expect(parseTimeOfDay('7:30')).toBe(450);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    for (const bad of ['24:00', '7', '07:60', '7.30', ' 07:30', '']) expect(parseTimeOfDay(bad)).toBeNull();
  });

  it('accepts only real calendar dates', () => {
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('26-01-01')).toBeNull();
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
