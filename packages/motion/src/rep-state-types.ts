// The rep engine's states as data: settling (learning neutral from a rest), resting, heading toes
// down, heading toes up, resuming after a gap; the sample and the limits a step takes. The steps
// between them are in rep-states.ts; the tracker turns the transitions into events.

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
  /**
   * 'departure': this is a rest, and the way the foot leaves it is the way the person's reps start
   * (toes up first makes an up-first set; a replay of what came before neutral was known starts
   * this way too), unless the anchor lies more than the hysteresis below neutral: that is a
   * toes-down hold (a replay that began in one, a foot lowered into place), and a rise from it
   * starts reps toes down, as instructed. 'instructed': not a rest but where the signal after a
   * gap begins, perhaps mid-rep: its first swing says nothing, and reps start toes down, as
   * instructed (or a rest that completed a rep waiting at a small toes-up end). 'up-first': the
   * signal after a gap, from a person whose last counted rep started toes up: their reps go on
   * starting toes up, whichever way the foot leaves (a toes-down end first is the end of a rep the
   * gap hid the start of).
   */
  readonly orderFrom: 'departure' | 'instructed' | 'up-first';
  readonly anchorDeg: number;
  /**
   * The share of the hysteresis a swing must leave the anchor by (`stillDeg` at least), or absent:
   * all of it. Set on a rest a still toes-down swing became (`STILLED_LEAVE_SHARE`).
   */
  readonly leaveShare?: number;
  /**
   * The first of the samples away from the anchor (more than `stillDeg`) since the last one near
   * it, or null while the foot is near it: a swing that starts now began at the sample before
   * (`restingSwingStart`). Kept this way, a rest changes state only when the foot crosses that
   * band, not at every sample (a resting far leg is most of an engine's samples).
   */
  readonly awaySinceSeq: number | null;
  readonly origin: SwingOrigin;
  /**
   * While the anchor lies more than `stillDeg` from neutral, the still moment the foot is in now
   * (`RestStill`): lasting REANCHOR_MS nearer neutral, it becomes the anchor (rest-anchor.ts). Null
   * while the anchor is near neutral, or the foot is moving.
   */
  readonly still: RestStill | null;
}

/** A still moment while resting: its first sample, when it began, and its samples' sum and count. */
export interface RestStill {
  readonly fromDeg: number;
  readonly sinceTMs: number;
  readonly sumDeg: number;
  readonly samples: number;
}

/**
 * Which end a rep starts with. A person who starts each rep toes down ('down-first', as instructed)
 * pairs a toes-down peak with the toes-up peak after it; one who starts toes up ('up-first') pairs a
 * toes-up peak with the toes-down peak after it, so the last rep of their set ends toes down.
 */
export type RepOrder = 'down-first' | 'up-first';

/** What a swing toward either end carries. */
export interface SwingFields {
  readonly swingStartSeq: number;
  /** Where the swing began, degrees: the rest's anchor, or the peak it turned at. */
  readonly startDeg: number;
  readonly extremeDeg: number;
  readonly extremeSeq: number;
  /** Whether the swing began on our watch (a swing that opens a rep must have). */
  readonly origin: SwingOrigin;
  /** The rep this swing completes (its first end is confirmed), or null: it opens one, or none. */
  readonly rep: RepOpening | null;
  readonly order: RepOrder;
}

/** Moving toward, or holding, the toes-down end; `extremeDeg` is the lowest angle so far. */
export interface ToesDown extends SwingFields {
  readonly kind: 'toes-down';
  /**
   * A down-first swing with no rep under way, still within `stillDeg` of neutral since `sinceTMs`
   * and never lower, or absent: a rest, not a toes-down end (`StepLimits.restEndsSwingMs`).
   */
  readonly nearRest?: NearRest;
}

/** A rep's confirmed first end (toes down, or toes up for an up-first person), its swing begun on our watch. */
export interface RepOpening {
  readonly startSeq: number;
  readonly firstSeq: number;
  readonly firstDeg: number;
  /** Where the rep's first swing began (a rest, or the last rep's end), degrees. */
  readonly fromDeg: number;
}

/** Moving toward, or holding, the toes-up end; `extremeDeg` the highest so far. */
export interface ToesUp extends SwingFields {
  readonly kind: 'toes-up';
  /**
   * A down-first rep's foot still within `stillDeg` of neutral since `sinceTMs` (its angles in
   * `lowDeg`..`highDeg`), or absent: see `StepLimits.restEndsRepMs`.
   */
  readonly nearRest?: NearRest;
}

/** A still moment near neutral while a rep waits for its toes-up end to be left. */
export interface NearRest {
  readonly sinceTMs: number;
  readonly lowDeg: number;
  readonly highDeg: number;
}

export type RepState = Settling | Resuming | Resting | ToesDown | ToesUp;

/** Whether `st` is swinging with a rep under way (its first end reached). */
export function holdsRep(st: RepState): st is (ToesDown | ToesUp) & { readonly rep: RepOpening } {
  return (st.kind === 'toes-down' || st.kind === 'toes-up') && st.rep !== null;
}

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
   * rests after the toes-down end, and their next toes-up end is still to come. Likewise an
   * up-first swing opens a rep only from a toes-up peak this far above where the swing began
   * (`firstEndHystereses` hystereses while it is -Infinity): a lower one is a wobble before a
   * toes-down start.
   */
  readonly toesUpPeakFromDeg: number;
  /** How many hystereses a first toes-up end must rise while `toesUpPeakFromDeg` is -Infinity. */
  readonly firstEndHystereses: number;
  /**
   * A down-first rep whose toes-up end is under `stillDeg` above neutral is never left by the
   * hysteresis nor by coming back past the hold band: the foot just rests there, and the rep would
   * wait for the next pump (for ever after a set's last one; a recording's end completes it). A
   * still moment near neutral this long (ms) completes it (Infinity: never; the tracker allows it
   * once the person has a counted rep).
   */
  readonly restEndsRepMs: number;
  /**
   * A down-first swing toward toes down with no rep under way (from the toes-up end that completed
   * the last one) that stays this long, ms, within `stillDeg` of neutral and never lower, is the
   * foot back at rest (Infinity: never): the rest after a set, or a pause between reps. Waiting
   * there as a toes-down swing, the landmarks' wander made the "toes-down end" of a rep that never
   * was, completed by the next small rise (the stress set's feet resting after their set, their
   * fidget at most 1.5 deg). From the rest, a swing must leave it first (`STILLED_LEAVE_SHARE`).
   * A restless foot's fidget of 3-4 deg never stays that still for so long, and still makes such
   * reps (tuning seeds 22026: an 8-deg rep 4.7 s after the last 36-deg pump; 27011: 7 deg after
   * 30, 0.5 s after the foot came back).
   */
  readonly restEndsSwingMs: number;
  /**
   * The person's pauses say they start each rep toes up (rep-order.ts `pausesSayUpFirst`, read
   * after the last sample): an up-first rep that began at the last rep's toes-down end ends at a
   * toes-down peak a share of the hysteresis below neutral, not the whole of it (`upFirstEnded`).
   */
  readonly upFirstFromPauses: boolean;
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
