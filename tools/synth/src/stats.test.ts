import { describe, expect, it } from 'vitest';
import { mcnemarExactP, shareWithInterval, wilsonInterval } from './stats.ts';

describe('wilsonInterval', () => {
  it('gives the textbook interval for 8 of 10 (0.490 to 0.943)', () => {
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 3);
    expect(hi).toBeCloseTo(0.9433, 3);
  });

  it('does not claim certainty from a small perfect score: 16 of 16 may be 81%', () => {
    const [lo, hi] = wilsonInterval(16, 16);
    expect(hi).toBe(1);
    expect(lo).toBeCloseTo(0.806, 3);
    expect(wilsonInterval(0, 16)[0]).toBe(0);
  });

  it('narrows as the sets grow: 92.9% of 112 against the same share of 224', () => {
    const [lo1, hi1] = wilsonInterval(104, 112);
    const [lo2, hi2] = wilsonInterval(208, 224);
    expect(hi2 - lo2).toBeLessThan(hi1 - lo1);
    expect(lo1).toBeLessThan(104 / 112);
    expect(hi1).toBeGreaterThan(104 / 112);
  });

  it('refuses counts that are not a share', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(/k=5, n=4/);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(wilsonInterval(0, 0).every(Number.isNaN)).toBe(true);
  });
});

describe('mcnemarExactP', () => {
  it('calls an even split chance and a one-sided one not', () => {
    expect(mcnemarExactP(5, 5)).toBe(1);
    expect(mcnemarExactP(0, 0)).toBe(1);
    // 9 sets lost and 2 won: 2 x P(X <= 2), X ~ Bin(11, 1/2) = 2 x 67 / 2048.
    expect(mcnemarExactP(9, 2)).toBeCloseTo((2 * 67) / 2048, 10);
    expect(mcnemarExactP(2, 9)).toBe(mcnemarExactP(9, 2));
    expect(mcnemarExactP(0, 8)).toBeCloseTo(2 / 256, 10);
    expect(mcnemarExactP(0, 8)).toBeLessThan(0.05);
  });

  it('stays finite for hundreds of changed sets', () => {
    const p = mcnemarExactP(300, 200);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.001);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => mcnemarExactP(-1, 3)).toThrow(/lost=-1/);
    expect(() => mcnemarExactP(1, 0.5)).toThrow(RangeError);
  });
});

describe('shareWithInterval', () => {
  it('writes the share and its interval as the bench shows them', () => {
    expect(shareWithInterval(8, 10)).toBe('80.0% (49.0-94.3%)');
    expect(shareWithInterval(0, 0)).toBe('n/a');
  });
});
