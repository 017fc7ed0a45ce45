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

/** One frame's torso and leg as the standing rule reads them: degrees from vertical, pixels. */
export interface UprightView {
  /** Shoulders straight above the hips: 0. */
  readonly torsoDeg: number;
  /** Knee straight below the hip, ankle straight below the knee: 0 (above: over 90). */
  readonly thighDeg: number;
  readonly shankDeg: number;
  readonly torsoPx: number;
  readonly thighPx: number;
  readonly shankPx: number;
}

/**
 * A standing person's thigh and shank are each most of a torso long in the picture (the renderer's
 * joints: 0.75-0.9). Legs stretched toward the camera (sitting, filmed from the feet) also point
 * down the picture, but short: BlazePose put a tuning body's thigh at 0.35 torso lengths there and
 * called the person standing (fixtures/front-sitting-2).
 */
const STANDING_MIN_THIGH_PER_TORSO = 0.5;
const STANDING_MIN_SHANK_PER_TORSO = 0.45;
const UPRIGHT_MAX_DEG = 35;

/**
 * The one definition of a standing frame: torso, thigh and shank all within 35 deg of vertical and
 * the leg long in the picture. Sitting on a chair has the thigh level, lying has the torso level.
 */
export function looksStanding(v: UprightView): boolean {
  return (
    v.torsoDeg < UPRIGHT_MAX_DEG &&
    v.thighDeg < UPRIGHT_MAX_DEG &&
    v.shankDeg < UPRIGHT_MAX_DEG &&
    v.thighPx > STANDING_MIN_THIGH_PER_TORSO * v.torsoPx &&
    v.shankPx > STANDING_MIN_SHANK_PER_TORSO * v.torsoPx
  );
}

/** Degrees from vertical of a -> b, pixel points: 0 when b is straight below a, over 90 when above. */
export function downFromVerticalDeg(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.atan2(Math.abs(b[0] - a[0]), b[1] - a[1]) * RAD;
}

/**
 * 'standing' when a visible leg `looksStanding` in most frames; else 'sitting' when the shoulders
 * are mostly above the hips (torso within 45 deg of vertical), 'lying' when mostly beside them;
 * 'unknown' without enough visible torsos. Assumes the camera is held upright (the phone's rotation
 * is already applied by the decoder).
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
      const [hp, kp, ap] = [h, k, a].map((p) => [p[0] * f.widthPx, p[1] * f.heightPx] as const) as [
        readonly [number, number],
        readonly [number, number],
        readonly [number, number],
      ];
      return looksStanding({
        torsoDeg: torso,
        thighDeg: downFromVerticalDeg(hp, kp),
        shankDeg: downFromVerticalDeg(kp, ap),
        torsoPx,
        thighPx: Math.hypot(kp[0] - hp[0], kp[1] - hp[1]),
        shankPx: Math.hypot(ap[0] - kp[0], ap[1] - kp[1]),
      });
    });
    if (legUp) upright++;
  }
  if (angles.length < 3) return 'unknown';
  if (upright > angles.length / 2) return 'standing';
  angles.sort((a, b) => a - b);
  return angles[angles.length >> 1]! < 45 ? 'sitting' : 'lying';
}
