// How BlazePose's ankle angle relates to the true one, measured on rendered clips with known
// angles (bench/analyze.bench.ts): its swing comes out too small, so degrees are scaled up before
// they are shown. The neutral offset is learned per person by the motion engine, not fixed here.
import type { AngleCorrection, LandmarkAnalyzerOptions } from '@anklepump/motion';

/** Correction for the 2D ankle angle of the full pose model: corrected = gain x raw. */
export const BLAZEPOSE_ANKLE_CORRECTION: AngleCorrection = { gain: 1.54, offsetDeg: 0 };

/**
 * Landmark-analyzer options for this estimator's output. World landmarks are ignored: on rendered
 * clips their foot angle barely followed the true one (gain under 0.3), the image angle did (~0.7).
 * The visibility gate is raised to 0.7: in a side view the far foot is hidden and BlazePose guesses
 * it with visibility ~0.55 (the near foot ~0.98); at the engine's default 0.5 the guessed foot
 * produced phantom reps.
 */
export const POSE_LANDMARK_OPTIONS: Pick<
  LandmarkAnalyzerOptions,
  'correction' | 'useWorld' | 'minVisibility'
> = {
  correction: BLAZEPOSE_ANKLE_CORRECTION,
  useWorld: 'never',
  minVisibility: 0.7,
};
