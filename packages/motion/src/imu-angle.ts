// The ankle angle from orientations: the foot's rotation since neutral (relative to the shank when
// there is a shank sensor), taken about the pumping axis learned from the first toes-down movement.

import { createGyroAxis } from './gyro-axis.ts';
import { angleOf, conjMul, type Quat, quat, twistAbout } from './quaternion.ts';

/** Rotation (degrees from neutral) beyond which the rotation's axis is trusted as the pumping axis. */
// Small enough for an 8-degree range whose toes-down side is 5 degrees; the gyro refines it after.
const AXIS_LEARN_DEG = 4;
const REFINE_RAD_S = 1;
const REFINE_RATE = 0.01;

export interface ImuAngle {
  /** Sets neutral to the current relative orientation (the foot at rest). */
  setNeutral(rel: Quat): void;
  /**
   * Signed angle from neutral about the pumping axis, degrees. Before the axis is known the angle is
   * minus the rotation's size: the instructed first movement is toes down, which fixes the sign.
   */
  angle(rel: Quat): number;
  /**
   * Refines the axis from a rotation rate (rad/s, sensor frame) seen while only the ankle turns:
   * the gyro's direction is the pumping axis itself, free of the heading drift orientation carries.
   */
  refine(gx: number, gy: number, gz: number): void;
  readonly hasNeutral: boolean;
  readonly axis: Float64Array | null;
  reset(): void;
}

export function createImuAngle(): ImuAngle {
  const q0 = quat();
  const d = quat();
  const pumping = createGyroAxis(REFINE_RAD_S, REFINE_RATE);
  const axis = pumping.axis;
  let hasNeutral = false;
  return {
    setNeutral(rel) {
      q0.set(rel);
      hasNeutral = true;
    },
    angle(rel) {
      conjMul(q0, rel, d);
      const size = angleOf(d);
      if (size >= AXIS_LEARN_DEG) {
        const n = Math.hypot(d[1]!, d[2]!, d[3]!);
        const s = Math.sign(d[0]!) || 1;
        const x = (s * d[1]!) / n;
        const y = (s * d[2]!) / n;
        const z = (s * d[3]!) / n;
        // First big rotation from rest is toes down: make it negative.
        if (!pumping.known) pumping.seed(-x, -y, -z);
      }
      if (!pumping.known) return -size;
      return twistAbout(d, axis[0]!, axis[1]!, axis[2]!);
    },
    refine(gx, gy, gz) {
      if (pumping.known) pumping.learn(gx, gy, gz);
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
