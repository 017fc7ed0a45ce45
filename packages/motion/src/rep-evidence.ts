// What one rep under way has shown the rep engine: usable and gated samples, the source's
// confidence, and how long the leg stayed away from where the rep began (the leg-moved flag).

/**
 * Leg moved: the leg stayed at least LEG_AWAY_UNITS of the source's leg-move threshold (the landmark
 * analyzer's 0.15 of the shank, so 0.09 of it; the shin sensor's tilt) from where the rep began for
 * LEG_AWAY_MS. A lower bar held for a while instead of the full bar touched once: a noisy frame or
 * two no longer flags a rep, and a slide of a few cm does. Chosen on the stress set's tuning seeds
 * (camera families, 16 sets each): precision 0.56 -> 0.64, recall 0.40 -> 0.57.
 */
const LEG_AWAY_UNITS = 0.6;
const LEG_AWAY_MS = 200;

/** What the rep under way has shown: usable and gated samples, confidence, how far the leg moved. */
export function createRepEvidence() {
  const legAtStart = new Float64Array(4);
  return {
    legAtStart,
    usable: 0,
    gated: 0,
    confidenceSum: 0,
    /** Since when the leg has been further than its threshold from where the rep began (ms), or NaN. */
    legAwaySinceTMs: Number.NaN,
    /** The longest time the leg stayed that far away during the rep, ms. */
    legAwayMs: 0,
    restart(legNow: Float64Array): void {
      legAtStart.set(legNow);
      this.legAwaySinceTMs = Number.NaN;
      this.legAwayMs = 0;
      this.usable = 0;
      this.gated = 0;
      this.confidenceSum = 0;
    },
    /** `move`: the leg's distance from the rep's start in thresholds, at `tMs`. */
    observeLeg(move: number, tMs: number): void {
      if (!(move > LEG_AWAY_UNITS)) {
        this.legAwaySinceTMs = Number.NaN;
        return;
      }
      if (Number.isNaN(this.legAwaySinceTMs)) this.legAwaySinceTMs = tMs;
      this.legAwayMs = Math.max(this.legAwayMs, tMs - this.legAwaySinceTMs);
    },
    /** The leg stayed away from where the rep began long enough to flag the rep. */
    legMoved(): boolean {
      return this.legAwayMs >= LEG_AWAY_MS;
    },
    /** Mean confidence scaled by the share of samples not gated, 0..1. */
    confidence(): number {
      return this.usable > 0
        ? (this.confidenceSum / this.usable) * (this.usable / (this.usable + this.gated))
        : 0;
    },
  };
}
