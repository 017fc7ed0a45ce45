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
 * The sensor is still when it turns slower than `stillRadS` and its accelerometer reads within this
 * share of 1 g (less than 0.5 m/s^2 of its own acceleration: the tilt from gravity is within 3 deg).
 */
const STILL_ACCEL_SHARE = 0.05;

/**
 * While still, gravity corrects tilt at this rate, 1/s. A gyro clipped at full scale in fast pumps
 * (a shin-worn sensor at 2-4 rad/s) left the tilt 15 deg off, fading at `kp` over seconds: the
 * next rest read as a toes-down swing and a "rep". Stress set tuning seeds (IMU, 32 a family),
 * exact counts of 192: 149 at kp (0.5), 151 at 1, 153 at 2, 3 and 5.
 */
export const KP_STILL = 3;

/**
 * `kp` (1/s) sets how fast gravity corrects tilt, `kpStill` (1/s) how fast while the sensor is
 * still (turning slower than `stillRadS`, rad/s); `ki` (1/s^2) learns gyro bias. A reading's own
 * quaternion is used instead when `trustQuaternion` and it has one.
 */
export function createOrientationFilter(
  kp: number,
  ki: number,
  trustQuaternion: boolean,
  kpStill = Math.max(kp, KP_STILL),
  stillRadS = 0.2,
): OrientationFilter {
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
      let wgt = Math.max(0, 1 - Math.abs(an - G) / (0.3 * G));
      // Still, gravity alone: pull the tilt in faster (kpStill), so an error the gyro left (its
      // readings clipped in a fast pump) is gone by the next rest instead of fading over seconds.
      const still =
        Math.hypot(gx + bias[0]!, gy + bias[1]!, gz + bias[2]!) < stillRadS &&
        Math.abs(an - G) < STILL_ACCEL_SHARE * G;
      if (still) wgt *= kpStill / kp;
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
