// How settling decides what a person did before their first rest (settling.ts), stepped sample by
// sample with a camera's context: the leg seen and still from the first frame, a noisy view whose
// swing hysteresis is 15 deg.
import { describe, expect, it } from 'vitest';
import { program } from './leg-frames.test-util.ts';
import { LEG_READING } from './rep-evidence.ts';
import { createSettler, type SettleContext, type SettleDecision } from './settling.ts';
import { DEFAULT_TRACKER } from './tracker-options.ts';

function settleOn(keys: [number, number][], hysteresisDeg: number, endS: number): SettleDecision | null {
  const settler = createSettler({ options: DEFAULT_TRACKER, replayRestless: true, sensorAngle: false });
  const ctx: SettleContext = {
    noiseSdDeg: 0.5,
    calibrated: false,
    legNow: new Float64Array(LEG_READING),
    legKnown: true,
    legMoved: false,
    hysteresisDeg: () => hysteresisDeg,
  };
  const angle = program(keys);
  for (let tMs = 0; tMs <= endS * 1000; tMs += 1000 / 17) {
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
    const d = settleOn(firstPumpThenRest(-29, 12), 15, 5);
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
    const d = settleOn(firstPumpThenRest(-10, 3), 15, 5);
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
    const d = settleOn(keys, 15, 5);
    expect(d).not.toBeNull();
    expect(d!.replay).toBeNull();
  });

  it('does not replay what a foot did before the leg was placed (the leg moved twice while settling)', () => {
    const settler = createSettler({ options: DEFAULT_TRACKER, replayRestless: true, sensorAngle: false });
    const legNow = new Float64Array(LEG_READING);
    const ctx: SettleContext = {
      noiseSdDeg: 0.5,
      calibrated: false,
      legNow,
      legKnown: true,
      legMoved: false,
      hysteresisDeg: () => 15,
    };
    const angle = program(firstPumpThenRest(-29, 12));
    let d: SettleDecision | null = null;
    for (let tMs = 0; tMs <= 5000 && !d; tMs += 1000 / 17) {
      // The leg slides 3 units during the pump (getting into position), then stays.
      legNow[0] = Math.min(3, Math.max(0, (tMs - 300) / 500));
      const deg = angle(tMs / 1000);
      d = settler.step(tMs, deg, deg, 0.9, ctx);
    }
    expect(d).not.toBeNull();
    expect(d!.replay).toBeNull();
  });
});
