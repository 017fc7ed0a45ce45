import { describe, expect, it } from 'vitest';
import type { Calibration } from '../store/settings.ts';
import {
  calibrationForView,
  createViewStart,
  phoneGainOf,
  staleForView,
  withPhoneGain,
} from './view-calibration.ts';

const cal = (atMs: number): Calibration => ({
  method: 'camera',
  neutralDeg: 4,
  downDeg: -30,
  upDeg: 12,
  atMs,
});

describe('a camera calibration belongs to the view it was made with', () => {
  it('is used in the session that follows it, with the same camera', () => {
    const view = { openedAtMs: 1_000 };
    expect(calibrationForView(cal(5_000), view)).toEqual(cal(5_000));
    expect(staleForView(cal(5_000), view)).toBe(false);
  });

  it("is not used once the camera was opened again (yesterday's calibration, today's view)", () => {
    const today = { openedAtMs: 90_000_000 };
    expect(calibrationForView(cal(5_000), today)).toBeNull();
    expect(staleForView(cal(5_000), today)).toBe(true);
  });

  it('is stale once the camera was seen to move, for the calibrate screen and the next session', () => {
    let nowMs = 1_000;
    const view = createViewStart(() => nowMs);
    nowMs = 5_000;
    const made = cal(nowMs);
    expect(calibrationForView(made, view)).toEqual(made);
    // The rep engine says the view changed 10 s later (the camera was knocked mid-session).
    nowMs = 15_000;
    view.moved();
    expect(calibrationForView(made, view)).toBeNull();
    expect(staleForView(made, view)).toBe(true);
    // A calibration made after the move is this view's.
    expect(calibrationForView(cal(20_000), view)).toEqual(cal(20_000));
  });

  it('gives nothing without a calibration or without an open camera', () => {
    expect(calibrationForView(undefined, { openedAtMs: 1 })).toBeNull();
    expect(calibrationForView(cal(5), null)).toBeNull();
    expect(staleForView(undefined, { openedAtMs: 1 })).toBe(false);
    expect(staleForView(cal(5), undefined)).toBe(false);
  });
});

describe("a phone check of the camera's degrees", () => {
  it('scales the measured range to the gain it found, and keeps the view it was made for', () => {
    const checked = withPhoneGain(cal(5_000), 1.5, 3, 9_000);
    expect(checked).toEqual({
      method: 'camera',
      neutralDeg: 6,
      downDeg: -45,
      upDeg: 18,
      atMs: 5_000,
      phone: { gain: 1.5, reps: 3, atMs: 9_000 },
    });
    expect(phoneGainOf(checked)).toBe(1.5);
    expect(calibrationForView(checked, { openedAtMs: 1_000 })).toEqual(checked);
  });

  it('checked again, rescales from the gain the range was measured at, not from raw degrees', () => {
    const again = withPhoneGain(withPhoneGain(cal(5_000), 1.5, 3, 9_000), 1.2, 4, 20_000);
    expect(again.downDeg).toBeCloseTo(-36, 9);
    expect(again.upDeg).toBeCloseTo(14.4, 9);
    expect(again.phone).toEqual({ gain: 1.2, reps: 4, atMs: 20_000 });
  });

  it('gives gain 1 without a check, and does not trust a stored gain no view gives', () => {
    expect(phoneGainOf(cal(5_000))).toBe(1);
    expect(phoneGainOf(null)).toBe(1);
    expect(phoneGainOf({ ...cal(5_000), phone: { gain: 40, reps: 3, atMs: 1 } })).toBe(1);
    expect(phoneGainOf({ ...cal(5_000), phone: { gain: Number.NaN, reps: 3, atMs: 1 } })).toBe(1);
  });
});
