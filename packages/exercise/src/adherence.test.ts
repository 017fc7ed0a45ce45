import { describe, expect, it } from 'vitest';
import {
  currentStreak,
  dailyAdherence,
  painTrend,
  prescribedSessionsPerDay,
  rangeTrend,
  sevenDayAdherence,
} from './adherence.ts';
import { sessionAlerts, trendAlerts } from './alerts.ts';
import { DEFAULT_DOSE } from './dose.ts';
import { REGIMEN_PRESETS } from './regimen.ts';
import { emptyTally } from './session-record.ts';
import type { SessionRecord } from './session-types.ts';

const TZ = 'Europe/Berlin';
let n = 0;
/** A session record started at local `date` `hh`:00 in Berlin (winter, UTC+1). */
function rec(
  date: string,
  hh: number,
  over: Partial<SessionRecord> & { left?: number[]; right?: number[] } = {},
): SessionRecord {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, m - 1, d, hh - 1);
  const { left = [], right = [], ...rest } = over;
  return {
    sessionId: `s${n++}`,
    regimenId: 'general',
    regimenVersion: 1,
    mode: 'verified',
    outcome: 'completed',
    stopReason: null,
    startedAtMs: start,
    endedAtMs: start + 300_000,
    dose: DEFAULT_DOSE,
    setsPlanned: 2,
    setsCompleted: 2,
    setsSkipped: 0,
    feet: { left: { ...emptyTally(20), rangesDeg: left }, right: { ...emptyTally(20), rangesDeg: right } },
    painBefore: 1,
    painAfter: 1,
    painMax: 1,
    sharpPain: false,
    tempoFactor: 1,
    warnings: [],
    ...rest,
  };
}

describe('adherence', () => {
  it('counts completed sessions per local day, not UTC day', () => {
    // 00:30 local on the 11th is still the 10th in UTC.
    const late = { ...rec('2026-11-11', 1), startedAtMs: Date.UTC(2026, 10, 10, 23, 30) };
    const days = dailyAdherence([late, rec('2026-11-10', 9)], {
      timeZone: TZ,
      fromDate: '2026-11-10',
      toDate: '2026-11-11',
      prescribedPerDay: 2,
    });
    expect(days.map((d) => [d.date, d.done])).toEqual([
      ['2026-11-10', 1],
      ['2026-11-11', 1],
    ]);
  });

  it('stopped and aborted sessions are not done; extra sessions do not lift a day above 100%', () => {
    const days = dailyAdherence(
      [
        rec('2026-11-10', 9, { outcome: 'aborted' }),
        rec('2026-11-10', 10, { outcome: 'stopped' }),
        ...[8, 9, 10].map((h) => rec('2026-11-11', h)),
      ],
      { timeZone: TZ, fromDate: '2026-11-10', toDate: '2026-11-11', prescribedPerDay: 2 },
    );
    expect(days.map((d) => d.ratio)).toEqual([0, 1]);
  });

  it('7-day adherence averages the 7 days ending today', () => {
    const records = ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21'].flatMap((d) => [
      rec(d, 9),
      rec(d, 18),
    ]);
    const r = sevenDayAdherence(records, { timeZone: TZ, todayDate: '2026-11-24', prescribedPerDay: 2 });
    expect(r.days).toHaveLength(7);
    expect(r.days[0]!.date).toBe('2026-11-18');
    expect(r.ratio).toBeCloseTo(4 / 7);
  });

  it('a streak counts full days back from today, and an unfinished today does not break it', () => {
    const records = ['2026-11-21', '2026-11-22', '2026-11-23'].flatMap((d) => [rec(d, 9), rec(d, 18)]);
    const days = dailyAdherence([...records, rec('2026-11-24', 9)], {
      timeZone: TZ,
      fromDate: '2026-11-18',
      toDate: '2026-11-24',
      prescribedPerDay: 2,
    });
    expect(currentStreak(days, '2026-11-24')).toBe(3);
    expect(currentStreak(days.slice(0, -1), '2026-11-24')).toBe(3);
    expect(currentStreak(days, '2026-11-25')).toBe(0);
  });

  it('an hourly regimen prescribes one session per waking hour', () => {
    expect(
      prescribedSessionsPerDay(REGIMEN_PRESETS.hourly.frequency, { wake: '07:00', sleep: '22:00' }),
    ).toBe(14);
    expect(
      prescribedSessionsPerDay(REGIMEN_PRESETS['post-op'].frequency, { wake: '07:00', sleep: '22:00' }),
    ).toBe(4);
  });
});

describe('progress trends', () => {
  it('gives the median range per foot per day', () => {
    const t = rangeTrend(
      [
        rec('2026-11-10', 9, { left: [30, 40, 50], right: [20] }),
        rec('2026-11-10', 18, { left: [60] }),
        rec('2026-11-11', 9, { left: [44] }),
      ],
      TZ,
    );
    expect(t.left).toEqual([
      { date: '2026-11-10', medianRangeDeg: 45, reps: 4 },
      { date: '2026-11-11', medianRangeDeg: 44, reps: 1 },
    ]);
    expect(t.right).toEqual([{ date: '2026-11-10', medianRangeDeg: 20, reps: 1 }]);
  });

  it('leaves out a session whose camera view changed: its degrees are from two views', () => {
    const moved = rec('2026-11-10', 18, { left: [10, 10, 10], sensor: 'camera' });
    const t = rangeTrend(
      [
        rec('2026-11-10', 9, { left: [40], sensor: 'camera', degrees: { kind: 'uncalibrated' } }),
        { ...moved, degrees: { kind: 'view-changed', atMs: moved.startedAtMs + 60_000, calibrated: true } },
      ],
      TZ,
    );
    expect(t.left).toEqual([{ date: '2026-11-10', medianRangeDeg: 40, reps: 1 }]);
  });

  it('gives the worst pain and the mean before/after per day', () => {
    const t = painTrend(
      [
        rec('2026-11-10', 9, { painBefore: 2, painAfter: 4, painMax: 4 }),
        rec('2026-11-10', 18, { painBefore: 0, painAfter: 0, painMax: 0 }),
      ],
      TZ,
    );
    expect(t).toEqual([{ date: '2026-11-10', maxPain: 4, meanBefore: 1, meanAfter: 2, sharp: false }]);
  });
});

describe('alert rules', () => {
  it('sharp pain raises an urgent alert with the session as evidence', () => {
    const r = rec('2026-11-10', 9, {
      outcome: 'stopped',
      sharpPain: true,
      painMax: 5,
      stopReason: { code: 'sharp-pain', level: 5 },
    });
    expect(sessionAlerts(r, TZ)).toEqual([
      expect.objectContaining({
        code: 'sharp-pain',
        severity: 'urgent',
        evidence: { sessionId: r.sessionId, atMs: r.endedAtMs, painLevel: 5 },
      }),
    ]);
  });

  it('a session stopped because pain rose raises an urgent alert even below the pain-high level', () => {
    const r = rec('2026-11-10', 9, {
      outcome: 'stopped',
      painBefore: 2,
      painMax: 4,
      stopReason: { code: 'pain-rising', before: 2, now: 4 },
    });
    expect(sessionAlerts(r, TZ)).toEqual([
      expect.objectContaining({
        code: 'pain-rising',
        severity: 'urgent',
        message: expect.stringContaining('from 2/10 to 4/10'),
        evidence: { sessionId: r.sessionId, atMs: r.endedAtMs, before: 2, now: 4 },
      }),
    ]);
    // The same pain levels without a stop (e.g. rated only afterwards) are not this alert.
    expect(sessionAlerts(rec('2026-11-10', 9, { painBefore: 2, painAfter: 4, painMax: 4 }), TZ)).toEqual([]);
  });

  it('a stop for sharp pain at 7 or more is one urgent alert that names the level, not two', () => {
    const r = rec('2026-11-10', 9, {
      outcome: 'stopped',
      sharpPain: true,
      painBefore: 1,
      painAfter: 8,
      painMax: 8,
      stopReason: { code: 'sharp-pain', level: 8 },
    });
    const alerts = sessionAlerts(r, TZ);
    expect(alerts.map((a) => a.code)).toEqual(['sharp-pain']);
    expect(alerts[0]!.message).toContain('(8/10 at worst)');
    const rising = rec('2026-11-10', 9, {
      outcome: 'stopped',
      painBefore: 2,
      painMax: 8,
      stopReason: { code: 'pain-rising', before: 2, now: 8 },
    });
    expect(sessionAlerts(rising, TZ).map((a) => a.code)).toEqual(['pain-rising']);
  });

  it('pain of 7 raises an alert; 6 does not', () => {
    expect(sessionAlerts(rec('2026-11-10', 9, { painAfter: 7, painMax: 7 }), TZ).map((a) => a.code)).toEqual([
      'pain-high',
    ]);
    expect(sessionAlerts(rec('2026-11-10', 9, { painAfter: 6, painMax: 6 }), TZ)).toEqual([]);
  });

  it('adherence under 50% on both of the last two full days raises a warning', () => {
    const low = [rec('2026-11-22', 9), rec('2026-11-23', 9)]; // 1 of 4 each day
    const alerts = trendAlerts({ records: low, timeZone: TZ, todayDate: '2026-11-24', prescribedPerDay: 4 });
    expect(alerts).toEqual([
      expect.objectContaining({
        code: 'low-adherence',
        evidence: {
          days: [
            { date: '2026-11-22', done: 1, prescribed: 4 },
            { date: '2026-11-23', done: 1, prescribed: 4 },
          ],
        },
      }),
    ]);
    const halfDone = [...low, rec('2026-11-23', 12)];
    expect(
      trendAlerts({ records: halfDone, timeZone: TZ, todayDate: '2026-11-24', prescribedPerDay: 4 }),
    ).toEqual([]);
  });

  it('a fall of more than 5 degrees against the previous days raises a warning; 5 exactly does not', () => {
    const base = ['2026-11-20', '2026-11-21', '2026-11-22'].map((d) =>
      rec(d, 9, { left: [40], right: [40] }),
    );
    const full = (left: number) => [
      ...base,
      rec('2026-11-23', 9, { left: [left], right: [40] }),
      rec('2026-11-23', 18, { left: [left], right: [40] }),
    ];
    const alerts = trendAlerts({
      records: full(34),
      timeZone: TZ,
      todayDate: '2026-11-24',
      prescribedPerDay: 1,
    });
    expect(alerts).toEqual([
      expect.objectContaining({
        code: 'range-falling',
        evidence: {
          side: 'left',
          baselineDeg: 40,
          latestDeg: 34,
          baselineDates: ['2026-11-20', '2026-11-21', '2026-11-22'],
          latestDate: '2026-11-23',
        },
      }),
    ]);
    expect(
      trendAlerts({ records: full(35), timeZone: TZ, todayDate: '2026-11-24', prescribedPerDay: 1 }),
    ).toEqual([]);
  });
});
