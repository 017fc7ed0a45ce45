// Which landmark files the BlazePose degree correction is for: only landmarks BlazePose (MediaPipe
// Pose) made. Another tool's foot points have their own, unknown, relation to the true angle.

/**
 * True when `source` (a landmark file's "source", or --source) names BlazePose / MediaPipe Pose:
 * "blazepose", "blazepose-full", "mediapipe-pose", "mediapipe pose landmarker heavy"...
 */
export function isBlazePoseSource(source: string | null | undefined): boolean {
  if (!source) return false;
  const s = source.toLowerCase();
  return s.includes('blazepose') || /mediapipe[\s_-]*pose/.test(s);
}
