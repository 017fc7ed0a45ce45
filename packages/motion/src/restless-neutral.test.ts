// A person who never rests long enough to settle (holds and pauses shorter than `settleS`) gets
// neutral from where they pause between the ends of their pumps, not from the middle of what they
// did: their toes-down and toes-up peaks read as they are (settling.ts, restlessNeutralDeg).
import { describe, expect, it } from 'vitest';
import { createLandmarkAnalyzer } from './landmark-analyzer.ts';
import { appendKeys, endOf, framesOf, program, repsOf } from './leg-frames.test-util.ts';

/** 0.4 s at neutral, then 8 pumps to -30 and +15 deg with 0.3-s holds and 0.5-s pauses at neutral. */
function restlessKeys(): [number, number][] {
  const keys: [number, number][] = [
    [0, 0],
    [0.4, 0],
  ];
  for (let i = 0; i < 8; i++) {
    appendKeys(keys, [
      [0.5, -30],
      [0.3, -30],
      [0.7, 15],
      [0.3, 15],
      [0.5, 0],
      [0.5, 0],
    ]);
  }
  return appendKeys(keys, [[3, 0]]);
}

describe('a restless person’s neutral', () => {
  it('is where they pause between pumps: the peaks read -30 and +15 deg, not -22 and +22', () => {
    const keys = restlessKeys();
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const events = [...framesOf(program(keys), endOf(keys), 30).flatMap((f) => a.push(f)), ...a.end()];
    const cal = events.find((e) => e.type === 'calibrated');
    // Settled by the restless fallback (2.5 s of signal without a rest of 0.6 s).
    expect(cal?.tMs).toBe(2500);
    const reps = repsOf(events);
    expect(reps).toHaveLength(8);
    for (const r of reps) {
      expect(Math.abs(r.peakPlantarDeg + 30)).toBeLessThan(3);
      expect(Math.abs(r.peakDorsiDeg - 15)).toBeLessThan(3);
      expect(Math.abs(r.rangeDeg - 45)).toBeLessThan(4);
    }
  });
});
