// The still spell a phone's reference is taken from, and how far its angle rests on the tilt.
import { describe, expect, it } from 'vitest';
import { StillSpell, TiltTrust } from './imu-rest.ts';
import type { ImuSample } from './imu-sample.ts';
import { nearOneG } from './orientation-filter.ts';

const reading = (tMs: number, gx: number, az = 9.81): ImuSample => ({
  tMs,
  gx,
  gy: 0.01,
  gz: 0,
  ax: 0,
  ay: 0.2,
  az,
  q: null,
  shank: null,
});

describe('the still spell', () => {
  it("gives the gyro's bias and gravity as the spell's means, and starts again when the sensor moves", () => {
    const spell = new StillSpell();
    spell.add(0, reading(0, 0.5), false);
    expect(spell.lasted(0, 0)).toBe(false);
    for (let t = 100; t <= 1000; t += 100) spell.add(t, reading(t, t <= 500 ? 0.02 : 0.04), true);
    expect(spell.sinceT).toBe(100);
    expect(spell.lasted(1000, 900)).toBe(true);
    expect(spell.lasted(1000, 901)).toBe(false);
    expect(spell.gyroMean(0)).toBeCloseTo(0.03, 10);
    expect(spell.gyroMean(1)).toBeCloseTo(0.01, 10);
    const g = spell.gravityReading(reading(1000, 3, 20));
    expect(g.ax).toBe(0);
    expect(g.ay).toBeCloseTo(0.2, 10);
    expect(g.az).toBeCloseTo(9.81, 10);
    expect(g.gx).toBe(3);
    spell.add(1100, reading(1100, 1), false);
    expect(spell.lasted(1100, 0)).toBe(false);
    spell.add(1200, reading(1200, 0.01), true);
    expect(spell.sinceT).toBe(1200);
    expect(spell.gyroMean(0)).toBeCloseTo(0.01, 10);
  });
});

describe('the tilt trust', () => {
  it('rests the angle on the tilt only with gravity seen, ramping in 4-8 s after the filter started', () => {
    const tilts = new TiltTrust();
    tilts.restarted(0);
    for (let i = 0; i < 200; i++) tilts.sample(true);
    expect(tilts.weight(3000)).toBe(0);
    expect(tilts.weight(6000)).toBeCloseTo(0.5, 10);
    expect(tilts.weight(9000)).toBe(1);
    const free = new TiltTrust();
    free.restarted(0);
    for (let i = 0; i < 200; i++) free.sample(false);
    expect(free.weight(9000)).toBe(0);
  });

  it('trusts the tilt at once after a rest leveled it', () => {
    const tilts = new TiltTrust();
    tilts.sample(true);
    tilts.leveled(20000);
    expect(tilts.weight(20000)).toBe(1);
    expect(nearOneG(0, 0, 9.8)).toBe(true);
    expect(nearOneG(0, 0, 0.2)).toBe(false);
  });
});
