// Whether the pixel tracker's angle follows the foot, judged live against the pose model's own
// angle. The pose model's foot swing is too small but goes the right way; a track that moves the
// other way, or on its own, has latched onto something else (the far foot behind, a trouser cuff),
// and its degrees and reps are not the foot's. `analyze` judges this over the whole recording with
// hindsight (the pose package's trackAgreement); the live camera judges it over the last few
// seconds, so a session that started on the wrong patch says so within one or two pumps.
import { FIRM_MATCH, trackIsTheFoot } from '@anklepump/pose';

/** The window judged, ms: two or three pumps with their holds. */
export const AGREEMENT_WINDOW_MS = 8_000;
/** Frames with both angles in the window before it is judged. */
const MIN_FRAMES = 20;
/** The pose model's angle must move at least this much (standard deviation, degrees) to judge by. */
const MIN_POSE_SD_DEG = 3;

export type TrackAgreement =
  /** Not judged yet: too few frames, or the foot has not moved enough to tell. */
  'unknown' | 'agrees' | 'disagrees';

export interface TrackAgreementMeter {
  /**
   * One frame: the pose model's raw angle and the tracked one (NaN when the tracker had no angle),
   * and how well the foot's patch matched (NCC 0..1; 0 when not known).
   */
  push(tMs: number, poseDeg: number, trackDeg: number, trackMatch?: number): TrackAgreement;
  /** The correlation last judged, or null. */
  readonly correlation: number | null;
}

export function createTrackAgreement(): TrackAgreementMeter {
  const ts: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  /** Whether each frame's patch matched firmly (FIRM_MATCH). */
  const firm: boolean[] = [];
  let correlation: number | null = null;
  let verdict: TrackAgreement = 'unknown';
  return {
    get correlation() {
      return correlation;
    },
    push(tMs, poseDeg, trackDeg, trackMatch = 0) {
      if (Number.isFinite(poseDeg) && Number.isFinite(trackDeg)) {
        ts.push(tMs);
        xs.push(poseDeg);
        ys.push(trackDeg);
        firm.push(trackMatch >= FIRM_MATCH);
      }
      while (ts.length > 0 && ts[0]! < tMs - AGREEMENT_WINDOW_MS) {
        ts.shift();
        xs.shift();
        ys.shift();
        firm.shift();
      }
      const n = xs.length;
      if (n < MIN_FRAMES) return verdict;
      let mx = 0;
      let my = 0;
      for (let i = 0; i < n; i++) {
        mx += xs[i]!;
        my += ys[i]!;
      }
      mx /= n;
      my /= n;
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let i = 0; i < n; i++) {
        const dx = xs[i]! - mx;
        const dy = ys[i]! - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
      // A still foot tells nothing; the last verdict stands until it moves again.
      if (Math.sqrt(sxx / n) < MIN_POSE_SD_DEG || !(syy > 0)) return verdict;
      correlation = sxy / Math.sqrt(sxx * syy);
      // The pose package's rule for recordings (trackIsTheFoot), over this window.
      verdict = trackIsTheFoot(correlation, firm.filter(Boolean).length / n) ? 'agrees' : 'disagrees';
      return verdict;
    },
  };
}
