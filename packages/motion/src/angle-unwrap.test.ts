import { describe, expect, it } from 'vitest';
import { createAngleUnwrap } from './angle-unwrap.ts';

/** `deg` read within ±180, as an orientation's twist is. */
const wrapped = (deg: number) => deg - 360 * Math.round(deg / 360);

describe('an angle read within ±180, made continuous', () => {
  it('follows a drift through several turns either way', () => {
    for (const stepDeg of [7, -7]) {
      const u = createAngleUnwrap();
      for (let k = 0; k < 200; k++)
        expect(u.next(wrapped(10 + stepDeg * k))).toBeCloseTo(10 + stepDeg * k, 9);
    }
  });

  it('takes the angle as it is after a new reference', () => {
    const u = createAngleUnwrap();
    for (let k = 0; k <= 40; k++) u.next(wrapped(8 * k));
    expect(u.next(wrapped(328))).toBeCloseTo(328, 9);
    u.reset();
    expect(u.next(-20)).toBe(-20);
  });
});
