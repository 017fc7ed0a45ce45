import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zeroPhaseLowPass } from './zero-phase.ts';

describe('zeroPhaseLowPass', () => {
  it('keeps a slow pump (0.25 Hz) where it is: no lag, the peak height kept within 2%', () => {
    const xs = Array.from({ length: 120 }, (_, i) => 30 * Math.sin((2 * Math.PI * 0.25 * i) / 15));
    const ys = zeroPhaseLowPass(xs, 15, 3);
    const peak = (s: number[]) => s.slice(10, 50).indexOf(Math.max(...s.slice(10, 50)));
    expect(peak(ys)).toBe(peak(xs));
    expect(Math.max(...ys.slice(10, 110))).toBeGreaterThan(29.4);
  });
  it('takes frame-to-frame jitter out (7 Hz alternation shrinks more than tenfold)', () => {
    const xs = Array.from({ length: 60 }, (_, i) => (i % 2 ? 3 : -3));
    const ys = zeroPhaseLowPass(xs, 15, 3);
    expect(Math.max(...ys.slice(10, 50).map(Math.abs))).toBeLessThan(0.3);
  });
  it('never bridges a gap: NaN stays NaN and the runs either side stay finite', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -60, max: 60, noNaN: true }), fc.constant(Number.NaN)), {
          maxLength: 80,
        }),
        (xs) => {
          const ys = zeroPhaseLowPass(xs, 15, 3);
          expect(ys.map(Number.isNaN)).toEqual(xs.map(Number.isNaN));
        },
      ),
      { numRuns: 100 },
    );
  });
  it('rejects a cut-off at or above half the sample rate', () => {
    expect(() => zeroPhaseLowPass([1, 2, 3], 5, 3)).toThrow(RangeError);
  });
});
