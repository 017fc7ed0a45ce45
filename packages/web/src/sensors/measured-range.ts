// The patient's range from calibration: what counts as a measured ankle pump and what does not.

/** Less movement than this is not an ankle pump: measure again rather than save it (degrees). */
export const MIN_RANGE_DEG = 15;

/**
 * The range from the angles seen while pointing and pulling (degrees): the extremes over both
 * steps, so a patient a little early or late for a step is still measured. Null when too few
 * angles came or the foot hardly moved either way.
 */
export function measuredRange(
  down: readonly number[],
  up: readonly number[],
): { downDeg: number; upDeg: number } | null {
  const all = [...down, ...up];
  if (all.length < 6) return null;
  const downDeg = Math.min(...all);
  const upDeg = Math.max(...all);
  return upDeg - downDeg >= MIN_RANGE_DEG && downDeg < 0 && upDeg > 0 ? { downDeg, upDeg } : null;
}
