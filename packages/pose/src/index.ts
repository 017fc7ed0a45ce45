// @anklepump/pose, browser-safe entry: the in-browser estimator and the model identity. The Node
// estimator for recorded video (ffmpeg + headless Chromium) is at '@anklepump/pose/node'.

export {
  BLAZEPOSE_ANKLE_CORRECTION,
  BLAZEPOSE_POSTURE_CORRECTION,
  POSE_LANDMARK_OPTIONS,
  poseLandmarkOptionsFor,
} from './ankle-correction.ts';
export {
  type BrowserPoseEstimator,
  type BrowserPoseEstimatorOptions,
  createBrowserPoseEstimator,
} from './browser-estimator.ts';
export {
  createFootTrackStage,
  createLegPixelTracker,
  type FootDegreesSource,
  type FootTrackStage,
  type LegAnchor,
  type LegPixelTracker,
  type LegPixelTrackerOptions,
  type LegTrack,
  type LegTrackState,
  legAnchor,
  MIN_TRACK_POSE_AGREEMENT,
  type PixelFrame,
  type RecordedTracks,
  type RefinedRecording,
  type RefineOptions,
  refineFrame,
  refineRecording,
  trackPoseAgreement,
  zeroPhaseLowPass,
} from './foot-tracker/index.ts';
export { isBlazePoseSource } from './landmark-source.ts';
export {
  LEG_MOVED_KNEE_DEG,
  LEG_MOVED_SHANKS,
  type LegMovement,
  legMoved,
  legMovement,
} from './leg-movement.ts';
export { DEFAULT_THRESHOLDS, POSE_MODEL, type PoseThresholds, validateThresholds } from './model.ts';
export { detectPosture, type Posture } from './posture.ts';
export {
  checkRecording,
  type NotCountable,
  type NotCountableCode,
  type RecordingCheckOptions,
} from './recording-check.ts';
export { type RawPoint, type RawPoseResult, toLandmarkFrame } from './to-landmark-frame.ts';
export {
  type AngleSample,
  fitViewCalibration,
  type ViewCalibration,
  type ViewCalibrationResult,
} from './view-calibration.ts';
