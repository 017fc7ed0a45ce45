import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyAdherence } from './adherence.ts';
import { countsAsDone, doneCount } from './done-session.ts';
import { DEFAULT_DOSE } from './dose.ts';
import { emptyTally } from './session-record.ts';
import type { SessionOutcome, SessionRecord } from './session-types.ts';

function rec(outcome: SessionOutcome, setsCompleted: number, startedAtMs: number): SessionRecord {
  return {
    sessionId: `s-${startedAtMs}`,
    regimenId: 'post-op',
    regimenVersion: 1,
    mode: 'timing',
    outcome,
    stopReason: outcome === 'stopped' ? { code: 'sharp-pain', level: 7 } : null,
    startedAtMs,
    endedAtMs: startedAtMs + 60_000,
    dose: DEFAULT_DOSE,
    setsPlanned: 2,
    setsCompleted,
    setsSkipped: 2 - setsCompleted,
    feet: { left: emptyTally(20), right: emptyTally(20) },
    painBefore: 0,
    painAfter: 0,
    painMax: 0,
    sharpPain: outcome === 'stopped',
    tempoFactor: 1,
    warnings: [],
  };
}

describe('a session that counts as done', () => {
  it('is one that ran to its end with a set done; stopped for pain or abandoned never is', () => {
    expect(countsAsDone(rec('completed', 2, 0))).toBe(true);
    expect(countsAsDone(rec('completed', 1, 0))).toBe(true);
    expect(countsAsDone(rec('stopped', 1, 0))).toBe(false);
    expect(countsAsDone(rec('aborted', 1, 0))).toBe(false);
    expect(countsAsDone(rec('completed', 0, 0))).toBe(false);
    // A record from the wire without set counts is judged by its outcome.
    expect(countsAsDone({ outcome: 'completed' })).toBe(true);
    expect(countsAsDone({ outcome: 'aborted' })).toBe(false);
  });

  it('the issue\'s patient: 1 completed, 5 stopped or aborted today is "1 of 4", not 6', () => {
    const day = Date.UTC(2026, 10, 2, 8);
    const today = [
      rec('completed', 2, day),
      rec('stopped', 1, day + 3_600_000),
      rec('aborted', 0, day + 7_200_000),
      rec('aborted', 1, day + 9_000_000),
      rec('stopped', 0, day + 10_000_000),
      rec('aborted', 2, day + 11_000_000),
    ];
    expect(doneCount(today)).toBe(1);
    const [d] = dailyAdherence(today, {
      timeZone: 'UTC',
      fromDate: '2026-11-02',
      toDate: '2026-11-02',
      prescribedPerDay: 4,
    });
    expect(d).toMatchObject({ done: 1, prescribed: 4, ratio: 0.25 });
  });

  it('done count never exceeds the completed sessions, and adding a stopped one changes nothing', () => {
    const outcome = fc.constantFrom<SessionOutcome>('completed', 'aborted', 'stopped');
    fc.assert(
      fc.property(fc.array(fc.tuple(outcome, fc.integer({ min: 0, max: 3 })), { maxLength: 30 }), (xs) => {
        const rs = xs.map(([o, s], i) => rec(o, s, i));
        const n = doneCount(rs);
        expect(n).toBeLessThanOrEqual(rs.filter((r) => r.outcome === 'completed').length);
        expect(doneCount([...rs, rec('stopped', 2, 99)])).toBe(n);
      }),
      { numRuns: 100 },
    );
  });
});
