// Whether a foot's pixel track is the foot: judged over a whole recording against the pose model's
// own angle (which goes the right way, too small) and by how firmly the track matched its views.
import type { Side } from '@anklepump/motion';
import { legAnchor, poseRaw } from './pose-leg.ts';
import type { RecordedTracks } from './refine-frames.ts';
import { zeroPhaseLowPass } from './zero-phase.ts';

/** Below this correlation with the pose model's own angle, a foot's pixel track is not the foot. */
export const MIN_TRACK_POSE_AGREEMENT = 0.7;
/** Frames both must have measured before their agreement is judged. */
const MIN_AGREEMENT_FRAMES = 20;

/**
 * Pearson correlation, over the frames where both measured, of the pixel track's angle and the pose
 * model's own angle for `side`, both low-passed (null: fewer than MIN_AGREEMENT_FRAMES frames, or
 * one of them never moved). The pose model's swing is too small but goes the right way; a track
 * that goes the other way or wanders on its own has latched onto something else (the other foot
 * behind it, a trouser cuff, the bed).
 */
export function trackPoseAgreement(
  rec: RecordedTracks,
  side: Side,
  sampleHz: number,
  cutoffHz = 3,
  poseSide: Side = side,
): number | null {
  const lp = (xs: number[]) => (sampleHz / 2 > cutoffHz ? zeroPhaseLowPass(xs, sampleHz, cutoffHz) : xs);
  const pose = lp(rec.frames.map((f) => poseRaw(legAnchor(f, poseSide))?.rawDeg ?? Number.NaN));
  const track = lp(rec.tracks.map((t) => (t[side].state === 'tracking' ? t[side].rawDeg : Number.NaN)));
  const idx = pose.flatMap((p, i) => (Number.isFinite(p + track[i]!) ? [i] : []));
  const n = idx.length;
  if (n < MIN_AGREEMENT_FRAMES) return null;
  const mx = idx.reduce((a, i) => a + pose[i]!, 0) / n;
  const my = idx.reduce((a, i) => a + track[i]!, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const i of idx) {
    sxy += (pose[i]! - mx) * (track[i]! - my);
    sxx += (pose[i]! - mx) ** 2;
    syy += (track[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/**
 * How well `side`'s pixel track agrees with the pose model: the better of its agreement with the
 * pose model's angle for the same label and for the other one (null when neither can be judged).
 * In a side view the pose model often puts the moving near foot's points under the other leg's
 * label and this label on the still foot behind it; a track that follows the moving foot then
 * agrees with the other label only. Tuning clips: on 2 of 24 the track followed the foot (0.99 and
 * 1.00 correlation with the true angle, gains 0.88 and 1.14) while this label's pose angle hardly
 * moved (agreement -0.04 and -0.09; with the other label 0.82 and 0.90), and the fallback to this
 * label's pose angle counted 0 of 2 and 6 of 2 reps. A track that followed the still foot agrees
 * with neither (the other clips where the track was rejected: -0.9 to 0.52 either way).
 */
export function trackAgreement(
  rec: RecordedTracks,
  side: Side,
  sampleHz: number,
  cutoffHz = 3,
): number | null {
  const own = trackPoseAgreement(rec, side, sampleHz, cutoffHz);
  const other = trackPoseAgreement(rec, side, sampleHz, cutoffHz, side === 'left' ? 'right' : 'left');
  if (own === null) return other;
  return other === null ? own : Math.max(own, other);
}

/** A track matched at least this well (NCC)... */
export const FIRM_MATCH = 0.9;
/** ...in at least this share of the frames where the pose model saw the leg is firmly followed. */
export const FIRM_SHARE = 0.8;
/**
 * A firmly followed track is kept while it turns the same way as the pose model at least this
 * closely (correlation). Where the pose model's own foot hardly moves (fast reps with no holds: its
 * swing 2 deg of standard deviation for a true 39) or follows the truth poorly, the agreement of a
 * right track fell below MIN_TRACK_POSE_AGREEMENT: tuning clips tune-w-06 (0.69) and tune-w-10
 * (0.46), whose tracks correlate with the true angle at 0.99 and 0.98, matched at NCC >= 0.95 in
 * 90% of their frames. The wrong tracks of the tuning clips matched less firmly (NCC 0.6-0.76 in a
 * tenth of their frames) or turned the other way (-0.36 at 0.89).
 */
export const MIN_FIRM_TRACK_AGREEMENT = 0.3;

/**
 * The share of the frames with `side`'s leg in which its pixel track matched at FIRM_MATCH or better
 * (0 with fewer than MIN_AGREEMENT_FRAMES such frames): a track that slipped onto something else
 * stops matching its views; one latched onto the still far foot matches firmly too, but does not
 * turn with the pose model's foot, so its agreement stays low.
 */
export function firmShare(rec: RecordedTracks, side: Side): number {
  let seen = 0;
  let firm = 0;
  for (const t of rec.tracks) {
    const s = t[side];
    if (s.state === 'no-leg') continue;
    seen++;
    if (s.state === 'tracking' && s.confidence >= FIRM_MATCH) firm++;
  }
  return seen >= MIN_AGREEMENT_FRAMES ? firm / seen : 0;
}

/**
 * The rule `analyze` and the live session both judge a track by: it is the foot when it agrees with
 * the pose model's angle (correlation `agreement`) at MIN_TRACK_POSE_AGREEMENT, or when it matched
 * firmly (FIRM_MATCH in a `firmShareOfFrames` of FIRM_SHARE or more) and still turns the same way
 * (MIN_FIRM_TRACK_AGREEMENT).
 */
export function trackIsTheFoot(agreement: number, firmShareOfFrames: number): boolean {
  return (
    agreement >= MIN_TRACK_POSE_AGREEMENT ||
    (agreement >= MIN_FIRM_TRACK_AGREEMENT && firmShareOfFrames >= FIRM_SHARE)
  );
}

/** Whether `side`'s recorded track is not the foot (`agreement` from trackAgreement; null: not judged). */
export function trackRejected(rec: RecordedTracks, side: Side, agreement: number | null): boolean {
  return agreement !== null && !trackIsTheFoot(agreement, firmShare(rec, side));
}
