// The 3-D ankle (ankle-3d.ts): its kinematics reduce to the planar hinge when every part of it is
// off, it adds turning off the pumping axis when on, its families' seeds stay apart, and what the
// engine makes of their first tuning seeds (the held-out seeds: `npm run bench motion` only).
import { describe, expect, it } from 'vitest';
import { type Ankle3dSpec, bodyRate, mul, REAL_ANKLE, rotY, rotZ } from './ankle-3d.ts';
import { synthImuSession } from './imu-session.ts';
import { synthLandmarkSession } from './landmark-session.ts';
import { runStressSet } from './run-stress.ts';
import {
  ANKLE_3D_FAMILIES,
  ankle3dSets,
  asPlanarHinge,
  prescribedSets,
  type StressSet,
  stressSets,
  stressSpecRng,
} from './stress-set.ts';

const OFF: Ankle3dSpec = {
  axisTiltDeg: 0,
  inversionPerPlantar: [0, 0],
  rollWanderDeg: [0, 0],
  legRollDeg: [0, 0],
  strapDegPer100DegS: [0, 0],
  strapHz: [8, 8],
};

const imuSpec = (set: StressSet) => {
  const spec = set.family.spec(stressSpecRng(set.seed));
  if (!('hz' in spec)) throw new Error('not an IMU family');
  return spec;
};

describe('3-D ankle kinematics', () => {
  it('reads a known turn: 2 rad/s about z, seen from a sensor turned 90 deg about y', () => {
    const mount = rotY(Math.PI / 2);
    const at = (tS: number) => mul(rotZ(2 * tS), mount);
    const w = bodyRate(at(0.999), at(1), at(1.001), 0.001);
    // z of the world is -x of the sensor so mounted.
    expect(w[0]).toBeCloseTo(-2, 4);
    expect(w[1]).toBeCloseTo(0, 6);
    expect(w[2]).toBeCloseTo(0, 6);
  });

  it('with every part off, gives the planar hinge: the same accelerometer, the gyro within 0.001 rad/s', () => {
    for (const set of ankle3dSets('tuning', 3).filter((s) => s.family.source === 'imu')) {
      const spec = imuSpec(set);
      const planar = synthImuSession({ ...spec, ankle3d: undefined }, set.seed).samples;
      const off = synthImuSession({ ...spec, ankle3d: OFF }, set.seed).samples;
      expect(off.length).toBe(planar.length);
      for (let i = 0; i < off.length; i++) {
        const a = planar[i]!;
        const b = off[i]!;
        expect(Math.abs(a.ax - b.ax) + Math.abs(a.ay - b.ay) + Math.abs(a.az - b.az)).toBeLessThan(1e-9);
        expect(Math.max(Math.abs(a.gx - b.gx), Math.abs(a.gy - b.gy), Math.abs(a.gz - b.gz))).toBeLessThan(
          1e-3,
        );
      }
    }
  });

  it("with every part off, puts the camera's landmarks where the planar hinge does", () => {
    for (const set of ankle3dSets('tuning', 2).filter((s) => s.family.source === 'landmarks')) {
      const spec = set.family.spec(stressSpecRng(set.seed));
      if (!('fps' in spec)) throw new Error('not a camera family');
      const planar = synthLandmarkSession({ ...spec, ankle3d: undefined }, set.seed).frames;
      const off = synthLandmarkSession({ ...spec, ankle3d: OFF }, set.seed).frames;
      expect(off.length).toBe(planar.length);
      let most = 0;
      for (let i = 0; i < off.length; i++) {
        const a = planar[i]!.landmarks;
        const b = off[i]!.landmarks;
        if (!a || !b) continue;
        for (let k = 0; k < a.length; k++)
          most = Math.max(most, Math.abs(a[k]![0] - b[k]![0]), Math.abs(a[k]![1] - b[k]![1]));
      }
      expect(most).toBeLessThan(1e-9);
      // On, the foot's points leave the hinge's plane: the toes move in the picture, if only by a
      // pixel or two from the side (measured at most 1.9 and 0.5 px on these two sets: a roll or
      // a tilted axis moves the toes mostly along the line of sight).
      const real = synthLandmarkSession(spec, set.seed).frames;
      let moved = 0;
      for (let i = 0; i < real.length; i++) {
        const a = planar[i]!.landmarks;
        const b = real[i]!.landmarks;
        if (a && b)
          moved = Math.max(
            moved,
            Math.abs(a[31]![0] - b[31]![0]) * 640,
            Math.abs(a[32]![0] - b[32]![0]) * 640,
          );
      }
      expect(moved).toBeGreaterThan(0.3);
    }
  });

  it('turns the foot off its pumping axis, and leaves the truth (the pump) as it was', () => {
    // The gyro's variance off its main axis, as a share of all of it: a planar hinge has only the
    // sensor's noise there.
    const offAxisShare = (samples: readonly { gx: number; gy: number; gz: number }[]) => {
      const c = [0, 0, 0, 0, 0, 0, 0, 0, 0];
      for (const s of samples) {
        const v = [s.gx, s.gy, s.gz];
        for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) c[3 * i + j]! += v[i]! * v[j]!;
      }
      let v = [0.6, 0.5, 0.62];
      let lambda = 0;
      for (let k = 0; k < 80; k++) {
        const w = [0, 1, 2].map((i) => c[3 * i]! * v[0]! + c[3 * i + 1]! * v[1]! + c[3 * i + 2]! * v[2]!);
        lambda = Math.hypot(w[0]!, w[1]!, w[2]!);
        v = w.map((x) => x / lambda);
      }
      return 1 - lambda / (c[0]! + c[4]! + c[8]!);
    };
    const planarShares: number[] = [];
    const shares: number[] = [];
    for (const set of ankle3dSets('tuning', 6).filter((s) => s.familyIndex === 0)) {
      const spec = imuSpec(set);
      const real = synthImuSession(spec, set.seed);
      const planar = synthImuSession({ ...spec, ankle3d: undefined }, set.seed);
      expect(real.truth.reps).toEqual(planar.truth.reps);
      shares.push(offAxisShare(real.samples));
      planarShares.push(offAxisShare(planar.samples));
    }
    // Measured: 0.2-2.1% of the gyro's variance off its main axis on the 3-D ankle, 0.0005-0.3% on
    // the hinge (its sensor noise and bias).
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    expect(median(shares)).toBeGreaterThan(10 * median(planarShares));
    for (let i = 0; i < shares.length; i++) expect(shares[i]!).toBeGreaterThan(planarShares[i]!);
  });
});

describe('3-D ankle families', () => {
  it('draw every part of the real ankle and take seeds no other family uses', () => {
    for (const set of ankle3dSets('tuning', 4)) {
      expect(set.family.spec(stressSpecRng(set.seed)).ankle3d).toEqual(REAL_ANKLE);
      expect(asPlanarHinge(set).family.spec(stressSpecRng(set.seed)).ankle3d).toBeUndefined();
    }
    for (const split of ['tuning', 'heldOut'] as const) {
      const others = new Set([...stressSets(split, 1000), ...prescribedSets(split, 1000)].map((s) => s.seed));
      for (const s of ankle3dSets(split, 1000)) expect(others.has(s.seed)).toBe(false);
    }
    expect(ANKLE_3D_FAMILIES.map((f) => f.source).sort()).toEqual(['imu', 'imu', 'landmarks', 'landmarks']);
  });

  // Measured when the families were added (2026-12-06, tuning seeds 80000-80015 and 81000-81015):
  // 3-D 30 of 32 exact, the same seeds as a planar hinge 31 of 32 (81013, a restless person paired
  // the wrong way round, fails either way); the range error median 1.3 deg (hinge 0.4). Over 64 a
  // family the leg rolling at the hip is most of the loss (motion README, 2026-12-06).
  it('a phone on a 3-D ankle counts at least 29 of the first 32 tuning sets exactly, degrees within 2 deg at the median', () => {
    const sets = ankle3dSets('tuning', 16).filter((s) => s.family.source === 'imu');
    const outcomes = sets.map((s) => runStressSet(s));
    expect(outcomes.filter((o) => o.score.countExact).length).toBeGreaterThanOrEqual(29);
    const errs = outcomes.flatMap((o) => o.score.rangeErrDeg.map(Math.abs)).sort((a, b) => a - b);
    expect(errs[Math.floor(errs.length / 2)]!).toBeLessThan(2);
    // The same seeds as a planar hinge: the 3-D ankle is what costs, not the draw.
    const hinge = sets.filter((s) => runStressSet(asPlanarHinge(s)).score.countExact).length;
    expect(hinge).toBeGreaterThanOrEqual(30);
  });

  // Tuning seed 80017: 9 pumps of 16 deg at a 3-s pace while the leg rolls at the hip. The pumping
  // axis, seeded from the first 4 deg of turn the roll shares, was never refined by these slow
  // turns: 4 of 9 counted until each swing's own turn taught the axis (packages/motion swing-axis.ts).
  it('a phone counts every pump of a foot whose leg rolls as the first pumps start', () => {
    const set = ankle3dSets('tuning', 18).find((s) => s.seed === 80017)!;
    const o = runStressSet(set);
    expect(o.truth.expectedReps).toBe(9);
    expect(o.score.counted).toBe(9);
    expect(o.score.countExact).toBe(true);
  });
});
