// Judges one camera frame for the set-up wizard: can the pose model see a side view of the knee,
// ankle, heel and toes of one leg, in enough light? Returns the first thing the patient must fix.
import { BLAZEPOSE, type LandmarkFrame } from '@anklepump/motion';

export type ViewProblem = 'no-person' | 'light' | 'back' | 'foot' | 'turn';
export type ViewVerdict = ViewProblem | 'good';

/** Thresholds, documented so a reviewer can see what "good" means. */
export const VIEW_LIMITS = {
  /** Mean luma (0..255) below this is too dark for the model. */
  minLuma: 45,
  /** Landmarks the estimator is this unsure of count as not seen (0..1). */
  minVisibility: 0.5,
  /** A landmark this close to the picture edge (normalized) is about to leave it. */
  edge: 0.02,
  /** Foot (heel to toe) shorter than this share of the shank in 2D: the camera looks along the foot. */
  minFootToShank: 0.28,
} as const;

const LEGS = [
  [BLAZEPOSE.leftKnee, BLAZEPOSE.leftAnkle, BLAZEPOSE.leftHeel, BLAZEPOSE.leftFootIndex],
  [BLAZEPOSE.rightKnee, BLAZEPOSE.rightAnkle, BLAZEPOSE.rightHeel, BLAZEPOSE.rightFootIndex],
] as const;

/**
 * The verdict for one frame. `lumaMean` is the picture's mean brightness (0..255). The better-seen
 * leg is judged, because a side view shows one leg well and guesses the other.
 */
export function checkView(frame: LandmarkFrame, lumaMean: number): ViewVerdict {
  if (lumaMean < VIEW_LIMITS.minLuma) return 'light';
  const lm = frame.landmarks;
  if (!lm) return 'no-person';
  let best: { verdict: ViewVerdict; score: number } = { verdict: 'no-person', score: -1 };
  for (const idx of LEGS) {
    const pts = idx.map((i) => lm[i]);
    if (pts.some((p) => p === undefined)) continue;
    const [knee, ankle, heel, toe] = pts as [
      (typeof lm)[number],
      (typeof lm)[number],
      (typeof lm)[number],
      (typeof lm)[number],
    ];
    const vis = [knee, ankle, heel, toe].map((p) => p[3]);
    const score = vis.reduce((a, b) => a + b, 0);
    let verdict: ViewVerdict;
    const outside = [knee, ankle, heel, toe].some(
      (p) =>
        p[0] < VIEW_LIMITS.edge ||
        p[0] > 1 - VIEW_LIMITS.edge ||
        p[1] < VIEW_LIMITS.edge ||
        p[1] > 1 - VIEW_LIMITS.edge,
    );
    if (outside) verdict = 'back';
    else if (knee[3] < VIEW_LIMITS.minVisibility || ankle[3] < VIEW_LIMITS.minVisibility) verdict = 'back';
    else if (heel[3] < VIEW_LIMITS.minVisibility || toe[3] < VIEW_LIMITS.minVisibility) verdict = 'foot';
    else {
      const w = frame.widthPx;
      const h = frame.heightPx;
      const shank = Math.hypot((knee[0] - ankle[0]) * w, (knee[1] - ankle[1]) * h);
      const foot = Math.hypot((heel[0] - toe[0]) * w, (heel[1] - toe[1]) * h);
      verdict = shank > 0 && foot / shank >= VIEW_LIMITS.minFootToShank ? 'good' : 'turn';
    }
    if (score > best.score) best = { verdict, score };
  }
  return best.verdict;
}

/**
 * Smooths verdicts over frames: the view is good only after `needGood` good frames in a row,
 * and the advice shown is the most frequent problem of the recent frames (no flicker).
 */
export function createViewJudge(needGood = 10, window = 15): (v: ViewVerdict) => ViewVerdict {
  if (!(Number.isInteger(needGood) && needGood >= 1 && needGood <= 300)) {
    throw new RangeError(`needGood must be a whole number from 1 to 300, got ${needGood}`);
  }
  if (!(Number.isInteger(window) && window >= 1 && window <= 300)) {
    throw new RangeError(`window must be a whole number from 1 to 300, got ${window}`);
  }
  let goodRun = 0;
  const recent: ViewProblem[] = [];
  return (v) => {
    if (v === 'good') {
      goodRun++;
      if (goodRun >= needGood) return 'good';
    } else {
      goodRun = 0;
      recent.push(v);
      if (recent.length > window) recent.shift();
    }
    const counts = new Map<ViewProblem, number>();
    for (const p of recent) counts.set(p, (counts.get(p) ?? 0) + 1);
    let top: ViewProblem = 'no-person';
    let n = -1;
    for (const [p, c] of counts) if (c > n) [top, n] = [p, c];
    return recent.length === 0 ? 'no-person' : top;
  };
}
