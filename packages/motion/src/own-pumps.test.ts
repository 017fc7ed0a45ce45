import { describe, expect, it } from 'vitest';
import {
  createOwnPumps,
  OWN_MIN_WINDOW_MS,
  OWN_PUMPS_MIN_REPS,
  OWN_PUMPS_NOISE_SHARE,
  OWN_RHYTHMS,
} from './own-pumps.ts';

describe("a camera's noise bars relieved by the person's own pumps", () => {
  it('keeps the whole bar until the person has shown enough reps that cleared it', () => {
    const own = createOwnPumps(5);
    for (let i = 0; i < OWN_PUMPS_MIN_REPS - 1; i++) own.counted(1000 * i);
    // Two reps of 30 deg: a resting foot's first noise swings could be as many.
    expect(own.relieve(20, 0.4, 30, OWN_PUMPS_MIN_REPS - 1, 2500)).toBe(20);
    own.counted(2000);
    expect(own.relieve(20, 0.4, 30, OWN_PUMPS_MIN_REPS, 2500)).toBeCloseTo(12, 9);
    // No usual range yet: nothing to relieve by.
    expect(own.relieve(20, 0.4, null, OWN_PUMPS_MIN_REPS, 2500)).toBe(20);
  });

  it('relieves to a share of their usual range, never below half the bar or the smallest rep, never above the bar', () => {
    const own = createOwnPumps(5);
    for (let i = 0; i < 4; i++) own.counted(1000 * i);
    expect(own.relieve(30, 0.4, 20, 4, 3500)).toBeCloseTo(OWN_PUMPS_NOISE_SHARE * 30, 9);
    expect(own.relieve(6, 0.4, 10, 4, 3500)).toBe(5);
    expect(own.relieve(8, 0.4, 60, 4, 3500)).toBe(8);
  });

  it('gives the whole bar back when the person stops for longer than their rhythm', () => {
    const own = createOwnPumps(5);
    // A rep every 4 s (a pump held 1-2 s at each end): the relief lasts OWN_RHYTHMS of that.
    for (let i = 0; i < 5; i++) own.counted(4000 * i);
    const lastMs = 16000;
    const windowMs = Math.max(OWN_MIN_WINDOW_MS, OWN_RHYTHMS * 4000);
    expect(own.relieve(20, 0.4, 30, 5, lastMs + windowMs - 10)).toBeCloseTo(12, 9);
    expect(own.relieve(20, 0.4, 30, 5, lastMs + windowMs + 10)).toBe(20);
    // A quick pumper's window is at least OWN_MIN_WINDOW_MS.
    const quick = createOwnPumps(5);
    for (let i = 0; i < 5; i++) quick.counted(800 * i);
    expect(quick.relieve(20, 0.4, 30, 5, 3200 + OWN_MIN_WINDOW_MS - 10)).toBeCloseTo(12, 9);
    expect(quick.relieve(20, 0.4, 30, 5, 3200 + OWN_MIN_WINDOW_MS + 10)).toBe(20);
  });

  it('forgets everything on reset', () => {
    const own = createOwnPumps(5);
    for (let i = 0; i < 5; i++) own.counted(1000 * i);
    own.reset();
    expect(own.relieve(20, 0.4, 30, 5, 4500)).toBe(20);
  });
});
