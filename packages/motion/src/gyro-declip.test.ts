import { describe, expect, it } from 'vitest';
import { createGyroDeclip } from './gyro-declip.ts';
import type { ImuReading } from './imu-sample.ts';

const D = 180 / Math.PI;
/** A reading with these gyro rates, the accelerometer at rest. */
const gyro = (gx: number, gy = 0, gz = 0): ImuReading => ({ ax: 0, ay: 0, az: 9.81, gx, gy, gz });

/**
 * The turn (deg) integrated over a 0.25-s move peaking at `peakRadS` on x (a half sine, 54 deg at
 * 6 rad/s), read at `hz` by a gyro clipped at `limitRadS`, with and without the declip.
 */
function movedDeg(hz: number, peakRadS: number, limitRadS: number) {
  const d = createGyroDeclip();
  let truth = 0;
  let clipped = 0;
  let declipped = 0;
  for (let k = 0; k < hz; k++) {
    const t = k / hz;
    const v = t < 0.25 ? peakRadS * Math.sin((Math.PI * t) / 0.25) : 0;
    // The sensor's noise comes before the clip: saturated readings are the limit exactly.
    const read = Math.max(-limitRadS, Math.min(limitRadS, v + 0.001 * Math.sin(7 * k)));
    truth += (v / hz) * D;
    clipped += (read / hz) * D;
    declipped += (d.next(t * 1000, gyro(read, 0.02 * Math.cos(k), -0.01 * k)).gx / hz) * D;
  }
  return { truth, clipped, declipped };
}

describe('gyro declip', () => {
  it('puts back most of the turn a clipped gyro hid, at any rate from 25 to 200 Hz', () => {
    for (const hz of [25, 40, 100, 200]) {
      for (const sign of [1, -1]) {
        const { truth, clipped, declipped } = movedDeg(hz, sign * 6, 3);
        // A 54-deg move read by a gyro that stops at 3 rad/s integrates to about 36 deg...
        expect(Math.abs(truth - clipped), `${hz} Hz`).toBeGreaterThan(15);
        // ...and to within 6 deg of the truth with the hidden turn put back.
        expect(Math.abs(truth - declipped), `${hz} Hz`).toBeLessThan(6);
      }
    }
  });

  it('leaves readings under the limit, a still sensor and a sample delivered twice as they are', () => {
    const d = createGyroDeclip();
    for (let k = 0; k < 120; k++) {
      // A move under the limit; a still sensor's quantised readings; then a quick move whose every
      // reading is delivered twice (all three axes repeat), past 1 rad/s.
      const r =
        k < 40
          ? gyro(2.5 * Math.sin((Math.PI * k) / 40), 0.01 * (k % 3))
          : k < 80
            ? gyro(0.002, -0.001 * (k % 2), 0.004)
            : gyro(3 * Math.sin((Math.PI * Math.floor((k - 80) / 2)) / 20), 0.5, -0.2 * Math.floor(k / 2));
      expect(d.next(k * 10, r)).toBe(r);
    }
  });

  it('puts nothing back across a gap in the readings', () => {
    const d = createGyroDeclip();
    const rates = [1, 2, 3, 3, 3];
    for (const [k, v] of rates.entries()) d.next(k * 25, gyro(v, 0.01 * k));
    // The next reading comes a second later: the spell's end is not seen.
    const after = gyro(0.5, 0.1);
    expect(d.next(1100, after)).toBe(after);
  });
});
