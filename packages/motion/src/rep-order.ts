// Which end a person's reps start with, read again from where they pause. The state machine takes
// the order from the first way the foot leaves a rest (rep-states.ts) and otherwise assumes toes
// down first, as instructed. A person who starts each rep toes up but did not show it then (a
// restless start, a gap, a first toes-up end too small to open a rep through the filters) was
// paired toes down with the next rep's toes up for the rest of the set: the count comes out the
// same, but every rep's toes-up end, its hold and a leg-moved flag belonged to the rep after.
//
// A person who comes back to neutral between reps pauses there: after the toes-up end when they
// start toes down, after the toes-down end when they start toes up. Read toes down first, the
// second kind pauses inside each rep (on the way from its toes-down end up to its toes-up end) and
// never between reps; that pattern, twice running, says they start toes up.

import { type RepState, type StepLimits, type ToesDown, type ToesUp, upFirstOpening } from './rep-states.ts';
import type { SampleRing } from './sample-ring.ts';

/** A pause: the angle within `band` for at least this long, ms (between-rep rests are 0.2 s and more). */
const PAUSE_MS = 150;
/** ...somewhere in the middle of the swing (this share of it away from either end). */
const PAUSE_AWAY_SHARE = 0.2;
/** ...within this share of the swing, or the engine's still band if that is more. */
const PAUSE_BAND_SHARE = 0.12;
/** The pattern must hold for this many reps running. */
const RUNS = 2;

export interface OrderWatch {
  /**
   * After the state machine stepped from `before` to `after`: a swing between two peaks that ended
   * is read for a pause; when the pauses say this down-first reading's person starts each rep toes
   * up, returns `after` with the toes-up peak that completes the rep under way also opening the
   * next, up-first (the count stays what it was). Else null.
   */
  step(before: RepState, after: RepState, lim: StepLimits): ToesDown | null;
  reset(): void;
}

/** Whether the angle rested PAUSE_MS or more mid-way between the peaks at `fromSeq` and `toSeq`. */
export function pausedMidSwing(ring: SampleRing, fromSeq: number, toSeq: number, stillDeg: number): boolean {
  if (!ring.has(fromSeq) || !ring.has(toSeq) || toSeq - fromSeq < 3) return false;
  const a0 = ring.a(fromSeq);
  const swingDeg = ring.a(toSeq) - a0;
  const span = Math.abs(swingDeg);
  const band = Math.max(stillDeg, PAUSE_BAND_SHARE * span);
  if (span < 2 * band) return false;
  const lo = Math.min(a0, a0 + swingDeg) + PAUSE_AWAY_SHARE * span;
  const hi = Math.max(a0, a0 + swingDeg) - PAUSE_AWAY_SHARE * span;
  let runFrom = fromSeq + 1;
  let runLow = ring.a(runFrom);
  let runHigh = runLow;
  for (let q = fromSeq + 2; q < toSeq; q++) {
    const d = ring.a(q);
    const low = Math.min(runLow, d);
    const high = Math.max(runHigh, d);
    if (high - low > band) {
      runFrom = q;
      runLow = d;
      runHigh = d;
      continue;
    }
    runLow = low;
    runHigh = high;
    const mid = (low + high) / 2;
    if (mid >= lo && mid <= hi && ring.t(q) - ring.t(runFrom) >= PAUSE_MS) return true;
  }
  return false;
}

/** Reads the swings of the filtered angle in `ring` (the samples the state machine's seqs name). */
export function createOrderWatch(ring: SampleRing): OrderWatch {
  // The last RUNS swings each way, newest in bit 0: 1 = paused mid-way.
  const full = (1 << RUNS) - 1;
  let ups = 0;
  let upsSeen = 0;
  let downs = 0;
  let downsSeen = 0;
  /** The swing under way began at a peak (a turn), not at a rest: it is read when it ends. */
  let swingFromTurn = false;
  const swingEnded = (s: ToesDown | ToesUp, stillDeg: number) => {
    const paused = pausedMidSwing(ring, s.swingStartSeq, s.extremeSeq, stillDeg) ? 1 : 0;
    if (s.kind === 'toes-up') {
      ups = ((ups << 1) | paused) & full;
      upsSeen = Math.min(RUNS, upsSeen + 1);
    } else {
      downs = ((downs << 1) | paused) & full;
      downsSeen = Math.min(RUNS, downsSeen + 1);
    }
  };
  const pausesSayUpFirst = () => upsSeen === RUNS && downsSeen === RUNS && ups === full && downs === 0;
  return {
    step(before, after, lim) {
      if (before.kind === after.kind || (after.kind !== 'toes-down' && after.kind !== 'toes-up')) return null;
      if (before.kind !== 'toes-down' && before.kind !== 'toes-up') {
        swingFromTurn = false;
        return null;
      }
      if (swingFromTurn) swingEnded(before, lim.stillDeg);
      swingFromTurn = true;
      if (before.kind !== 'toes-up' || after.kind !== 'toes-down' || before.rep === null) return null;
      if (before.order !== 'down-first' || after.order !== 'down-first' || !pausesSayUpFirst()) return null;
      const rep = upFirstOpening(before, before.origin, lim);
      return rep ? { ...after, rep, order: 'up-first' } : null;
    },
    reset() {
      ups = 0;
      upsSeen = 0;
      downs = 0;
      downsSeen = 0;
      swingFromTurn = false;
    },
  };
}
