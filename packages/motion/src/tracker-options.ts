// The rep engine's settings: what counts as a swing, a full rep, a rest, a gap, too fast, a
// hold, an absurd angle. Defaults here; each is validated with its range at creation.

import { createOneEuroFilter, DEFAULT_ONE_EURO, type OneEuroOptions } from './one-euro-filter.ts';
import { checkRange } from './option-checks.ts';

/**
 * The smallest range that counts as a rep, degrees (a shallow pump of 8 deg still counts; a
 * resting person's fidget, up to 3 deg peak to peak, does not).
 */
export const MIN_REP_DEG = 5;

/**
 * A hold's band for a rep of `rangeDeg`, degrees: the angle holds an end while it stays within
 * this of the peak, 10% of the range and 3 deg at least. The one definition the engine's holds,
 * its rep ends and leg checks, the CLI's report and plot, and the generators' true holds share.
 */
export function holdBandDeg(rangeDeg: number): number {
  return Math.max(3, 0.1 * rangeDeg);
}

/** Segmentation options, all in degrees and seconds. Defaults in `DEFAULT_TRACKER`. */
export interface TrackerOptions {
  readonly filter: OneEuroOptions;
  /** Smallest reversal that counts as a swing, degrees (1..45). */
  readonly minSwingDeg: number;
  /** Hysteresis as a share of the reference range (0.05..0.6); the larger of the two applies. */
  readonly swingFraction: number;
  /** A rep is full when its range reaches this share of the reference range (0.2..1). */
  readonly fullFraction: number;
  /** Reference range before the person's own is known, degrees (10..120). */
  readonly defaultRangeDeg: number;
  /** The foot must stay within `stillDeg` for `settleS` before counting starts (0.1..10 s). */
  readonly settleS: number;
  readonly stillDeg: number;
  /** Longer than this without a usable sample is a gap: the rep in progress is dropped (0.05..10 s). */
  readonly maxGapS: number;
  /** A rep whose cycle is shorter than this is flagged too fast, seconds (0..10). */
  readonly tooFastCycleS: number;
  /** A live hold is announced after this long near a peak, seconds (0.05..5). */
  readonly holdStartS: number;
  /** Angles further than this from neutral are rejected as absurd, degrees (30..180). */
  readonly maxAbsAngleDeg: number;
  /**
   * For a live session, seconds (0.5..10): a rep whose toes-up end is no higher than `stillDeg`
   * above neutral is never left by a swing, and would wait for the next pump (after a set's last
   * one, for ever); the foot resting near neutral this long completes it. Only after the person's
   * first counted rep, and only for a person who starts each rep toes down. null (the default, for
   * recordings): it completes at the next swing or at the end of the recording; a rest there may
   * be a pause between the ends of a rep of a person who starts toes up (stress set tuning seeds,
   * camera, 32 a family, with it at 1.5-3 s: 118-119 of 288 exact instead of 120; phone 157 of
   * 192 either way).
   */
  readonly restEndsRepS: number | null;
}

export const DEFAULT_TRACKER: TrackerOptions = {
  filter: DEFAULT_ONE_EURO,
  minSwingDeg: 3,
  swingFraction: 0.2,
  fullFraction: 0.6,
  defaultRangeDeg: 40,
  settleS: 0.6,
  stillDeg: 4,
  maxGapS: 1.5,
  tooFastCycleS: 0.7,
  holdStartS: 0.25,
  maxAbsAngleDeg: 100,
  restEndsRepS: null,
};

/** Validates tracker options, throwing RangeError naming the first bad one. */
export function checkTrackerOptions(o: TrackerOptions): void {
  checkRange('minSwingDeg', o.minSwingDeg, 1, 45);
  checkRange('swingFraction', o.swingFraction, 0.05, 0.6);
  checkRange('fullFraction', o.fullFraction, 0.2, 1);
  checkRange('defaultRangeDeg', o.defaultRangeDeg, 10, 120);
  checkRange('settleS', o.settleS, 0.1, 10);
  checkRange('stillDeg', o.stillDeg, 0.5, 20);
  checkRange('maxGapS', o.maxGapS, 0.05, 10);
  checkRange('tooFastCycleS', o.tooFastCycleS, 0, 10);
  checkRange('holdStartS', o.holdStartS, 0.05, 5);
  checkRange('maxAbsAngleDeg', o.maxAbsAngleDeg, 30, 180);
  if (o.restEndsRepS !== null) checkRange('restEndsRepS', o.restEndsRepS, 0.5, 10);
  createOneEuroFilter(o.filter);
}
