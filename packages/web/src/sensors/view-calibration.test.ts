import { describe, expect, it } from 'vitest';
import type { Calibration } from '../store/settings.ts';
import { calibrationForView, createViewStart, staleForView } from './view-calibration.ts';

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
