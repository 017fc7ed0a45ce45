import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_RANGE_DEG, measuredRange } from './measured-range.ts';

describe('calibrated range', () => {
  it('takes the most pointed and most pulled-up angles seen', () => {
    expect(measuredRange([-5, -30, -28], [3, 14, 12])).toEqual({ downDeg: -30, upDeg: 14 });
  });
  it('still measures a patient who was a step late', () => {
    expect(measuredRange([0, 2, -1], [-25, -10, 15])).toEqual({ downDeg: -25, upDeg: 15 });
  });
  it('refuses a foot that hardly moved, or too few readings, so nothing wrong is saved', () => {
    expect(measuredRange([-3, -4, -2], [2, 3, 4])).toBeNull();
    expect(measuredRange([-30], [15])).toBeNull();
  });
  it('any range it saves spans neutral and at least the minimum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -80, max: 60, noNaN: true }), { maxLength: 40 }),
        fc.array(fc.double({ min: -80, max: 60, noNaN: true }), { maxLength: 40 }),
        (down, up) => {
          const r = measuredRange(down, up);
          return r === null || (r.downDeg < 0 && r.upDeg > 0 && r.upDeg - r.downDeg >= MIN_RANGE_DEG);
        },
      ),
    );
  });
});
