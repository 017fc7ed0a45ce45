// How far a landmark set's pumps stand above its landmarks' noise, measured from the generator's
// truth: the angle the frames show (heel -> toe against ankle -> knee, as the engine reads it)
// against the angle the person made. It is the condition that decides whether any counter can
// count the set, so the bench reports its counts by it (bench/motion-noise-table.ts).

import { createLegReading, type LandmarkFrame, readLeg, type Side } from '@anklepump/motion';

/** The engine's own visibility gate: frames it would not read do not count toward the noise. */
const MIN_VISIBILITY = 0.5;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) >> 1]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};

/**
 * The median true pump's range as the picture shows it, over the noise of the angle read from each
 * frame (a robust standard deviation: 1.4826 x the median absolute deviation of what the truth
 * does not explain, so outlier frames weigh as one sample each). The picture's angle follows the
 * true one with a gain (a camera off the side foreshortens the foot) and an offset (the pose
 * model's points sit off the joints): both are fitted per set by least squares and the range
 * scaled by the gain, as a counter sees it. Infinity for a set whose frames carry no noise; NaN
 * when fewer than 10 frames can be read or no pump was done.
 */
export function pumpOverNoise(
  frames: readonly LandmarkFrame[],
  side: Side,
  trueAngleDeg: (tMs: number) => number,
  trueRangesDeg: readonly number[],
): number {
  if (trueRangesDeg.length === 0) return Number.NaN;
  const reading = createLegReading();
  const trueDeg: number[] = [];
  const seenDeg: number[] = [];
  for (const f of frames) {
    const r = readLeg(f, side, MIN_VISIBILITY, false, reading);
    if (!r.ok) continue;
    trueDeg.push(trueAngleDeg(f.tMs));
    seenDeg.push(r.rawDeg);
  }
  const n = trueDeg.length;
  if (n < 10) return Number.NaN;
  const meanTrue = trueDeg.reduce((a, b) => a + b, 0) / n;
  const meanSeen = seenDeg.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (trueDeg[i]! - meanTrue) * (seenDeg[i]! - meanSeen);
    sxx += (trueDeg[i]! - meanTrue) ** 2;
  }
  if (!(sxx > 0)) return Number.NaN;
  const gain = sxy / sxx;
  const residual = trueDeg.map((t, i) => seenDeg[i]! - (meanSeen + gain * (t - meanTrue)));
  const mid = median(residual);
  const noiseSdDeg = 1.4826 * median(residual.map((x) => Math.abs(x - mid)));
  const rangeSeenDeg = median(trueRangesDeg) * Math.abs(gain);
  return noiseSdDeg > 1e-9 ? rangeSeenDeg / noiseSdDeg : Number.POSITIVE_INFINITY;
}

/**
 * The bands the bench and the tuning score report camera counts by: [from, to) of `pumpOverNoise`.
 * Fixed before the first table by them was produced, not chosen on its results.
 */
export const PUMP_OVER_NOISE_BANDS: readonly (readonly [number, number])[] = [
  [0, 3],
  [3, 6],
  [6, 12],
  [12, Number.POSITIVE_INFINITY],
];

/** A band's name: "under 3", "3-6", "12 or more". */
export function pumpOverNoiseBandName([from, to]: readonly [number, number]): string {
  return to === Number.POSITIVE_INFINITY ? `${from} or more` : from === 0 ? `under ${to}` : `${from}-${to}`;
}

/** Whether `ratio` (a `pumpOverNoise`; NaN in no band) falls in `band`. */
export const inPumpOverNoiseBand = (ratio: number, [from, to]: readonly [number, number]): boolean =>
  ratio >= from && ratio < to;
