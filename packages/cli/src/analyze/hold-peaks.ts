// Hindsight for recorded camera data: a rep's toes-down and toes-up values are taken as a robust mean
// over the hold at each peak, not the single most extreme frame (the extreme of a noisy ~15-frame
// hold overshoots the true value by about 1.7 noise sigmas, which inflates every range), and each
// peak's time is the middle of that hold, not the time of that frame.
import type { AnalysisResult, AnglePoint, RepMetrics } from '@anklepump/motion';

/** Points within this many degrees (or 10% of the rep's range, if larger, as the engine times holds) of a peak belong to its hold. */
const HOLD_TOLERANCE_DEG = 2;

/** Mean of the middle half: robust to a few wild frames, and unbiased for symmetric noise. */
function midMean(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const cut = Math.floor(s.length / 4);
  const mid = s.slice(cut, s.length - cut);
  return mid.reduce((a, b) => a + b, 0) / mid.length;
}

/** The unbroken run of points around `tMs` within `tol` of `peak` (sign: -1 plantar, +1 dorsi), as [first, last] indices; null when the point at `tMs` is outside. */
function runAround(
  series: readonly AnglePoint[],
  tMs: number,
  peak: number,
  sign: 1 | -1,
  tol: number,
): [number, number] | null {
  const i = series.findIndex((p) => p.tMs >= tMs);
  if (i < 0) return null;
  const inHold = (p: AnglePoint) => sign * (peak - p.angleDeg) <= tol;
  if (!inHold(series[i]!)) return null;
  let a = i;
  let b = i;
  while (a > 0 && inHold(series[a - 1]!)) a--;
  while (b < series.length - 1 && inHold(series[b + 1]!)) b++;
  return [a, b];
}

/** Shorter than this, the stretch near a peak is a turn, not a hold (fast reps with no holds). */
const MIN_HOLD_MS = 400;

/** Noise of a stretch of a series, degrees (one sigma): from the median absolute second difference, which a smooth ramp barely moves. */
function noiseDeg(xs: readonly number[]): number {
  if (xs.length < 3) return 0;
  const d = xs.slice(2).map((x, i) => Math.abs(x - 2 * xs[i + 1]! + xs[i]!));
  d.sort((a, b) => a - b);
  return d[(d.length - 1) >> 1]! / 0.6745 / Math.sqrt(6);
}

/** A peak as hindsight reads it: its value and when the foot was there. */
interface HeldPeak {
  readonly deg: number;
  readonly tMs: number;
}

/**
 * The hold around `tMs`: the unbroken run of points within `tol` of `peak` (the engine's hold),
 * narrowed to those within what the run's own noise explains (2.5 sigma, at least
 * HOLD_TOLERANCE_DEG). Its value is the run's middle-half mean, and its time the middle of the run:
 * in a noisy hold the most extreme frame falls anywhere along it, so the engine's peak time, that
 * frame's, is early or late by up to half the hold. A wide window on a smooth series takes in the
 * ramp into and out of the hold and pulls the value toward the middle of the rep by degrees; a narrow
 * one on a noisy series keeps only the noisiest frames. A turn with no hold (the stretch near the
 * peak under MIN_HOLD_MS) keeps the engine's peak and its time.
 */
function heldPeak(
  series: readonly AnglePoint[],
  tMs: number,
  peak: number,
  sign: 1 | -1,
  tol: number,
): HeldPeak {
  const engine = { deg: peak, tMs };
  const wide = runAround(series, tMs, peak, sign, tol);
  if (!wide) return engine;
  const values = series.slice(wide[0], wide[1] + 1).map((p) => p.angleDeg);
  // A turn with no hold: its curvature is not noise and the frames near it lie on its slopes; the
  // engine's peak (of the low-passed series) is the value.
  if (series[wide[1]]!.tMs - series[wide[0]]!.tMs < MIN_HOLD_MS) return engine;
  const narrow = Math.min(tol, Math.max(HOLD_TOLERANCE_DEG, 2.5 * noiseDeg(values)));
  const run = runAround(series, tMs, peak, sign, narrow);
  if (!run || run[1] - run[0] + 1 < 3) return engine;
  return {
    deg: midMean(series.slice(run[0], run[1] + 1).map((p) => p.angleDeg)),
    tMs: (series[run[0]]!.tMs + series[run[1]]!.tMs) / 2,
  };
}

/**
 * The rep with its peaks taken as robust values over their holds, measured on `series` (the
 * engine's angle), and each peak's time the middle of its hold.
 */
export function robustPeaks(rep: RepMetrics, series: readonly AnglePoint[]): RepMetrics {
  const tol = Math.max(HOLD_TOLERANCE_DEG, 0.1 * rep.rangeDeg);
  const plantar = heldPeak(series, rep.plantarTMs, rep.peakPlantarDeg, -1, tol);
  const dorsi = heldPeak(series, rep.dorsiTMs, rep.peakDorsiDeg, 1, tol);
  return {
    ...rep,
    peakPlantarDeg: plantar.deg,
    peakDorsiDeg: dorsi.deg,
    rangeDeg: dorsi.deg - plantar.deg,
    plantarTMs: plantar.tMs,
    dorsiTMs: dorsi.tMs,
  };
}

/** `result` with every rep's peaks and range taken over its holds (the series must be included). */
export function withRobustPeaks(result: AnalysisResult): AnalysisResult {
  const series = result.series;
  if (!series) return result;
  return {
    ...result,
    reps: {
      left: result.reps.left.map((r) => robustPeaks(r, series.left)),
      right: result.reps.right.map((r) => robustPeaks(r, series.right)),
    },
  };
}
