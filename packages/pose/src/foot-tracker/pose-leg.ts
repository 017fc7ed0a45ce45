// BlazePose's leg in one frame: the four points the pixel stage anchors on, and the angle the pose
// model itself gives, shared by the pixel stage's joining (refine-frames.ts) and its check that a
// track is the foot (track-pose-agreement.ts).
import { BLAZEPOSE, type Landmark, type LandmarkFrame, type Side } from '@anklepump/motion';
import type { LegAnchor } from './leg-pixel-tracker.ts';

/** BlazePose's indices of each leg's knee, ankle, heel and toe. */
export const IDX = {
  left: {
    knee: BLAZEPOSE.leftKnee,
    ankle: BLAZEPOSE.leftAnkle,
    heel: BLAZEPOSE.leftHeel,
    toe: BLAZEPOSE.leftFootIndex,
  },
  right: {
    knee: BLAZEPOSE.rightKnee,
    ankle: BLAZEPOSE.rightAnkle,
    heel: BLAZEPOSE.rightHeel,
    toe: BLAZEPOSE.rightFootIndex,
  },
} as const;

/** BlazePose's `side` leg in `frame` as pixel points, or null when the frame has no such leg. */
export function legAnchor(frame: LandmarkFrame, side: Side): LegAnchor | null {
  const lm = frame.landmarks;
  if (!lm) return null;
  const i = IDX[side];
  const pts = [lm[i.knee], lm[i.ankle], lm[i.heel], lm[i.toe]];
  if (pts.some((p) => !p || !Number.isFinite(p[0] + p[1] + p[3]))) return null;
  const [k, a, h, t] = pts as Landmark[];
  const px = (p: Landmark) => [p[0] * frame.widthPx, p[1] * frame.heightPx] as const;
  return {
    knee: px(k!),
    ankle: px(a!),
    heel: px(h!),
    toe: px(t!),
    visibility: Math.min(k![3], a![3], h![3], t![3]),
  };
}

const MIN_VISIBILITY = 0.7;
const RAD = 180 / Math.PI;
const wrap = (r: number) => Math.atan2(Math.sin(r), Math.cos(r));

/** The pose model's own ankle angle for a leg (the engine's raw angle), or NaN. */
export function poseRaw(
  a: LegAnchor | null,
): { rawDeg: number; footDirRad: number; shankDirRad: number } | null {
  if (!a || !(a.visibility >= MIN_VISIBILITY)) return null;
  const footDirRad = Math.atan2(a.toe[1] - a.heel[1], a.toe[0] - a.heel[0]);
  const shankDirRad = Math.atan2(a.knee[1] - a.ankle[1], a.knee[0] - a.ankle[0]);
  return { rawDeg: 90 - Math.abs(wrap(footDirRad - shankDirRad)) * RAD, footDirRad, shankDirRad };
}
