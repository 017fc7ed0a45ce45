// A phone wearer who starts pumping at once and never returns to neutral: each end held, a few
// degrees of wiggle in every hold. Before their first rep the engine's hysteresis comes from the
// span they moved while it settled (rep-bars.ts assumeMoves), so a hold's wiggle is not a swing and
// their first toes-down end is not paired as a toes-up one; and which way is toes down is judged
// from where the recording began, not from the held end the wait for a rest ran out on
// (toes-down-vote.ts).
import { describe, expect, it } from 'vitest';
import { analyzeImuRecording } from './imu-analyzer.ts';
import { imuSamples, mount } from './imu-samples.test-util.ts';
import { cycleKeys, program } from './leg-frames.test-util.ts';

/**
 * 0.3 s still, then `n` cycles: down to -32 (the first move taking `firstS`; held 1.6 s), up to
 * +11 (held 1 s), never back to neutral.
 */
function neverNeutralKeys(n: number, firstS: number): [number, number][] {
  return cycleKeys(
    0.3,
    n,
    (i) => [
      [i === 0 ? firstS : 1, -32],
      [1.6, -32],
      [0.9, 11],
      [1, 11],
    ],
    [
      [0.7, 0],
      [3, 0],
    ],
  );
}

/** A restless wiggle of about 7 deg peak to peak, shaped as the stress generator's (ankle-program.ts). */
const wiggle = (phase: number) => (tS: number) =>
  3.5 * (0.6 * Math.sin(2 * Math.PI * 0.7 * tS + phase) + 0.4 * Math.sin(2 * Math.PI * 1.9 * tS + 2 * phase));

describe('a phone wearer who never returns to neutral', () => {
  // Before: the slower case, with the 20-deg range assumed before any rep, read the wiggle in the
  // first hold as swings and counted 7, each paired toes up first; the quick case, judged from its
  // first toes-down hold, read toes up as toes down throughout (and the last "rep" 18 deg).
  it.each([
    ['a quick first move', 0.5, 5],
    ['a slower first move', 0.8, 0],
  ])('counts 8 reps, each toes down first as they did them (%s)', (_, firstS, phase) => {
    const keys = neverNeutralKeys(8, firstS);
    const ankle = program(keys);
    const w = wiggle(phase);
    const samples = imuSamples(
      { ankleDeg: (t) => ankle(t) + w(t), footMount: mount(70, -35, 120), biasRadS: 0.02 },
      keys[keys.length - 1]![0],
      88,
    );
    const reps = analyzeImuRecording(samples, { side: 'left' }).reps.left;
    expect(reps).toHaveLength(8);
    // Each rep's toes-down end comes before its toes-up end, and both lie in the same cycle.
    for (const r of reps) {
      // Each toes-down peak where the foot was toes down, each toes-up peak where it was up.
      expect(ankle(r.plantarTMs / 1000)).toBeLessThan(-20);
      expect(ankle(r.dorsiTMs / 1000)).toBeGreaterThan(5);
      expect(r.plantarTMs).toBeLessThan(r.dorsiTMs);
      expect(r.dorsiTMs - r.plantarTMs).toBeLessThan(3600);
      // 43 deg, and the wiggle's 3.5 deg either way at each end.
      expect(r.rangeDeg).toBeGreaterThan(36);
      expect(r.rangeDeg).toBeLessThan(52);
    }
    // The first toes-down hold (from 0.8-1.1 s, held 1.6 s) is the first rep's.
    expect(reps[0]!.plantarTMs).toBeLessThan(2800);
  });
});
