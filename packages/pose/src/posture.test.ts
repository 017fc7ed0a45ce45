import type { LandmarkFrame } from '@anklepump/motion';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPosture } from './posture.ts';

/** A frame whose shoulders sit at `angleDeg` from straight above the hips. */
function frame(angleDeg: number, visibility = 0.9): LandmarkFrame {
  const rows = Array.from({ length: 33 }, () => [0.5, 0.5, 0, visibility] as const);
  const a = (angleDeg * Math.PI) / 180;
  const sx = 0.5 + 0.2 * Math.sin(a);
  const sy = 0.5 - 0.2 * Math.cos(a);
  const lm = rows.map((r, i) => (i === 11 || i === 12 ? ([sx, sy, 0, visibility] as const) : r));
  return { tMs: 0, landmarks: lm, widthPx: 100, heightPx: 100 };
}

describe('detectPosture', () => {
  it('calls an upright torso sitting and a horizontal one lying', () => {
    expect(detectPosture([frame(5), frame(10), frame(8)])).toBe('sitting');
    expect(detectPosture([frame(85), frame(92), frame(88)])).toBe('lying');
  });
  it('says unknown without enough visible torsos', () => {
    expect(detectPosture([frame(5), frame(5)])).toBe('unknown');
    expect(detectPosture([frame(5, 0.1), frame(5, 0.1), frame(5, 0.1)])).toBe('unknown');
    expect(detectPosture([])).toBe('unknown');
  });
  it('follows the median frame, so a few wrong frames do not flip it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 5, maxLength: 20 }),
        (ups) => {
          const frames = [...ups.map((a) => frame(a)), frame(90), frame(90)];
          expect(detectPosture(frames)).toBe('sitting');
        },
      ),
    );
  });
});
