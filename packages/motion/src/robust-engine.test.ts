// Issue 10: the engine on streams it was not tuned to: outliers, noise, a resting foot, a person
// who never rests, a visibility burst, small ranges, and a person who starts toes up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAngleChain, createHampel, PRE_FILTER_HZ, preFilterWhiteGain } from './angle-front-end.ts';
import { createAnkleTracker } from './ankle-tracker.ts';
import { analyzeImuRecording } from './imu-analyzer.ts';
import { imuSamples, mount } from './imu-samples.test-util.ts';
import { analyzeLandmarkRecording } from './landmark-analyzer.ts';
import {
  appendKeys,
  appendPumps,
  cycleKeys,
  endOf,
  framesOf,
  minJerk,
  program,
  pumps,
  twoSets,
} from './leg-frames.test-util.ts';
import type { MotionEvent, RepMetrics } from './motion-events.ts';
import { createNoiseMeter, createSampleNoiseMeter } from './noise-meter.ts';
import { DEFAULT_ONE_EURO } from './one-euro-filter.ts';
import { shapeWhiteGain } from './rep-shape.ts';
import { rng } from './seeded-rng.test-util.ts';
import { DEFAULT_TRACKER } from './tracker-options.ts';

const left = { sides: ['left'] as const };

/** Angle noise as a pose estimator gives it: Gaussian jitter plus rare wild outliers. */
function noisy(angle: (tS: number) => number, sdDeg: number, outlierRate: number, seed: number) {
  const r = rng(seed);
  const seen = new Map<number, number>();
  return (tS: number) => {
    const key = Math.round(tS * 1e6);
    let v = seen.get(key);
    if (v === undefined) {
      v =
        sdDeg * r.normal() + (r.next() < outlierRate ? (r.next() < 0.5 ? -1 : 1) * (25 + 20 * r.next()) : 0);
      seen.set(key, v);
    }
    return angle(tS) + v;
  };
}

describe('front end: Hampel filter and noise meter', () => {
  it('replaces a one-frame outlier with the local median but keeps a two-frame peak at 10 fps', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 15, max: 60, noNaN: true }),
        fc.integer({ min: 8, max: 30 }),
        (spikeDeg, at) => {
          const h = createHampel();
          const out: number[] = [];
          for (let i = 0; i < 40; i++) out.push(h.next(i === at ? spikeDeg : 1 + 0.1 * Math.sin(i), 1 / 30));
          expect(Math.abs(out[at]! - 1)).toBeLessThan(1);
          const h10 = createHampel();
          const peak: number[] = [];
          for (let i = 0; i < 20; i++) peak.push(h10.next(i === 10 || i === 11 ? -spikeDeg : 0, 0.1));
          // Causal: the peak's first frame is judged alone, its second with the first beside it.
          expect(peak[11]).toBeCloseTo(-spikeDeg, 6);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("says a replaced frame was the foot setting off once the next frame carries on, never a spike's", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 15, max: 60, noNaN: true }),
        fc.double({ min: 0.6, max: 1.5, noNaN: true }),
        (depthDeg, on) => {
          // 11 fps at rest, then a swing down: its first frame is judged alone and replaced.
          const h = createHampel();
          for (let i = 0; i < 10; i++) h.next(0, 1 / 11);
          expect(h.next(-depthDeg, 1 / 11)).toBe(0);
          expect(h.confirmedDeg).toBeNaN();
          h.next(-on * depthDeg, 1 / 11);
          expect(h.confirmedDeg).toBe(-depthDeg);
          // A spike: the frame after it is back at rest.
          const s = createHampel();
          for (let i = 0; i < 10; i++) s.next(0, 1 / 11);
          s.next(depthDeg, 1 / 11);
          s.next(0.5, 1 / 11);
          expect(s.confirmedDeg).toBeNaN();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps every sample of a fast small pump whose leading samples are a minority of the window', () => {
    fc.assert(
      fc.property(fc.double({ min: 8, max: 25, noNaN: true }), (depthDeg) => {
        // 28 Hz, a 0.3-s dip: 7 samples, the first three of them a minority of the 7-sample window.
        // Causal: the dip's first sample is judged alone; from its second on, two samples agree.
        const h = createHampel();
        const x = (i: number) => (i >= 10 && i <= 18 ? -depthDeg * Math.sin((Math.PI * (i - 10)) / 8) : 0);
        const out: number[] = [];
        for (let i = 0; i < 30; i++) out.push(h.next(x(i), 1 / 28));
        for (let i = 0; i < 30; i++) if (i !== 11) expect(out[i]).toBeCloseTo(x(i), 9);
        expect(Math.min(...out)).toBeCloseTo(-depthDeg, 9);
      }),
      { numRuns: 20 },
    );
  });

  it('reads white noise within 30% whether the foot rests or moves slowly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (sd, seed) => {
          const r = rng(seed);
          const still = createNoiseMeter();
          const moving = createNoiseMeter();
          for (let i = 0; i < 30 * 40; i++) {
            const e = sd * r.normal();
            still.add(e, 1 / 30);
            moving.add(e + 15 * Math.sin((2 * Math.PI * 0.25 * i) / 30), 1 / 30);
          }
          expect(still.sdDeg / sd).toBeGreaterThan(0.7);
          expect(still.sdDeg / sd).toBeLessThan(1.3);
          expect(moving.sdDeg / sd).toBeGreaterThan(0.7);
          expect(moving.sdDeg / sd).toBeLessThan(1.35);
        },
      ),
      // A fixed seed: the suite must give the same answer on every run.
      { numRuns: 15, seed: 20_261_130 },
    );
  });
});

describe('frame-to-frame noise meter (switches the pre-filter)', () => {
  it('reads white jitter, but hardly a slow fidget the turning-point meter takes for noise', () => {
    const r = rng(7);
    const white = createSampleNoiseMeter();
    const fidgetFine = createSampleNoiseMeter();
    const fidgetTurning = createNoiseMeter();
    for (let i = 0; i < 43 * 60; i++) {
      const tS = i / 43;
      white.add(2 * r.normal(), 1 / 43);
      // A restless person: a 3-degree sway at 1.3 Hz and 0.5 degree of jitter.
      const sway = 3 * Math.sin(2 * Math.PI * 1.3 * tS) + 0.5 * r.normal();
      fidgetFine.add(sway, 1 / 43);
      fidgetTurning.add(sway, 1 / 43);
    }
    expect(white.sdDeg).toBeGreaterThan(1.4);
    expect(white.sdDeg).toBeLessThan(2.6);
    expect(fidgetFine.sdDeg).toBeLessThan(1);
    expect(fidgetTurning.sdDeg).toBeGreaterThan(1.5);
  });
});

describe('the angle chain splits the noise it will smooth from the noise it will not', () => {
  // The noise bars count the frame-to-frame (white) part at what the smoothing leaves of it, and
  // the part correlated over a tenth of a second (which smoothing leaves) in full.
  const feed = (noise: (i: number) => number, fps: number) => {
    const chain = createAngleChain(DEFAULT_ONE_EURO);
    for (let i = 0; i < fps * 40; i++) chain.next(noise(i), (1000 * i) / fps);
    return chain;
  };
  it('calls white jitter white, so the pre-filter is credited with it', () => {
    const r = rng(11);
    const chain = feed(() => 8 * r.normal(), 40);
    expect(chain.preFiltering).toBe(true);
    expect(Math.sqrt(chain.whiteVarDeg2)).toBeGreaterThan(5.6);
    expect(chain.correlatedVarDeg2).toBeLessThan(0.25 * chain.whiteVarDeg2);
  });
  it('calls jitter that lasts a tenth of a second mostly correlated, so no smoothing is credited', () => {
    const r = rng(12);
    let ar = 0;
    const rho = Math.exp(-1 / 60 / 0.1);
    const chain = feed(() => {
      ar = rho * ar + 4 * Math.sqrt(1 - rho * rho) * r.normal();
      return ar;
    }, 60);
    expect(chain.correlatedVarDeg2).toBeGreaterThan(chain.whiteVarDeg2);
  });
  it('lets through a share of white noise that falls with the frame rate (pre-filter and rep shape)', () => {
    for (const gain of [preFilterWhiteGain, shapeWhiteGain]) {
      expect(gain(1 / 10)).toBeLessThanOrEqual(1);
      expect(gain(1 / 60)).toBeLessThan(gain(1 / 20));
      expect(gain(1 / 20)).toBeLessThan(0.5);
    }
    // Two one-pole stages at PRE_FILTER_HZ, 30 fps, measured on white noise against the formula.
    const r = rng(13);
    const k = 2 * Math.PI * PRE_FILTER_HZ * (1 / 30);
    const a = k / (1 + k);
    let p1 = 0;
    let p2 = 0;
    let sum2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      p1 += a * (r.normal() - p1);
      p2 += a * (p1 - p2);
      sum2 += p2 * p2;
    }
    expect(sum2 / n / preFilterWhiteGain(1 / 30)).toBeGreaterThan(0.93);
    expect(sum2 / n / preFilterWhiteGain(1 / 30)).toBeLessThan(1.07);
  });
});

describe('noise meter at a low frame rate', () => {
  it('reads the noise of a 10 fps pump stream, not the movement between the holds', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (sd, seed) => {
          const r = rng(seed);
          const keys = pumps(12, -30, 15, 0.6, 0.5);
          const angle = program(keys);
          const m = createNoiseMeter();
          for (let k = 0; k * 0.1 <= endOf(keys); k++) m.add(angle(k * 0.1) + sd * r.normal(), 0.1);
          expect(m.sdDeg / sd).toBeLessThan(2.5);
        },
      ),
      // Fixed streams: the meter's reading of the same noise varies from 0.2 to 2.6 times its true
      // size across 400 random streams (a running quartile over a minute), so random draws made
      // this test fail about one run in three. A meter that learns the movement fails it on these.
      { numRuns: 10, seed: 20_261_129 },
    );
  });
});

/** Appends 8 pumps with no rest between them (down to -30, up to 12, short holds) and the way back. */
function pumpsWithoutRest(keys: [number, number][]): void {
  for (let i = 0; i < 8; i++) {
    appendKeys(keys, [
      [0.6, -30],
      [0.5, -30],
      [0.7, 12],
      [0.4, 12],
    ]);
  }
  appendKeys(keys, [[0.6, 0]]);
}

/** 16 pumps from 2 s to 22 s: toes down 20, up 10, no holds, 48 a minute (a steady pumper). */
function steadyPumps(tS: number): number {
  if (tS < 2 || tS >= 22) return 0;
  const s = Math.sin(2 * Math.PI * 0.8 * (tS - 2));
  return s > 0 ? -20 * s : -10 * s;
}

/** The reps counted on a foot that rests 90 s under `sdDeg` of white jitter at `fps` (none is right). */
function restingFootReps(sdDeg: number, seed: number, fps: number): readonly RepMetrics[] {
  return analyzeLandmarkRecording(
    framesOf(
      noisy(() => 0, sdDeg, 0, seed),
      90,
      fps,
    ),
    left,
  ).reps.left;
}

/**
 * 16 pumps of `cycle` (keyframes: seconds, degrees) after 2 s at rest, through `sdDeg` of jitter
 * at `fps`, once per seed: the reps counted in all (no seed may count more than the 16).
 */
function quickPumpsCounted(
  cycle: readonly (readonly [number, number])[],
  { sdDeg, fps, seeds }: { sdDeg: number; fps: number; seeds: readonly number[] },
): number {
  const keys = cycleKeys(2, 16, cycle, [[2, 0]]);
  let counted = 0;
  for (const seed of seeds) {
    const reps = analyzeLandmarkRecording(
      framesOf(noisy(program(keys), sdDeg, 0, seed), endOf(keys), fps),
      left,
    ).reps.left;
    expect(reps.length, `seed ${seed}`).toBeLessThanOrEqual(16);
    counted += reps.length;
  }
  return counted;
}

describe('rep engine on hard streams', () => {
  it('counts fast no-hold pumps at 15 fps that start after only 0.4 s or 0.2 s of rest', () => {
    // 1 s pumps (toes down 20, up 10, no holds) from a recording (0.3 s settle, as analyze uses):
    // the first swings come before the noise meter has seen a second of rest, and their curvature
    // must not be taken for noise, or no rep clears the noise floor.
    for (const restS of [0.4, 0.2]) {
      const pumping = (tS: number) => {
        if (tS < restS || tS >= restS + 10) return 0;
        const s = Math.sin(2 * Math.PI * (tS - restS));
        return s > 0 ? -20 * s : -10 * s;
      };
      const r = analyzeLandmarkRecording(framesOf(pumping, restS + 11, 15), { ...left, settleS: 0.3 });
      expect(r.reps.left.length, `after ${restS} s of rest`).toBeGreaterThanOrEqual(9);
      expect(r.reps.left.length, `after ${restS} s of rest`).toBeLessThanOrEqual(10);
    }
  });

  it('counts no reps on a resting foot that only shows landmark noise and outliers', () => {
    for (const [sd, seed] of [
      [2, 1],
      [4, 2],
      [6, 3],
      [3, 4],
    ] as const) {
      const rest = noisy(() => 0, sd, 0.03, seed);
      const r = analyzeLandmarkRecording(framesOf(rest, 90, 30), left);
      expect(r.reps.left).toEqual([]);
    }
  });

  it('still counts every pump through the same noise and outliers', () => {
    for (const seed of [5, 6, 7]) {
      const keys = pumps(8, -25, 12, 0.8);
      const r = analyzeLandmarkRecording(
        framesOf(noisy(program(keys), 2, 0.03, seed), endOf(keys), 30),
        left,
      );
      expect(r.reps.left).toHaveLength(8);
    }
  });

  it('at 60 fps counts 18-degree pumps through 4 degrees of noise, and still none on a resting foot', () => {
    // The rep's noise bar (3.75 x the noise, with the swing hysteresis kept out of the noise); the
    // bar before (4 x) counted 44 of these 48.
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const keys = pumps(8, -12, 6, 0.4, 0.4);
      const r = analyzeLandmarkRecording(framesOf(noisy(program(keys), 4, 0, seed), endOf(keys), 60), left);
      expect(r.reps.left, `seed ${seed}`).toHaveLength(8);
      expect(restingFootReps(4, seed + 10, 60), `resting foot, seed ${seed}`).toEqual([]);
    }
  });

  it('counts more of a steady pumper through 8 degrees of jitter, and still none on a resting foot', () => {
    // 16 pumps (toes down 20, up 10, no holds, 48 a minute) at 25 fps: the noise bars alone (8 SDs of
    // what the pre-filter leaves) counted 17 of these 96; where the angle repeats itself at the pump's
    // pace they came down to a share of its swing, never under half of that bar (noise-bars.ts,
    // period-meter.ts): 36. Read the noise from how plainly the angle repeats itself as well, and
    // let a plainly periodic swing take the bars down to 0.3 of the noise's: 76; and look back at the
    // pumps before the pace was seen (next test): 94.
    let counted = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = analyzeLandmarkRecording(framesOf(noisy(steadyPumps, 8, 0, seed), 24, 25), left);
      expect(r.reps.left.length, `seed ${seed}`).toBeLessThanOrEqual(16);
      counted += r.reps.left.length;
      expect(restingFootReps(8, seed + 100, 25), `resting foot, seed ${seed}`).toEqual([]);
    }
    expect(counted).toBeGreaterThanOrEqual(64);
  });

  it('at 13 fps counts 15-degree pumps through 4 degrees of jitter and reads their range within 3 degrees', () => {
    // The rep shape's running means each reach at least 1.5 frame intervals (rep-shape.ts): at
    // +-60 ms they held each sample alone below 17 fps, so a rep's peaks were single noisy frames
    // (ranges 8.6 deg too large on average) and its noise bar twice 30 fps's (45 of these 60 counted;
    // now 58, 1.9 deg off).
    let counted = 0;
    let errSumDeg = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const keys = pumps(10, -10, 5, 0.2, 0.3);
      const reps = analyzeLandmarkRecording(framesOf(noisy(program(keys), 4, 0, seed), endOf(keys), 13), left)
        .reps.left;
      expect(reps.length, `seed ${seed}`).toBeLessThanOrEqual(10);
      counted += reps.length;
      for (const r of reps) errSumDeg += Math.abs(r.rangeDeg - 15);
      expect(restingFootReps(4, seed + 50, 13), `resting foot, seed ${seed}`).toEqual([]);
    }
    expect(counted).toBeGreaterThanOrEqual(50);
    expect(errSumDeg / counted).toBeLessThan(3);
  });

  it('counts quick no-hold pumps at 15 fps through jitter once they repeat, and none on a resting foot', () => {
    // 16 pumps whose moves take 0.12 s (toes down 30, up 15, back, 0.4 s at rest), 3 degrees of
    // jitter at 15 fps: the pre-filter smooths, and the 1-euro filter's lag on top of it flattened
    // them (39 of these 96 counted). Where the angle plainly repeats at a pump's pace, the
    // pre-filter's smoothing is all it gets (angle-front-end.ts): 78.
    const counted = quickPumpsCounted(
      [
        [0.12, -30],
        [0.156, 15],
        [0.12, 0],
        [0.4, 0],
      ],
      { sdDeg: 3, fps: 15, seeds: [1, 2, 3, 4, 5, 6] },
    );
    expect(counted).toBeGreaterThanOrEqual(66);
    for (const seed of [1, 2, 3, 4, 5, 6])
      expect(restingFootReps(3, seed + 200, 15), `resting foot, seed ${seed}`).toEqual([]);
  });

  it('at 11 fps counts quick pumps whose toes-down end the camera saw in two frames, through 6 degrees of jitter', () => {
    // Toes down 35 deg in 0.15 s, up to 14 in 0.2 s, back, 0.45 s at rest: at 11 fps each toes-down
    // end is one or two frames. The first frame of the swing down is judged alone and replaced by
    // the median (it could be a spike); the next frame, carrying on, shows it was the foot setting
    // off, and the pre-filter takes that frame again as it came (angle-front-end.ts). Replaced for
    // good, the pre-filter halved each toes-down end and 48 of these 128 were counted; now 84.
    const counted = quickPumpsCounted(
      [
        [0.15, -35],
        [0.2, 14],
        [0.15, 0],
        [0.45, 0],
      ],
      { sdDeg: 6, fps: 11, seeds: [1, 2, 3, 4, 5, 6, 7, 8] },
    );
    expect(counted).toBeGreaterThanOrEqual(76);
    for (const seed of [1, 2, 3])
      expect(restingFootReps(6, seed + 300, 11), `resting foot, seed ${seed}`).toEqual([]);
  });

  it('counts the first pumps of a steady pumper through jitter once it sees the pace, and none at rest', () => {
    // Toes down 20, up 10, no holds, 48 a minute from 2 s, through 8 degrees of jitter at 25 fps:
    // the bars come down only after the period meter has seen 3 s or more of pumping, and the
    // pumps before stay uncounted unless they are looked back at under the lowered bars.
    let early = 0;
    let late = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const reps = analyzeLandmarkRecording(framesOf(noisy(steadyPumps, 8, 0, seed), 24, 25), left).reps.left;
      // Each counted rep is a pump: its toes-down peak where a pump's is (every 1.25 s from 2.3 s).
      for (const r of reps) {
        const phase = ((r.plantarTMs / 1000 - 2.3125) / 1.25) % 1;
        expect(Math.min(phase, 1 - phase), `seed ${seed}, rep at ${r.plantarTMs} ms`).toBeLessThan(0.25);
      }
      expect(new Set(reps.map((r) => r.index)).size, `seed ${seed}: indices`).toBe(reps.length);
      early += reps.filter((r) => r.plantarTMs < 8000).length;
      late += reps.filter((r) => r.plantarTMs >= 8000).length;
    }
    // 5 pumps a seed before 8 s, 11 after: without the look-back 11 of the 30 early ones counted.
    expect(early).toBeGreaterThanOrEqual(24);
    expect(late).toBeGreaterThanOrEqual(60);
  });

  it("counts more of an irregular pumper's pumps through jitter once their own are known, none after the set", () => {
    // 14 pumps of about 30 deg (each 0.85-1.15 of toes down 20, up 10), moves of 0.25 s, holds of
    // 0.1-0.3 s, rests of 0.3-2.3 s between them, through 6 deg of jitter at 12 fps, then a minute
    // of rest. Irregular, so the angle never repeats plainly enough to bring the bars down
    // (noise-bars.ts); the person's own pumps do, while they keep pumping (own-pumps.ts). With the
    // whole bars 99 of these 112 were counted (13 short in all); now 105, one seed counting 15 (a
    // noise swing let through: the trade the relief makes, 9 off in all).
    const r = rng(99);
    const keys: [number, number][] = [
      [0, 0],
      [2, 0],
    ];
    for (let i = 0; i < 14; i++) {
      const k = 0.85 + 0.3 * r.next();
      appendKeys(keys, [
        [0.25, -20 * k],
        [0.2 * (0.5 + r.next()), -20 * k],
        [0.3, 10 * k],
        [0.2 * (0.5 + r.next()), 10 * k],
        [0.25, 0],
        [0.3 + 2 * r.next(), 0],
      ]);
    }
    const setEndMs = endOf(keys) * 1000;
    appendKeys(keys, [[60, 0]]);
    let offReps = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const reps = analyzeLandmarkRecording(framesOf(noisy(program(keys), 6, 0, seed), endOf(keys), 12), left)
        .reps.left;
      const inSet = reps.filter((x) => x.plantarTMs < setEndMs);
      expect(Math.abs(inSet.length - 14), `seed ${seed}: ${inSet.length} of 14`).toBeLessThanOrEqual(2);
      expect(reps.length - inSet.length, `seed ${seed}: reps in the rest after the set`).toBe(0);
      offReps += Math.abs(inSet.length - 14);
    }
    expect(offReps).toBeLessThanOrEqual(10);
  });

  it('keeps hold-started and hold-ended in pairs when a look-back replays a hold under way', () => {
    // 12 pumps with 2-s holds through 6 degrees of jitter at 30 fps: the bars come down (a look-back)
    // around a hold in some of these seeds. A look-back that dropped the events of a replay that
    // counted nothing, hold-started among them, left the real stream's hold-ended with no start
    // (seed 6); one that dropped a hold's end would leave a live hold timer running.
    let counted = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const keys = pumps(12, -25, 15, 2, 0.5);
      const pumping = program(keys);
      const n = rng(seed).normal;
      const r = analyzeLandmarkRecording(
        framesOf((tS) => pumping(tS) + 6 * n(), endOf(keys), 30),
        left,
      );
      counted += r.reps.left.length;
      let holding = false;
      for (const e of r.events) {
        if (e.type === 'hold-started') {
          expect(holding, `seed ${seed}: a hold started inside another at ${e.tMs} ms`).toBe(false);
          holding = true;
        } else if (e.type === 'hold-ended') {
          expect(holding, `seed ${seed}: a hold ended that never started at ${e.tMs} ms`).toBe(true);
          holding = false;
        }
      }
    }
    expect(counted).toBe(240);
  });

  it('says when the angle is too noisy to count small pumps, with the smallest it can count', () => {
    const loud = analyzeLandmarkRecording(
      framesOf(
        noisy(() => 0, 6, 0.03, 3),
        30,
        30,
      ),
      left,
    );
    const told = loud.warnings.filter((w) => w.code === 'noisy');
    expect(told).toHaveLength(1);
    const floorDeg = Number(/smaller than about (\d+) degrees/.exec(told[0]!.message)?.[1]);
    expect(floorDeg).toBeGreaterThan(10);
    expect(floorDeg).toBeLessThan(60);
    const keys = pumps(8, -25, 12, 0.8);
    const quiet = analyzeLandmarkRecording(framesOf(noisy(program(keys), 0.5, 0, 5), endOf(keys), 30), left);
    expect(quiet.warnings.filter((w) => w.code === 'noisy')).toEqual([]);
    expect(quiet.reps.left).toHaveLength(8);
  });

  it('tells a person whose quick pumps the noise hides to hold each end, which gets them counted', () => {
    // 20-deg pumps (toes down 12, up 8) moved in 0.15 s under 3 deg of jitter at 15 fps: bigger
    // than the smallest pump the noise lets through (13-15 deg), but the smoothing that holds the
    // noise back flattens a pump that does not stop at its ends. Named by size alone, the warning
    // told this person their 20-deg pumps were too small.
    for (const seed of [1, 2]) {
      const quick = pumps(12, -12, 8, 0, 0.15);
      const r = analyzeLandmarkRecording(framesOf(noisy(program(quick), 3, 0, seed), endOf(quick), 15), left);
      expect(r.reps.left.length).toBeLessThan(12);
      const told = r.warnings.find((w) => w.code === 'noisy');
      expect(told?.message).toMatch(
        /or quick ones that do not stop at each end \(hold each end for a second\)/,
      );
      const held = pumps(12, -12, 8, 1, 0.15);
      const h = analyzeLandmarkRecording(framesOf(noisy(program(held), 3, 0, seed), endOf(held), 15), left);
      expect(h.reps.left).toHaveLength(12);
    }
  });

  it("says so when the noise floor sits near the person's own pumps, though under 10 degrees", () => {
    // 15-deg pumps (toes down 10, up 5, 0.2-s holds) under 2.5 deg of jitter at 30 fps: the
    // smallest pump the noise lets through is 8-9 deg, more than half of theirs. A floor under
    // 10 deg alone never warned, and a short count here said nothing about why.
    const keys = pumps(12, -10, 5, 0.2, 0.3);
    const floors: number[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      const r = analyzeLandmarkRecording(framesOf(noisy(program(keys), 2.5, 0, seed), endOf(keys), 30), left);
      const first = r.warnings.find((w) => w.code === 'noisy');
      if (first) floors.push(Number(/smaller than about (\d+) degrees/.exec(first.message)?.[1]));
    }
    expect(floors.filter((f) => f < 10).length).toBeGreaterThanOrEqual(4);
    // The same pumps with little jitter: nothing to say.
    for (let seed = 1; seed <= 3; seed++) {
      const r = analyzeLandmarkRecording(framesOf(noisy(program(keys), 0.3, 0, seed), endOf(keys), 30), left);
      expect(r.warnings.filter((w) => w.code === 'noisy')).toEqual([]);
      expect(r.reps.left).toHaveLength(12);
    }
  });

  it('counts a person who never rests: pumps from the first second over a constant fidget', () => {
    const keys: [number, number][] = [[0, 0]];
    pumpsWithoutRest(keys);
    const pumping = program(keys);
    const fidget = (t: number) =>
      pumping(t) + 2 * Math.sin(2 * Math.PI * 1.9 * t) + 1.5 * Math.sin(2 * Math.PI * 0.7 * t);
    const r = analyzeLandmarkRecording(framesOf(fidget, endOf(keys) + 1, 30), left);
    // The first pump may go to settling; the rest count.
    expect(r.reps.left.length).toBeGreaterThanOrEqual(7);
    expect(r.reps.left.length).toBeLessThanOrEqual(8);
  });

  it('does not count a leg being put in place, then counts every pump of a person who never rests', () => {
    // 2.8 s of placing: the leg slides 60 px (0.4 of the shank) while the ankle wiggles down, up,
    // down and back; then 8 pumps at once, with no rest anywhere and a fidget on top.
    const keys: [number, number][] = [[0, 0]];
    appendKeys(keys, [
      [0.7, -25],
      [0.7, 10],
      [0.6, -15],
      [0.8, 0],
    ]);
    const placingS = endOf(keys);
    pumpsWithoutRest(keys);
    const pumping = program(keys);
    const fidget = (t: number) => pumping(t) + 2 * Math.sin(2 * Math.PI * 1.9 * t);
    const slidePx = (t: number) => 60 * Math.min(1, t / placingS);
    const r = analyzeLandmarkRecording(
      framesOf(fidget, endOf(keys) + 1, 30, (t) => ({ shiftPx: slidePx(t) })),
      left,
    );
    // The first pump may go to settling (its toes-down hold looks like a rest); the rest count.
    expect(r.reps.left.length).toBeGreaterThanOrEqual(7);
    expect(r.reps.left.length).toBeLessThanOrEqual(8);
    // Every rep is a pump: none has its toes-down peak while the leg was being placed (replaying
    // the restless settling without noticing the leg move counted the placing's wiggles: 10 reps).
    for (const rep of r.reps.left) expect(rep.plantarTMs).toBeGreaterThan(placingS * 1000);
  });

  it('bridges a one-second burst of low visibility while the foot holds toes down', () => {
    const keys = pumps(4, -30, 15, 1.5);
    // Rep 3's toes-down hold: 2 s rest, then 2 reps of 0.6+1.5+0.78+1.5+0.6+0.4 s, then 0.6 s down.
    const holdAt = 2 + 2 * 5.38 + 0.6;
    const frames = framesOf(program(keys), endOf(keys), 30, (t) =>
      t > holdAt + 0.2 && t < holdAt + 1.2 ? { visibility: 0.1 } : {},
    );
    const r = analyzeLandmarkRecording(frames, left);
    expect(r.reps.left).toHaveLength(4);
  });

  it('reads a foot the detector calls barely visible through a whole pump, its points a few pixels off', () => {
    // Rep 3 (2 s rest, 2 reps of 1.79 s, then from rest at 5.58 s down, up 6.08-6.47 s, back at rest
    // by 6.97 s) lies wholly inside a 1.4-s burst at visibility 0.1 with each point 3-7 px off.
    const keys = pumps(4, -30, 15, 0.2, 0.3);
    const inBurst = (tMs: number) => tMs > 5550 && tMs < 6950;
    const offPx = [
      [-2, 4],
      [3, 3],
      [5, -3],
      [-4, 6],
    ];
    const burst = (zoom: number, visibility: number) =>
      framesOf(program(keys), endOf(keys), 30, (t) => (inBurst(t * 1000) ? { visibility, zoom } : {})).map(
        (f) => {
          if (!inBurst(f.tMs)) return f;
          const lm = [...f.landmarks!];
          [25, 27, 29, 31].forEach((idx, i) => {
            const [x, y, z, v] = lm[idx]!;
            lm[idx] = [x + offPx[i]![0]! / 640, y + offPx[i]![1]! / 360, z, v];
          });
          return { ...f, landmarks: lm };
        },
      );
    const read = analyzeLandmarkRecording(burst(1, 0.1), left);
    expect(read.reps.left).toHaveLength(4);
    // Read as uncertain: the rep inside the burst carries the detector's doubt.
    const [r1, , r3] = read.reps.left;
    expect(r3!.confidence).toBeLessThan(0.5 * r1!.confidence);
    expect(read.warnings.map((w) => w.code)).not.toContain('foot-not-visible');
    // Not the foot just seen (a leg 40% shorter: the detector's guess of something else), or out
    // of view by the detector's own word (visibility 0.02): not read, and the pump it hid is lost.
    for (const [zoom, visibility] of [
      [0.6, 0.1],
      [1, 0.02],
    ] as const) {
      const lost = analyzeLandmarkRecording(burst(zoom, visibility), left);
      expect(lost.reps.left).toHaveLength(3);
      expect(lost.warnings.map((w) => w.code)).toContain('foot-not-visible');
    }
  });

  it("does not count the swing a doubted foot's displaced points make while it rests", () => {
    // Four 23-deg pumps, then 8 s at rest in which, for 1 s, the detector calls the foot barely
    // visible (0.1) and puts its toe 11 px across the foot line (9 deg of angle), then two more
    // pumps. The toe going off and coming back is a 9-deg swing on frames the detector doubts,
    // under half the person's usual pump: not a rep (it was one, told as too shallow).
    const keys = pumps(4, -15, 8, 0.5, 0.4);
    const restFrom = endOf(keys) - 2;
    appendKeys(keys, [[6, 0]]);
    appendPumps(keys, 2, -15, 8, 0.5, 0.4);
    appendKeys(keys, [[2, 0]]);
    const inBurst = (tMs: number) => tMs > (restFrom + 2.5) * 1000 && tMs < (restFrom + 3.5) * 1000;
    const frames = framesOf(program(keys), endOf(keys), 30, (t) =>
      inBurst(t * 1000) ? { visibility: 0.1 } : {},
    ).map((f) => {
      if (!inBurst(f.tMs)) return f;
      const lm = [...f.landmarks!];
      const [x, y, z, v] = lm[31]!;
      lm[31] = [x + 11 / 640, y, z, v];
      return { ...f, landmarks: lm };
    });
    const r = analyzeLandmarkRecording(frames, left);
    expect(r.reps.left).toHaveLength(6);
    for (const rep of r.reps.left) expect(inBurst(rep.plantarTMs) || inBurst(rep.dorsiTMs)).toBe(false);
  });

  it('counts 9-degree pumps, as shallow against a 40-degree prescription', () => {
    const keys = pumps(6, -6, 3, 0.8);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys), 30), {
      ...left,
      calibration: {
        version: 1,
        source: 'landmarks',
        correction: { gain: 1, offsetDeg: 0 },
        left: { neutralDeg: null, rangeDeg: 40, plantarDeg: null, dorsiDeg: null },
        right: null,
      },
    });
    expect(r.reps.left).toHaveLength(6);
    for (const rep of r.reps.left) {
      // Each end's level is the median of the samples within the 3-deg hold band: on a 9-degree pump
      // the band takes in part of the approach, so the range reads low (a known bias, README).
      expect(rep.rangeDeg).toBeGreaterThan(5);
      expect(rep.rangeDeg).toBeLessThan(10);
      expect(rep.full).toBe(false);
    }
  });
});

/**
 * `n` pumps from the first sample with no still moment anywhere (the foot wobbles between pumps and
 * never quite returns): a phone log started mid-pumping by a restless wearer.
 */
function restlessPumps(n: number): { ankleDeg: (tS: number) => number; endS: number } {
  const keys: [number, number][] = [[0, -3]];
  for (let i = 0; i < n; i++) {
    appendKeys(keys, [
      [0.35, -32],
      [0.3, -29],
      [0.4, 14],
      [0.3, 11],
      [0.3, 3],
    ]);
  }
  const wobble = program(keys);
  return { ankleDeg: (t) => wobble(t) + 2.5 * Math.sin(2 * Math.PI * 1.7 * t), endS: endOf(keys) };
}

/** Feeds `angleDeg` at 50 Hz to one foot's rep engine set up for `angle`; returns its reps. */
function engineReps(
  angleDeg: (tS: number) => number,
  endS: number,
  angle: 'landmarks' | 'sensor',
): RepMetrics[] {
  const tracker = createAnkleTracker({
    side: 'left',
    options: DEFAULT_TRACKER,
    neutralDeg: null,
    rangeDeg: null,
    replayRestless: true,
    angle,
  });
  const out: MotionEvent[] = [];
  for (let k = 0; k * 20 <= endS * 1000; k++) {
    const leg = Number.NaN;
    tracker.step(
      {
        tMs: k * 20,
        angleDeg: angleDeg(k / 50),
        confidence: 1,
        leg0: leg,
        leg1: leg,
        leg2: leg,
        leg3: leg,
        leg4: Number.NaN,
        hipOffX: 0,
        hipOffY: 0,
        legSeen: true,
        footLen: Number.NaN,
        shankLen: Number.NaN,
      },
      out,
    );
  }
  tracker.finish(out);
  return out.flatMap((e) => (e.type === 'rep' ? [e.rep] : []));
}

describe('how long a rep may take', () => {
  const left = { sides: ['left'] as const };

  it('counts the first rep after a minute between sets: its swing starts where the last rep ended', () => {
    const { keys } = twoSets(3, 60);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys), 30), left);
    expect(r.reps.left).toHaveLength(6);
  });

  it('does not count a drift that goes down and, 40 s later, up as a rep', () => {
    // A sensor angle settling slowly did this on a resting foot: a 75-s "rep".
    const keys: [number, number][] = [[0, 0]];
    appendKeys(keys, [
      [3, 0],
      [6, -9],
      [40, -9],
      [6, 9],
      [3, 9],
    ]);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys), 30), left);
    expect(r.reps.left).toHaveLength(0);
    // A sensor's angle is not smoothed: on its flat 40-s hold the lowest sample fell at the end.
    expect(engineReps(program(keys), endOf(keys), 'sensor')).toHaveLength(0);
    // The same movement in 4 s is a (shallow) rep.
    const quick: [number, number][] = [[0, 0]];
    appendKeys(quick, [
      [3, 0],
      [1, -9],
      [1.5, -9],
      [1, 9],
      [3, 9],
    ]);
    expect(analyzeLandmarkRecording(framesOf(program(quick), endOf(quick), 30), left).reps.left).toHaveLength(
      1,
    );
  });
});

describe('IMU path for real people', () => {
  it('counts a pump made before the first rest, when the rest is between its ends', () => {
    // A log that starts with a quick pump, then rests: the engine settled on the rest and dropped
    // the pump before it. A sensor's log is now replayed from its start, measured from that rest.
    // (With holds, the first still moment is a hold: that is the neutral-at-a-hold limit.)
    const keys: [number, number][] = [[0, 0]];
    appendKeys(keys, [
      [0.3, 0],
      [0.4, -30],
      [0.5, 15],
      [0.4, 0],
      [1.5, 0],
    ]);
    appendPumps(keys, 3);
    const sensor = engineReps(program(keys), endOf(keys), 'sensor');
    expect(sensor).toHaveLength(4);
    expect(sensor[0]!.plantarTMs).toBeLessThan(1000);
    for (const rep of sensor) expect(Math.abs(rep.rangeDeg - 45)).toBeLessThan(2);
    // The camera keeps its rule: its jittery settling made more noise into reps when replayed.
    expect(engineReps(program(keys), endOf(keys), 'landmarks')).toHaveLength(3);
  });

  it('does not take a hold at one end of what came before for neutral', () => {
    // A log that begins at the toes-up end, comes down, holds toes down, goes back up and holds:
    // that first hold is not neutral. Settled there, the pump read toes down 0 deg (and was
    // dropped); the sensor now settles from the movement's own middle and counts the whole pump.
    const keys: [number, number][] = [[0, 15]];
    appendKeys(keys, [
      [0.3, 15],
      [0.5, -30],
      [1.5, -30],
      [0.6, 15],
      [0.5, 15],
    ]);
    const reps = engineReps(program(keys), endOf(keys), 'sensor');
    expect(reps).toHaveLength(1);
    expect(Math.abs(reps[0]!.rangeDeg - 45)).toBeLessThan(2);
    expect(reps[0]!.peakPlantarDeg).toBeLessThan(-15);
  });

  it('counts fast pumps that start 0.9 s into a phone log, right after the only rest', () => {
    // A log started with the video: 0.9 s of rest, then 1-s pumps with no pause between them. The
    // phone's own rest is the engine's neutral; waiting for a second one lost the first two reps.
    const keys: [number, number][] = [
      [0, 0],
      [0.9, 0],
    ];
    for (let i = 0; i < 5; i++) {
      appendKeys(keys, [
        [0.25, -35],
        [0.15, -35],
        [0.3, 15],
        [0.15, 15],
        [0.15, 0],
      ]);
    }
    appendKeys(keys, [[1.5, 0]]);
    const r = analyzeImuRecording(
      imuSamples({ ankleDeg: program(keys), footMount: mount(20, -40, 75) }, endOf(keys)),
    );
    expect(r.reps.left).toHaveLength(5);
    expect(r.events.filter((e) => e.type === 'calibrated')).toHaveLength(1);
  });

  it('counts every pump of a log that starts mid-pumping and never rests', () => {
    // No still moment anywhere: the first pump starts at once and the foot wobbles between pumps.
    // The reference is the orientation after RESTLESS_S, and the samples before it are measured
    // from there and counted; before, the first two or three pumps were lost to settling.
    const { ankleDeg, endS } = restlessPumps(8);
    const r = analyzeImuRecording(imuSamples({ ankleDeg, footMount: mount(-30, 25, 140) }, endS));
    expect(r.reps.left).toHaveLength(8);
    expect(r.reps.left[0]!.plantarTMs).toBeLessThan(1000);
  });

  it('gives the angle under those pumps, as counted, for the plot', () => {
    // They are measured and stepped in one go once the reference is taken; the series had only the
    // angle after each sample, so it began at the reference with three pumps before it.
    const { ankleDeg, endS } = restlessPumps(8);
    const r = analyzeImuRecording(imuSamples({ ankleDeg, footMount: mount(-30, 25, 140) }, endS), {
      includeSeries: true,
    });
    const pts = r.series!.left;
    for (let i = 1; i < pts.length; i++) expect(pts[i]!.tMs).toBeGreaterThan(pts[i - 1]!.tMs);
    for (const rep of r.reps.left.slice(0, 3)) {
      const at = pts.find((p) => p.tMs >= rep.plantarTMs)!;
      expect(at.tMs - rep.plantarTMs).toBeLessThan(50);
      expect(Math.abs(at.angleDeg - rep.peakPlantarDeg)).toBeLessThan(3);
    }
  });

  it("draws a short log's toes-down end below neutral when which way is toes down is settled only at its end", () => {
    // One pump, toes up first, then the log stops: the direction vote still held the samples when
    // the log ended and fed them then. The series kept the provisional angles, whose sign was the
    // first movement's guess: the toes-down end drawn at +30 deg for a rep that says -30.
    const keys: [number, number][] = [[0, 0]];
    appendKeys(keys, [
      [1.5, 0],
      [0.4, 15],
      [0.4, 15],
      [0.4, 0],
      [0.3, -30],
      [0.5, -30],
      [0.4, 0],
      [0.8, 0],
    ]);
    const r = analyzeImuRecording(
      imuSamples({ ankleDeg: program(keys), footMount: mount(20, -40, 75) }, endOf(keys)),
      {
        includeSeries: true,
      },
    );
    expect(r.reps.left).toHaveLength(1);
    const rep = r.reps.left[0]!;
    expect(rep.peakPlantarDeg).toBeLessThan(-25);
    const at = r.series!.left.find((p) => p.tMs >= rep.plantarTMs)!;
    expect(Math.abs(at.angleDeg - rep.peakPlantarDeg)).toBeLessThan(3);
  });

  it('keeps toes down below neutral when the log has a gap before its reference', () => {
    // Samples from before a gap are in the orientation filter's old frame: measuring them from a
    // reference taken after it put every toes-down peak above neutral (+13 deg for a true -32).
    const { ankleDeg, endS } = restlessPumps(12);
    const samples = imuSamples({ ankleDeg, footMount: mount(-30, 25, 140), biasRadS: 0.03 }, endS);
    const r = analyzeImuRecording(samples.filter((x) => x.tMs < 2000 || x.tMs > 3800));
    expect(r.reps.left.length).toBeGreaterThanOrEqual(8);
    for (const rep of r.reps.left) expect(rep.peakPlantarDeg).toBeLessThan(-10);
    const dorsi = r.reps.left.map((rep) => rep.peakDorsiDeg).sort((a, b) => a - b);
    expect(dorsi[dorsi.length >> 1]).toBeGreaterThan(5);
  });

  it('does not count the foot being moved into place when a rest follows it', () => {
    // Three seconds of placing the foot (two big turns while the leg slides 20 cm: the phone's
    // accelerometer feels the leg move), a rest, then four pumps: the rest is the reference, and
    // the placing is not replayed as reps. (With the leg still, those turns are pumps:
    // imu-analyzer.test.ts.)
    const keys: [number, number][] = [[0, 0]];
    appendKeys(keys, [
      [0.7, -25],
      [0.7, 10],
      [0.6, -15],
      [0.8, 0],
      [1.5, 0],
    ]);
    for (let i = 0; i < 4; i++) {
      appendKeys(keys, [
        [0.6, -30],
        [1, -30],
        [0.6, 15],
        [1, 15],
        [0.6, 0],
        [0.5, 0],
      ]);
    }
    const slid = (tS: number) => [0.2 * minJerk(tS / 1.5), 0] as const;
    const r = analyzeImuRecording(
      imuSamples(
        { ankleDeg: program(keys), footMount: mount(60, -10, 30), leverM: [0.08, 0.04], ankleM: slid },
        endOf(keys),
      ),
    );
    expect(r.reps.left).toHaveLength(4);
    expect(r.reps.left[0]!.plantarTMs).toBeGreaterThan(4000);
    // ...and says so: the movement before the rest was not counted, and counting starts there.
    const said = r.events.filter((e) => e.type === 'warning' && e.code === 'moved-before-rest');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({
      message: expect.stringMatching(/moved for 2\.\d s before it first rested/),
    });
  });

  it('says nothing of movement before the rest when the foot rested first', () => {
    const r = analyzeImuRecording(
      imuSamples({ ankleDeg: program(pumps(4)), footMount: mount(60, -10, 30) }, endOf(pumps(4))),
    );
    expect(r.reps.left).toHaveLength(4);
    expect(r.warnings.map((w) => w.code)).not.toContain('moved-before-rest');
  });

  it('finds toes down from the movement when the person starts toes up', () => {
    const keys: [number, number][] = [
      [0, 0],
      [1.5, 0],
    ];
    for (let i = 0; i < 6; i++) {
      appendKeys(keys, [
        [0.6, 15],
        [1, 15],
        [0.8, -35],
        [1.2, -35],
        [0.6, 0],
        [0.4, 0],
      ]);
    }
    appendKeys(keys, [[2, 0]]);
    const r = analyzeImuRecording(
      imuSamples({ ankleDeg: program(keys), footMount: mount(37, -71, 123) }, endOf(keys)),
    );
    // Each rep is the person's own: its toes-up end, then the toes-down end after it. Paired the
    // other way (a toes-down peak with the next toes-up peak) the set's last rep was the toes-down
    // end and the return to neutral: a 35-deg "rep" with no toes up in it.
    expect(r.reps.left).toHaveLength(6);
    for (const rep of r.reps.left) {
      expect(rep.dorsiTMs).toBeLessThan(rep.plantarTMs);
      expect(Math.abs(rep.peakPlantarDeg + 35)).toBeLessThan(2);
      expect(Math.abs(rep.peakDorsiDeg - 15)).toBeLessThan(2);
      expect(Math.abs(rep.rangeDeg - 50)).toBeLessThan(2);
    }
  });

  it('reads a camera person who starts toes up and never rests between reps from their first toes-up end', () => {
    // 14 deg toes up, 36 deg toes down, no holds, no return to neutral, 2 deg of jitter. The first
    // toes-up end had to rise two hystereses (those of a camera's noise) to open an up-first rep:
    // the set was read toes down first, each rep's toes-up end taken from the rep after, and the
    // last "rep" was the toes-down end and the return to neutral (35-37 deg, no toes up in it).
    const keys: [number, number][] = [
      [0, 0],
      [2, 0],
    ];
    for (let i = 0; i < 8; i++)
      appendKeys(keys, [
        [0.45, 14],
        [0.5, -36],
      ]);
    appendKeys(keys, [
      [0.45, 0],
      [2, 0],
    ]);
    for (const seed of [1, 2, 3]) {
      const r = analyzeLandmarkRecording(framesOf(noisy(program(keys), 2, 0, seed), endOf(keys)), left);
      expect(r.reps.left).toHaveLength(8);
      for (const rep of r.reps.left) {
        expect(rep.dorsiTMs).toBeLessThan(rep.plantarTMs);
        expect(Math.abs(rep.rangeDeg - 50)).toBeLessThan(5);
      }
    }
  });

  it('does not make an up-first rep of a jump of the angle whose toes-down end stays at neutral', () => {
    // A pose model on a dim clip threw the angle +74 deg after a rest; it came back to neutral,
    // held, and went up again. Paired as an up-first rep, the jump and the hold at neutral made a
    // 73-deg "rep" (a held-out render): an up-first rep must end below neutral.
    const keys: [number, number][] = [
      [0, 0],
      [2, 0],
    ];
    appendKeys(keys, [
      [0.15, 70],
      [1, 70],
      [0.15, 0],
      [1.5, 0],
      [0.6, 15],
      [1, 15],
      [0.6, 0],
      [2, 0],
    ]);
    const r = analyzeLandmarkRecording(framesOf(program(keys), endOf(keys)), left);
    for (const rep of r.reps.left) expect(rep.rangeDeg).toBeLessThan(30);
  });

  it('counts a person who starts each rep toes up once per rep, across pauses they fidget in', () => {
    const keys: [number, number][] = [
      [0, 0],
      [2, 0],
    ];
    let pauseAt = 0;
    const pauses: [number, number][] = [];
    for (let i = 0; i < 8; i++) {
      appendKeys(keys, [
        [0.6, 15],
        [1, 15],
        [0.8, -30],
        [1, -30],
        [0.6, 0],
        [0.4, 0],
      ]);
      if (i === 2 || i === 5) {
        pauseAt = endOf(keys);
        appendKeys(keys, [[6, 0]]);
        pauses.push([pauseAt + 0.5, pauseAt + 6]);
      }
    }
    appendKeys(keys, [[2, 0]]);
    const pumping = program(keys);
    // Resting between sets, the foot wanders 2.5 deg either way of neutral.
    const inPause = (t: number) => pauses.some(([a, b]) => t > a && t < b);
    const angle = (t: number) => pumping(t) + (inPause(t) ? 2.5 * Math.sin(2 * Math.PI * 0.7 * t) : 0);
    const r = analyzeLandmarkRecording(framesOf(angle, endOf(keys)), left);
    // Each toes-down end pairs with the next toes-up end: a wander at rest after the toes-down end
    // was taken for the toes-up end, and the pause made a second rep of the fidget and the next one.
    expect(r.reps.left).toHaveLength(8);
    for (const rep of r.reps.left) {
      expect(rep.peakPlantarDeg).toBeLessThan(-25);
      expect(rep.peakDorsiDeg).toBeGreaterThan(12);
      expect(rep.dorsiTMs).toBeLessThan(rep.plantarTMs);
    }
  });

  it('counts a wearer who fidgets and never holds still', () => {
    const keys: [number, number][] = [[0, 0]];
    for (let i = 0; i < 8; i++) {
      appendKeys(keys, [
        [0.6, -30],
        [0.6, -30],
        [0.7, 12],
        [0.5, 12],
        [0.5, 0],
      ]);
    }
    const pumping = program(keys);
    const fidget = (t: number) => pumping(t) + 3 * Math.sin(2 * Math.PI * 1.9 * t);
    const r = analyzeImuRecording(
      imuSamples({ ankleDeg: fidget, footMount: mount(10, 20, 30) }, endOf(keys) + 1),
    );
    expect(r.reps.left.length).toBeGreaterThanOrEqual(6);
    expect(r.reps.left.length).toBeLessThanOrEqual(8);
  });
});

describe('leg movement against the hip', () => {
  const keys = pumps(3, -30, 15, 1);
  // The second rep: 2 s rest, one rep of 4.38 s, then its way down and toes-down hold.
  const during = (t: number) => t > 6.6 && t < 7.8;
  const slide = (t: number) => (during(t) ? 30 * Math.min(1, (t - 6.6) / 0.3, (7.8 - t) / 0.3) : 0);

  it('flags a leg that slides 8 cm (a fifth of the shank) during a rep', () => {
    const frames = framesOf(program(keys), endOf(keys), 30, (t) => ({ shiftPx: slide(t) }));
    const r = analyzeLandmarkRecording(frames, left);
    expect(r.reps.left.map((x) => x.legMoved)).toEqual([false, true, false]);
  });

  it('flags a slide of a tenth of the shank held through the rep, not a two-frame jump twice that size', () => {
    const small = framesOf(program(keys), endOf(keys), 30, (t) => ({ shiftPx: slide(t) / 2 }));
    expect(analyzeLandmarkRecording(small, left).reps.left.map((x) => x.legMoved)).toEqual([
      false,
      true,
      false,
    ]);
    // A bad frame or two (the pose model misplacing the leg) is not the leg moving.
    const jump = (t: number) => (t > 7 && t < 7.06 ? 30 : 0);
    const blip = framesOf(program(keys), endOf(keys), 30, (t) => ({ shiftPx: jump(t) }));
    expect(analyzeLandmarkRecording(blip, left).reps.left.map((x) => x.legMoved)).toEqual([
      false,
      false,
      false,
    ]);
  });

  /** Frames with the hip in line with the shank (thigh 150 px) and the knee raised by `kneeUpPx(t)`. */
  const withKneeUp = (kneeUpPx: (t: number) => number) =>
    framesOf(program(keys), endOf(keys), 30).map((f) => {
      const lm = f.landmarks!.map((p) => [...p] as [number, number, number, number]);
      lm[23] = [20 / 640, 200 / 360, 0, 0.95];
      lm[25]![1] -= kneeUpPx(f.tMs / 1000) / 360;
      return { ...f, landmarks: lm };
    });

  it('flags a knee bent by 9 deg during a rep, though the knee rises less than the position bar', () => {
    // 12 px of a 150-px thigh and shank: the knee angle closes by 9 deg while the knee moves 0.08
    // of the shank, under the 0.09 that flags a slide.
    const r = analyzeLandmarkRecording(
      withKneeUp((t) => slide(t) * 0.4),
      left,
    );
    expect(r.reps.left.map((x) => x.legMoved)).toEqual([false, true, false]);
    // Half that bend is jitter-sized: not flagged.
    const small = analyzeLandmarkRecording(
      withKneeUp((t) => slide(t) * 0.2),
      left,
    );
    expect(small.reps.left.map((x) => x.legMoved)).toEqual([false, false, false]);
  });

  it('flags a slide that starts with the swing, judged from before the foot left its last peak', () => {
    // Two reps back to back: the second swings down from the first's toes-up hold at 5.38 s, and
    // the leg slides 18 px (0.12 of the shank) over 5.38-5.7 s and stays there. Judged from the
    // swing's detection (once it crossed the hysteresis), most of the slide was over.
    const rep = [
      [0.78, -30],
      [1, -30],
      [0.78, 15],
      [1, 15],
    ] as const;
    const twoReps = appendKeys(
      [
        [0, 0],
        [2, 0],
      ],
      [[0.6, -30], [1, -30], [0.78, 15], [1, 15], ...rep, [0.6, 0], [2, 0]],
    );
    const slideWithSwing = (t: number) => 18 * Math.min(1, Math.max(0, (t - 5.38) / 0.32));
    const frames = framesOf(program(twoReps), endOf(twoReps), 30, (t) => ({ shiftPx: slideWithSwing(t) }));
    expect(analyzeLandmarkRecording(frames, left).reps.left.map((x) => x.legMoved)).toEqual([false, true]);
  });

  it('does not call a leg still that the pose model doubted through most of the rep', () => {
    // Three quick reps (0.3-s moves and holds); during the second the leg slides 30 px (a fifth
    // of the shank) and back, while the pose model calls the leg's points barely visible (0.2) for
    // 1.4 s around it. The angle is still read from those points (plainly the foot just seen), but
    // the leg's place is held where it was last trusted: judged from that, the leg never moved,
    // and the rep was reported as done with the leg still.
    const quick: [number, number][] = [
      [0.3, -30],
      [0.3, -30],
      [0.3, 15],
      [0.3, 15],
      [0.3, 0],
      [0.6, 0],
    ];
    const three = appendKeys(
      [
        [0, 0],
        [2, 0],
      ],
      [...quick, ...quick, ...quick, [2, 0]],
    );
    const slid = (t: number) => 30 * Math.max(0, Math.min(1, (t - 4.2) / 0.3, (5.2 - t) / 0.3));
    const doubted = (t: number) => t > 4 && t < 5.4;
    const seen = analyzeLandmarkRecording(
      framesOf(program(three), endOf(three), 30, (t) => ({ shiftPx: slid(t) })),
      left,
    ).reps.left;
    expect(seen.map((x) => [x.legMoved, x.legMovementMeasured])).toEqual([
      [false, true],
      [true, true],
      [false, true],
    ]);
    const hidden = analyzeLandmarkRecording(
      framesOf(program(three), endOf(three), 30, (t) => ({
        shiftPx: slid(t),
        visibility: doubted(t) ? 0.2 : 0.95,
      })),
      left,
    ).reps.left;
    // Counted all the same, with the second rep's leg movement not measured rather than "still".
    expect(hidden.map((x) => [x.legMoved, x.legMovementMeasured])).toEqual([
      [false, true],
      [false, false],
      [false, true],
    ]);
  });

  it("does not flag the next rep for the leg coming back during this rep's toes-up hold", () => {
    // Out 30 px during the second rep and back by 9.6 s, within its toes-up hold (8.76-9.76 s).
    const outAndBack = (t: number) => 30 * Math.max(0, Math.min(1, (t - 7) / 0.4, (9.6 - t) / 0.4));
    const frames = framesOf(program(keys), endOf(keys), 30, (t) => ({ shiftPx: outAndBack(t) }));
    expect(analyzeLandmarkRecording(frames, left).reps.left.map((x) => x.legMoved)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('does not flag the next rep for the leg the last rep moved coming to rest just before it', () => {
    // Out 30 px during the second rep and back over 10.25-10.65 s, after its way back (10.36 s) and
    // about 0.1 s before the third rep's foot sets off (10.76 s): within the 400 ms before the swing
    // that a rep's check starts at, so the leg's last movement was the third rep's too.
    const outAndBack = (t: number) => 30 * Math.max(0, Math.min(1, (t - 7) / 0.4, (10.65 - t) / 0.4));
    const frames = framesOf(program(keys), endOf(keys), 30, (t) => ({ shiftPx: outAndBack(t) }));
    expect(analyzeLandmarkRecording(frames, left).reps.left.map((x) => x.legMoved)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it("sees a slide through a pose model's jittering hip point, and no slide in the jitter alone", () => {
    // The hip point jumps about by 12 px (SD) from frame to frame while the pelvis lies still; the
    // leg slides 12 px (0.08 of the shank, about 3.5 cm) early in the second rep and stays there.
    // Against each frame's hip, the leg's readings carried the hip's jitter and their bar (8 times
    // that jitter) rose over the slide: none of the five seeds flagged it.
    const withHipJitter = (slidePx: number, seed: number) => {
      const r = rng(seed);
      const shift = (t: number) => slidePx * Math.min(1, Math.max(0, (t - 6.6) / 0.3));
      return framesOf(program(keys), endOf(keys), 30, (t) => ({ shiftPx: shift(t) })).map((f) => {
        const lm = f.landmarks!.map((p) => [...p] as [number, number, number, number]);
        lm[23] = [(20 + 12 * r.normal()) / 640, (200 + 12 * r.normal()) / 360, 0, 0.95];
        return { ...f, landmarks: lm };
      });
    };
    for (let seed = 1; seed <= 5; seed++) {
      const slid = analyzeLandmarkRecording(withHipJitter(12, seed), left);
      expect(slid.reps.left.map((x) => x.legMoved)).toEqual([false, true, false]);
      const still = analyzeLandmarkRecording(withHipJitter(0, seed), left);
      expect(still.reps.left.map((x) => x.legMoved)).toEqual([false, false, false]);
    }
  });

  it('does not flag the whole person shifting in the picture (hip and leg together)', () => {
    const frames = framesOf(program(keys), endOf(keys), 30, (t) => ({ shiftPx: slide(t) })).map((f) => {
      const lm = f.landmarks!.map((p) => [...p] as [number, number, number, number]);
      lm[23]![0] += slide(f.tMs / 1000) / 640;
      return { ...f, landmarks: lm };
    });
    const r = analyzeLandmarkRecording(frames, left);
    expect(r.reps.left.map((x) => x.legMoved)).toEqual([false, false, false]);
  });
});
