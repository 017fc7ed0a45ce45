// Sensor orientation from gyroscope and accelerometer (Mahony's complementary filter): the gyro
// gives the motion, gravity pulls tilt back so errors cannot build up over a long session.

import type { ImuReading } from './imu-sample.ts';
import { normalize, type Quat, quat, upInSensor } from './quaternion.ts';

const G = 9.80665;

export interface OrientationFilter {
  /** Updates with one reading `dtS` seconds after the previous; returns the orientation. */
  update(r: ImuReading, dtS: number): Quat;
  /** Forgets the past: the next update starts from gravity alone (after a gap). */
  restart(): void;
  /**
   * The next update takes its tilt from that reading's gravity, keeping the gyro bias learned so
   * far: for a reading taken at rest, where the accelerometer sees gravity alone.
   */
  relevel(): void;
  /**
   * The gyro's mean over a rest (rad/s, sensor frame) is its bias: it replaces the bias learned so
   * far (gravity teaches it only over tens of seconds, and meanwhile tilts the orientation by
   * bias / kp, as seen from the axis the bias turns about).
   */
  restBias(gx: number, gy: number, gz: number): void;
  readonly q: Quat;
}

/**
 * `kp` (1/s) sets how fast gravity corrects tilt; `ki` (1/s^2) learns gyro bias. A reading's own
 * quaternion is used instead when `trustQuaternion` and it has one.
 */
export function createOrientationFilter(kp: number, ki: number, trustQuaternion: boolean): OrientationFilter {
  const q = quat();
  const up = new Float64Array(3);
  const bias = new Float64Array(3);
  let started = false;

  function initFromGravity(ax: number, ay: number, az: number): void {
    // The shortest rotation taking the measured up direction to world +z.
    const n = Math.hypot(ax, ay, az) || 1;
    const x = ax / n;
    const y = ay / n;
    const z = az / n;
    if (z < -0.999999) {
      q.set([0, 1, 0, 0]);
      return;
    }
    q[0] = 1 + z;
    q[1] = y;
    q[2] = -x;
    q[3] = 0;
    normalize(q);
  }

  return {
    q,
    restart() {
      started = false;
      bias.fill(0);
    },
    relevel() {
      started = false;
    },
    restBias(gx, gy, gz) {
      bias[0] = -gx;
      bias[1] = -gy;
      bias[2] = -gz;
    },
    update(r, dtS) {
      if (trustQuaternion && r.q) {
        q.set(r.q);
        normalize(q);
        started = true;
        return q;
      }
      if (!started) {
        initFromGravity(r.ax, r.ay, r.az);
        started = true;
        return q;
      }
      let gx = r.gx;
      let gy = r.gy;
      let gz = r.gz;
      const an = Math.hypot(r.ax, r.ay, r.az);
      // Trust gravity less while the foot accelerates: weight falls to 0 at 0.3 g away from 1 g.
      const wgt = Math.max(0, 1 - Math.abs(an - G) / (0.3 * G));
      if (an > 0 && wgt > 0) {
        upInSensor(q, up);
        const ax = r.ax / an;
        const ay = r.ay / an;
        const az = r.az / an;
        const ex = ay * up[2]! - az * up[1]!;
        const ey = az * up[0]! - ax * up[2]!;
        const ez = ax * up[1]! - ay * up[0]!;
        bias[0]! += ki * wgt * ex * dtS;
        bias[1]! += ki * wgt * ey * dtS;
        bias[2]! += ki * wgt * ez * dtS;
        gx += kp * wgt * ex + bias[0]!;
        gy += kp * wgt * ey + bias[1]!;
        gz += kp * wgt * ez + bias[2]!;
      }
      const w = q[0]!;
      const x = q[1]!;
      const y = q[2]!;
      const z = q[3]!;
      const h = 0.5 * dtS;
      q[0] = w + h * (-x * gx - y * gy - z * gz);
      q[1] = x + h * (w * gx + y * gz - z * gy);
      q[2] = y + h * (w * gy - x * gz + z * gx);
      q[3] = z + h * (w * gz + x * gy - y * gx);
      normalize(q);
      return q;
    },
  };
}
