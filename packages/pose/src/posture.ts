// Tells sitting from lying (and from standing) in a recording from the torso's and legs' direction
// in the picture: BlazePose shrinks the ankle's swing differently sitting and lying, and a standing
// person is not doing ankle pumps at all.
import type { Landmark, LandmarkFrame } from '@anklepump/motion';

export type Posture = 'sitting' | 'lying' | 'standing' | 'unknown';

const SHOULDERS = [11, 12] as const;
const HIPS = [23, 24] as const;
const LEGS = [
  [23, 25, 27],
  [24, 26, 28],
] as const;

const RAD = 180 / Math.PI;

/** Degrees from vertical of the line a -> b in pixels. */
function fromVertical(f: LandmarkFrame, a: Landmark, b: Landmark): number {
  return Math.atan2(Math.abs((b[0] - a[0]) * f.widthPx), Math.abs((b[1] - a[1]) * f.heightPx)) * RAD;
}

/**
 * 'standing' when the torso, the thigh and the shank of a visible leg are all within 35 deg of
 * vertical (the shank at least 0.45 torso lengths long) in most frames; else 'sitting' when the shoulders are mostly above the hips (torso
 * within 45 deg of vertical), 'lying' when mostly beside them; 'unknown' without enough visible
 * torsos. Sitting on a chair (thigh level) or on a bed (legs level) is never standing. Assumes the
 * camera is held upright (the phone's rotation is already applied by the decoder).
 */
export function detectPosture(frames: readonly LandmarkFrame[], minVisibility = 0.5): Posture {
  const angles: number[] = [];
  let upright = 0;
  for (const f of frames) {
    const l = f.landmarks;
    if (!l) continue;
    const pts = [...SHOULDERS, ...HIPS].map((i) => l[i]);
    if (pts.some((p) => !p || p[3] < minVisibility)) continue;
    const [s1, s2, h1, h2] = pts as unknown as [Landmark, Landmark, Landmark, Landmark];
    const dx = ((s1[0] + s2[0] - h1[0] - h2[0]) / 2) * f.widthPx;
    const dy = ((s1[1] + s2[1] - h1[1] - h2[1]) / 2) * f.heightPx;
    if (dx === 0 && dy === 0) continue;
    const torso = Math.atan2(Math.abs(dx), Math.abs(dy)) * RAD;
    angles.push(torso);
    const torsoPx = Math.hypot(dx, dy);
    const legUp = LEGS.some(([hi, ki, ai]) => {
      const h = l[hi];
      const k = l[ki];
      const a = l[ai];
      if (!h || !k || !a || Math.min(h[3], k[3], a[3]) < minVisibility) return false;
      // Knee below the hip and ankle below the knee, both segments near vertical, and the shank
      // long in the picture (legs stretched toward the camera look upright but short).
      const shankPx = Math.hypot((a[0] - k[0]) * f.widthPx, (a[1] - k[1]) * f.heightPx);
      return (
        k[1] > h[1] &&
        a[1] > k[1] &&
        fromVertical(f, h, k) < 35 &&
        fromVertical(f, k, a) < 35 &&
        shankPx > 0.45 * torsoPx
      );
    });
    if (torso < 35 && legUp) upright++;
  }
  if (angles.length < 3) return 'unknown';
  if (upright > angles.length / 2) return 'standing';
  angles.sort((a, b) => a - b);
  return angles[angles.length >> 1]! < 45 ? 'sitting' : 'lying';
}
