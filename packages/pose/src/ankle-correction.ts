// How BlazePose's ankle angle relates to the true one, measured on rendered clips with known
// angles (bench/analyze.bench.ts): its swing comes out too small, more so sitting than lying, so
// degrees are scaled up before they are shown. The neutral offset is learned per person by the
// motion engine, not fixed here.
import type { AngleCorrection, LandmarkAnalyzerOptions, LandmarkFrame } from '@anklepump/motion';
import { detectPosture, type Posture } from './posture.ts';

/** Correction for the 2D ankle angle of the full pose model, posture unknown: corrected = gain x raw. */
export const BLAZEPOSE_ANKLE_CORRECTION: AngleCorrection = { gain: 1.52, offsetDeg: 0 };

/** The same, fitted per posture (bench/results/analyze.md gives the fits and their spread). */
export const BLAZEPOSE_POSTURE_CORRECTION: Readonly<Record<Posture, AngleCorrection>> = {
  sitting: { gain: 1.84, offsetDeg: 0 },
  lying: { gain: 1.24, offsetDeg: 0 },
  // Standing is refused before any degree is shown (recording-check); the average keeps the type whole.
  standing: BLAZEPOSE_ANKLE_CORRECTION,
  unknown: BLAZEPOSE_ANKLE_CORRECTION,
};

/**
 * Landmark-analyzer options for this estimator's output. World landmarks are ignored: on rendered
 * clips their foot angle barely followed the true one (gain under 0.3), the image angle did (~0.6).
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

/** Options for a whole recording: the posture is read from the frames and picks the correction. */
export function poseLandmarkOptionsFor(frames: readonly LandmarkFrame[]): {
  readonly posture: Posture;
  readonly options: typeof POSE_LANDMARK_OPTIONS;
} {
  const posture = detectPosture(frames);
  return {
    posture,
    options: { ...POSE_LANDMARK_OPTIONS, correction: BLAZEPOSE_POSTURE_CORRECTION[posture] },
  };
}
