// Golden tests: the engine against the generator's exact truth, one seeded set per condition, plus
// the generator's own promises (seeded, reproducible, physically sensible).
import { describe, expect, it } from 'vitest';
import { EVAL_CONDITIONS, evalSets, specRng } from './eval-set.ts';
import { synthImuSession } from './imu-session.ts';
import { synthLandmarkSession } from './landmark-session.ts';
import { createRng } from './prng.ts';
import { runEvalSet } from './run-eval.ts';
import { medianAbs } from './score.ts';

describe('engine against the truth (one seeded set per condition)', () => {
  const sets = evalSets(1, 777);
  for (const set of sets) {
    it(`${set.condition.name}: exact count, range within 3 deg, holds within 0.15 s (median)`, () => {
      const { score } = runEvalSet(set);
      expect(
        score.countExact,
        `counted ${score.counted}, truth ${score.expected}..${score.expectedMax}`,
      ).toBe(true);
      expect(score.splitExact).toBe(true);
      expect(medianAbs(score.rangeErrDeg)).toBeLessThan(3);
      expect(medianAbs(score.holdErrS)).toBeLessThan(0.15);
      expect(score.legFp + score.legFn).toBe(0);
    });
  }
});

describe("getting into position while the camera watches (the bench comfort set's 12 sets)", () => {
  // The leg slides 15-25 cm into place while the foot swings. The fitted foot angle's knee and
  // ankle points, low-passed over a second, lagged the steady slide by 30 px, the pivot learned
  // meanwhile went 20 px off, and two of these sets counted the placing as a pump (13 of 12, 15 of
  // 14), and a third put its first rep's range 13 deg short. A quick follower of the points,
  // running ahead of them by more than 4 times its own noise, now says the leg moves (foot-fit.ts).
  const sets = evalSets(12).filter((s) => s.condition.name === 'getting into position first');
  it('counts every set exactly, the placing never as a pump', () => {
    expect(sets).toHaveLength(12);
    const wrong = sets.flatMap((set) => {
      const { score } = runEvalSet(set);
      return score.countExact ? [] : [`seed ${set.seed}: ${score.counted} of ${score.expected}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe('the generator', () => {
  const lmCondition = EVAL_CONDITIONS.find((c) => c.source === 'landmarks' && c.name.includes('BlazePose'))!;
  const imuCondition = EVAL_CONDITIONS.find((c) => c.source === 'imu' && c.name.includes('any mounting'))!;

  it('gives the same session for the same seed and a different one for another seed', () => {
    if (lmCondition.source !== 'landmarks') throw new Error('landmark condition expected');
    const spec = lmCondition.spec(specRng(5));
    const a = synthLandmarkSession(spec, 5);
    const b = synthLandmarkSession(spec, 5);
    const c = synthLandmarkSession(spec, 6);
    expect(b.frames).toEqual(a.frames);
    expect(b.truth).toEqual(a.truth);
    expect(b.trueAngleDeg(a.truth.reps[0]!.plantarTMs)).toBe(a.trueAngleDeg(a.truth.reps[0]!.plantarTMs));
    expect(c.frames[100]!.landmarks).not.toEqual(a.frames[100]!.landmarks);
  });

  it('draws 33 landmarks per frame, in the image, with rising timestamps', () => {
    if (lmCondition.source !== 'landmarks') throw new Error('landmark condition expected');
    const s = synthLandmarkSession(lmCondition.spec(specRng(9)), 9);
    let last = Number.NEGATIVE_INFINITY;
    const problems: string[] = [];
    for (const f of s.frames) {
      if (!(f.tMs > last)) problems.push(`time ${f.tMs} after ${last}`);
      last = f.tMs;
      if (f.landmarks?.length !== 33) problems.push(`${f.landmarks?.length} landmarks at ${f.tMs}`);
      for (const [x, y] of f.landmarks ?? [])
        if (!(x > 0 && x < 1 && y > 0 && y < 1)) problems.push(`(${x}, ${y})`);
    }
    expect(problems).toEqual([]);
  });

  it('has a phone at rest feel 1 g and no rotation, whatever its mounting', () => {
    if (imuCondition.source !== 'imu') throw new Error('imu condition expected');
    const s = synthImuSession({ ...imuCondition.spec(specRng(3)), noise: false, bias: false }, 3);
    const first = s.samples[0]!;
    expect(Math.hypot(first.ax, first.ay, first.az)).toBeCloseTo(9.80665, 3);
    expect(Math.hypot(first.gx, first.gy, first.gz)).toBeCloseTo(0, 6);
  });

  it('states a truth whose holds and ranges follow the program', () => {
    if (imuCondition.source !== 'imu') throw new Error('imu condition expected');
    const spec = {
      ...imuCondition.spec(specRng(4)),
      program: { ...imuCondition.spec(specRng(4)).program, tempo: 'slow-holds' as const },
    };
    const s = synthImuSession(spec, 4);
    for (const r of s.truth.reps) {
      expect(r.plantarHoldS).toBeGreaterThan(1.5);
      expect(r.dorsiHoldS).toBeGreaterThan(1.0);
      expect(r.rangeDeg).toBeCloseTo(r.peakDorsiDeg - r.peakPlantarDeg, 9);
      expect(r.plantarTMs).toBeLessThan(r.dorsiTMs);
    }
  });

  it('draws uniform numbers from a seed', () => {
    const rng = createRng(42);
    const xs = Array.from({ length: 10000 }, () => rng.next());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
