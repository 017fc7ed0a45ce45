import { describe, expect, it } from 'vitest';
import {
  createGyroDeclip,
  createGyroSaturation,
  createSaturatedSpells,
  sensorSaturatedMessage,
} from './gyro-saturation.ts';
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

describe('gyro saturation', () => {
  it('finds the flat top of a turn rate clipped at the gyro limit, and only there', () => {
    const sat = createGyroSaturation();
    const limit = 2.5;
    const hits: number[] = [];
    for (let k = 0; k < 200; k++) {
      const t = k / 100;
      // A 5-rad/s swing on x, clipped; y and z carry small changing rates, as a real mounting does.
      const x = Math.max(-limit, Math.min(limit, 5 * Math.sin(2 * Math.PI * t)));
      const r = sat.add(x, 0.1 * Math.cos(7 * t), 0.05 * Math.sin(3 * t) + 0.001 * k);
      if (r !== 0) hits.push(k);
      // Where the swing is under the limit, nothing is said.
      if (Math.abs(5 * Math.sin(2 * Math.PI * t)) < limit) expect(r).toBe(0);
    }
    // The clipped parts of both half-swings (a third of each) are found, from their third sample.
    expect(hits.length).toBeGreaterThan(50);
    expect(hits.some((k) => k < 50)).toBe(true);
    expect(hits.some((k) => k > 50 && k < 100)).toBe(true);
  });

  it('says the rate it reached, with its sign', () => {
    const sat = createGyroSaturation();
    let r = 0;
    for (let k = 0; k < 5; k++) r = sat.add(-4.4, 0.01 * k, 0.2 - 0.01 * k);
    expect(r).toBe(-4.4);
  });

  it('does not take a sample delivered twice, or a still sensor, for saturation', () => {
    const sat = createGyroSaturation();
    // The whole reading repeated (a browser sending one sensor reading in two events).
    for (let k = 0; k < 10; k++) {
      const v = 1.5 + 0.1 * Math.floor(k / 2);
      expect(sat.add(v, -v, 2 * v)).toBe(0);
    }
    // A still sensor repeats its quantised readings, far below any limit.
    for (let k = 0; k < 10; k++) expect(sat.add(0.002, -0.001 * (k % 2), 0.004)).toBe(0);
  });

  it('keeps the saturated spells and tells which a rep overlaps', () => {
    const spells = createSaturatedSpells();
    for (let t = 1000; t <= 1100; t += 20) spells.add(t, 2.5);
    for (let t = 5000; t <= 5040; t += 20) spells.add(t, -4);
    expect(spells.within(0, 900)).toBe(0);
    expect(spells.within(1050, 3000)).toBe(2.5);
    expect(spells.within(900, 6000)).toBe(4);
    expect(spells.within(1101, 4999)).toBe(0);
    spells.reset();
    expect(spells.within(0, 10000)).toBe(0);
  });

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

  it('words the warning with the rep and the limit in degrees per second', () => {
    expect(sensorSaturatedMessage(4, 2.5)).toBe(
      "rep 4: the sensor's gyroscope reached its limit (143 deg/s), so this rep's degrees may read low; the count is not affected (pump more slowly for degrees you can trust)",
    );
  });
});
