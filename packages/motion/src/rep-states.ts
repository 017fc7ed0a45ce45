// The rep engine's states as data, and one small pure step function per state: settling (learning
// neutral from a rest), resting, heading toes down, heading toes up, resuming after a gap. A step
// takes a state and one filtered sample and returns the next state (the same object when nothing
// changed); the tracker turns the transitions into events.

/** Where the swing under way began: seen from a rest, or after a gap (unseen). */
export type SwingOrigin = SeenOrigin | AfterGap;

export interface SeenOrigin {
  readonly seen: true;
}

/**
 * After a gap the movement may have begun unseen: a swing is trusted only from a still moment (a
 * plateau) seen since. `stillDeg`/`stillSinceTMs` follow the current candidate still moment.
 */
export interface AfterGap {
  readonly seen: false;
  readonly stillAtDeg: number;
  readonly stillSinceTMs: number;
  /** The first still moment that lasted `holdStartMs` after the gap, or null. */
  readonly plateau: { readonly deg: number; readonly seq: number } | null;
}

export const SEEN: SeenOrigin = { seen: true };

/** Not yet settled: a window of stillness that becomes neutral once it lasts `settleS`. */
export interface Settling {
  readonly kind: 'settling';
  readonly sinceTMs: number;
  readonly lowDeg: number;
  readonly highDeg: number;
  readonly sumDeg: number;
  readonly samples: number;
}

/** A gap just ended: the next sample anchors a rest whose swings are not yet trusted. */
export interface Resuming {
  readonly kind: 'resuming';
}

/** Settled, not swinging: waiting for the angle to leave `anchorDeg` by the hysteresis. */
export interface Resting {
  readonly kind: 'resting';
  readonly anchorDeg: number;
  /** The last sample near the anchor: where a swing that starts now began. */
  readonly swingStartSeq: number;
  readonly origin: SwingOrigin;
}

/** Moving toward, or holding, the toes-down end; `extremeDeg` is the lowest angle so far. */
export interface ToesDown {
  readonly kind: 'toes-down';
  readonly swingStartSeq: number;
  readonly extremeDeg: number;
  readonly extremeSeq: number;
  readonly origin: SwingOrigin;
}

/** A confirmed toes-down peak that starts a rep (its swing began on our watch). */
export interface RepOpening {
  readonly startSeq: number;
  readonly plantarSeq: number;
  readonly plantarDeg: number;
}

/** After a toes-down peak: moving toward, or holding, the toes-up end; `extremeDeg` the highest so far. */
export interface ToesUp {
  readonly kind: 'toes-up';
  /** The rep this toes-up swing completes, or null (its toes-down swing began unseen). */
  readonly rep: RepOpening | null;
  readonly extremeDeg: number;
  readonly extremeSeq: number;
}

export type RepState = Settling | Resuming | Resting | ToesDown | ToesUp;

/** One filtered sample, degrees from neutral, with its place in the tracker's sample ring. */
export interface StepSample {
  readonly tMs: number;
  readonly seq: number;
  readonly deg: number;
}

/** The thresholds in force for this sample (the hysteresis moves with range and noise). */
export interface StepLimits {
  readonly hysteresisDeg: number;
  readonly stillDeg: number;
  readonly holdStartMs: number;
  /**
   * A toes-up swing ends by coming back to neutral only from a peak at least this high, degrees
   * (-Infinity: from any). Below it the "peak" is where a person who starts each rep toes up
   * rests after the toes-down end, and their next toes-up end is still to come.
   */
  readonly toesUpPeakFromDeg: number;
}

export const SETTLING: Settling = {
  kind: 'settling',
  sinceTMs: 0,
  lowDeg: 0,
  highDeg: 0,
  sumDeg: 0,
  samples: 0,
};
export const RESUMING: Resuming = { kind: 'resuming' };

/**
 * Adds one sample to the stillness window, or starts a new window when the angle left `stillDeg`
 * or the leg moved (`legMoved`). The caller decides when the window has lasted long enough.
 */
export function stepSettling(
  s: Settling,
  tMs: number,
  deg: number,
  stillDeg: number,
  legMoved: boolean,
): Settling {
  const restart =
    s.samples === 0 || Math.max(s.highDeg, deg) - Math.min(s.lowDeg, deg) > stillDeg || legMoved;
  if (restart) return { kind: 'settling', sinceTMs: tMs, lowDeg: deg, highDeg: deg, sumDeg: deg, samples: 1 };
  return {
    kind: 'settling',
    sinceTMs: s.sinceTMs,
    lowDeg: Math.min(s.lowDeg, deg),
    highDeg: Math.max(s.highDeg, deg),
    sumDeg: s.sumDeg + deg,
    samples: s.samples + 1,
  };
}

/** The first sample after a gap anchors a rest whose swings wait for a plateau. */
export function resumeAt(x: StepSample): Resting {
  return {
    kind: 'resting',
    anchorDeg: x.deg,
    swingStartSeq: x.seq,
    origin: { seen: false, stillAtDeg: x.deg, stillSinceTMs: x.tMs, plateau: null },
  };
}

/** After a gap: follows still moments and records the first that lasts `holdStartMs`. */
function watchForPlateau(o: SwingOrigin, x: StepSample, lim: StepLimits): SwingOrigin {
  if (o.seen) return o;
  if (Math.abs(x.deg - o.stillAtDeg) > lim.stillDeg) {
    return { seen: false, stillAtDeg: x.deg, stillSinceTMs: x.tMs, plateau: o.plateau };
  }
  if (o.plateau === null && x.tMs - o.stillSinceTMs >= lim.holdStartMs) {
    return { ...o, plateau: { deg: x.deg, seq: x.seq } };
  }
  return o;
}

/** Resting: a plateau after a gap re-anchors and trusts; leaving the anchor by the hysteresis starts a swing. */
export function stepResting(s: Resting, x: StepSample, lim: StepLimits): Resting | ToesDown | ToesUp {
  let origin = watchForPlateau(s.origin, x, lim);
  let anchorDeg = s.anchorDeg;
  if (!origin.seen && origin.plateau) {
    anchorDeg = origin.plateau.deg;
    origin = SEEN;
  }
  const swingStartSeq = Math.abs(x.deg - anchorDeg) <= lim.stillDeg ? x.seq : s.swingStartSeq;
  const h = lim.hysteresisDeg;
  if (x.deg < anchorDeg - h) {
    return { kind: 'toes-down', swingStartSeq, extremeDeg: x.deg, extremeSeq: x.seq, origin };
  }
  if (x.deg > anchorDeg + h) return { kind: 'toes-up', rep: null, extremeDeg: x.deg, extremeSeq: x.seq };
  if (origin === s.origin && anchorDeg === s.anchorDeg && swingStartSeq === s.swingStartSeq) return s;
  return { kind: 'resting', anchorDeg, swingStartSeq, origin };
}

/**
 * Heading toes down: a new low extends the swing; rising the hysteresis above it confirms the
 * toes-down peak, which opens a rep only if its swing began on our watch (or from a plateau seen
 * after a gap at least the hysteresis above the peak).
 */
export function stepToesDown(s: ToesDown, x: StepSample, lim: StepLimits): ToesDown | ToesUp {
  const origin = watchForPlateau(s.origin, x, lim);
  if (x.deg <= s.extremeDeg) return { ...s, extremeDeg: x.deg, extremeSeq: x.seq, origin };
  if (x.deg > s.extremeDeg + lim.hysteresisDeg) {
    const plateau = origin.seen ? null : origin.plateau;
    const fromPlateau = plateau !== null && plateau.deg - s.extremeDeg >= lim.hysteresisDeg;
    const rep =
      origin.seen || fromPlateau
        ? {
            startSeq: plateau && fromPlateau ? plateau.seq : s.swingStartSeq,
            plantarSeq: s.extremeSeq,
            plantarDeg: s.extremeDeg,
          }
        : null;
    return { kind: 'toes-up', rep, extremeDeg: x.deg, extremeSeq: x.seq };
  }
  return origin === s.origin ? s : { ...s, origin };
}

/**
 * Heading toes up: a new high extends the swing; falling the hysteresis below it, or coming back
 * to neutral past the hold band (a small toes-up peak may never be left by a full hysteresis),
 * confirms the toes-up peak: the rep is complete and the next toes-down swing starts there.
 */
export function stepToesUp(s: ToesUp, x: StepSample, lim: StepLimits): ToesUp | ToesDown {
  if (x.deg >= s.extremeDeg) return { ...s, extremeDeg: x.deg, extremeSeq: x.seq };
  if (x.deg < s.extremeDeg - lim.hysteresisDeg || backToNeutral(s, x.deg, lim)) {
    return {
      kind: 'toes-down',
      swingStartSeq: s.extremeSeq,
      extremeDeg: x.deg,
      extremeSeq: x.seq,
      origin: SEEN,
    };
  }
  return s;
}

function backToNeutral(s: ToesUp, deg: number, lim: StepLimits): boolean {
  if (s.rep === null || s.extremeDeg < lim.toesUpPeakFromDeg) return false;
  const band = Math.max(3, 0.1 * (s.extremeDeg - s.rep.plantarDeg));
  return deg <= Math.min(lim.stillDeg, s.extremeDeg - band - 1);
}

/**
 * Keeps the samples a state points at inside a ring of `keep` samples: a very long pause shortens
 * the swing's start, and a toes-down peak that left the ring can no longer open a rep.
 */
export function keepInRing(s: RepState, seq: number, keep: number): RepState {
  const oldest = seq - keep;
  switch (s.kind) {
    case 'settling':
    case 'resuming':
      return s;
    case 'resting':
    case 'toes-down':
      return s.swingStartSeq <= oldest ? { ...s, swingStartSeq: oldest } : s;
    case 'toes-up':
      if (s.rep === null) return s;
      if (s.rep.plantarSeq <= oldest) return { ...s, rep: null };
      return s.rep.startSeq <= oldest ? { ...s, rep: { ...s.rep, startSeq: oldest } } : s;
  }
}
