// The landmarks' noise read from the foot's and shank's lengths (rigid-noise.ts): a person who
// pumps quickly at once, filmed at 11 fps, gets their pumps counted; the angle's own meter took
// the quick turns for noise and raised the bars over them.
import { describe, expect, it } from 'vitest';
import { analyzeLandmarkRecording } from './landmark-analyzer.ts';
import type { LandmarkFrame } from './landmark-frame.ts';
import { appendPumps, endOf, framesOf, legFrame, program, repsOf } from './leg-frames.test-util.ts';
import { createRigidNoise } from './rigid-noise.ts';
import { rng } from './seeded-rng.test-util.ts';

const FPS = 11;
const NOISE_PX = 2;

/** `frames` with white noise of `px` on each coordinate of the left leg's four points. */
function withNoise(frames: readonly LandmarkFrame[], seed: number, px = NOISE_PX): LandmarkFrame[] {
  const r = rng(seed);
  return frames.map((f) => {
    const lm = f.landmarks!.map((p) => [...p] as [number, number, number, number]);
    for (const i of [25, 27, 29, 31]) {
      lm[i]![0] += (px * r.normal()) / f.widthPx;
      lm[i]![1] += (px * r.normal()) / f.heightPx;
    }
    return { ...f, landmarks: lm };
  });
}

/** 12 pumps to -15 and +10 deg, moves of 0.23 s, no holds, 0.4 s at neutral between: from 0.3 s in. */
function quickPumps(): [number, number][] {
  const keys: [number, number][] = [
    [0, 0],
    [0.3, 0],
  ];
  appendPumps(keys, 12, -15, 10, 0, 0.23);
  keys.push([endOf(keys) + 2, 0]);
  return keys;
}

const count = (frames: readonly LandmarkFrame[], angleFrom: 'points' | 'tracker') =>
  repsOf(analyzeLandmarkRecording(frames, { sides: ['left'], angleFrom }).events).length;

describe('the noise read from the lengths of the foot and shank', () => {
  it('lets quick pumps through at 11 fps that the angle alone hid, and a resting foot still counts none', () => {
    const keys = quickPumps();
    let counted = 0;
    let angleAlone = 0;
    let resting = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const frames = withNoise(framesOf(program(keys), endOf(keys), FPS), seed);
      counted += count(frames, 'points');
      // The same frames read as a pixel tracker's angle: the noise from the angle alone.
      angleAlone += count(frames, 'tracker');
      resting += count(
        withNoise(
          framesOf(() => 0, 90, FPS),
          100 + seed,
        ),
        'points',
      );
    }
    // 96 pumps: 81 counted, against 77 from the angle alone (which read 7-9 deg of noise where
    // the points gave the angle 2.5), 72 before the first look-back since counting began went back
    // for the pumps before the first rep (look-back.ts, FIRST_LOOK_BACK_S): the angle alone lost
    // its first pumps to its higher bars. Before the rep shape's smoothing reached a frame either
    // side at 11 fps (rep-shape.ts), 63 against 40. 82 against 79 before stop 68; since a swing's
    // first frame, replaced by the Hampel filter, is taken again as it came once the next frame
    // confirms it (angle-front-end.ts): 84 against 82.
    expect(counted).toBeGreaterThanOrEqual(83);
    expect(angleAlone).toBeLessThanOrEqual(counted - 2);
    expect(resting).toBe(0);
  });

  it('does not lower the bars for noise that turns the foot line more than it stretches it', () => {
    // A resting foot whose whole foot line jitters by 4 deg a frame (points erring together) with
    // half a pixel of jitter on each point: the lengths are far quieter than the angle.
    let points = 0;
    let angleAlone = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const r = rng(200 + seed);
      const turned = framesOf(() => 0, 90, 30).map((f) => legFrame(f.tMs, { angleDeg: 4 * r.normal() }));
      const frames = withNoise(turned, seed, 0.5);
      points += count(frames, 'points');
      angleAlone += count(frames, 'tracker');
    }
    expect(angleAlone).toBe(0);
    expect(points).toBe(0);
  });

  it('reads the same noise while a rigid foot turns quickly as while it is still', () => {
    // Foot 70 px and shank 150 px (legFrame's), 2 px on each coordinate: the angle's noise is
    // 57.3 x sqrt(2 x 4 / 70^2 + 2 x 4 / 150^2) = 2.55 deg.
    const trueSdDeg =
      (180 / Math.PI) * Math.sqrt((2 * NOISE_PX ** 2) / 70 ** 2 + (2 * NOISE_PX ** 2) / 150 ** 2);
    const reading = (angle: (tS: number) => number) => {
      const meter = createRigidNoise();
      const r = rng(7);
      for (let k = 0; k < 400; k++) {
        const a = (angle(k / FPS) * Math.PI) / 180;
        // Heel 10 px behind the ankle, toe 60 px ahead, turned by the angle; knee 150 px away.
        const foot = [
          70 * Math.cos(a) + NOISE_PX * Math.SQRT2 * r.normal(),
          70 * Math.sin(a) + NOISE_PX * Math.SQRT2 * r.normal(),
        ];
        const shank = [150 + NOISE_PX * Math.SQRT2 * r.normal(), NOISE_PX * Math.SQRT2 * r.normal()];
        meter.add(Math.hypot(foot[0]!, foot[1]!), Math.hypot(shank[0]!, shank[1]!), 1 / FPS);
      }
      return meter.sdDeg;
    };
    const still = reading(() => 0);
    const pumping = reading((t) => 20 * Math.sin(2 * Math.PI * t));
    expect(Math.abs(still / trueSdDeg - 1)).toBeLessThan(0.25);
    expect(Math.abs(pumping / trueSdDeg - 1)).toBeLessThan(0.25);
  });

  it('waits for enough samples before it reads anything', () => {
    const meter = createRigidNoise();
    for (let k = 0; k < 10; k++) meter.add(70, 150, 1 / 30);
    expect(meter.sdDeg).toBeNaN();
    meter.add(0, 150, 1 / 30);
    meter.add(Number.NaN, 150, 1 / 30);
    for (let k = 0; k < 40; k++) meter.add(70, 150, 1 / 30);
    expect(meter.sdDeg).toBeLessThan(0.01);
  });
});
