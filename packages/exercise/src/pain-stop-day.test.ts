import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { painStopOnDay } from './pain-stop-day.ts';
import { decideScreening } from './screening.ts';
import type { StopReason } from './session-types.ts';

const TZ = 'Europe/Madrid';
// 2026-03-02 in Madrid (UTC+1): 09:00 and 16:21 local.
const MORNING = Date.UTC(2026, 2, 2, 8, 0);
const AFTERNOON = Date.UTC(2026, 2, 2, 15, 21);
const rec = (endedAtMs: number, stopReason: StopReason | null) => ({ endedAtMs, stopReason });

describe('a pain stop blocks the rest of the day', () => {
  it('finds the latest pain stop of that local day, sharp or rising', () => {
    const records = [
      rec(MORNING, { code: 'sharp-pain', level: 6 }),
      rec(AFTERNOON, { code: 'pain-rising', before: 1, now: 4 }),
      rec(AFTERNOON + 60_000, null),
    ];
    expect(painStopOnDay(records, TZ, '2026-03-02')).toEqual({ stoppedAtMs: AFTERNOON, level: 4 });
  });

  it('a stop yesterday, or none at all, blocks nothing today', () => {
    expect(painStopOnDay([rec(MORNING, { code: 'sharp-pain', level: 5 })], TZ, '2026-03-03')).toBeNull();
    expect(painStopOnDay([rec(MORNING, null)], TZ, '2026-03-02')).toBeNull();
    // 23:30 UTC on the 1st is already the 2nd in Madrid.
    const lateUtc = Date.UTC(2026, 2, 1, 23, 30);
    expect(painStopOnDay([rec(lateUtc, { code: 'sharp-pain', level: null })], TZ, '2026-03-02')).toEqual({
      stoppedAtMs: lateUtc,
      level: null,
    });
  });

  it('after a stop today the screening says see a doctor, even with every answer clear (pain 5 too)', () => {
    const painStopToday = { stoppedAtMs: MORNING, level: 6 };
    for (const painNow of [0, 5]) {
      const d = decideScreening(
        { swelling: false, clotHistory: false, severeInjury: false, painNow },
        { painStopToday },
      );
      expect(d).toMatchObject({ outcome: 'see-doctor-first', rule: 'pain-stop-today' });
      expect(d.reason).toMatch(/Do not do ankle pumps again today/);
    }
  });

  it('no answers and no clearance get round a stop today', () => {
    fc.assert(
      fc.property(
        fc.record({
          swelling: fc.boolean(),
          clotHistory: fc.boolean(),
          severeInjury: fc.boolean(),
          painNow: fc.integer({ min: 0, max: 10 }),
        }),
        fc.boolean(),
        (answers, cleared) => {
          const d = decideScreening(answers, {
            painStopToday: { stoppedAtMs: MORNING, level: null },
            ...(cleared ? { clearance: { clinicianId: 'c1', recordedAtMs: MORNING } } : {}),
          });
          return d.outcome === 'see-doctor-first' || d.outcome === 'not-suitable';
        },
      ),
      { numRuns: 200 },
    );
  });
});
