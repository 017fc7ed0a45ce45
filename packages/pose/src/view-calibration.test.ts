import { describe, expect, it } from 'vitest';
import { fitViewCalibration } from './view-calibration.ts';

const series = (n: number, f: (i: number) => number, t0 = 0, dtMs = 1000 / 15) =>
  Array.from({ length: n }, (_, i) => ({ tMs: t0 + i * dtMs, angleDeg: f(i) }));
const pump = (i: number) => 25 * Math.sin(i / 8) - 8;

describe('fitViewCalibration', () => {
  it("recovers this view's gain and offset from pumps seen by both (camera at 100 Hz phone times)", () => {
    const phone = series(1500, (i) => pump((i * 15) / 100), 0, 10);
    const camera = series(225, (i) => (pump(i) - 3) / 1.6 + 0.3 * Math.sin(i * 2.1));
    const r = fitViewCalibration(camera, phone);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.calibration.gain).toBeCloseTo(1.6, 1);
      expect(r.calibration.offsetDeg).toBeCloseTo(3, 0);
      expect(r.calibration.rmsDeg).toBeLessThan(1);
    }
  });
  it('refuses to calibrate on a still foot, on too few matching samples, and on disagreeing sensors', () => {
    const still = series(200, () => 0);
    expect(fitViewCalibration(still, still)).toMatchObject({ ok: false, code: 'too-little-movement' });
    expect(fitViewCalibration(series(200, pump), series(200, pump, 100_000))).toMatchObject({
      ok: false,
      code: 'too-few-pairs',
    });
    const noise = series(200, (i) => 20 * Math.sin(i * 1.3));
    expect(fitViewCalibration(noise, series(200, pump))).toMatchObject({ ok: false, code: 'poor-fit' });
  });
});
