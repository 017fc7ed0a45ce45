// The pixel stage: follows the foot's and shank's own pixels, anchored on the pose model's leg.
export type { GrayImage, PixelFrame } from './gray-image.ts';
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
  type FootTrackStage,
  legAnchor,
  type RecordedTracks,
  refineFrame,
  refineRecording,
} from './refine-frames.ts';
export { zeroPhaseLowPass } from './zero-phase.ts';
