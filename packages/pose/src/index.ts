// @anklepump/pose, browser-safe entry: the in-browser estimator and the model identity. The Node
// estimator for recorded video (ffmpeg + headless Chromium) is at '@anklepump/pose/node'.

export { POSE_LANDMARK_OPTIONS } from './ankle-correction.ts';
export { type BrowserPoseEstimator, createBrowserPoseEstimator } from './browser-estimator.ts';
export {
  createFootTrackStage,
  FIRM_MATCH,
  type LegTrack,
  type LegTrackState,
  type PixelFrame,
  refineFrame,
  trackIsTheFoot,
  withPoseModelKnee,
  zeroPhaseLowPass,
} from './foot-tracker/index.ts';
export { POSE_MODEL } from './model.ts';
export { createLegChooser, NEAR_LEG, nearSide, swapLegs } from './near-leg.ts';
