// The ankle angle from orientations: the foot's rotation since neutral (relative to the shank when
// there is a shank sensor), taken about the pumping axis learned from the first toes-down movement.
// Where the accelerometer sees gravity, the rotation is read from how far gravity turned about that
// axis: the orientation's tilt is held by gravity, its heading is not, and a gyro bias about the
// vertical turned a resting foot's twist angle by 30-77 degrees in a minute (test).

import { createGyroAxis } from './gyro-axis.ts';
import { angleOf, conjMul, type Quat, quat, turnBetweenDeg, twistAbout, upInSensor } from './quaternion.ts';

/** Rotation (degrees from neutral) beyond which the rotation's axis is trusted as the pumping axis. */
// Small enough for an 8-degree range whose toes-down side is 5 degrees; the gyro refines it after.
const AXIS_LEARN_DEG = 4;
const REFINE_RAD_S = 1;
/** Up must have turned this far (sine) for its turn's axis to be the pumping axis: half of AXIS_LEARN_DEG. */
const TILT_AXIS_MIN_SIN = Math.sin(((AXIS_LEARN_DEG / 2) * Math.PI) / 180);
const REFINE_RATE = 0.01;

export interface ImuAngle {
  /** Sets neutral to the current relative orientation (the foot at rest). */
  setNeutral(rel: Quat): void;
  /**
   * Signed angle from neutral about the pumping axis, degrees. Before the axis is known the angle is
   * minus the rotation's size (moving to the tilt's turn as the tilt is trusted): the instructed
   * first movement is toes down, which fixes the sign.
   * `tiltWeight` (0..1): how far to trust the orientation's tilt, anchored to gravity when the
   * accelerometer sees it and the filter has had time to converge; at 1 the angle is how far
   * gravity turned about the axis (which a drifting heading cannot reach), at 0 the rotation's
   * twist about the axis (exact over seconds, but it carries the heading's drift), in between a blend.
   */
  angle(rel: Quat, tiltWeight?: number): number;
  /**
   * Refines the axis from a rotation rate (rad/s, sensor frame) seen while only the ankle turns:
   * the gyro's direction is the pumping axis itself, free of the heading drift orientation carries.
   */
  refine(gx: number, gy: number, gz: number): void;
  /**
   * Moves a known axis `weight` (0..1) of the way toward `x, y, z` (unit, sensor frame; either sign:
   * taken the way the axis points now).
   */
  adopt(x: number, y: number, z: number, weight: number): void;
  /** Takes `axis` (unit, sensor frame; either sign) as the pumping axis, learned elsewhere. */
  seedAxis(x: number, y: number, z: number): void;
  readonly hasNeutral: boolean;
  readonly axis: Float64Array | null;
  reset(): void;
}

/** The plane across the axis must keep this much of up (a near-vertical pumping axis sees no tilt). */
const MIN_TILT_SHARE = 0.5;

/**
 * How far the sensor turned about `axis` (unit, sensor frame) between two views of world-up in the
 * sensor frame, degrees, or null when the axis is too near vertical for up to show the turn.
 * Turning the sensor by +a about the axis turns up, as the sensor sees it, by -a.
 */
function tiltAbout(up0: Float64Array, up1: Float64Array, axis: Float64Array): number | null {
  const ax = axis[0]!;
  const ay = axis[1]!;
  const az = axis[2]!;
  const a0 = up0[0]! * ax + up0[1]! * ay + up0[2]! * az;
  const a1 = up1[0]! * ax + up1[1]! * ay + up1[2]! * az;
  const p0x = up0[0]! - a0 * ax;
  const p0y = up0[1]! - a0 * ay;
  const p0z = up0[2]! - a0 * az;
  const p1x = up1[0]! - a1 * ax;
  const p1y = up1[1]! - a1 * ay;
  const p1z = up1[2]! - a1 * az;
  const n0 = p0x * p0x + p0y * p0y + p0z * p0z;
  const n1 = p1x * p1x + p1y * p1y + p1z * p1z;
  if (n0 < MIN_TILT_SHARE ** 2 || n1 < MIN_TILT_SHARE ** 2) return null;
  const sin = (p0y * p1z - p0z * p1y) * ax + (p0z * p1x - p0x * p1z) * ay + (p0x * p1y - p0y * p1x) * az;
  const cos = p0x * p1x + p0y * p1y + p0z * p1z;
  return (-Math.atan2(sin, cos) * 180) / Math.PI;
}

/**
 * A twist angle (degrees) moved `weight` (0..1) of the shorter way toward the tilt angle between
 * the up vectors `up0` and `up1` about `axis`; the twist as it is when the tilt cannot be read.
 * Shared by the foot's angle and the shin's.
 */
export function towardTilt(
  twistDeg: number,
  up0: Float64Array,
  up1: Float64Array,
  axis: Float64Array,
  weight: number,
): number {
  if (weight <= 0) return twistDeg;
  const tilt = tiltAbout(up0, up1, axis);
  if (tilt === null) return twistDeg;
  let diff = tilt - twistDeg;
  if (diff > 180) diff -= 360;
  if (diff < -180) diff += 360;
  return twistDeg + Math.min(1, weight) * diff;
}

export function createImuAngle(): ImuAngle {
  const q0 = quat();
  const d = quat();
  const pumping = createGyroAxis(REFINE_RAD_S, REFINE_RATE);
  const axis = pumping.axis;
  let hasNeutral = false;
  const up0 = new Float64Array(3);
  const upNow = new Float64Array(3);
  return {
    setNeutral(rel) {
      q0.set(rel);
      upInSensor(rel, up0);
      hasNeutral = true;
    },
    angle(rel, tiltWeight = 0) {
      conjMul(q0, rel, d);
      if (tiltWeight > 0) upInSensor(rel, upNow);
      if (!pumping.known) {
        // Before the axis is known the angle is the rotation's size; as gravity is trusted, the
        // size of the tilt's turn (up0 -> up now), which a heading drift cannot grow: a resting
        // foot's biased gyro otherwise showed it 20-50 deg toes down.
        // Blended by the tilt's weight, so the angle does not step when that weight ramps up.
        const all = angleOf(d);
        const w = Math.min(1, tiltWeight);
        const size = w > 0 ? all + w * (turnBetweenDeg(up0, upNow) - all) : all;
        if (size >= AXIS_LEARN_DEG) {
          // First big rotation from rest is toes down: make it negative. Where gravity is trusted
          // the axis is the one up turned about (up0 x up now; the sensor turning by +a turns up by
          // -a): the orientation's own turn carries its heading drift about the vertical too, and
          // a near-vertical "pumping axis" makes a twist that only drifts (IMU tuning seeds, 32 a
          // family, with the restless wearer's gyro axis: 146 -> 147 of 192 exact).
          const cx = up0[1]! * upNow[2]! - up0[2]! * upNow[1]!;
          const cy = up0[2]! * upNow[0]! - up0[0]! * upNow[2]!;
          const cz = up0[0]! * upNow[1]! - up0[1]! * upNow[0]!;
          const c = Math.hypot(cx, cy, cz);
          if (w > 0 && c >= TILT_AXIS_MIN_SIN) pumping.seed(cx / c, cy / c, cz / c);
          else {
            const n = Math.hypot(d[1]!, d[2]!, d[3]!);
            const s = Math.sign(d[0]!) || 1;
            pumping.seed((-s * d[1]!) / n, (-s * d[2]!) / n, (-s * d[3]!) / n);
          }
        }
        if (!pumping.known) return -size;
      }
      const twist = twistAbout(d, axis[0]!, axis[1]!, axis[2]!);
      return tiltWeight > 0 ? towardTilt(twist, up0, upNow, axis, tiltWeight) : twist;
    },
    refine(gx, gy, gz) {
      if (pumping.known) pumping.learn(gx, gy, gz);
    },
    seedAxis(x, y, z) {
      pumping.seed(x, y, z);
    },
    adopt(x, y, z, weight) {
      if (pumping.known) pumping.toward(x, y, z, weight);
    },
    get hasNeutral() {
      return hasNeutral;
    },
    get axis() {
      return pumping.known ? axis : null;
    },
    reset() {
      hasNeutral = false;
      pumping.clear();
    },
  };
}
