// The person's own range, learned from their recent full reps (or fixed by a calibration): the
// reference every threshold scales with, and the usual peaks a calibration saves.

const RECENT = 7;

export interface PersonalRange {
  /** Reference range in use, degrees: the calibration's, else the median of the last 7 full reps. */
  readonly referenceDeg: number;
  /** Medians of the last 7 full reps, degrees; null before the first. */
  readonly learned: { rangeDeg: number; plantarDeg: number; dorsiDeg: number } | null;
  /** How many reps it has learned from. */
  readonly count: number;
  /**
   * Median range of the reps learned, degrees, even when a calibration fixes the reference; null
   * before the first. What the person does now, for thresholds that must let their reps through.
   */
  readonly recentDeg: number | null;
  /** Teaches one rep (callers pass full reps, and the first few of any size: see the tracker). */
  learn(rangeDeg: number, plantarDeg: number, dorsiDeg: number): void;
  reset(): void;
}

/** `givenDeg`: a calibrated range that stays fixed; null learns, starting from `defaultDeg`. */
export function createPersonalRange(givenDeg: number | null, defaultDeg: number): PersonalRange {
  const ranges = new Float64Array(RECENT);
  const plantars = new Float64Array(RECENT);
  const dorsis = new Float64Array(RECENT);
  const sorted = new Float64Array(RECENT);
  let count = 0;
  let reference = givenDeg ?? defaultDeg;
  // Kept up to date on learn(): the tracker reads it every sample.
  let recent: number | null = null;

  const median = (src: Float64Array): number => {
    const n = Math.min(count, RECENT);
    for (let i = 0; i < n; i++) sorted[i] = src[i]!;
    const v = sorted.subarray(0, n).sort();
    return n % 2 ? v[(n - 1) / 2]! : (v[n / 2 - 1]! + v[n / 2]!) / 2;
  };

  return {
    get referenceDeg() {
      return reference;
    },
    get count() {
      return count;
    },
    get recentDeg() {
      return recent;
    },
    get learned() {
      if (count === 0) return null;
      return { rangeDeg: givenDeg ?? reference, plantarDeg: median(plantars), dorsiDeg: median(dorsis) };
    },
    learn(rangeDeg, plantarDeg, dorsiDeg) {
      const i = count % RECENT;
      ranges[i] = rangeDeg;
      plantars[i] = plantarDeg;
      dorsis[i] = dorsiDeg;
      count++;
      recent = median(ranges);
      if (givenDeg === null) reference = recent;
    },
    reset() {
      count = 0;
      recent = null;
      reference = givenDeg ?? defaultDeg;
    },
  };
}
