// Sensor orientation from gyroscope and accelerometer (Mahony's complementary filter): the gyro
// gives the motion, gravity pulls tilt back so errors cannot build up over a long session.

import { G_MS2 as G, type ImuReading } from './imu-sample.ts';
import { mul, normalize, type Quat, quat, upInSensor } from './quaternion.ts';

export interface OrientationFilter {
  /**
   * Updates with one reading `dtS` seconds after the previous; returns the orientation. A step of
   * more than UNSEEN_TURN_S is not integrated (the gyro did not see the foot turn meanwhile): the
   * tilt is taken from gravity instead, at the first still reading within SNAP_WITHIN_S after it.
   */
  update(r: ImuReading, dtS: number): Quat;
  /**
   * Forgets the past: the next update starts from gravity alone. `afterGap`: the foot may have
   * been moving when the readings resumed (after a gap, not a session's start): a reading taken
   * mid-movement holds its acceleration as well as gravity, so the tilt is taken again from the
   * first still reading within SNAP_WITHIN_S.
   */
  restart(afterGap?: boolean): void;

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

/** An accelerometer reading within this share of 1 g sees gravity: past it the filter trusts none. */
const GRAVITY_SEEN_SHARE = 0.3;
/** Whether an accelerometer reading sees gravity (within GRAVITY_SEEN_SHARE of 1 g). */
export const nearOneG = (ax: number, ay: number, az: number) =>
  Math.abs(Math.hypot(ax, ay, az) - G) < GRAVITY_SEEN_SHARE * G;

/**
 * The sensor is still when it turns slower than `stillRadS` and its accelerometer reads within this
 * share of 1 g (less than 0.5 m/s^2 of its own acceleration: the tilt from gravity is within 3 deg).
 */
const STILL_ACCEL_SHARE = 0.05;
/**
 * A step between readings longer than this (s) is not integrated: in a quarter of a second a
 * pumping foot turns by half a pump, which one reading integrated over the gap cannot tell. Over a
 * 1-s radio dropout the foot turned back from toes up; integrating the reading after it came out
 * 20 deg off, and gravity pulling the tilt back over the next second was counted as a rep.
 */
const UNSEEN_TURN_S = 0.25;
/** ...and the tilt is taken from gravity at the first still reading within this long after it, s. */
const SNAP_WITHIN_S = 1;

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
  /** Seconds left to take the tilt from gravity after a step the gyro did not see (0: none pending). */
  let snapLeftS = 0;
  /** The next start follows a gap in the readings, not a session's start (`restart(true)`). */
  let restartAfterGap = false;
  /** Scratch for that tilt's turn and the orientation turned by it. */
  const turn = quat();
  const turned = quat();

  /** Turning slower than `stillRadS` (net of the bias learned) and sensing gravity alone (`an`: |accelerometer|). */
  const stillReading = (r: ImuReading, an: number) =>
    Math.hypot(r.gx + bias[0]!, r.gy + bias[1]!, r.gz + bias[2]!) < stillRadS &&
    Math.abs(an - G) < STILL_ACCEL_SHARE * G;

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

  /**
   * Turns the orientation by the smallest rotation that makes its tilt the reading's gravity, the
   * heading kept (the angle is read from the tilt where gravity is seen: imu-angle.ts); false,
   * doing nothing, unless the reading is still (gravity alone, within 3 deg).
   */
  function snapTilt(r: ImuReading, an: number): boolean {
    if (!stillReading(r, an)) return false;
    upInSensor(q, up);
    const mx = r.ax / an;
    const my = r.ay / an;
    const mz = r.az / an;
    // The smallest rotation taking the measured up (m) to the estimated one (u), in the sensor
    // frame: applied after q, it makes q's up the measured one.
    turn[0] = 1 + mx * up[0]! + my * up[1]! + mz * up[2]!;
    if (turn[0] < 1e-6) return false;
    turn[1] = my * up[2]! - mz * up[1]!;
    turn[2] = mz * up[0]! - mx * up[2]!;
    turn[3] = mx * up[1]! - my * up[0]!;
    q.set(mul(q, turn, turned));
    normalize(q);
    return true;
  }

  return {
    q,
    restart(afterGap = false) {
      started = false;
      restartAfterGap = afterGap;
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
        // Readings that resume mid-movement hold the foot's acceleration as well as gravity: the
        // tilt is taken again from the first still reading within SNAP_WITHIN_S (a pumping foot
        // rests at neutral within a second), not left to converge at the gravity gain.
        snapLeftS = restartAfterGap && !stillReading(r, Math.hypot(r.ax, r.ay, r.az)) ? SNAP_WITHIN_S : 0;
        restartAfterGap = false;
        return q;
      }
      // Not integrated over a step the gyro did not see (the tilt is taken from gravity after it).
      const seen = dtS <= UNSEEN_TURN_S;
      if (!seen) snapLeftS = SNAP_WITHIN_S;
      else snapLeftS = Math.max(0, snapLeftS - dtS);
      const stepS = seen ? dtS : 0;
      let gx = r.gx;
      let gy = r.gy;
      let gz = r.gz;
      const an = Math.hypot(r.ax, r.ay, r.az);
      // Trust gravity less while the foot accelerates: weight falls to 0 at 0.3 g away from 1 g.
      let wgt = Math.max(0, 1 - Math.abs(an - G) / (GRAVITY_SEEN_SHARE * G));
      // Still, gravity alone: pull the tilt in faster (kpStill), so an error the gyro left (its
      // readings clipped in a fast pump) is gone by the next rest instead of fading over seconds.
      if (stillReading(r, an)) wgt *= kpStill / kp;
      if (an > 0 && wgt > 0) {
        upInSensor(q, up);
        const ax = r.ax / an;
        const ay = r.ay / an;
        const az = r.az / an;
        const ex = ay * up[2]! - az * up[1]!;
        const ey = az * up[0]! - ax * up[2]!;
        const ez = ax * up[1]! - ay * up[0]!;
        bias[0]! += ki * wgt * ex * stepS;
        bias[1]! += ki * wgt * ey * stepS;
        bias[2]! += ki * wgt * ez * stepS;
        gx += kp * wgt * ex;
        gy += kp * wgt * ey;
        gz += kp * wgt * ez;
      }
      // The bias learned (or read at a rest) comes off every reading, whether or not gravity is seen
      // in it: it came off only with the gravity correction, so a gravity-free phone's bias (and
      // any phone's, in a reading 0.3 g or more off 1 g) turned the orientation unchecked.
      gx += bias[0]!;
      gy += bias[1]!;
      gz += bias[2]!;
      const w = q[0]!;
      const x = q[1]!;
      const y = q[2]!;
      const z = q[3]!;
      const h = 0.5 * stepS;
      q[0] = w + h * (-x * gx - y * gy - z * gz);
      q[1] = x + h * (w * gx + y * gz - z * gy);
      q[2] = y + h * (w * gy - x * gz + z * gx);
      q[3] = z + h * (w * gz + x * gy - y * gx);
      normalize(q);
      if (snapLeftS > 0 && snapTilt(r, an)) snapLeftS = 0;
      return q;
    },
  };
}
