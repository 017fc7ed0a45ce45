import { describe, expect, it } from 'vitest';
import { createGyroAxis } from './gyro-axis.ts';

describe('gyro axis', () => {
  it('is drawn toward a direction given either way round, and stays a unit vector', () => {
    for (const sign of [1, -1]) {
      const a = createGyroAxis(1, 0.1);
      a.seed(1, 0, 0);
      // 60 deg off the axis, given one way and the other: half way there is 30 deg off.
      a.toward(sign * 0.5, sign * Math.sqrt(0.75), 0, 0.5);
      expect(a.axis[0]).toBeCloseTo(Math.sqrt(0.75), 12);
      expect(a.axis[1]).toBeCloseTo(0.5, 12);
      expect(Math.hypot(...a.axis)).toBeCloseTo(1, 12);
    }
  });

  it('learns from fast turns only, following their direction, not their sign', () => {
    const a = createGyroAxis(1, 0.5);
    expect(a.learn(0.5, 0, 0)).toBe(0);
    expect(a.known).toBe(false);
    a.learn(2, 0, 0);
    expect([...a.axis]).toEqual([1, 0, 0]);
    // A turn the other way about an axis 53 deg off: the axis moves half way toward (0.6, 0.8).
    a.learn(-1.2, -1.6, 0);
    expect(a.axis[0]).toBeCloseTo(0.8 / Math.hypot(0.8, 0.4), 12);
    expect(a.axis[1]).toBeCloseTo(0.4 / Math.hypot(0.8, 0.4), 12);
  });
});
