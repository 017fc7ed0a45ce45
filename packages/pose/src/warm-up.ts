// The pose model's first frames of a video. MediaPipe's pose landmarker (VIDEO mode) places the body
// on the first frame from its person detector and then from its own landmarks of the frames before,
// so its first frames' foot points have not settled yet: of the 15 rendered tuning clips on which
// it saw the foot still for seven frames or more before the first pump, 10 read the foot's angle
// 10-40 deg off in the first three frames, against where it stayed from the fifth frame on
// (packages/pose/README.md, "The pose model's first frames (warm-up)").

/** A video's first frames the pose model read are left out of its analysis. */
export const POSE_WARM_UP_FRAMES = 3;

/**
 * `frames` (and `tracks`, the pixel stage's, one per frame) without the pose model's warm-up
 * frames; a recording too short to lose them (under three times as many) is kept whole.
 */
export function afterPoseWarmUp<F, T>(
  frames: readonly F[],
  tracks: readonly T[] | null,
): { frames: readonly F[]; tracks: readonly T[] | null } {
  if (frames.length < 3 * POSE_WARM_UP_FRAMES) return { frames, tracks };
  return {
    frames: frames.slice(POSE_WARM_UP_FRAMES),
    tracks: tracks ? tracks.slice(POSE_WARM_UP_FRAMES) : null,
  };
}
