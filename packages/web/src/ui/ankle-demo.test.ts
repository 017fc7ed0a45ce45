import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_ANGLE_DEG, DEMO_CYCLE_S, type DemoPhase, demoPose } from './ankle-demo.ts';

describe('the demonstration loop', () => {
  it('holds each position with the caption that names it', () => {
    expect(demoPose(0.5)).toEqual({ angleDeg: DEMO_ANGLE_DEG.relax, key: 'relax' });
    expect(demoPose(3)).toEqual({ angleDeg: DEMO_ANGLE_DEG.down, key: 'down' });
    expect(demoPose(5.5)).toEqual({ angleDeg: DEMO_ANGLE_DEG.up, key: 'up' });
  });

  it('makes the three positions unmistakable: at least 25 degrees apart', () => {
    const a = Object.values(DEMO_ANGLE_DEG).sort((x, y) => x - y);
    expect(a[1]! - a[0]!).toBeGreaterThanOrEqual(25);
    expect(a[2]! - a[1]!).toBeGreaterThanOrEqual(25);
  });

  it('moves the foot within 0.1 s of every caption change (no caption ahead of the drawing)', () => {
    const stepS = 0.01;
    let prev = demoPose(0);
    for (let t = stepS; t < 2 * DEMO_CYCLE_S; t += stepS) {
      const now = demoPose(t);
      if (now.key !== prev.key) {
        const target = DEMO_ANGLE_DEG[now.key as DemoPhase];
        const later = demoPose(t + 0.1).angleDeg;
        // A fifth of the way to the named position after 0.1 s: the eye sees it move at once.
        expect(Math.abs(later - prev.angleDeg)).toBeGreaterThan(0.2 * Math.abs(target - prev.angleDeg));
        expect(Math.abs(target - later)).toBeLessThan(Math.abs(target - prev.angleDeg));
      }
      prev = now;
    }
  });

  it('never bends the foot beyond its positions and repeats exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (t) => {
        const a = demoPose(t);
        const b = demoPose(t + DEMO_CYCLE_S);
        return (
          a.angleDeg >= DEMO_ANGLE_DEG.down - 1e-9 &&
          a.angleDeg <= DEMO_ANGLE_DEG.up + 1e-9 &&
          Math.abs(a.angleDeg - b.angleDeg) < 1e-6 &&
          a.key === b.key
        );
      }),
      { numRuns: 300 },
    );
  });
});
