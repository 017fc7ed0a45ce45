// The pixel stage: follows the foot's and shank's own pixels, anchored on the pose model's leg.
export type { PixelFrame } from './gray-image.ts';
export type { LegTrack, LegTrackState } from './leg-pixel-tracker.ts';
export {
  createFootTrackStage,
  refineFrame,
  refineRecording,
  withPoseModelKnee,
} from './refine-frames.ts';
export {
  FIRM_MATCH,
  trackIsTheFoot,
} from './track-pose-agreement.ts';
export { zeroPhaseLowPass } from './zero-phase.ts';
