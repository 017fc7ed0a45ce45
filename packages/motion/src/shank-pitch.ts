// The shin's own rotation about the same (ankle) axis, to subtract from the foot's: the two sensors
// have unrelated headings, so the shin's axis is learned from its gyro whenever the leg turns.

import { conjMul, type Quat, quat, twistAbout } from './quaternion.ts';

const TURN_RAD_S = 0.4;

export interface ShankPitch {
  setNeutral(q: Quat): void;
  /**
   * Learns from one pair of gyro readings (rad/s): the shin's axis from its rotation direction, and
   * its sign from agreement with the foot's rotation about the foot axis `footRateRadS`.
   */
  learn(gx: number, gy: number, gz: number, footRateRadS: number): void;
  /** The shin's rotation from neutral about the ankle axis, degrees, in the foot angle's sign; 0 until known. */
  angle(q: Quat): number;
  reset(): void;
}

export function createShankPitch(): ShankPitch {
  const q0 = quat();
  const d = quat();
  const axis = new Float64Array(3);
  let hasAxis = false;
  let agreement = 0;
  return {
    setNeutral(q) {
      q0.set(q);
    },
    learn(gx, gy, gz, footRate) {
      const n = Math.hypot(gx, gy, gz);
      if (n < TURN_RAD_S) return;
      if (!hasAxis) {
        axis[0] = gx / n;
        axis[1] = gy / n;
        axis[2] = gz / n;
        hasAxis = true;
      }
      const proj = gx * axis[0]! + gy * axis[1]! + gz * axis[2]!;
      const s = proj < 0 ? -1 / n : 1 / n;
      for (let i = 0; i < 3; i++) axis[i] = axis[i]! + 0.05 * (s * [gx, gy, gz][i]! - axis[i]!);
      const m = Math.hypot(axis[0]!, axis[1]!, axis[2]!);
      for (let i = 0; i < 3; i++) axis[i]! /= m;
      agreement += proj * footRate;
    },
    angle(q) {
      if (!hasAxis || Math.abs(agreement) < 0.5) return 0;
      conjMul(q0, q, d);
      return Math.sign(agreement) * twistAbout(d, axis[0]!, axis[1]!, axis[2]!);
    },
    reset() {
      hasAxis = false;
      agreement = 0;
    },
  };
}
