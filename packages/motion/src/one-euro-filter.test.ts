import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOneEuroFilter, DEFAULT_ONE_EURO } from './one-euro-filter.ts';

describe('createOneEuroFilter', () => {
  it('rejects each out-of-range option with a RangeError that names it and its range', () => {
    expect(() => createOneEuroFilter({ ...DEFAULT_ONE_EURO, minCutoffHz: 0 })).toThrow(
      /minCutoffHz.*0\.01 to 30/,
    );
    expect(() => createOneEuroFilter({ ...DEFAULT_ONE_EURO, beta: -1 })).toThrow(/beta.*0 to 10/);
    expect(() => createOneEuroFilter({ ...DEFAULT_ONE_EURO, dCutoffHz: Number.NaN })).toThrow(/dCutoffHz/);
    expect(() => createOneEuroFilter({ ...DEFAULT_ONE_EURO, minCutoffHz: Number.POSITIVE_INFINITY })).toThrow(
      RangeError,
    );
  });

  it('settles on a step within a second at 30 fps and never overshoots it', () => {
    const f = createOneEuroFilter();
    f.filter(0, 0);
    let y = 0;
    for (let i = 1; i <= 30; i++) {
      y = f.filter(20, (i * 1000) / 30);
      expect(y).toBeLessThanOrEqual(20);
    }
    expect(y).toBeGreaterThan(19);
  });

  it('smooths jitter during a hold', () => {
    const f = createOneEuroFilter();
    let maxDev = 0;
    for (let i = 0; i < 300; i++) {
      const y = f.filter(10 + (i % 2 ? 2 : -2), i * 33);
      if (i > 60) maxDev = Math.max(maxDev, Math.abs(y - 10));
    }
    expect(maxDev).toBeLessThan(1);
  });

  it('restarts from the value when time does not move forward, and after reset', () => {
    const f = createOneEuroFilter();
    f.filter(0, 100);
    expect(f.filter(50, 100)).toBe(50);
    f.filter(0, 200);
    f.reset();
    expect(f.filter(-7, 50)).toBe(-7);
  });

  it('stays within the range of the values it was given, whatever the timestamps', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -90, max: 90, noNaN: true }),
            fc.double({ min: 0.1, max: 500, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        (steps) => {
          const f = createOneEuroFilter();
          let t = 0;
          let lo = Number.POSITIVE_INFINITY;
          let hi = Number.NEGATIVE_INFINITY;
          for (const [v, dt] of steps) {
            t += dt;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            const y = f.filter(v, t);
            expect(y).toBeGreaterThanOrEqual(lo - 1e-9);
            expect(y).toBeLessThanOrEqual(hi + 1e-9);
          }
        },
      ),
    );
  });
});
