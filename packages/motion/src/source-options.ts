// Options every angle source shares: the rep engine's settings, an angle correction and a saved
// calibration. Resolved once, with defaults, and validated at creation.

import type { AngleCorrection, MotionCalibration } from './calibration.ts';
import { checkTrackerOptions, DEFAULT_TRACKER, type TrackerOptions } from './tracker-options.ts';

export interface SourceOptions extends Partial<TrackerOptions> {
  /** Raw-angle correction, corrected = gain * raw + offsetDeg (overrides the calibration's). */
  readonly correction?: AngleCorrection;
  /** A saved calibration: neutral and range per foot, and the correction. */
  readonly calibration?: MotionCalibration | null;
}

/** Fills defaults and validates; throws RangeError naming the first bad option. */
export function resolveTracker(options: SourceOptions): TrackerOptions {
  const o: TrackerOptions = {
    filter: options.filter ?? DEFAULT_TRACKER.filter,
    minSwingDeg: options.minSwingDeg ?? DEFAULT_TRACKER.minSwingDeg,
    swingFraction: options.swingFraction ?? DEFAULT_TRACKER.swingFraction,
    fullFraction: options.fullFraction ?? DEFAULT_TRACKER.fullFraction,
    defaultRangeDeg: options.defaultRangeDeg ?? DEFAULT_TRACKER.defaultRangeDeg,
    settleS: options.settleS ?? DEFAULT_TRACKER.settleS,
    stillDeg: options.stillDeg ?? DEFAULT_TRACKER.stillDeg,
    maxGapS: options.maxGapS ?? DEFAULT_TRACKER.maxGapS,
    tooFastCycleS: options.tooFastCycleS ?? DEFAULT_TRACKER.tooFastCycleS,
    holdStartS: options.holdStartS ?? DEFAULT_TRACKER.holdStartS,
    maxAbsAngleDeg: options.maxAbsAngleDeg ?? DEFAULT_TRACKER.maxAbsAngleDeg,
    restEndsRepS: options.restEndsRepS ?? DEFAULT_TRACKER.restEndsRepS,
  };
  checkTrackerOptions(o);
  return o;
}
