// @anklepump/pose/node: pose estimation for recorded video in Node (ffmpeg + headless Chromium).

export { poseLandmarkOptionsFor } from '../ankle-correction.ts';
export {
  createFootTrackStage,
  type LegTrack,
  refineRecording,
} from '../foot-tracker/index.ts';
export { isBlazePoseSource } from '../landmark-source.ts';
export { LEG_MOVED_KNEE_DEG, type LegMovement, legMoved, legMovement } from '../leg-movement.ts';
export { nearSide, withNearLegAs } from '../near-leg.ts';
export type { Posture } from '../posture.ts';
export { checkRecording, type NotCountable } from '../recording-check.ts';
export { afterPoseWarmUp } from '../warm-up.ts';
export { CHROMIUM_ARGS, launchChromium } from './chromium.ts';
export { decodeFrames } from './decode-frames.ts';
export { createHeadlessPoseEstimator, type HeadlessPoseEstimator } from './headless-estimator.ts';
export { PoseError } from './pose-error.ts';
export { probeVideo } from './probe-video.ts';
