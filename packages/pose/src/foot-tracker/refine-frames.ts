// Joins the pixel stage to the landmark engine: BlazePose's leg becomes the anchor, and the tracked
// foot and shank directions are written back into the frame's knee and toe points, so the engine
// reads the image-measured angle through its usual landmark path (one contract, no second one).
import type { Landmark, LandmarkFrame, Side } from '@anklepump/motion';
import type { PixelFrame } from './gray-image.ts';
import { createLegPixelTracker, type LegPixelTrackerOptions, type LegTrack } from './leg-pixel-tracker.ts';
import { IDX, legAnchor, poseRaw } from './pose-leg.ts';
import { trackAgreement, trackRejected } from './track-pose-agreement.ts';
import { zeroPhaseLowPass } from './zero-phase.ts';

/**
 * The point `lenPx` from `from` in the picture direction `dirRad` (normalised coordinates of a
 * `w` x `h` picture), keeping `kept`'s depth and visibility.
 */
function along(
  from: Landmark,
  lenPx: number,
  dirRad: number,
  kept: Landmark,
  w: number,
  h: number,
): Landmark {
  return [
    from[0] + (lenPx * Math.cos(dirRad)) / w,
    from[1] + (lenPx * Math.sin(dirRad)) / h,
    kept[2],
    kept[3],
  ];
}

/**
 * `frame` with the `side` leg's knee and toe moved so that the shank and foot lines have the
 * tracked directions (lengths and the ankle and heel kept). A foot the tracker lost gets heel and
 * toe visibility 0, so the engine gates it out instead of counting on BlazePose's guess.
 * @param rawDeg the angle to write (the track's own, or a smoothed one).
 */
export function refineFrame(
  frame: LandmarkFrame,
  side: Side,
  track: LegTrack,
  rawDeg = track.rawDeg,
): LandmarkFrame {
  const lm = frame.landmarks;
  if (!lm || track.state === 'no-leg') return frame;
  const i = IDX[side];
  const rows = lm.slice();
  if (track.state === 'lost' || !Number.isFinite(rawDeg)) {
    rows[i.heel] = [lm[i.heel]![0], lm[i.heel]![1], lm[i.heel]![2], 0];
    rows[i.toe] = [lm[i.toe]![0], lm[i.toe]![1], lm[i.toe]![2], 0];
    return { ...frame, landmarks: rows };
  }
  const w = frame.widthPx;
  const h = frame.heightPx;
  const a = lm[i.ankle]!;
  const k = lm[i.knee]!;
  const he = lm[i.heel]!;
  const t = lm[i.toe]!;
  const shankLen = Math.hypot((k[0] - a[0]) * w, (k[1] - a[1]) * h);
  const footLen = Math.hypot((t[0] - he[0]) * w, (t[1] - he[1]) * h);
  const sign = Math.sign(Math.sin(track.footDirRad - track.shankDirRad)) || 1;
  const footDir = track.shankDirRad + (sign * ((90 - rawDeg) * Math.PI)) / 180;
  rows[i.knee] = along(a, shankLen, track.shankDirRad, k, w, h);
  rows[i.toe] = along(he, footLen, footDir, t, w, h);
  return { ...frame, landmarks: rows };
}

/**
 * `refined` (the frame as the pixel stage refined it for `side`) with the pose model's own knee from
 * `raw` (the same frame as the model gave it) and the toe turned about the heel so that the angle
 * the engine reads, between shank and foot, is still the refined one. The angle stays the foot's
 * own, from its pixels; where the leg is (knee and ankle against the hip: the leg-moved check and
 * the view watch) is the pose model's, not a knee placed along the tracked shank, which carries the
 * tracker's jitter into the leg's position. Frames without the leg in either are returned as
 * `refined` is.
 */
export function withPoseModelKnee(refined: LandmarkFrame, raw: LandmarkFrame, side: Side): LandmarkFrame {
  const lm = refined.landmarks;
  const orig = raw.landmarks;
  if (!lm || !orig) return refined;
  const i = IDX[side];
  const k = lm[i.knee];
  const a = lm[i.ankle];
  const he = lm[i.heel];
  const t = lm[i.toe];
  const k0 = orig[i.knee];
  if (!k || !a || !he || !t || !k0) return refined;
  const w = refined.widthPx;
  const h = refined.heightPx;
  const dir = (from: Landmark, to: Landmark) => Math.atan2((to[1] - from[1]) * h, (to[0] - from[0]) * w);
  // The foot's direction relative to the shank, kept; the shank now the pose model's.
  const footDir = dir(a, k0) + (dir(he, t) - dir(a, k));
  const footLen = Math.hypot((t[0] - he[0]) * w, (t[1] - he[1]) * h);
  const rows = lm.slice();
  rows[i.knee] = k0;
  rows[i.toe] = along(he, footLen, footDir, t, w, h);
  return { ...refined, landmarks: rows };
}

/** The pixel stage for a stream of frames: one tracker per foot. */
export interface FootTrackStage {
  /** Tracks the feet in `pixels` (the picture `frame`'s landmarks came from) and returns the refined frame. */
  push(
    pixels: PixelFrame,
    frame: LandmarkFrame,
  ): { readonly frame: LandmarkFrame; readonly tracks: Readonly<Record<Side, LegTrack>> };
  reset(): void;
}

/** Creates the stage for `sides` (default both); throws RangeError on a bad option. */
export function createFootTrackStage(
  options: LegPixelTrackerOptions & { readonly sides?: readonly Side[] } = {},
): FootTrackStage {
  const sides = options.sides ?? (['left', 'right'] as const);
  const trackers = new Map(sides.map((s) => [s, createLegPixelTracker(options)] as const));
  const none: LegTrack = {
    state: 'no-leg',
    rawDeg: Number.NaN,
    footDirRad: Number.NaN,
    shankDirRad: Number.NaN,
    confidence: 0,
  };
  return {
    push(pixels, frame) {
      if (pixels.widthPx !== frame.widthPx || pixels.heightPx !== frame.heightPx) {
        throw new RangeError(
          `pixels are ${pixels.widthPx}x${pixels.heightPx} but the landmarks were found on ${frame.widthPx}x${frame.heightPx}`,
        );
      }
      const tracks: Record<Side, LegTrack> = { left: none, right: none };
      let out = frame;
      for (const [side, tracker] of trackers) {
        tracks[side] = tracker.push(pixels, legAnchor(frame, side));
        out = refineFrame(out, side, tracks[side]);
      }
      return { frame: out, tracks };
    },
    reset() {
      for (const t of trackers.values()) t.reset();
    },
  };
}

/** A recorded track per frame for each foot, as a whole recording gives it. */
export interface RecordedTracks {
  readonly frames: readonly LandmarkFrame[];
  readonly tracks: readonly Readonly<Record<Side, LegTrack>>[];
}

/**
 * Longest stretch of lost frames (seconds) bridged with the pose model's mapped angle: a held
 * toes-down of up to 2 s with the swings into and out of it (a loss there cut reps in two on
 * tuning clips at 1.5 s); a blanket or a foot out of the picture lasts longer, and the pose model
 * rarely sees it well enough to bridge anyway.
 */
export const MAX_BRIDGE_S = 2.5;
/**
 * Bridges short stretches where the pixel stage lost the foot (a turned foot at a hold can stop
 * matching) with the pose model's angle, mapped onto the tracker's scale by a straight line fitted
 * on this recording's frames where both measured (the pose model's gain differs from view to view,
 * so the mapping is learned per recording and per foot), and pinned to the tracked values at both
 * ends. Longer losses (a blanket, the foot out of the picture) stay gated.
 */
function bridgeGaps(
  frames: readonly LandmarkFrame[],
  tracks: readonly LegTrack[],
  side: Side,
  maxGap: number,
): LegTrack[] {
  const pose = frames.map((f) => poseRaw(legAnchor(f, side)));
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  tracks.forEach((t, i) => {
    const p = pose[i];
    if (t.state !== 'tracking' || !p) return;
    n++;
    sx += p.rawDeg;
    sy += t.rawDeg;
    sxx += p.rawDeg * p.rawDeg;
    sxy += p.rawDeg * t.rawDeg;
  });
  const out = tracks.slice();
  const varX = sxx / n - (sx / n) ** 2;
  if (n < 20 || !(varX > 4)) return out;
  const slope = (sxy / n - (sx / n) * (sy / n)) / varX;
  // A mapping outside what the pose model's gain allows (0.25..1.25) is not a mapping.
  if (!(slope >= 0.8 && slope <= 4)) return out;
  const icpt = sy / n - slope * (sx / n);
  const map = (x: number) => slope * x + icpt;
  for (let i = 1; i < tracks.length; i++) {
    if (tracks[i]!.state !== 'lost' || tracks[i - 1]!.state !== 'tracking') continue;
    let j = i;
    while (j < tracks.length && tracks[j]!.state === 'lost' && pose[j]) j++;
    if (j >= tracks.length || tracks[j]!.state !== 'tracking' || j - i > maxGap) continue;
    const a = pose[i - 1];
    const b = pose[j];
    const d0 = a ? tracks[i - 1]!.rawDeg - map(a.rawDeg) : 0;
    const d1 = b ? tracks[j]!.rawDeg - map(b.rawDeg) : 0;
    for (let k = i; k < j; k++) {
      const p = pose[k]!;
      const w = (k - i + 1) / (j - i + 1);
      out[k] = {
        state: 'tracking',
        rawDeg: map(p.rawDeg) + (1 - w) * d0 + w * d1,
        footDirRad: p.footDirRad,
        shankDirRad: p.shankDirRad,
        confidence: tracks[k]!.confidence,
      };
    }
    i = j;
  }
  return out;
}

/**
 * Running median over 5 frames (3 at the ends) of each unbroken finite run: single-frame jumps go,
 * steps and peaks held 3 frames or more stay.
 */
export function median5(xs: readonly number[]): number[] {
  const out = xs.slice();
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]!)) continue;
    const w: number[] = [];
    for (let k = i - 2; k <= i + 2; k++)
      if (k >= 0 && k < xs.length && Number.isFinite(xs[k]!)) w.push(xs[k]!);
    if (w.length < 3) {
      for (const k of [i + 3, i - 3]) if (k >= 0 && k < xs.length && Number.isFinite(xs[k]!)) w.push(xs[k]!);
    }
    w.sort((a, b) => a - b);
    out[i] = w.length % 2 ? w[w.length >> 1]! : (w[w.length / 2 - 1]! + w[w.length / 2]!) / 2;
  }
  return out;
}

/** Where a foot's degrees came from: the pixel track, or (when the track did not follow the foot) the pose model's angle times its gain. */
export type FootDegreesSource = 'pixel-tracker' | 'pose-model';

export interface RefineOptions {
  /** Zero-phase low-pass cutoff for the written angle, Hz (default 3). */
  readonly cutoffHz?: number;
  /**
   * The pose model's angle gain for this recording (its posture's correction): when a foot's track
   * disagrees with the pose model (trackAgreement below MIN_TRACK_POSE_AGREEMENT), that foot's
   * angle is the pose model's times this gain instead. Default 1.
   */
  readonly poseGain?: number;
}

export interface RefinedRecording {
  readonly frames: LandmarkFrame[];
  readonly degrees: Readonly<Record<Side, FootDegreesSource>>;
  /** trackAgreement per foot (null: not judged). */
  readonly agreement: Readonly<Record<Side, number | null>>;
}

/**
 * The frames of a recording refined with hindsight: short losses of the foot are bridged (see
 * bridgeGaps), then each foot's angle is low-passed with zero phase over each unbroken run of
 * tracked frames before being written. A foot whose track disagrees with the pose model gets the
 * pose model's angle (times `poseGain`, low-passed the same way) instead.
 */
export function refineRecording(
  rec: RecordedTracks,
  sampleHz: number,
  options: RefineOptions = {},
): RefinedRecording {
  if (rec.frames.length !== rec.tracks.length) {
    throw new RangeError(`${rec.frames.length} frames but ${rec.tracks.length} tracks`);
  }
  const cutoffHz = options.cutoffHz ?? 3;
  const poseGain = options.poseGain ?? 1;
  if (!(poseGain > 0 && poseGain <= 5)) throw new RangeError(`poseGain must be in (0, 5], got ${poseGain}`);
  const lp = (xs: number[]) => (sampleHz / 2 > cutoffHz ? zeroPhaseLowPass(xs, sampleHz, cutoffHz) : xs);
  let out = rec.frames.slice();
  const degrees: Record<Side, FootDegreesSource> = { left: 'pixel-tracker', right: 'pixel-tracker' };
  const agreement: Record<Side, number | null> = { left: null, right: null };
  for (const side of ['left', 'right'] as const) {
    agreement[side] = trackAgreement(rec, side, sampleHz, cutoffHz);
    if (trackRejected(rec, side, agreement[side])) {
      degrees[side] = 'pose-model';
      const pose = rec.frames.map((f) => poseRaw(legAnchor(f, side)));
      // The pose model's foot points jump in single frames; a running median of 5 drops those
      // before the low-pass spreads them (a jump in the first frames would become a fake move).
      const smooth = lp(median5(pose.map((p) => (p ? poseGain * p.rawDeg : Number.NaN))));
      out = out.map((f, i) => {
        const p = pose[i];
        if (!p || !Number.isFinite(smooth[i]!)) return f;
        const t: LegTrack = { state: 'tracking', ...p, rawDeg: smooth[i]!, confidence: 0 };
        return refineFrame(f, side, t);
      });
      continue;
    }
    const tracks = bridgeGaps(
      rec.frames,
      rec.tracks.map((t) => t[side]),
      side,
      Math.round(MAX_BRIDGE_S * sampleHz),
    );
    const raw = tracks.map((t) => (t.state === 'tracking' ? t.rawDeg : Number.NaN));
    const smooth = lp(raw);
    out = out.map((f, i) => refineFrame(f, side, tracks[i]!, smooth[i]));
  }
  return { frames: out, degrees, agreement };
}
