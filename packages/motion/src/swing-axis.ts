// The pumping axis taught by each swing of the foot, from the gyro integrated over that swing
// alone. The axis is seeded from the first few degrees of turn since the rest (imu-angle.ts), which
// a leg rolling at the hip at the same time shares, and was refined only from turns faster than
// 1 rad/s, which pumps of 25-40 deg/s never reach: on a foot whose leg rolled, the angle then
// followed a mixed axis and the pumps showed as ripples on it (stress set tuning seed 80017: 4 of
// 9 counted). A swing's net turn (a pump's 8-70 deg over a fraction of a second) carries little of
// what turns the sensor slowly meanwhile (a leg rolling 2-10 deg over seconds, a gyro's bias of a
// few deg/s); the turn since neutral carries all of it (taken from that instead, the axis followed
// a biased gyro's drift on seed 29048 and none of 11 reps counted: motion README, stop 62).

import type { ImuAngle } from './imu-angle.ts';

/** A swing ends when the gyro, low-passed at this frequency (Hz), turns against it or stops... */
const LOWPASS_HZ = 3;
/** ...stops: slower than this about the swing's own axis, rad/s. */
const STOP_RAD_S = 0.1;
/** A swing longer than this (s) is no pump's move (a leg rolling, a drift): it teaches nothing. */
const MAX_SWING_S = 3;
/**
 * A swing teaches the axis when it turned at least this far (deg)... Stress set tuning seeds (IMU,
 * 64 a family), with every condition and the weight below, against the engine before the swings:
 * planar families 417 of 448 either way (reps counted wrong 54 either way), the 3-D ankle's two
 * 116 -> 119 of 128, their range error median 0.92 -> 0.89 deg (stress tempo) and 1.40 -> 1.17 deg
 * (as prescribed); spurious reps on the rest after the set 19 -> 0, on the 3-D resting feet (a leg
 * rolling, no pump ever) 760 either way. Before the rate and the agreement below were added: 5 deg,
 * the same counts; 12, planar 417, 3-D 119.
 */
const SWING_MIN_DEG = 8;
/** ...and at least this share of the largest swing so far (0.3 and 0.7, before the rate and agreement: the same counts)... */
const SWING_OF_LARGEST = 0.5;
/**
 * ...at this mean rate or faster, deg/s: a leg rolling at the hip (2-10 deg at 0.03-0.3 Hz on the
 * generator) makes swings of up to 20 deg over 1.7 s and more, and before the first pump such a
 * roll is the largest swing there is. A stiff patient's slow pumps (15 deg in 2 s) teach nothing
 * then, and are read about the axis as before. Tuning seeds (64 a family), against no rate: planar
 * 418 -> 417 of 448 (reps counted wrong 52 -> 54, as before the swings), the 3-D ankle's 119 of 128
 * either way, spurious reps on the 3-D resting feet 785 -> 760 (as before the swings); 10 deg/s:
 * 119, resting 762; 15: the same as 12; 20: 118; 25: 117.
 */
const SWING_MIN_RATE_DEG_S = 12;
/**
 * ...and its axis within 60 deg of the one known (this cosine), unless it is the largest swing yet:
 * after a set, a leg rolling 8-10 deg at the hip turns about an axis square to the pumps' and, let
 * through, drew the axis onto itself. Tuning seeds (the 3-D ankle's two families, 64 each), spurious
 * reps on the rest after the set 8 + 11 before the swings, 12 + 3 without this condition, 0 + 0
 * with it (0.7: the same; 0.85: the same, resting feet 784 -> 776; before the rate above); exact counts
 * unchanged.
 */
const SWING_AGREE_COS = 0.5;
/**
 * ...moving the axis this share of the way to the swing's (before the rate and agreement: 0.15, 3-D
 * 119; 0.2, 118; 0.6 and 1, planar 416).
 */
const SWING_WEIGHT = 0.3;

export interface SwingAxis {
  /**
   * One gyro sample (rad/s, sensor frame) and the time since the last (s; 0 after a gap). Returns
   * true when a swing just ended: its unit axis is `axis`, its net turn `turnDeg` and how long it
   * turned `spanS` (valid until the next call).
   */
  push(gx: number, gy: number, gz: number, dtS: number): boolean;
  readonly axis: Float64Array;
  readonly turnDeg: number;
  readonly spanS: number;
}

export function createSwingAxis(): SwingAxis {
  const lp = new Float64Array(3);
  const v = new Float64Array(3);
  const axis = new Float64Array(3);
  let turnDeg = 0;
  /** How long the swing under way has turned, and the last swing's, seconds. */
  let runS = 0;
  let spanS = 0;
  let primed = false;
  const clear = () => {
    v.fill(0);
    runS = 0;
  };
  return {
    axis,
    get turnDeg() {
      return turnDeg;
    },
    get spanS() {
      return spanS;
    },
    push(gx, gy, gz, dtS) {
      if (!(dtS > 0)) {
        clear();
        primed = false;
        return false;
      }
      const a = primed ? 1 - Math.exp(-2 * Math.PI * LOWPASS_HZ * dtS) : 1;
      primed = true;
      lp[0] = lp[0]! + a * (gx - lp[0]!);
      lp[1] = lp[1]! + a * (gy - lp[1]!);
      lp[2] = lp[2]! + a * (gz - lp[2]!);
      const n = Math.hypot(v[0]!, v[1]!, v[2]!);
      let ended = false;
      if (n > 0) {
        const along = (lp[0]! * v[0]! + lp[1]! * v[1]! + lp[2]! * v[2]!) / n;
        if (along < STOP_RAD_S) {
          if (runS <= MAX_SWING_S) {
            axis[0] = v[0]! / n;
            axis[1] = v[1]! / n;
            axis[2] = v[2]! / n;
            turnDeg = (n * 180) / Math.PI;
            spanS = runS;
            ended = true;
          }
          clear();
        }
      }
      if (Math.hypot(lp[0]!, lp[1]!, lp[2]!) >= STOP_RAD_S) {
        v[0] = v[0]! + gx * dtS;
        v[1] = v[1]! + gy * dtS;
        v[2] = v[2]! + gz * dtS;
        runS += dtS;
      }
      return ended;
    },
  };
}

export interface SwingTeacher {
  /** One gyro sample of the foot (rad/s, sensor frame; `dtS` 0 after a gap) for `angle`'s axis. */
  push(gx: number, gy: number, gz: number, dtS: number, angle: ImuAngle): void;
}

/**
 * Moves a known pumping axis toward each large swing's own axis (a foot sensor alone) that agrees
 * with it or is the largest yet.
 */
export function createSwingTeacher(): SwingTeacher {
  const swings = createSwingAxis();
  let largestDeg = 0;
  return {
    push(gx, gy, gz, dtS, angle) {
      if (!swings.push(gx, gy, gz, dtS) || !angle.axis) return;
      const turnDeg = swings.turnDeg;
      const a = swings.axis;
      const cur = angle.axis;
      const dot = Math.abs(a[0]! * cur[0]! + a[1]! * cur[1]! + a[2]! * cur[2]!);
      const agrees = dot >= SWING_AGREE_COS || turnDeg >= largestDeg;
      const fast = turnDeg >= SWING_MIN_RATE_DEG_S * swings.spanS;
      if (turnDeg >= SWING_MIN_DEG && turnDeg >= SWING_OF_LARGEST * largestDeg && agrees && fast) {
        angle.adopt(a[0]!, a[1]!, a[2]!, SWING_WEIGHT);
      }
      largestDeg = Math.max(largestDeg, turnDeg);
    },
  };
}
