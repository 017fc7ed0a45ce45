// @anklepump/pose/node: pose estimation for recorded video in Node (ffmpeg + headless Chromium).

export {
  BLAZEPOSE_ANKLE_CORRECTION,
  BLAZEPOSE_POSTURE_CORRECTION,
  POSE_LANDMARK_OPTIONS,
  poseLandmarkOptionsFor,
} from '../ankle-correction.ts';
export {
  createFootTrackStage,
  type FootDegreesSource,
  type LegTrack,
  type PixelFrame,
  refineRecording,
} from '../foot-tracker/index.ts';
export { isBlazePoseSource } from '../landmark-source.ts';
export {
  LEG_MOVED_KNEE_DEG,
  LEG_MOVED_SHANKS,
  type LegMovement,
  legMoved,
  legMovement,
} from '../leg-movement.ts';
export { detectPosture, type Posture } from '../posture.ts';
export { checkRecording, type NotCountable, type NotCountableCode } from '../recording-check.ts';
export { CHROMIUM_ARGS, chromiumPath, launchChromium } from './chromium.ts';
export {
  type DecodedFrame,
  type DecodeOptions,
  decodedSize,
  decodeFrames,
  effectiveSampleHz,
} from './decode-frames.ts';
export {
  createHeadlessPoseEstimator,
  type EstimateVideoOptions,
  type HeadlessPoseEstimator,
  type HeadlessPoseEstimatorOptions,
  type VideoPose,
  type VideoProgress,
} from './headless-estimator.ts';
export { defaultModelPath, loadModel } from './model-file.ts';
export { PoseError, type PoseErrorCode } from './pose-error.ts';
export { parseProbe, probeVideo, type VideoInfo } from './probe-video.ts';
