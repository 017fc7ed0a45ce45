// How settling decides what a person did before their first rest (settling.ts), stepped sample by
// sample with a camera's context: the leg seen and still from the first frame, a noisy view whose
// swing hysteresis is 15 deg.
import { describe, expect, it } from 'vitest';
import { program } from './leg-frames.test-util.ts';
import { LEG_READING } from './rep-evidence.ts';
import { createSettler, type SettleContext, type SettleDecision } from './settling.ts';
import { DEFAULT_TRACKER } from './tracker-options.ts';

type MutableContext = { -readonly [K in keyof SettleContext]: SettleContext[K] };

/**
 * The foot's `keys` stepped at 17 fps for up to `endS` through a settler with a camera's context
 * (the swing hysteresis 15 deg, the angle's noise `noiseSdDeg`), whose leg reading and leg-moved
 * word `leg` sets at each sample (the leg still, as seen from the first frame, when absent): the
 * decision, or null when it did not settle.
 */
function settleOn(
  keys: [number, number][],
  endS: number,
  leg: (tMs: number, legNow: Float64Array, ctx: MutableContext) => void = () => {},
  noiseSdDeg = 0.5,
): SettleDecision | null {
  const settler = createSettler({ options: DEFAULT_TRACKER, replayRestless: true, sensorAngle: false });
  const legNow = new Float64Array(LEG_READING);
  const ctx: MutableContext = {
    noiseSdDeg,
    calibrated: false,
    legNow,
    legKnown: true,
    legMoved: false,
    hysteresisDeg: () => 15,
  };
  const angle = program(keys);
  for (let tMs = 0; tMs <= endS * 1000; tMs += 1000 / 17) {
    leg(tMs, legNow, ctx);
    const deg = angle(tMs / 1000);
    const d = settler.step(tMs, deg, deg, 0.9, ctx);
    if (d) return d;
  }
  return null;
}

/**
 * 0.2 s at neutral, one quick pump to `downDeg` and `upDeg`, then at rest from 1.65 s: settles at
 * that rest (0.6 s still) before the restless fallback (2.5 s) would.
 */
const firstPumpThenRest = (downDeg: number, upDeg: number): [number, number][] => [
  [0, 0],
  [0.2, 0],
  [0.6, downDeg],
  [0.8, downDeg],
  [1.2, upDeg],
  [1.35, upDeg],
  [1.65, 0],
  [5, 0],
];

describe('settling at a first rest after a pump', () => {
  it('replays a first pump whose toes-up end stayed within the hysteresis of the rest', () => {
    // 29 deg down and 12 up (tuning seed 27032's first pump), the hysteresis 15: not both ways.
    const d = settleOn(firstPumpThenRest(-29, 12), 5);
    expect(d).not.toBeNull();
    expect(d!.neutralFrom).toBe('rest');
    expect(Math.abs(d!.neutralDeg)).toBeLessThan(1);
    // The pump is in the replay, from before it began.
    expect(d!.replay).not.toBeNull();
    expect(d!.replay![0]!.tMs).toBeLessThan(200);
    expect(Math.min(...d!.replay!.map((x) => x.deg))).toBeLessThan(-28);
    expect(d!.movedBeforeS).toBeNull();
  });

  it('still starts at the rest when the foot came to it by less than a pump (a small settling movement)', () => {
    const d = settleOn(firstPumpThenRest(-10, 3), 5);
    expect(d).not.toBeNull();
    expect(d!.neutralFrom).toBe('rest');
    expect(d!.replay).toBeNull();
  });

  it('does not take a frame or two of jitter one way for a pump', () => {
    // Two frames 25 deg up (a resting foot's noise through the filters), then at rest.
    const keys: [number, number][] = [
      [0, 0],
      [0.3, 0],
      [0.36, 25],
      [0.42, 25],
      [0.48, 0],
      [5, 0],
    ];
    const d = settleOn(keys, 5);
    expect(d).not.toBeNull();
    expect(d!.replay).toBeNull();
  });

  /** The knee bends by 1.6 units with the pump (0.5-0.8 s) and straightens again (1.1-1.4 s). */
  const kneeBend = program([
    [0, 0],
    [0.5, 0],
    [0.8, 1.6],
    [1.1, 1.6],
    [1.4, 0],
  ]);
  const bentAndBack = (tMs: number) => kneeBend(tMs / 1000);

  it('replays a first pump that bent the knee and straightened it again: the leg came back, it was not being placed', () => {
    const d = settleOn(firstPumpThenRest(-29, 12), 5, (tMs, legNow) => {
      legNow[1] = bentAndBack(tMs);
    });
    expect(d).not.toBeNull();
    expect(d!.replay).not.toBeNull();
    expect(d!.replay![0]!.tMs).toBeLessThan(200);
    expect(Math.min(...d!.replay!.map((x) => x.deg))).toBeLessThan(-28);
    expect(d!.afterPlacing).toBe(false);
  });

  it('still takes a leg moved there and back as placing it while the angle noise is not yet known', () => {
    const d = settleOn(
      firstPumpThenRest(-29, 12),
      5,
      (tMs, legNow) => {
        legNow[1] = bentAndBack(tMs);
      },
      0,
    );
    expect(d).not.toBeNull();
    expect(d!.replay).toBeNull();
  });

  it('takes a leg lifted and put back with the foot still for getting into position (nothing before it replayed)', () => {
    // The leg lifted and put back over 0.2-1.1 s with the foot still; then a pump; then at rest.
    const keys: [number, number][] = [
      [0, 0],
      [1.3, 0],
      [1.7, -29],
      [1.9, -29],
      [2.3, 12],
      [2.45, 12],
      [2.75, 0],
      [7, 0],
    ];
    const d = settleOn(keys, 7, (tMs, legNow, ctx) => {
      legNow[1] = bentAndBack(tMs + 300);
      // The tracker's word while the leg moves: the still window starts again.
      ctx.legMoved = legNow[1] > 0.5;
    });
    expect(d).not.toBeNull();
    // Getting into position, as a leg that went and stayed away is: nothing before the rest is
    // replayed (a camera replays only a log whose leg stayed where it was), the rest is neutral.
    expect(d!.afterPlacing).toBe(true);
    expect(d!.replay).toBeNull();
    expect(d!.neutralFrom).toBe('rest');
  });

  it('does not replay what a foot did before the leg was placed (the leg moved twice while settling)', () => {
    const d = settleOn(firstPumpThenRest(-29, 12), 5, (tMs, legNow) => {
      // The leg slides 3 units during the pump (getting into position), then stays.
      legNow[0] = Math.min(3, Math.max(0, (tMs - 300) / 500));
    });
    expect(d).not.toBeNull();
    expect(d!.replay).toBeNull();
  });
});
