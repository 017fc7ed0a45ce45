// A person who never rests long enough to settle (holds and pauses shorter than `settleS`) gets
// neutral from where they pause between the ends of their pumps, not from the middle of what they
// did: their toes-down and toes-up peaks read as they are (settling.ts, restlessNeutral).
import { describe, expect, it } from 'vitest';
import { createLandmarkAnalyzer } from './landmark-analyzer.ts';
import { cycleKeys, endOf, framesOf, program, repsOf, restlessPumps } from './leg-frames.test-util.ts';

describe('a restless person’s neutral', () => {
  it('is where they pause between pumps: the peaks read -30 and +15 deg, not -22 and +22', () => {
    const keys = restlessPumps();
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const events = [...framesOf(program(keys), endOf(keys), 30).flatMap((f) => a.push(f)), ...a.end()];
    const cal = events.find((e) => e.type === 'calibrated');
    // Settled by the restless fallback (2.5 s of signal without a rest of 0.6 s), on their pauses.
    expect(cal?.tMs).toBe(2500);
    expect(cal).toMatchObject({ neutralFrom: 'pauses' });
    const reps = repsOf(events);
    expect(reps).toHaveLength(8);
    for (const r of reps) {
      expect(Math.abs(r.peakPlantarDeg + 30)).toBeLessThan(3);
      expect(Math.abs(r.peakDorsiDeg - 15)).toBeLessThan(3);
      expect(Math.abs(r.rangeDeg - 45)).toBeLessThan(4);
    }
  });

  it('is said to come from the movement when they neither rest nor pause, and from a rest when they rest', () => {
    /** `restS` at neutral, then toes down and held, toes up and held, never back to neutral. */
    const neverNeutral = (restS: number) =>
      cycleKeys(
        restS,
        6,
        [
          [0.6, -30],
          [1.2, -30],
          [0.8, 12],
          [0.9, 12],
        ],
        [
          [0.6, 0],
          [3, 0],
        ],
      );
    const calOf = (keys: [number, number][]) => {
      const a = createLandmarkAnalyzer({ sides: ['left'] });
      const events = [...framesOf(program(keys), endOf(keys), 30).flatMap((f) => a.push(f)), ...a.end()];
      return {
        cal: events.find((e) => e.type === 'calibrated'),
        reps: repsOf(events),
        saved: a.calibration().left,
      };
    };
    // The middle of what they did: each rep's range is right, its split is not (-30 and +12
    // around a middle of -9).
    const moving = calOf(neverNeutral(0.2));
    expect(moving.cal).toMatchObject({ neutralFrom: 'movement' });
    expect(moving.reps).toHaveLength(6);
    for (const r of moving.reps) expect(Math.abs(r.rangeDeg - 42)).toBeLessThan(4);
    // Saved for the next session: the range, and no neutral (it learns one at rest) nor peaks.
    expect(moving.saved).toMatchObject({ neutralDeg: null, plantarDeg: null, dorsiDeg: null });
    expect(Math.abs(moving.saved!.rangeDeg! - 42)).toBeLessThan(4);
    // Two seconds at rest first: neutral from that rest, and the split as they made it.
    const rested = calOf(neverNeutral(2));
    expect(rested.cal).toMatchObject({ neutralFrom: 'rest' });
    expect(rested.saved?.neutralDeg).toEqual(expect.any(Number));
    expect(Math.abs(rested.saved!.plantarDeg! + 30)).toBeLessThan(3);
    for (const r of rested.reps) expect(Math.abs(r.peakPlantarDeg + 30)).toBeLessThan(3);
  });
});
