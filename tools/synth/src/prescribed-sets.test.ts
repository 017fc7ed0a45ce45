// The families that do the exercise as prescribed (stress-set.ts PRESCRIBED_FAMILIES): what they
// draw, that their seeds stay clear of the stress families', and what the engine makes of the first
// tuning seeds (the held-out seeds are scored by `npm run bench motion` only).
import { describe, expect, it } from 'vitest';
import { runStressSet } from './run-stress.ts';
import {
  PRESCRIBED_FAMILIES,
  prescribedSets,
  STRESS_FAMILIES,
  type StressSet,
  stressSets,
  stressSpecRng,
} from './stress-set.ts';

const firstTuning = (source: 'landmarks' | 'imu', n: number): StressSet[] =>
  prescribedSets('tuning', n).filter((s) => s.family.source === source);

describe('prescribed families', () => {
  it('draw holds of 1-2 s toes down and 0.8-1.2 s toes up, smooth moves and 10-15 reps', () => {
    for (const set of prescribedSets('tuning', 24)) {
      const { program } = set.family.spec(stressSpecRng(set.seed));
      expect(program.reps).toBeGreaterThanOrEqual(10);
      expect(program.reps).toBeLessThanOrEqual(15);
      const t = program.timing!;
      expect(t.plantarHoldS).toBeGreaterThanOrEqual(1);
      expect(t.plantarHoldS).toBeLessThanOrEqual(2);
      expect(t.dorsiHoldS).toBeGreaterThanOrEqual(0.8);
      expect(t.dorsiHoldS).toBeLessThanOrEqual(1.2);
      expect(t.moveS).toBeGreaterThanOrEqual(0.3);
      expect(t.moveS).toBeLessThanOrEqual(0.8);
    }
  });

  it("the truth's full reps hold toes down 0.7 s or more (fidget and all), where the stress tempo mostly does not", () => {
    const held = (sets: StressSet[]) => {
      let full = 0;
      let long = 0;
      for (const set of sets) {
        for (const r of runStressSet(set).truth.reps) {
          if (!r.full) continue;
          full++;
          if (r.plantarHoldS >= 0.7) long++;
        }
      }
      return long / full;
    };
    expect(held(firstTuning('landmarks', 6))).toBeGreaterThan(0.9);
    // The camera family at the stress tempo, the same number of sets.
    const stress = stressSets('tuning', 6).filter((s) => s.familyIndex === 0);
    expect(held(stress)).toBeLessThan(0.5);
  });

  it('take seeds no stress set uses, in either split, and one family per source', () => {
    for (const split of ['tuning', 'heldOut'] as const) {
      const stress = new Set(stressSets(split, 1000).map((s) => s.seed));
      for (const s of prescribedSets(split, 1000)) expect(stress.has(s.seed)).toBe(false);
    }
    expect(PRESCRIBED_FAMILIES.map((f) => f.source).sort()).toEqual(['imu', 'landmarks']);
    expect(STRESS_FAMILIES.some((f) => PRESCRIBED_FAMILIES.includes(f))).toBe(false);
  });
});

describe('the engine on the prescribed tuning seeds', () => {
  // Measured when the families were added (2026-12-06): the camera's first 16 all exact; the
  // phone's 14 of 16 (71008 and 71013 are restless people who never rest at neutral: the engine
  // took a 1.2-1.7 s end hold for the rest, and paired every rep the wrong way round).
  it('a camera counts at least 15 of the first 16 sets exactly', () => {
    const exact = firstTuning('landmarks', 16).filter((s) => runStressSet(s).score.countExact).length;
    expect(exact).toBeGreaterThanOrEqual(15);
  });

  it('a phone on the foot counts at least 13 of the first 16 sets exactly', () => {
    const exact = firstTuning('imu', 16).filter((s) => runStressSet(s).score.countExact).length;
    expect(exact).toBeGreaterThanOrEqual(13);
  });
});
