// Turns MediaPipe's landmark result into the engine's LandmarkFrame: the one conversion shared by
// the browser estimator and the headless (Node) estimator, so both hand motion the same thing.
import type { Landmark, LandmarkFrame, WorldLandmark } from '@anklepump/motion';

/** The part of a MediaPipe landmark this conversion reads. */
export interface RawPoint {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visibility?: number;
}

/** The part of MediaPipe's PoseLandmarkerResult this conversion reads. */
export interface RawPoseResult {
  readonly landmarks: readonly (readonly RawPoint[])[];
  readonly worldLandmarks?: readonly (readonly RawPoint[])[];
}

function toRows(points: readonly RawPoint[] | undefined): Landmark[] | null {
  if (!points || points.length === 0) return null;
  return points.map((p) => [p.x, p.y, p.z, p.visibility ?? 0] as const);
}

/**
 * One frame's result as a LandmarkFrame: the first person only (ankle pumps are one patient),
 * `landmarks: null` when nobody was found.
 * @param tMs frame time in milliseconds; widthPx/heightPx the image size in pixels.
 */
export function toLandmarkFrame(
  result: RawPoseResult,
  tMs: number,
  widthPx: number,
  heightPx: number,
): LandmarkFrame {
  const landmarks = toRows(result.landmarks[0]);
  const world = landmarks ? (toRows(result.worldLandmarks?.[0]) as WorldLandmark[] | null) : null;
  return { tMs, landmarks, world, widthPx, heightPx };
}
