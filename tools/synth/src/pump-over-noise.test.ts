import { describe, expect, it } from 'vitest';
import { synthLandmarkSession } from './landmark-session.ts';
import { pumpOverNoise } from './pump-over-noise.ts';
import { STRESS_FAMILIES, stressSpecRng } from './stress-set.ts';

const family = STRESS_FAMILIES.find((f) => f.name.startsWith('camera: noise'))!;
if (family.source !== 'landmarks') throw new Error('landmark family expected');
const SEED = 21_003;
// One person's program and view, with the noise and the view's gain set by each test.
const base = { ...family.spec(stressSpecRng(SEED)), outlierRate: 0, bursts: 0, cameraYawDeg: 0 };

function ratio(overrides: Partial<typeof base>): number {
  const spec = { ...base, ...overrides };
  const s = synthLandmarkSession(spec, SEED);
  return pumpOverNoise(
    s.frames,
    spec.side,
    s.trueAngleDeg,
    s.truth.reps.map((r) => r.rangeDeg),
  );
}

describe('how far the pumps stand above the landmarks noise', () => {
  it('falls as the points jitter more: four times the white jitter, about a third of the ratio', () => {
    const calm = ratio({ whiteNoisePx: 2 });
    const shaky = ratio({ whiteNoisePx: 8 });
    expect(calm).toBeGreaterThan(shaky);
    // The pose model's own 1-px slow jitter stays in both, so the fall is under four times.
    expect(calm / shaky).toBeGreaterThan(2.5);
    expect(calm / shaky).toBeLessThan(4.5);
  });

  it('counts the pumps at the size the picture shows them: half the swing, half the ratio', () => {
    const whole = ratio({ whiteNoisePx: 4 });
    const half = ratio({ whiteNoisePx: 4, poseGain: 0.5 });
    expect(half / whole).toBeGreaterThan(0.4);
    expect(half / whole).toBeLessThan(0.6);
  });

  it('is plainly high for landmarks with only the pose model’s own slight jitter', () => {
    expect(ratio({ whiteNoisePx: 0 })).toBeGreaterThan(12);
  });

  it('is not a number when there is no pump or too little to read', () => {
    const s = synthLandmarkSession({ ...base, whiteNoisePx: 2 }, SEED);
    expect(pumpOverNoise(s.frames, base.side, s.trueAngleDeg, [])).toBeNaN();
    expect(pumpOverNoise(s.frames.slice(0, 5), base.side, s.trueAngleDeg, [30])).toBeNaN();
  });
});
