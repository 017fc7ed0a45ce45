// The shin's own rotation about the same (ankle) axis, to subtract from the foot's: the two sensors
// have unrelated headings, so the shin's axis is learned from its gyro whenever the leg turns.

import { createGyroAxis } from './gyro-axis.ts';
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
  const shin = createGyroAxis(TURN_RAD_S, 0.05);
  const axis = shin.axis;
  let agreement = 0;
  return {
    setNeutral(q) {
      q0.set(q);
    },
    learn(gx, gy, gz, footRate) {
      agreement += shin.learn(gx, gy, gz) * footRate;
    },
    angle(q) {
      if (!shin.known || Math.abs(agreement) < 0.5) return 0;
      conjMul(q0, q, d);
      return Math.sign(agreement) * twistAbout(d, axis[0]!, axis[1]!, axis[2]!);
    },
    reset() {
      shin.clear();
      agreement = 0;
    },
  };
}
