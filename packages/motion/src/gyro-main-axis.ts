// The axis a restless phone wearer's foot turned about, from the gyro alone (split from
// imu-analyzer.ts, which seeds the pumping axis with it when no rest gave a reference), and where
// a first rest lies in the turn before it.

import { ONE_END_DEG } from './settling.ts';

/** The early samples' gyro must turn at least this fast (RMS about its main axis, rad/s) to show it. */
const MAIN_AXIS_MIN_RAD_S = 0.1;
/** ...and that axis must carry this many times the variance of the other two together. */
const MAIN_AXIS_DOMINANCE = 4;

/**
 * The axis a restless wearer's foot turned about before the reference: the main axis of the gyro's
 * covariance (power iteration), or null when the foot hardly turned or turned about no one axis.
 * The orientation's own turn since then cannot tell it: a filter started mid-movement converges
 * and drifts in heading over those seconds (tuning seed 31012: 15 deg of it seeded a near-vertical
 * axis, whose twist then climbed 3 deg a second and no rep was counted).
 */
export function gyroMainAxis(
  samples: readonly { gx: number; gy: number; gz: number }[],
): [number, number, number] | null {
  const n = samples.length;
  if (n < 3) return null;
  let mx = 0;
  let my = 0;
  let mz = 0;
  for (const s of samples) {
    mx += s.gx / n;
    my += s.gy / n;
    mz += s.gz / n;
  }
  const c = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const s of samples) {
    const v = [s.gx - mx, s.gy - my, s.gz - mz];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) c[3 * i + j]! += (v[i]! * v[j]!) / n;
  }
  const mulC = (v: number[]) =>
    [0, 1, 2].map((i) => c[3 * i]! * v[0]! + c[3 * i + 1]! * v[1]! + c[3 * i + 2]! * v[2]!);
  let v = [0.6, 0.5, 0.62];
  let lambda = 0;
  for (let k = 0; k < 60; k++) {
    const w = mulC(v);
    lambda = Math.hypot(w[0]!, w[1]!, w[2]!);
    if (lambda === 0) return null;
    v = w.map((x) => x / lambda);
  }
  // The other two eigenvalues together are the trace less this one.
  const othersVar = c[0]! + c[4]! + c[8]! - lambda;
  if (lambda < MAIN_AXIS_MIN_RAD_S ** 2 || lambda < MAIN_AXIS_DOMINANCE * othersVar) return null;
  return [v[0]!, v[1]!, v[2]!];
}

/**
 * How far the foot turned about `axis` before the last of `samples`, both ways: the lowest and
 * highest angle (degrees) of each sample relative to the last, from the gyro less `bias` (rad/s,
 * sensor frame) integrated over the samples' times. The sign of `axis` is arbitrary, so is which
 * way is "lowest".
 */
function turnSpanBefore(
  samples: readonly { t: number; gx: number; gy: number; gz: number }[],
  axis: readonly [number, number, number],
  bias: readonly [number, number, number],
): { lowDeg: number; highDeg: number } {
  let deg = 0;
  let lowDeg = 0;
  let highDeg = 0;
  // Backwards from the last sample: each step undoes the turn made over it.
  for (let i = samples.length - 1; i > 0; i--) {
    const s = samples[i]!;
    const dtS = (s.t - samples[i - 1]!.t) / 1000;
    const w = (s.gx - bias[0]) * axis[0] + (s.gy - bias[1]) * axis[1] + (s.gz - bias[2]) * axis[2];
    deg -= (w * dtS * 180) / Math.PI;
    lowDeg = Math.min(lowDeg, deg);
    highDeg = Math.max(highDeg, deg);
  }
  return { lowDeg, highDeg };
}

/**
 * A rest the foot turned into by at least ONE_END_DEG from one side, and by at most this from the
 * other (degrees), is one end of the movement (a held toes-down), not neutral.
 */
const REST_OTHER_DEG = 4;

/**
 * Where the rest whose gyro sums are `restSum` lies in the turn about `axis` (`gyroMainAxis` of
 * `early`) seen in `early` before it: at one end of it, inside it (the foot turned both ways by
 * more than REST_OTHER_DEG, the larger at least ONE_END_DEG), or after no turn of a rep's size.
 */
export function restPlace(
  early: readonly { t: number; gx: number; gy: number; gz: number }[],
  axis: readonly [number, number, number],
  restSum: Float64Array,
): 'one-end' | 'inside' | 'still-before' {
  const n = restSum[3]!;
  const span = turnSpanBefore(early, axis, [restSum[0]! / n, restSum[1]! / n, restSum[2]! / n]);
  const one = Math.max(span.highDeg, -span.lowDeg);
  const other = Math.min(span.highDeg, -span.lowDeg);
  if (one < ONE_END_DEG) return 'still-before';
  return other <= REST_OTHER_DEG ? 'one-end' : 'inside';
}
