// The 'noisy' warning before the person has a counted pump: a floor under 10 deg said nothing, and a
// person whose small quick pumps all went uncounted never learned why.
import { describe, expect, it } from 'vitest';
import { analyzeLandmarkRecording } from './landmark-analyzer.ts';
import { endOf, framesOf, program, pumps } from './leg-frames.test-util.ts';
import type { MotionEvent } from './motion-events.ts';
import { createNoiseFloorWarning } from './noise-floor-warning.ts';
import { rng } from './seeded-rng.test-util.ts';

/** Feeds a floor every 250 ms for `s` seconds; returns the 'noisy' warnings' times, s. */
function told(floorDeg: (tS: number) => number, share: number | null, s: number): number[] {
  const w = createNoiseFloorWarning('left');
  const out: MotionEvent[] = [];
  for (let t = 0; t <= s * 1000; t += 250) w.watch(t, floorDeg(t / 1000), share, out);
  return out.map((e) => e.tMs / 1000);
}

describe('the noisy warning before a first pump', () => {
  it('tells a person with no pump counted once a floor of 9 deg has lasted past 10 s', () => {
    const at = told(() => 9, null, 30);
    expect(at).toHaveLength(1);
    expect(at[0]).toBeGreaterThanOrEqual(10);
    expect(at[0]).toBeLessThanOrEqual(12.5);
  });

  it('says nothing at 9 deg to a person whose pumps are well above it, nor at 7 deg to anyone', () => {
    expect(told(() => 9, 0.3, 30)).toEqual([]);
    expect(told(() => 7, null, 30)).toEqual([]);
  });

  it('does not tell again while the floor wavers around the bar', () => {
    expect(told((t) => (Math.floor(t / 3) % 2 ? 7 : 9), null, 60)).toHaveLength(1);
  });

  it('tells a camera user whose 8-deg quick pumps all went uncounted under a floor of about 10 deg', () => {
    // 15 pumps (toes down 6, up 2.5, 0.25-s moves, no holds) under 2.5 deg of jitter correlated over
    // a frame or two (AR(1), 0.5 a frame at 30 fps): nothing counted, and before this nothing said.
    const fps = 30;
    const r = rng(1);
    const jitter: number[] = [];
    let x = 0;
    for (let k = 0; k < 120 * fps; k++) {
      x = 0.5 * x + Math.sqrt(1 - 0.25) * 2.5 * r.normal();
      jitter.push(x);
    }
    const keys = pumps(15, -6, 2.5, 0, 0.25);
    const angle = program(keys);
    const frames = framesOf((tS) => angle(tS) + jitter[Math.round(tS * fps)]!, endOf(keys), fps);
    const result = analyzeLandmarkRecording(frames, { sides: ['left'] });
    expect(result.reps.left).toHaveLength(0);
    const noisy = result.warnings.filter((w) => w.code === 'noisy');
    expect(noisy).toHaveLength(1);
    expect(noisy[0]!.message).toMatch(/pumps smaller than about (8|9|10) degrees/);
  });
});
