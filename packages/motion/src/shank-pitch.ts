// The shin's own rotation about the same (ankle) axis, to subtract from the foot's: the two sensors
// have unrelated headings, so the shin's axis is learned from its gyro whenever the leg turns.

import { createGyroAxis } from './gyro-axis.ts';
import { towardTilt } from './imu-angle.ts';
import { conjMul, type Quat, quat, twistAbout, upInSensor } from './quaternion.ts';

const TURN_RAD_S = 0.4;

export interface ShankPitch {
  setNeutral(q: Quat): void;
  /**
   * Learns from one pair of gyro readings (rad/s): the shin's axis from its rotation direction, and
   * its sign from agreement with the foot's rotation about the foot axis `footRateRadS`.
   */
  learn(gx: number, gy: number, gz: number, footRateRadS: number): void;
  /**
   * The shin's rotation from neutral about the ankle axis, degrees, in the foot angle's sign; 0
   * until known. `tiltWeight` (0..1) as for the foot (imu-angle.ts): how far it is read from how
   * gravity turned about the axis instead of the rotation's twist, whose heading drifts.
   */
  angle(q: Quat, tiltWeight?: number): number;
  reset(): void;
}

export function createShankPitch(): ShankPitch {
  const q0 = quat();
  const d = quat();
  const shin = createGyroAxis(TURN_RAD_S, 0.05);
  const axis = shin.axis;
  let agreement = 0;
  const up0 = new Float64Array(3);
  const upNow = new Float64Array(3);
  return {
    setNeutral(q) {
      q0.set(q);
      upInSensor(q, up0);
    },
    learn(gx, gy, gz, footRate) {
      agreement += shin.learn(gx, gy, gz) * footRate;
    },
    angle(q, tiltWeight = 0) {
      if (!shin.known || Math.abs(agreement) < 0.5) return 0;
      conjMul(q0, q, d);
      const twist = twistAbout(d, axis[0]!, axis[1]!, axis[2]!);
      const deg = tiltWeight > 0 ? towardTilt(twist, up0, upInSensor(q, upNow), axis, tiltWeight) : twist;
      return Math.sign(agreement) * deg;
    },
    reset() {
      shin.clear();
      agreement = 0;
    },
  };
}
