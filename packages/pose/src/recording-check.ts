// Knows when a camera recording cannot be counted: filmed from the front or too obliquely to see
// the ankle's angle, legs hidden (a blanket over the shins), the whole body or leg moving (walking,
// squats, standing up), a standing person, too few frames per second. Says so in words instead of
// counting what it cannot measure.
import type { Landmark, LandmarkFrame } from '@anklepump/motion';
import { feetBothWaysShare } from './near-leg.ts';
import { downFromVerticalDeg, looksStanding, type UprightView } from './posture.ts';

export type NotCountableCode =
  | 'front-view'
  | 'legs-hidden'
  | 'leg-moving'
  | 'standing'
  | 'body-reversed'
  | 'too-few-frames';

/** Why a recording was not counted, in words for the person who filmed it. */
export interface NotCountable {
  readonly code: NotCountableCode;
  readonly message: string;
  /** The measurement behind the verdict (a ratio or share, see the code), for the report. */
  readonly measured: number;
}

export interface RecordingCheckOptions {
  /** Frames per second of the recording as analysed. */
  readonly sampleHz: number;
  /** Landmarks below this visibility are not used for the view and posture (0..1, default 0.5). */
  readonly minVisibility?: number;
  /**
   * Legs below this visibility are not used to judge movement (0..1, default 0.7, the level at
   * which the engine measures a foot): a leg the pose model only guesses (under a blanket, in the
   * dark, seen end-on) wanders by a shank length from frame to frame without moving at all.
   */
  readonly minMovingVisibility?: number;
}

/**
 * Shoulder width over torso length (shoulder midpoint to hip midpoint) in the picture above which
 * the person faces the camera. Needs no leg, so it holds when the legs point at the camera and
 * the pose model cannot place the feet. Measured on rendered tuning bodies: side views 0.11-0.45
 * (camera up to 32 deg off the side), views from the feet 0.68-0.71.
 */
export const MAX_SIDE_VIEW_SHOULDER_RATIO = 0.6;
/** Hip width over torso length above which, with the shoulders, the person faces the camera (side views 0.02-0.27, from the feet 0.40-0.42). */
export const MAX_SIDE_VIEW_TORSO_HIP_RATIO = 0.33;
/** Hip width over shank length in the picture above which the view is from the front or too oblique (side views: 0.1-0.3). */
export const MAX_SIDE_VIEW_HIP_RATIO = 0.55;
/**
 * Heel-toe over knee-ankle length in the picture above which the shank is foreshortened by more
 * than ~45 deg of camera turn (side views: 0.45-0.55; 45 deg measured 0.61).
 */
export const MAX_SIDE_VIEW_FOOT_RATIO = 0.75;
/** Movement of hip, knee or ankle within a 2 s window, in shank lengths, that counts as the leg or body moving (pumps: under 0.3). */
export const LEG_MOVING_SHANKS = 1;
/** Change of the knee angle within a 2 s window that counts as a knee bend (squats, standing up; pumps: under 10). */
export const KNEE_BEND_DEG = 35;
/** Share of 2 s windows with that movement above which the recording is refused. */
export const LEG_MOVING_SHARE = 0.3;
/**
 * Share of the frames with a leg in which the pose model must be sure of it (hip, knee and ankle
 * at the engine's visibility) for the legs to count as seen; below it they are hidden (a blanket
 * over the shins, dim light, dark clothes on a dark bed) and every place it gives them is a guess.
 */
export const MIN_SURE_LEG_SHARE = 0.5;
/**
 * Share of the frames with the feet to the other side of the hips from most (`feetBothWaysShare`)
 * above which the pose model has read the body both ways round. Rendered tuning clips: 0 in 41 of
 * 42, 0.35 in the one whose dark body on a dark bed it read head to feet in a third of its frames
 * (and whose exercised left foot it then reported as the right one, the left "behind it").
 */
export const MAX_REVERSED_SHARE = 0.2;
/** Fewer frames per second than this cannot resolve a 1 s hold or a 0.5 s movement. */
export const MIN_SAMPLE_HZ = 5;

const HIPS = [23, 24] as const;
const SHOULDERS = [11, 12] as const;
const LEG = { left: [23, 25, 27], right: [24, 26, 28] } as const;
const FOOT = { left: [29, 31], right: [30, 32] } as const;

const RAD = 180 / Math.PI;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[(s.length - 1) >> 1]!;
}

/** The better-seen leg of a frame: the standing rule's view of it (posture.ts) and more. */
interface LegView extends UprightView {
  readonly tMs: number;
  /** Hip, knee, ankle in pixels. */
  readonly pts: readonly (readonly [number, number])[];
  /** Heel to toe, pixels. */
  readonly footPx: number;
  readonly hipWidthPx: number;
  /** Hip-knee-ankle angle, degrees (180 = straight leg). */
  readonly kneeDeg: number;
}

/** The better-seen leg of a frame, or null when neither leg is visible. */
function legView(f: LandmarkFrame, minVis: number): LegView | null {
  const l = f.landmarks;
  if (!l) return null;
  const px = (p: Landmark) => [p[0] * f.widthPx, p[1] * f.heightPx] as const;
  let best: { vis: number; idx: readonly number[]; foot: readonly number[] } | null = null;
  for (const side of ['left', 'right'] as const) {
    const idx = LEG[side];
    const vis = Math.min(...idx.map((i) => l[i]?.[3] ?? 0));
    if (vis >= minVis && (!best || vis > best.vis)) best = { vis, idx, foot: FOOT[side] };
  }
  if (!best) return null;
  const heel = l[best.foot[0]!];
  const toe = l[best.foot[1]!];
  const [hip, knee, ankle] = best.idx.map((i) => px(l[i]!)) as [
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
  ];
  const shankPx = Math.hypot(knee[0] - ankle[0], knee[1] - ankle[1]);
  if (!(shankPx > 0)) return null;
  const h0 = px(l[HIPS[0]]!);
  const h1 = px(l[HIPS[1]]!);
  const s0 = px(l[SHOULDERS[0]]!);
  const s1 = px(l[SHOULDERS[1]]!);
  const midH = [(h0[0] + h1[0]) / 2, (h0[1] + h1[1]) / 2] as const;
  const midS = [(s0[0] + s1[0]) / 2, (s0[1] + s1[1]) / 2] as const;
  return {
    tMs: f.tMs,
    pts: [hip, knee, ankle],
    shankPx,
    footPx:
      heel && toe ? Math.hypot((toe[0] - heel[0]) * f.widthPx, (toe[1] - heel[1]) * f.heightPx) : Number.NaN,
    hipWidthPx: Math.hypot(h0[0] - h1[0], h0[1] - h1[1]),
    thighDeg: downFromVerticalDeg(hip, knee),
    shankDeg: downFromVerticalDeg(knee, ankle),
    torsoDeg: downFromVerticalDeg(midS, midH),
    torsoPx: Math.hypot(midS[0] - midH[0], midS[1] - midH[1]),
    thighPx: Math.hypot(knee[0] - hip[0], knee[1] - hip[1]),
    kneeDeg:
      Math.abs(
        Math.atan2(
          (hip[0] - knee[0]) * (ankle[1] - knee[1]) - (hip[1] - knee[1]) * (ankle[0] - knee[0]),
          (hip[0] - knee[0]) * (ankle[0] - knee[0]) + (hip[1] - knee[1]) * (ankle[1] - knee[1]),
        ),
      ) * RAD,
  };
}

/** Median shoulder and hip widths over torso length, over frames whose shoulders and hips are seen and whose torso is upright (null: too few). */
function torsoRatios(
  frames: readonly LandmarkFrame[],
  minVis: number,
): { shoulders: number; hips: number } | null {
  const sh: number[] = [];
  const hp: number[] = [];
  for (const f of frames) {
    const l = f.landmarks;
    if (!l) continue;
    const pts = [SHOULDERS[0], SHOULDERS[1], HIPS[0], HIPS[1]].map((i) => l[i]);
    if (pts.some((p) => !p || !(p[3] >= minVis))) continue;
    const [s0, s1, h0, h1] = (pts as Landmark[]).map(
      (p) => [p[0] * f.widthPx, p[1] * f.heightPx] as const,
    ) as [
      readonly [number, number],
      readonly [number, number],
      readonly [number, number],
      readonly [number, number],
    ];
    const dx = (s0[0] + s1[0] - h0[0] - h1[0]) / 2;
    const dy = (s0[1] + s1[1] - h0[1] - h1[1]) / 2;
    const torso = Math.hypot(dx, dy);
    // Upright torsos only (shoulders above the hips, within 45 deg of vertical): a lying torso seen
    // 40-45 deg off the side is foreshortened along its length while its width grows, and reads
    // like a front view (0.79 on the true landmarks of a tuning clip filmed that way).
    if (!(torso > 0) || !(-dy > Math.abs(dx))) continue;
    sh.push(Math.hypot(s0[0] - s1[0], s0[1] - s1[1]) / torso);
    hp.push(Math.hypot(h0[0] - h1[0], h0[1] - h1[1]) / torso);
  }
  return sh.length < 3 ? null : { shoulders: median(sh), hips: median(hp) };
}

/** Spread of a coordinate within a window: 10th to 90th percentile, so one wild frame is not a move. */
function spread(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(0.1 * s.length);
  return s[s.length - 1 - k]! - s[k]!;
}

/** Share of 2 s windows in which hip, knee or ankle moved more than LEG_MOVING_SHANKS shank lengths or the knee bent by KNEE_BEND_DEG. */
function legMovingShare(
  views: readonly LegView[],
  shankPx: number,
  sampleHz: number,
  spanMs: readonly [number, number],
): number {
  if (views.length < 2) return 0;
  let windows = 0;
  let moving = 0;
  // Windows over the whole recording: where the leg is not seen well enough to judge, it is not
  // seen moving either, so a few sure frames among guesses cannot make the whole recording "moving".
  const [t0, t1] = spanMs;
  for (let start = t0; start === t0 || start + 2000 <= t1 + 1; start += 1000) {
    const w = views.filter((v) => v.tMs >= start && v.tMs < start + 2000);
    // A window where the leg is seen in under half the frames is not judged: the frames the pose
    // model is sure of, scattered among guesses, are not a movement.
    windows++;
    if (w.length < Math.max(3, sampleHz)) continue;
    let moved = 0;
    for (let j = 0; j < 3; j++) {
      moved = Math.max(
        moved,
        Math.hypot(spread(w.map((v) => v.pts[j]![0])), spread(w.map((v) => v.pts[j]![1]))),
      );
    }
    const kneeSpread = spread(w.map((v) => v.kneeDeg));
    if (moved > LEG_MOVING_SHANKS * shankPx || kneeSpread > KNEE_BEND_DEG) moving++;
    if (start + 2000 > t1) break;
  }
  return windows === 0 ? 0 : moving / windows;
}

/**
 * Why `frames` (a recording's landmarks) cannot be counted as ankle pumps, or null when they can.
 * Checks, in order: the frame rate, a person facing the camera (torso), legs the pose model only
 * guesses at, the leg or body moving, a standing person, a body read both ways round, a front or
 * oblique view of the legs. Frames without a visible leg are skipped (a recording without any is "nothing found", not
 * this).
 */
export function checkRecording(
  frames: readonly LandmarkFrame[],
  options: RecordingCheckOptions,
): NotCountable | null {
  if (!(options.sampleHz >= MIN_SAMPLE_HZ)) {
    return {
      code: 'too-few-frames',
      message: `${options.sampleHz.toFixed(1)} frames per second is too few to time holds and movements: film or analyse at ${MIN_SAMPLE_HZ} or more (15 is best)`,
      measured: options.sampleHz,
    };
  }
  const minVis = options.minVisibility ?? 0.5;
  // Facing the camera: judged from the torso alone, before anything that needs the legs (seen
  // from the feet, the legs are short, upright-looking and often unplaced: they would read as
  // standing or moving).
  const torso = torsoRatios(frames, minVis);
  if (torso && torso.shoulders > MAX_SIDE_VIEW_SHOULDER_RATIO && torso.hips > MAX_SIDE_VIEW_TORSO_HIP_RATIO) {
    return {
      code: 'front-view',
      message: `not counted: filmed from the front, or too far round from the side. The shoulders and hips face the camera (shoulder width ${Math.round(torso.shoulders * 100)}% of the torso's length; from the side it is under ${Math.round(MAX_SIDE_VIEW_SHOULDER_RATIO * 100)}%), so the foot's up-and-down movement is turned toward the camera and cannot be measured. Film from the side, the camera square to the leg and level with the feet, the whole leg in view.`,
      measured: torso.shoulders,
    };
  }
  const views = frames.map((f) => legView(f, minVis)).filter((v) => v !== null);
  if (views.length < 3) return null;
  // Standing, by the posture detector's own rule (posture.ts).
  const upright = views.filter(looksStanding).length / views.length;
  const seen = frames.map((f) => legView(f, options.minMovingVisibility ?? 0.7)).filter((v) => v !== null);
  const sure = seen.length / views.length;
  if (sure < MIN_SURE_LEG_SHARE) {
    return {
      code: 'legs-hidden',
      message: `not counted: the legs are not seen clearly enough to measure (the pose model is sure where the knee and ankle are in only ${Math.round(sure * 100)}% of the frames). A blanket or clothes over the shins, dim light or legs out of the picture hide them: uncover the shins and feet, light them, and film from the side.`,
      measured: sure,
    };
  }
  const moving =
    seen.length < 3
      ? 0
      : legMovingShare(seen, median(seen.map((v) => v.shankPx)), options.sampleHz, [
          frames[0]!.tMs,
          frames.at(-1)!.tMs,
        ]);
  if (moving > LEG_MOVING_SHARE) {
    return {
      code: 'leg-moving',
      message: `not counted: the whole leg moves, not just the ankle (${Math.round(moving * 100)}% of the time): walking, squats, standing up or knee bends, or a camera in front of the legs where the pose model cannot follow them. Ankle pumps are done sitting or lying with the legs still and straight, filmed from the side.`,
      measured: moving,
    };
  }
  if (upright > 0.5) {
    return {
      code: 'standing',
      message:
        'not counted: the person is standing. Ankle pumps are done sitting or lying with the legs straight; film again from the side in that position.',
      measured: upright,
    };
  }
  // After the moving and standing checks: a person walking past puts the feet on both sides of the hips.
  const reversed = feetBothWaysShare(frames);
  if (reversed > MAX_REVERSED_SHARE) {
    return {
      code: 'body-reversed',
      message: `not counted: the pose model read the body both ways round (head and feet exchanged in ${Math.round(reversed * 100)}% of the frames), so it cannot tell which foot is which or where the ankle is. This happens when the body is hard to pick out (dark clothes or skin on a dark bed or floor, dim light): film with more light and a plain background of a different shade from the body, from the side, the whole body in view.`,
      measured: reversed,
    };
  }
  const hipRatio = median(views.map((v) => v.hipWidthPx / v.shankPx));
  const footRatio = median(views.map((v) => v.footPx / v.shankPx).filter(Number.isFinite));
  if (hipRatio > MAX_SIDE_VIEW_HIP_RATIO || footRatio > MAX_SIDE_VIEW_FOOT_RATIO) {
    return {
      code: 'front-view',
      message: `not counted: the camera sees the legs from the front or too much at an angle to measure the ankle (${hipRatio > MAX_SIDE_VIEW_HIP_RATIO ? 'the hips look wide beside the shin' : 'the foot looks long beside the shin'}). Film from the side, level with the feet, the whole leg in view.`,
      measured: hipRatio,
    };
  }
  return null;
}
