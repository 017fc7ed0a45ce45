import { describe, expect, it } from 'vitest';
import { createOrientationFilter } from './orientation-filter.ts';
import { type Quat, upInSensor } from './quaternion.ts';

const G = 9.80665;
const D2R = Math.PI / 180;
/** A reading of a sensor turned `tiltDeg` about its x axis from level, turning at `gxRadS`. */
const tilted = (tiltDeg: number, gxRadS = 0) => ({
  ax: 0,
  ay: G * Math.sin(tiltDeg * D2R),
  az: G * Math.cos(tiltDeg * D2R),
  gx: gxRadS,
  gy: 0,
  gz: 0,
});

/** The sensor's x axis in the world frame (q maps sensor to world). */
function xAxisInWorld(q: Quat): number[] {
  const [w, x, y, z] = [q[0]!, q[1]!, q[2]!, q[3]!];
  return [1 - 2 * (y * y + z * z), 2 * (x * y + w * z), 2 * (x * z - w * y)];
}

const upOf = (q: Quat) => Array.from(upInSensor(q, new Float64Array(3)));

/** A filter that started level and then turned `yawDeg` about the vertical, as its gyro saw. */
function levelFilter(yawDeg: number) {
  const f = createOrientationFilter(0.5, 0, false);
  f.update(tilted(0), 0);
  const hz = 100;
  const steps = Math.round((yawDeg * D2R * hz) / 1);
  for (let i = 0; i < steps; i++) f.update({ ...tilted(0), gz: 1 }, 1 / hz);
  return f;
}

describe('orientation filter across a gap in the readings', () => {
  it('after a gap the gyro did not see, takes the tilt from the first still reading, heading kept', () => {
    for (const yawDeg of [0, 40, 130]) {
      const f = levelFilter(yawDeg);
      const xBefore = xAxisInWorld(f.q);
      const before = Float64Array.from(f.q);
      // 0.8 s with no readings, during which the foot turned 30 deg about the sensor's x axis; the
      // first reading after it is still turning (1 rad/s): nothing is integrated or taken from it.
      f.update(tilted(30, 1), 0.8);
      for (let i = 0; i < 4; i++) expect(f.q[i]).toBeCloseTo(before[i]!, 12);
      // The next one is still: the tilt is gravity's, by a turn about the sensor's own x axis,
      // which leaves that axis (and so the heading) where it was.
      f.update(tilted(30), 0.02);
      const up = upOf(f.q);
      expect(up[0]).toBeCloseTo(0, 6);
      expect(up[1]).toBeCloseTo(Math.sin(30 * D2R), 6);
      expect(up[2]).toBeCloseTo(Math.cos(30 * D2R), 6);
      const xAfter = xAxisInWorld(f.q);
      for (let i = 0; i < 3; i++) expect(xAfter[i]).toBeCloseTo(xBefore[i]!, 6);
    }
  });

  it('integrates a short step as usual, and takes no tilt from an accelerating reading after a gap', () => {
    // 0.2 s at 1 rad/s about x: integrated (11.5 deg), gravity's pull aside.
    const f = levelFilter(0);
    f.update({ ...tilted(0), gx: 1 }, 0.2);
    expect(Math.asin(upOf(f.q)[1]!) / D2R).toBeGreaterThan(10);
    // After a gap, a reading at 1.3 g (the foot accelerating) is not taken as the tilt.
    const g = levelFilter(0);
    g.update({ ...tilted(30), ay: 1.3 * G * Math.sin(30 * D2R), az: 1.3 * G * Math.cos(30 * D2R) }, 0.8);
    expect(upOf(g.q)[1]).toBeCloseTo(0, 9);
  });

  it('restarted after a long gap on a reading taken mid-pump, takes the tilt again from the first still one', () => {
    // The foot is tilted 20 deg and still, but the first reading after the gap was taken
    // mid-pump: its accelerometer adds 3 m/s^2 of the foot's own acceleration to gravity.
    const midPump = { ...tilted(20, 2), ay: G * Math.sin(20 * D2R) + 3 };
    const tiltDeg = (f: ReturnType<typeof createOrientationFilter>) => Math.asin(upOf(f.q)[1]!) / D2R;
    const afterGap = createOrientationFilter(0.5, 0, false);
    afterGap.restart(true);
    afterGap.update(midPump, 0);
    const startDeg = tiltDeg(afterGap);
    expect(Math.abs(startDeg - 20)).toBeGreaterThan(10);
    afterGap.update(tilted(20), 0.02);
    expect(tiltDeg(afterGap)).toBeCloseTo(20, 6);
    // A session's first reading is not after a turn the gyro missed: gravity pulls the tilt in at
    // its own rate, from wherever that reading put it.
    const atStart = createOrientationFilter(0.5, 0, false);
    atStart.restart();
    atStart.update(midPump, 0);
    atStart.update(tilted(20), 0.02);
    expect(Math.abs(tiltDeg(atStart) - 20)).toBeGreaterThan(10);
  });
});
