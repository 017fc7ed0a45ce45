// How much the leg itself moved over a stretch of a recording, from the pose model's hip, knee and
// ankle: the knee bending (the heel sliding back) or the whole leg lifting or sliding. The rep
// engine flags a leg that moves by a quarter of a shank; a recorded video can afford a finer look
// over each rep with hindsight. Pure: landmark frames in, measurements out.
import { angleBetweenDeg, type Landmark, type LandmarkFrame, type Side } from '@anklepump/motion';

const LEG = { left: [23, 25, 27], right: [24, 26, 28] } as const;

/** Knee bend (degrees) and leg travel (shank lengths) over a stretch, each as a 10th-90th percentile spread. */
export interface LegMovement {
  /** Spread of the hip-knee-ankle angle, degrees. */
  readonly kneeBendDeg: number;
  /** Largest spread of the knee's or the ankle's position, in shank lengths. */
  readonly travelShanks: number;
  /** Frames measured. */
  readonly frames: number;
}

/** A knee bend this large within a rep moved the leg (the 15 deg, less the pose model's ~3 deg of jitter). */
export const LEG_MOVED_KNEE_DEG = 12;
/** Knee or ankle travel this large within a rep moved the leg (~6 cm on a 40 cm shank; still legs: under 0.1). */
export const LEG_MOVED_SHANKS = 0.15;

function spread(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(0.1 * s.length);
  return s[s.length - 1 - k]! - s[k]!;
}

/**
 * The `side` leg's movement between `fromTMs` and `toTMs`, from frames where the pose model is sure
 * of its hip, knee and ankle (visibility >= `minVisibility`); null with fewer than 5 such frames.
 */
export function legMovement(
  frames: readonly LandmarkFrame[],
  side: Side,
  fromTMs: number,
  toTMs: number,
  minVisibility = 0.7,
): LegMovement | null {
  const [hi, ki, ai] = LEG[side];
  const pts: { h: readonly [number, number]; k: readonly [number, number]; a: readonly [number, number] }[] =
    [];
  for (const f of frames) {
    if (f.tMs < fromTMs || f.tMs > toTMs || !f.landmarks) continue;
    const l = f.landmarks;
    const row = [l[hi], l[ki], l[ai]];
    if (row.some((p) => !p || !(p[3] >= minVisibility))) continue;
    const [h, k, a] = (row as Landmark[]).map((p) => [p[0] * f.widthPx, p[1] * f.heightPx] as const) as [
      readonly [number, number],
      readonly [number, number],
      readonly [number, number],
    ];
    pts.push({ h, k, a });
  }
  if (pts.length < 5) return null;
  const shanks = pts.map((p) => Math.hypot(p.k[0] - p.a[0], p.k[1] - p.a[1])).sort((x, y) => x - y);
  const shankPx = shanks[shanks.length >> 1]!;
  if (!(shankPx > 0)) return null;
  const knee = pts.map(({ h, k, a }) => angleBetweenDeg(h[0] - k[0], h[1] - k[1], a[0] - k[0], a[1] - k[1]));
  const travel = (sel: (p: (typeof pts)[number]) => readonly [number, number]) =>
    Math.hypot(spread(pts.map((p) => sel(p)[0])), spread(pts.map((p) => sel(p)[1]))) / shankPx;
  return {
    kneeBendDeg: spread(knee),
    travelShanks: Math.max(
      travel((p) => p.k),
      travel((p) => p.a),
    ),
    frames: pts.length,
  };
}

/** Whether `m` shows the leg moving (a knee bend or the leg travelling), per the thresholds above. */
export function legMoved(m: LegMovement): boolean {
  return m.kneeBendDeg >= LEG_MOVED_KNEE_DEG || m.travelShanks >= LEG_MOVED_SHANKS;
}
