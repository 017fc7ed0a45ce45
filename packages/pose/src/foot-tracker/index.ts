// The pixel stage: follows the foot's and shank's own pixels, anchored on the pose model's leg.
export type { PixelFrame } from './gray-image.ts';
export {
  createLegPixelTracker,
  type LegAnchor,
  type LegPixelTracker,
  type LegPixelTrackerOptions,
  type LegTrack,
  type LegTrackState,
} from './leg-pixel-tracker.ts';
export {
  createFootTrackStage,
  type FootDegreesSource,
  type FootTrackStage,
  legAnchor,
  MIN_TRACK_POSE_AGREEMENT,
  type RecordedTracks,
  type RefinedRecording,
  type RefineOptions,
  refineFrame,
  refineRecording,
  trackPoseAgreement,
} from './refine-frames.ts';
export { zeroPhaseLowPass } from './zero-phase.ts';
