// Hindsight for recorded camera data: a rep's toes-down and toes-up values are taken as a robust mean
// over the hold at each peak, not the single most extreme frame (the extreme of a noisy ~15-frame
// hold overshoots the true value by about 1.7 noise sigmas, which inflates every range).
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

/** Middle-half mean of the unbroken run of points around `tMs` that stay within `tol` of `peak` (sign: -1 plantar, +1 dorsi). */
function holdValue(
  series: readonly AnglePoint[],
  tMs: number,
  peak: number,
  sign: 1 | -1,
  tol: number,
): number {
  let i = series.findIndex((p) => p.tMs >= tMs);
  if (i < 0) return peak;
  const inHold = (p: AnglePoint) => sign * (peak - p.angleDeg) <= tol;
  if (!inHold(series[i]!)) return peak;
  let a = i;
  let b = i;
  while (a > 0 && inHold(series[a - 1]!)) a--;
  while (b < series.length - 1 && inHold(series[b + 1]!)) b++;
  i = b - a + 1;
  return i < 3 ? peak : midMean(series.slice(a, b + 1).map((p) => p.angleDeg));
}

/** The rep with its peaks taken as robust values over their holds, measured on `series` (the engine's angle). */
export function robustPeaks(rep: RepMetrics, series: readonly AnglePoint[]): RepMetrics {
  const tol = Math.max(HOLD_TOLERANCE_DEG, 0.1 * rep.rangeDeg);
  const plantar = holdValue(series, rep.plantarTMs, rep.peakPlantarDeg, -1, tol);
  const dorsi = holdValue(series, rep.dorsiTMs, rep.peakDorsiDeg, 1, tol);
  return { ...rep, peakPlantarDeg: plantar, peakDorsiDeg: dorsi, rangeDeg: dorsi - plantar };
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
