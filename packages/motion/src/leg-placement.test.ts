import { describe, expect, it } from 'vitest';
import { createLegPlacement, type LegNow, type LegVerdict } from './leg-placement.ts';
import { LEG_READING } from './rep-evidence.ts';

/** A reading with the leg `unitsAway` leg-move thresholds along its first channel. */
function legAt(unitsAway: number, noiseSdDeg = 1, legKnown = true): LegNow {
  const legNow = new Float64Array(LEG_READING);
  legNow[0] = unitsAway;
  return { noiseSdDeg, legNow, legKnown, hysteresisDeg: () => 5 };
}

/** Steps `(unitsAway, footDeg)` pairs; returns each sample's verdict. */
function walk(steps: readonly (readonly [number, number])[], noiseSdDeg = 1): LegVerdict[] {
  const legs = createLegPlacement();
  return steps.map(([units, deg]) => legs.step(deg, legAt(units, noiseSdDeg)));
}

/**
 * A knee bent with the first pump and straightened again: since the bend the foot turned 12 deg
 * (the hysteresis is 5), and the leg came back within a threshold of where it began.
 */
const PUMP_WITH_KNEE_BEND = [
  [0, 0],
  [1.2, -4],
  [1.2, -16],
  [0.1, 0],
] as const;

describe('where the leg is put while a camera settles', () => {
  it('calls one move by a threshold a move, and a second move away getting into position', () => {
    const v = walk([
      [0, 0],
      [1.2, 0],
      [1.2, 0],
      [2.5, 0],
    ]);
    expect(v).toEqual(['stayed', 'moved', 'stayed', 'getting-into-position']);
  });

  it('takes a leg that went away and came back while the foot pumped (two hystereses) for the pump', () => {
    expect(walk(PUMP_WITH_KNEE_BEND)[3]).toBe('stayed');
  });

  it('takes a leg lifted and put back with the foot still for getting into position', () => {
    const v = walk([
      [0, 0],
      [1.2, 1],
      [1.2, -1],
      [0.1, 0],
    ]);
    expect(v[3]).toBe('getting-into-position');
  });

  it('does not trust a leg that came back before the angle noise is known (a noisy reading crosses and returns)', () => {
    expect(walk(PUMP_WITH_KNEE_BEND, 0)[3]).toBe('getting-into-position');
  });

  it('says getting into position until settling decides, then counts placements afresh', () => {
    const legs = createLegPlacement();
    legs.step(0, legAt(0));
    legs.step(0, legAt(1.2));
    legs.step(0, legAt(2.5));
    expect(legs.afterPlacing).toBe(true);
    legs.settled();
    expect(legs.afterPlacing).toBe(false);
    expect(legs.step(0, legAt(3.7))).toBe('moved');
  });

  it('never moves a leg the source does not read (a phone)', () => {
    const legs = createLegPlacement();
    const v = [0, 2, 4, 6].map((u) => legs.step(0, legAt(u, 1, false)));
    expect(v).toEqual(['stayed', 'stayed', 'stayed', 'stayed']);
  });
});
