// One small pure step function per state of the rep engine (rep-state-types.ts): settling,
// resting, heading toes down, heading toes up, resuming after a gap. A step takes a state and one
// filtered sample and returns the next state (the same object when nothing changed); the tracker
// turns the transitions into events.

import {
  type NearRest,
  type RepOpening,
  type RepOrder,
  type RepState,
  type Resting,
  type RestStill,
  SEEN,
  type Settling,
  type StepLimits,
  type StepSample,
  type SwingFields,
  type SwingOrigin,
  type ToesDown,
  type ToesUp,
} from './rep-state-types.ts';
import { followStill } from './rest-anchor.ts';
import { holdBandDeg } from './tracker-options.ts';

/** Where a swing that leaves a rest at sample `x` began: the last sample near its anchor. */
function restingSwingStart(awaySinceSeq: number | null, x: StepSample): number {
  return awaySinceSeq === null ? x.seq : awaySinceSeq - 1;
}

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

/**
 * At rest at `anchorDeg`, the rest seen as it happened (`SEEN`): where settling, a look-back's
 * replay, a rep's end or a still swing leave the foot. `leaveShare`: see `Resting`.
 */
export function restingAt(anchorDeg: number, orderFrom: Resting['orderFrom'], leaveShare?: number): Resting {
  const rest: Resting = {
    kind: 'resting',
    orderFrom,
    anchorDeg,
    awaySinceSeq: null,
    origin: SEEN,
    still: null,
  };
  return leaveShare === undefined ? rest : { ...rest, leaveShare };
}

/**
 * Where the signal after a gap begins, perhaps mid-rep: a rest whose swings wait for a plateau (the
 * foot may be anywhere in a rep there, and a plateau may be a hold). A person whose last counted rep
 * started toes up goes on being read toes up first: read as instructed (toes down first), their
 * reps after the gap paired each toes-down end with the next rep's toes-up end. Stress set tuning
 * seeds (IMU, 64 a family): exact 392 -> 393 of 448 (radio dropouts family 58 -> 59), camera
 * unchanged.
 */
export function resumeAt(x: StepSample, lastOrder: RepOrder | null): Resting {
  return {
    kind: 'resting',
    orderFrom: lastOrder === 'up-first' ? 'up-first' : 'instructed',
    anchorDeg: x.deg,
    awaySinceSeq: null,
    origin: { seen: false, stillAtDeg: x.deg, stillSinceTMs: x.tMs, plateau: null },
    still: null,
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
  // An anchor off neutral follows a still moment nearer it (rest-anchor.ts); the common case, an
  // anchor near neutral, has nothing to follow and allocates nothing.
  let still: RestStill | null = null;
  if (Math.abs(anchorDeg) > lim.stillDeg) {
    const followed = followStill(s.still, x, anchorDeg, lim.stillDeg);
    still = followed.still;
    anchorDeg = followed.anchorDeg;
  }
  const awaySinceSeq = Math.abs(x.deg - anchorDeg) <= lim.stillDeg ? null : (s.awaySinceSeq ?? x.seq);
  const h = lim.hysteresisDeg;
  const leaveDeg = s.leaveShare === undefined ? h : Math.max(lim.stillDeg, s.leaveShare * h);
  if (x.deg < anchorDeg - leaveDeg || x.deg > anchorDeg + leaveDeg) {
    const swing = {
      swingStartSeq: restingSwingStart(awaySinceSeq, x),
      startDeg: anchorDeg,
      extremeDeg: x.deg,
      extremeSeq: x.seq,
      origin,
      rep: null,
    };
    if (x.deg < anchorDeg)
      return { kind: 'toes-down', ...swing, order: s.orderFrom === 'up-first' ? 'up-first' : 'down-first' };
    // A "rest" more than the hysteresis below neutral is not one the person's reps start from but
    // a toes-down hold (or a foot being put in place): rising from it says nothing of their order.
    const fromToesDown = s.orderFrom === 'departure' && anchorDeg < -h;
    return {
      kind: 'toes-up',
      ...swing,
      order: s.orderFrom === 'instructed' || fromToesDown ? 'down-first' : 'up-first',
    };
  }
  if (
    origin === s.origin &&
    anchorDeg === s.anchorDeg &&
    awaySinceSeq === s.awaySinceSeq &&
    still === s.still
  ) {
    return s;
  }
  return { ...s, anchorDeg, awaySinceSeq, origin, still };
}

/**
 * The rep a swing's confirmed peak opens, or null: its start was seen, or after a gap a plateau at
 * least the hysteresis short of the peak (`sign` 1: a toes-down peak, the plateau above it; -1: a
 * toes-up peak, the plateau below it).
 */
function opening(s: SwingFields, origin: SwingOrigin, lim: StepLimits, sign: 1 | -1): RepOpening | null {
  const plateau = origin.seen ? null : origin.plateau;
  const fromPlateau = plateau !== null && sign * (plateau.deg - s.extremeDeg) >= lim.hysteresisDeg;
  if (!origin.seen && !fromPlateau) return null;
  return {
    startSeq: plateau && fromPlateau ? plateau.seq : s.swingStartSeq,
    firstSeq: s.extremeSeq,
    firstDeg: s.extremeDeg,
    fromDeg: s.startDeg,
  };
}

/** The swing after a confirmed peak at `s`'s extreme: toward the other end, begun there, on our watch. */
function turnAt<K extends 'toes-down' | 'toes-up'>(
  kind: K,
  s: SwingFields,
  x: StepSample,
  rep: RepOpening | null,
  order: RepOrder,
) {
  return {
    kind,
    swingStartSeq: s.extremeSeq,
    startDeg: s.extremeDeg,
    extremeDeg: x.deg,
    extremeSeq: x.seq,
    origin: SEEN,
    rep,
    order,
  };
}

/**
 * Heading toes down: a new low extends the swing; rising the hysteresis above it confirms the
 * toes-down peak. For a down-first person it opens a rep if its swing began on our watch (or from a
 * plateau seen after a gap at least the hysteresis above the peak); for an up-first person it
 * completes the rep its toes-up peak opened.
 */
export function stepToesDown(s: ToesDown, x: StepSample, lim: StepLimits): ToesDown | ToesUp | Resting {
  const origin = watchForPlateau(s.origin, x, lim);
  const nearRest = restEndingSwing(s, x, lim);
  if (nearRest && x.tMs - nearRest.sinceTMs >= lim.restEndsSwingMs) {
    return restingAt(x.deg, 'instructed', STILLED_LEAVE_SHARE);
  }
  if (x.deg <= s.extremeDeg) {
    return withNearRest({ ...s, extremeDeg: x.deg, extremeSeq: x.seq, origin }, nearRest);
  }
  if (x.deg > s.extremeDeg + lim.hysteresisDeg) {
    // An up-first rep is complete (the tracker measures it) when its toes-down end went below where
    // the rep began; the next opens at its toes-up peak. Not below it, the "toes-up end" was a
    // jump of the angle (a pose model's, on a dim clip: +74 deg), and this toes-down peak opens a
    // down-first rep as if it had never been.
    if (s.order === 'up-first' && s.rep && upFirstEnded(s.rep, s.extremeDeg, lim)) {
      return turnAt('toes-up', s, x, null, 'up-first');
    }
    // The toes-down end of an up-first rep whose toes-up end a gap hid: the next toes-up peak opens one.
    if (s.order === 'up-first' && s.rep === null) {
      return turnAt('toes-up', s, x, null, 'up-first');
    }
    return turnAt('toes-up', s, x, opening(s, origin, lim, 1), 'down-first');
  }
  return withNearRest(origin === s.origin ? s : { ...s, origin }, nearRest);
}

/**
 * A rest a still toes-down swing became (`StepLimits.restEndsSwingMs`) is left by this share of
 * the hysteresis (`stillDeg` at least), not all of it: the hysteresis scales with the person's
 * range, and a partial pump after a pause (-12 deg from a person who pumps 65) never left the
 * rest by it. Stress set tuning seeds (camera, 64 a family), with the rest at 1 s, exact / reps
 * counted wrong: the whole hysteresis 313 / 1,253, a half 316 / 1,233 (0.35 the same, 0.7 315).
 */
const STILLED_LEAVE_SHARE = 0.5;

/** The still moment at neutral `x` extends or starts, for a down-first swing with no rep under way. */
function restEndingSwing(s: ToesDown, x: StepSample, lim: StepLimits): NearRest | undefined {
  if (s.order !== 'down-first' || s.rep !== null || !Number.isFinite(lim.restEndsSwingMs)) return undefined;
  if (s.extremeDeg < -lim.stillDeg) return undefined;
  return stillNear(s.nearRest, x, lim);
}

/**
 * When the person's pauses say they start each rep toes up (`StepLimits.upFirstFromPauses`), an
 * up-first rep that began at the last rep's toes-down end (not at a rest: a jump of the angle from
 * a rest is what the whole hysteresis guards against) ends at a toes-down peak this share of the
 * hysteresis below neutral. The whole of it asked an up-first person whose noise bars raise the
 * hysteresis to half their range (26 deg for a 52-deg pump, tuning seed 20050), or whose neutral
 * sits low, to point the toes further than they do: the rep went back to being read toes down
 * first at the next toes-down end, and the order watch turned it round again two reps later, over
 * and over. Stress set tuning seeds (64 a family): camera sets paired in the wrong order 67 -> 63
 * of 576 (four turned right, none wrong), exact counts 347 either way (one set won, one lost),
 * leg-moved precision / recall 0.905 / 0.892 -> 0.904 / 0.893, spurious reps on resting feet 36
 * either way; phone 418 of 448 either way, reps counted wrong 53 -> 52. At 0 (any toes-down end
 * below neutral), camera 62 in the wrong order but 345 exact; the half share for every chained
 * up-first rep, pauses or not, 62 and 349 exact but 5 down-first people kept toes up first.
 */
const PAUSED_UP_FIRST_END_SHARE = 0.5;

/**
 * An up-first rep's toes-down end at `extremeDeg` went a hysteresis below neutral or where the rep
 * began (PAUSED_UP_FIRST_END_SHARE of it when the pauses say the person starts toes up and the
 * rep began at a toes-down end).
 */
export function upFirstEnded(rep: RepOpening, extremeDeg: number, lim: StepLimits): boolean {
  const share = lim.upFirstFromPauses && rep.fromDeg < -lim.stillDeg ? PAUSED_UP_FIRST_END_SHARE : 1;
  return extremeDeg <= Math.max(0, rep.fromDeg) - share * lim.hysteresisDeg;
}

/**
 * Heading toes up: a new high extends the swing; falling the hysteresis below it, or coming back
 * to neutral past the hold band (a small toes-up peak may never be left by a full hysteresis),
 * confirms the toes-up peak. For a down-first person the rep is complete and the next toes-down
 * swing starts there; for an up-first person the peak opens a rep, which the toes-down peak after
 * it completes, when it is high enough to be a first end (`toesUpPeakFromDeg`); a lower one is a
 * wobble, and the toes-down peak after it opens the rep (the person starts toes down after all).
 */
export function stepToesUp(s: ToesUp, x: StepSample, lim: StepLimits): ToesUp | ToesDown | Resting {
  const origin = s.order === 'up-first' ? watchForPlateau(s.origin, x, lim) : s.origin;
  const nearRest = restEndingRep(s, x, lim);
  if (nearRest && x.tMs - nearRest.sinceTMs >= lim.restEndsRepMs && s.extremeDeg >= lim.toesUpPeakFromDeg) {
    return restingAt(x.deg, 'instructed');
  }
  if (x.deg >= s.extremeDeg) {
    return withNearRest({ ...s, extremeDeg: x.deg, extremeSeq: x.seq, origin }, nearRest);
  }
  if (s.order === 'up-first') {
    if (!(x.deg < s.extremeDeg - lim.hysteresisDeg)) return origin === s.origin ? s : { ...s, origin };
    const rep = upFirstOpening(s, origin, lim);
    // A first end high enough whose start a gap hid: the person still starts toes up.
    const hidden = rep === null && !origin.seen && highEnough(s, lim);
    return turnAt('toes-down', s, x, rep, rep || hidden ? 'up-first' : 'down-first');
  }
  if (x.deg < s.extremeDeg - lim.hysteresisDeg || backToNeutral(s, x.deg, lim)) {
    return turnAt('toes-down', s, x, null, 'down-first');
  }
  return withNearRest(s, nearRest);
}

/**
 * The up-first rep the toes-up peak of `s` opens, or null when it is too low to be a first end.
 * How high it rose from where it began (a rest, or the last rep's toes-down end) decides: a
 * drifting neutral (a gravity-free phone) moves the peaks but not that. `risen`: the person's
 * order is already known to be up first (their first end was seen before their first rep), and
 * the peak, which completed that rep, opens the next whatever its height.
 */
export function upFirstOpening(
  s: ToesUp,
  origin: SwingOrigin,
  lim: StepLimits,
  risen: 'order-known' | 'height-decides' = 'height-decides',
): RepOpening | null {
  return risen === 'order-known' || highEnough(s, lim) ? opening(s, origin, lim, -1) : null;
}

/** The toes-up peak of `s` rose high enough from where it began to be an up-first rep's first end. */
function highEnough(s: ToesUp, lim: StepLimits): boolean {
  const fromDeg = Number.isFinite(lim.toesUpPeakFromDeg)
    ? lim.toesUpPeakFromDeg
    : lim.firstEndHystereses * lim.hysteresisDeg;
  return s.extremeDeg - s.startDeg >= fromDeg;
}

/** `s` with `nearRest` (the same object when that did not change). */
function withNearRest<S extends ToesUp | ToesDown>(s: S, nearRest: NearRest | undefined): S {
  if (s.nearRest === nearRest) return s;
  if (nearRest) return { ...s, nearRest };
  const { nearRest: _, ...rest } = s;
  return rest as S;
}

/** The still moment near neutral `x` extends or starts, for a down-first rep under way; else undefined. */
function restEndingRep(s: ToesUp, x: StepSample, lim: StepLimits): NearRest | undefined {
  if (s.order !== 'down-first' || s.rep === null || !Number.isFinite(lim.restEndsRepMs)) return undefined;
  return stillNear(s.nearRest, x, lim);
}

/** `r` extended by `x` while the foot stays within `stillDeg` of neutral and of itself; else a new one. */
function stillNear(r: NearRest | undefined, x: StepSample, lim: StepLimits): NearRest | undefined {
  if (Math.abs(x.deg) > lim.stillDeg) return undefined;
  if (r) {
    const lowDeg = Math.min(r.lowDeg, x.deg);
    const highDeg = Math.max(r.highDeg, x.deg);
    if (highDeg - lowDeg <= lim.stillDeg) {
      return lowDeg === r.lowDeg && highDeg === r.highDeg ? r : { sinceTMs: r.sinceTMs, lowDeg, highDeg };
    }
  }
  return { sinceTMs: x.tMs, lowDeg: x.deg, highDeg: x.deg };
}

function backToNeutral(s: ToesUp, deg: number, lim: StepLimits): boolean {
  if (s.rep === null || s.extremeDeg < lim.toesUpPeakFromDeg) return false;
  const band = holdBandDeg(s.extremeDeg - s.rep.firstDeg);
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
      return s.awaySinceSeq !== null && s.awaySinceSeq - 1 <= oldest ? { ...s, awaySinceSeq: oldest + 1 } : s;
    case 'toes-down':
    case 'toes-up': {
      const t: ToesDown | ToesUp = s.swingStartSeq <= oldest ? { ...s, swingStartSeq: oldest } : s;
      if (t.rep === null) return t;
      if (t.rep.firstSeq <= oldest) return { ...t, rep: null };
      return t.rep.startSeq <= oldest ? { ...t, rep: { ...t.rep, startSeq: oldest } } : t;
    }
  }
}
