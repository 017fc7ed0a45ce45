// Which leg a side view shows, and under which label. A camera at the patient's side sees the near
// leg whole and the far one behind it; the pose model often labels them the wrong way round, and it
// places the hidden far foot by guesswork, echoing the near foot's movement (rendered tuning clips:
// the far, still foot "pumped" 10-15 deg with every pump of the near one, and on 3 of 24 clips the
// exercised foot's reps came out under the other foot's label). What is geometry, not a label:
// a person sitting or lying face up whose feet point to the right of the picture shows the camera
// their right side (and the left side when the feet point left), as in an unmirrored video.
import {
  BLAZEPOSE,
  createLegReading,
  type Landmark,
  type LandmarkFrame,
  readLeg,
  type Side,
} from '@anklepump/motion';
import type { LegTrack } from './foot-tracker/leg-pixel-tracker.ts';

const LEG_ROWS = {
  left: [
    BLAZEPOSE.leftHip,
    BLAZEPOSE.leftKnee,
    BLAZEPOSE.leftAnkle,
    BLAZEPOSE.leftHeel,
    BLAZEPOSE.leftFootIndex,
  ],
  right: [
    BLAZEPOSE.rightHip,
    BLAZEPOSE.rightKnee,
    BLAZEPOSE.rightAnkle,
    BLAZEPOSE.rightHeel,
    BLAZEPOSE.rightFootIndex,
  ],
} as const;

const otherSide = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** `frame` with its left and right legs exchanged (BlazePose can label a side view's leg wrongly). */
export function swapLegs(frame: LandmarkFrame): LandmarkFrame {
  const lm = frame.landmarks;
  if (!lm) return frame;
  const rows = lm.slice();
  LEG_ROWS.left.forEach((l, i) => {
    const r = LEG_ROWS.right[i]!;
    rows[l] = lm[r]!;
    rows[r] = lm[l]!;
  });
  return { ...frame, landmarks: rows };
}

/** The near-leg chooser's settings: the pose model's gate for the leg's points, and the switch margin. */
export const NEAR_LEG = {
  /** The pose model's visibility gate for the leg's four points (the rep engine's 0.7 for video). */
  minVisibility: 0.7,
  /** A leg must show a shank this much longer to be taken over the one followed now. */
  switchMargin: 1.15,
  /**
   * The feet must point this many shank lengths to one side of the hips (the median over the
   * frames) for the view to say which side faces the camera. Side views of sitting and lying
   * people: 1.5-3; a camera at the feet or the head sees them pointing at it, near 0.
   */
  minFeetAheadShanks: 0.5,
} as const;

/**
 * Chooses which labelled leg is `side` from the pose model's frames: the one with the longer 2D
 * shank (a side view shows the near leg whole), switching only on a clear margin so two similar
 * shanks do not flip every frame. The live camera session chooses on the pose model's frame, never
 * on the tracked one, so a foot the pixel tracker lost is not swapped for the still far foot.
 */
export function createLegChooser(side: Side): (frame: LandmarkFrame) => Side {
  const own = createLegReading();
  const other = createLegReading();
  let useOther = false;
  return (frame) => {
    const a = readLeg(frame, side, NEAR_LEG.minVisibility, false, own);
    const b = readLeg(frame, otherSide(side), NEAR_LEG.minVisibility, false, other);
    const m = NEAR_LEG.switchMargin;
    if (!a.ok) useOther = b.ok;
    else if (!b.ok) useOther = false;
    else if (useOther ? a.shankPx > m * b.shankPx : b.shankPx > m * a.shankPx) useOther = !useOther;
    return useOther ? otherSide(side) : side;
  };
}

const seen = (p: Landmark | undefined, minVis: number): p is Landmark =>
  !!p && p[3] >= minVis && Number.isFinite(p[0] + p[1]);

/**
 * Per frame, how far the feet point to the right of the hips, in shank lengths (negative: to the
 * left), from whichever hips and legs the pose model is sure of; frames that cannot tell (no hips
 * or ankles seen) are left out.
 */
function feetAheadShanks(frames: readonly LandmarkFrame[]): number[] {
  const ahead: number[] = [];
  for (const f of frames) {
    const lm = f.landmarks;
    if (!lm) continue;
    const x = (p: Landmark) => p[0] * f.widthPx;
    const y = (p: Landmark) => p[1] * f.heightPx;
    // Whichever hips and legs the pose model is sure of: the far leg is often not.
    const hips = [lm[BLAZEPOSE.leftHip], lm[BLAZEPOSE.rightHip]].filter((p) => seen(p, 0.5));
    let ankleX = 0;
    let legs = 0;
    let shankPx = 0;
    for (const [k, a] of [
      [BLAZEPOSE.leftKnee, BLAZEPOSE.leftAnkle],
      [BLAZEPOSE.rightKnee, BLAZEPOSE.rightAnkle],
    ] as const) {
      const knee = lm[k];
      const ankle = lm[a];
      if (!seen(knee, 0.5) || !seen(ankle, 0.5)) continue;
      ankleX += x(ankle);
      legs++;
      shankPx = Math.max(shankPx, Math.hypot(x(knee) - x(ankle), y(knee) - y(ankle)));
    }
    if (hips.length === 0 || legs === 0 || !(shankPx > 0)) continue;
    const hipX = hips.reduce((sum, p) => sum + x(p), 0) / hips.length;
    ahead.push((ankleX / legs - hipX) / shankPx);
  }
  return ahead;
}

/**
 * The side of the body that faces the camera, from where the feet point in the picture: to the
 * right of the hips, the right side (an unmirrored video of a person sitting or lying face up).
 * Null when the frames cannot tell: the feet point at the camera or away from it, or the hips and
 * ankles are not seen.
 */
export function nearSide(frames: readonly LandmarkFrame[]): Side | null {
  const ahead = feetAheadShanks(frames);
  if (ahead.length < 3) return null;
  const s = ahead.sort((a, b) => a - b);
  const mid = s[(s.length - 1) >> 1]!;
  if (Math.abs(mid) < NEAR_LEG.minFeetAheadShanks) return null;
  return mid > 0 ? 'right' : 'left';
}

/**
 * Of the frames whose feet point clearly to one side of the hips (NEAR_LEG.minFeetAheadShanks),
 * the share that point the other way from most: 0 when the pose model reads the body the same way
 * round throughout. A person sitting or lying still for ankle pumps does not turn round; a pose
 * model that puts the feet on both sides has read the body head to feet in some frames (a dark
 * body on a dark bed: the tuning clip tune-02, 35% of its frames).
 */
export function feetBothWaysShare(frames: readonly LandmarkFrame[]): number {
  const ahead = feetAheadShanks(frames);
  const right = ahead.filter((a) => a >= NEAR_LEG.minFeetAheadShanks).length;
  const left = ahead.filter((a) => a <= -NEAR_LEG.minFeetAheadShanks).length;
  return right + left === 0 ? 0 : Math.min(left, right) / (left + right);
}

interface NearLegRecording {
  readonly frames: readonly LandmarkFrame[];
  readonly tracks: readonly Record<Side, LegTrack>[] | null;
  /** Whether the legs were relabelled (the pose model had them the other way round). */
  readonly swapped: boolean;
}

/** The median over frames of the lowest visibility of `side`'s knee, ankle, heel and toe. */
function legVisibility(frames: readonly LandmarkFrame[], side: Side): number {
  const rows = LEG_ROWS[side].slice(1);
  const v: number[] = [];
  for (const f of frames) {
    const lm = f.landmarks;
    if (!lm) continue;
    v.push(Math.min(...rows.map((i) => lm[i]?.[3] ?? 0)));
  }
  if (v.length === 0) return 0;
  v.sort((a, b) => a - b);
  return v[(v.length - 1) >> 1]!;
}

/**
 * The recording with the near leg under the label `near`: the pose model is surer of the leg it
 * sees whole (rendered tuning clips: 0.75-0.99 against 0.08-0.98 for the far leg, the near one
 * higher in 24 of 24), so when its surer leg carries the other label, every frame's legs (and
 * pixel tracks) are exchanged. The whole recording at once: frame by frame, a far leg that looked
 * longer for a moment mixed the two legs into one rep (a tuning clip counted 3 reps for 2).
 */
export function withNearLegAs(
  frames: readonly LandmarkFrame[],
  tracks: readonly Record<Side, LegTrack>[] | null,
  near: Side,
): NearLegRecording {
  const swap = legVisibility(frames, otherSide(near)) > legVisibility(frames, near);
  if (!swap) return { frames, tracks, swapped: false };
  return {
    frames: frames.map(swapLegs),
    tracks: tracks ? tracks.map((t) => ({ left: t.right, right: t.left })) : null,
    swapped: true,
  };
}
