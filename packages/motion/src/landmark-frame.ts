// The landmark frame: what a pose estimator (browser, Node, or a recorded file) hands the motion
// engine. One type for every source so that live and recorded analysis agree.

/** One BlazePose landmark: x, y normalized to the image (0..1, y down), z relative depth, visibility 0..1. */
export type Landmark = readonly [x: number, y: number, z: number, visibility: number];

/** One world landmark in metres, origin at the hips, with visibility 0..1. */
export type WorldLandmark = readonly [xM: number, yM: number, zM: number, visibility: number];

/** One video frame's pose: 33 BlazePose landmarks, or null when no person was found. */
export interface LandmarkFrame {
  /** Time of the frame in milliseconds from the start of the recording or stream. */
  readonly tMs: number;
  /** 33 landmarks in BlazePose order, or null when no person was detected in this frame. */
  readonly landmarks: readonly Landmark[] | null;
  /** Optional world coordinates (metres), same order. */
  readonly world?: readonly WorldLandmark[] | null;
  /** Image size in pixels, needed to turn normalized x, y into true angles (aspect ratio). */
  readonly widthPx: number;
  readonly heightPx: number;
}

/** BlazePose indices of the landmarks the ankle needs. */
export const BLAZEPOSE = {
  leftHip: 23,
  rightHip: 24,
  leftKnee: 25,
  rightKnee: 26,
  leftAnkle: 27,
  rightAnkle: 28,
  leftHeel: 29,
  rightHeel: 30,
  leftFootIndex: 31,
  rightFootIndex: 32,
} as const;

export const BLAZEPOSE_LANDMARK_COUNT = 33;

export type Side = 'left' | 'right';
