// The patient's range from calibration: what counts as a measured ankle pump and what does not.

/** Less movement than this is not an ankle pump: measure again rather than save it (degrees). */
export const MIN_RANGE_DEG = 15;
/** The relax step must give at least this many angles to say where the foot rests. */
export const MIN_RELAX_ANGLES = 3;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface MeasuredRange {
  /** Most pointed angle, relative to the foot at rest (degrees, negative). */
  readonly downDeg: number;
  /** Most pulled-up angle, relative to the foot at rest (degrees, positive). */
  readonly upDeg: number;
  /** Where the foot rested in the relax step, in the sensor's angle (degrees). */
  readonly restDeg: number;
}

/**
 * The range from the angles seen while relaxing, pointing and pulling (degrees). Zero is where
 * the foot rested during the relax step, not wherever the sensor happened to settle first: a
 * sensor that started listening late, mid-movement, would otherwise put "neutral" at a pointed
 * foot. The extremes are taken over both movement steps, so a patient a little early or late for
 * a step is still measured. Null when the relax step gave too few angles, too few came in the
 * movement steps, or the foot hardly moved either way.
 */
export function measuredRange(
  relax: readonly number[],
  down: readonly number[],
  up: readonly number[],
): MeasuredRange | null {
  const all = [...down, ...up];
  if (relax.length < MIN_RELAX_ANGLES || all.length < 6) return null;
  const restDeg = median(relax);
  const downDeg = Math.min(...all) - restDeg;
  const upDeg = Math.max(...all) - restDeg;
  return upDeg - downDeg >= MIN_RANGE_DEG && downDeg < 0 && upDeg > 0 ? { downDeg, upDeg, restDeg } : null;
}
