import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_RANGE_DEG, measuredRange } from './measured-range.ts';

const REST = [0, 0.5, -0.5];

describe('calibrated range', () => {
  it('takes the most pointed and most pulled-up angles seen, from the foot at rest', () => {
    expect(measuredRange(REST, [-5, -30, -28], [3, 14, 12])).toEqual({ downDeg: -30, upDeg: 14, restDeg: 0 });
  });
  it('still measures a patient who was a step late', () => {
    expect(measuredRange(REST, [0, 2, -1], [-25, -10, 15])).toEqual({ downDeg: -25, upDeg: 15, restDeg: 0 });
  });
  it('measures from where the foot rested, whatever zero the sensor settled on', () => {
    // The sensor began listening while the toes were pointed: its zero is 32 degrees down.
    expect(measuredRange([32, 31.5, 32.5], [0, 1, 2], [40, 46, 45])).toEqual({
      downDeg: -32,
      upDeg: 14,
      restDeg: 32,
    });
  });
  it('refuses a foot that hardly moved, too few readings, or no rest reading, so nothing wrong is saved', () => {
    expect(measuredRange(REST, [-3, -4, -2], [2, 3, 4])).toBeNull();
    expect(measuredRange(REST, [-30], [15])).toBeNull();
    expect(measuredRange([], [-5, -30, -28], [3, 14, 12])).toBeNull();
  });
  it('any range it saves spans the rest position and at least the minimum, and moves with it', () => {
    const angles = fc.array(fc.double({ min: -80, max: 60, noNaN: true }), { maxLength: 40 });
    fc.assert(
      fc.property(
        angles,
        angles,
        angles,
        fc.double({ min: -40, max: 40, noNaN: true }),
        (relax, down, up, shift) => {
          const r = measuredRange(relax, down, up);
          const moved = measuredRange(
            relax.map((a) => a + shift),
            down.map((a) => a + shift),
            up.map((a) => a + shift),
          );
          if (r === null) return true;
          return (
            r.downDeg < 0 &&
            r.upDeg > 0 &&
            r.upDeg - r.downDeg >= MIN_RANGE_DEG &&
            // Shifting every angle (a different sensor zero) changes nothing the patient sees.
            (moved === null ||
              (Math.abs(moved.downDeg - r.downDeg) < 1e-6 && Math.abs(moved.upDeg - r.upDeg) < 1e-6))
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
