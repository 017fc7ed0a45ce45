// The person's own range, learned from their recent full reps (or fixed by a calibration): the
// reference every threshold scales with, and the usual peaks a calibration saves.

const RECENT = 7;

export interface PersonalRange {
  /**
   * Reference range the bars scale with, degrees: the calibration's, else the median of the last 7
   * full reps as the counting measures them (smoothed, rep-shape.ts).
   */
  readonly referenceDeg: number;
  /**
   * Reference range a rep's shown degrees are judged full against, degrees: the calibration's,
   * else the median of the last 7 full reps' shown ranges (`RepShape.shown`: a quick pump at
   * 10-15 fps shows its frames' extremes, which its smoothed range understates by half).
   */
  readonly shownReferenceDeg: number;
  /**
   * Where `shownReferenceDeg` comes from: a calibration's range, the person's own recent reps, or
   * the default before their first (what the "too shallow" warning tells the bar is a share of).
   */
  readonly basis: RangeBasis;
  /** Medians of the last 7 full reps (the range as shown), degrees; null before the first. */
  readonly learned: { rangeDeg: number; plantarDeg: number; dorsiDeg: number } | null;
  /** How many reps it has learned from. */
  readonly count: number;
  /**
   * Median range of the reps learned, degrees, even when a calibration fixes the reference; null
   * before the first. What the person does now, for thresholds that must let their reps through.
   */
  readonly recentDeg: number | null;
  /**
   * Teaches one rep (callers pass full reps, and the first few of any size: see the tracker): its
   * range as counted and as shown, and its peaks as counted.
   */
  learn(rangeDeg: number, shownRangeDeg: number, plantarDeg: number, dorsiDeg: number): void;
  reset(): void;
}

/** What a reference range was taken from. */
export type RangeBasis = 'calibrated' | 'learned' | 'default';

/** `givenDeg`: a calibrated range that stays fixed; null learns, starting from `defaultDeg`. */
export function createPersonalRange(givenDeg: number | null, defaultDeg: number): PersonalRange {
  return new Personal(givenDeg, defaultDeg);
}

/**
 * A class, not an object literal with getters: V8 builds such a literal in dictionary mode, and
 * every read of it (the tracker reads it every sample) is then a slow lookup.
 */
class Personal implements PersonalRange {
  private readonly ranges = new Float64Array(RECENT);
  private readonly shownRanges = new Float64Array(RECENT);
  private readonly plantars = new Float64Array(RECENT);
  private readonly dorsis = new Float64Array(RECENT);
  private readonly sorted = new Float64Array(RECENT);
  count = 0;
  basis: RangeBasis;
  referenceDeg: number;
  shownReferenceDeg: number;
  // Kept up to date on learn(): the tracker reads it every sample.
  recentDeg: number | null = null;

  constructor(
    private readonly givenDeg: number | null,
    private readonly defaultDeg: number,
  ) {
    this.referenceDeg = givenDeg ?? defaultDeg;
    this.shownReferenceDeg = this.referenceDeg;
    this.basis = givenDeg === null ? 'default' : 'calibrated';
  }

  private median(src: Float64Array): number {
    const n = Math.min(this.count, RECENT);
    for (let i = 0; i < n; i++) this.sorted[i] = src[i]!;
    const v = this.sorted.subarray(0, n).sort();
    return n % 2 ? v[(n - 1) / 2]! : (v[n / 2 - 1]! + v[n / 2]!) / 2;
  }

  get learned(): { rangeDeg: number; plantarDeg: number; dorsiDeg: number } | null {
    if (this.count === 0) return null;
    return {
      rangeDeg: this.shownReferenceDeg,
      plantarDeg: this.median(this.plantars),
      dorsiDeg: this.median(this.dorsis),
    };
  }

  learn(rangeDeg: number, shownRangeDeg: number, plantarDeg: number, dorsiDeg: number): void {
    const i = this.count % RECENT;
    this.ranges[i] = rangeDeg;
    this.shownRanges[i] = shownRangeDeg;
    this.plantars[i] = plantarDeg;
    this.dorsis[i] = dorsiDeg;
    this.count++;
    const recent = this.median(this.ranges);
    this.recentDeg = recent;
    if (this.givenDeg === null) {
      this.referenceDeg = recent;
      this.shownReferenceDeg = this.median(this.shownRanges);
      this.basis = 'learned';
    }
  }

  reset(): void {
    this.count = 0;
    this.recentDeg = null;
    this.referenceDeg = this.givenDeg ?? this.defaultDeg;
    this.shownReferenceDeg = this.referenceDeg;
    this.basis = this.givenDeg === null ? 'default' : 'calibrated';
  }
}
