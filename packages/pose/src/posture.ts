// Tells sitting from lying in a recording from the torso's direction in the picture: BlazePose
// shrinks the ankle's swing differently in the two, so the degree correction depends on it.
import type { Landmark, LandmarkFrame } from '@anklepump/motion';

export type Posture = 'sitting' | 'lying' | 'unknown';

const SHOULDERS = [11, 12] as const;
const HIPS = [23, 24] as const;

/**
 * 'sitting' when the shoulders are mostly above the hips in the image (torso within 45 deg of
 * vertical), 'lying' when mostly beside them; 'unknown' without enough visible torsos. Assumes
 * the camera is held upright (the phone's rotation is already applied by the decoder).
 */
export function detectPosture(frames: readonly LandmarkFrame[], minVisibility = 0.5): Posture {
  const angles: number[] = [];
  for (const f of frames) {
    const l = f.landmarks;
    if (!l) continue;
    const pts = [...SHOULDERS, ...HIPS].map((i) => l[i]);
    if (pts.some((p) => !p || p[3] < minVisibility)) continue;
    const [s1, s2, h1, h2] = pts as unknown as [Landmark, Landmark, Landmark, Landmark];
    const dx = ((s1[0] + s2[0] - h1[0] - h2[0]) / 2) * f.widthPx;
    const dy = ((s1[1] + s2[1] - h1[1] - h2[1]) / 2) * f.heightPx;
    if (dx === 0 && dy === 0) continue;
    angles.push((Math.atan2(Math.abs(dx), Math.abs(dy)) * 180) / Math.PI);
  }
  if (angles.length < 3) return 'unknown';
  angles.sort((a, b) => a - b);
  return angles[angles.length >> 1]! < 45 ? 'sitting' : 'lying';
}
