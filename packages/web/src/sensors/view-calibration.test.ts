import { describe, expect, it } from 'vitest';
import type { Calibration } from '../store/settings.ts';
import { calibrationForView, staleForView } from './view-calibration.ts';

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

  it('gives nothing without a calibration or without an open camera', () => {
    expect(calibrationForView(undefined, { openedAtMs: 1 })).toBeNull();
    expect(calibrationForView(cal(5), null)).toBeNull();
    expect(staleForView(undefined, { openedAtMs: 1 })).toBe(false);
    expect(staleForView(cal(5), undefined)).toBe(false);
  });
});
