// Compares what an engine reported with the generator's truth: exact counts, per-rep range, peak
// and hold errors, and the leg-movement flag, matching reps by the time of a peak (nearest first).

import type { RepMetrics } from '@anklepump/motion';
import type { RepLegMove } from './ankle-program.ts';
import type { SessionTruth } from './landmark-session.ts';

export interface SetScore {
  /**
   * The count is right: every rep that must count was reported (matched by time), and every
   * reported rep is a true rep that may count; a right total made of wrong reps is not exact.
   */
  readonly countExact: boolean;
  /** ...and the full/shallow split is right too. */
  readonly splitExact: boolean;
  readonly expected: number;
  /** `expected` plus the reps a gap at their edge leaves open. */
  readonly expectedMax: number;
  readonly counted: number;
  /** Per matched rep: reported minus true, degrees or seconds. */
  readonly rangeErrDeg: number[];
  /** The reported rep's `tMs` for each entry of `rangeErrDeg` (its per-rep warnings carry it too). */
  readonly matchedTMs: number[];
  readonly peakErrDeg: number[];
  readonly holdErrS: number[];
  /** Leg-moved flags of matched reps: true positives, false positives, false negatives. */
  readonly legTp: number;
  readonly legFp: number;
  readonly legFn: number;
  /**
   * Matched reps of a source that reads the leg (`leg` 'read') that the engine did not judge for leg
   * movement (`legMovementMeasured` false: the leg held unseen through most of the rep), and how
   * many of them moved; 0 for a phone on the foot alone, which judges none.
   */
  readonly legUnseen: number;
  readonly legUnseenMoved: number;
  /** Each matched rep during which the leg moved (and was measured): what moved, and whether it was flagged. */
  readonly legMoves: readonly { readonly move: RepLegMove; readonly flagged: boolean }[];
  /**
   * Most reported reps are paired in the other order than the person's: one who starts each rep
   * toes up read toes down first (every peak found, but each rep's toes-up end, hold and leg-moved
   * flag taken from the rep after), or the reverse. False with no reps.
   */
  readonly pairedWrongWay: boolean;
}

/** Whether most of `reps` start toes up (their toes-up peak comes first). */
const mostlyUpFirst = (reps: readonly { readonly plantarTMs: number; readonly dorsiTMs: number }[]) =>
  2 * reps.filter((r) => r.dorsiTMs < r.plantarTMs).length > reps.length;

/**
 * Each true rep that may count paired with the measured rep that stands for it (true index ->
 * measured index), nearest pairs first over the whole set: matching in the truth's order let a rep
 * the engine may skip (one a gap hid) take the next rep's match when reps come a second apart, and
 * the next true rep then went unmatched although the engine counted it.
 */
export function matchReps(
  reps: readonly RepMetrics[],
  truth: SessionTruth,
  matchBy: 'dorsi' | 'plantar' = 'dorsi',
): Map<number, number> {
  const pairs: { i: number; j: number; dt: number }[] = [];
  truth.reps.forEach((t, i) => {
    if (truth.countable[i] === 'no') return;
    reps.forEach((r, j) => {
      // On a held plateau the reported peak may fall anywhere in the hold: distance to the hold.
      // Stress sets match by the toes-down hold: a person who starts toes up pairs it with another toes-up peak.
      const dt =
        matchBy === 'dorsi'
          ? Math.max(0, t.dorsiTMs - r.dorsiTMs, r.dorsiTMs - t.dorsiHoldEndTMs)
          : Math.max(
              0,
              t.plantarTMs - r.plantarTMs,
              r.plantarTMs - Math.max(t.plantarTMs + 1000 * t.plantarHoldS, t.plantarHoldEndTMs),
            );
      if (dt < 1000) pairs.push({ i, j, dt });
    });
  });
  // Ties (two reps both within a hold) go to the rep that must count, then in time order.
  const must = (i: number) => (truth.countable[i] === 'yes' ? 0 : 1);
  pairs.sort((x, y) => x.dt - y.dt || must(x.i) - must(y.i) || x.i - y.i || x.j - y.j);
  const used = new Set<number>();
  const matchOf = new Map<number, number>();
  for (const { i, j } of pairs) {
    if (used.has(j) || matchOf.has(i)) continue;
    used.add(j);
    matchOf.set(i, j);
  }
  return matchOf;
}

/**
 * Scores one set. A reported rep may match a countable true rep whose hold (dorsi, or plantar with
 * `matchBy`) its peak is within 1 s of; pairs are taken nearest first, each rep once. `leg`: whether
 * the source reads the leg at all (a camera, a shin sensor) or not (a phone on the foot alone).
 */
// Reps that must count and reps an edge gap leaves open are both matched; errors use matches only.
export function scoreSet(
  reps: readonly RepMetrics[],
  truth: SessionTruth,
  matchBy: 'dorsi' | 'plantar' = 'dorsi',
  leg: 'read' | 'none' = 'read',
): SetScore {
  const full = reps.filter((r) => r.full).length;
  const rangeErrDeg: number[] = [];
  const matchedTMs: number[] = [];
  const peakErrDeg: number[] = [];
  const holdErrS: number[] = [];
  let legTp = 0;
  let legFp = 0;
  let legFn = 0;
  let legUnseen = 0;
  let legUnseenMoved = 0;
  const legMoves: { move: RepLegMove; flagged: boolean }[] = [];
  const matchOf = matchReps(reps, truth, matchBy);
  const used = new Set(matchOf.values());
  let mustMatched = 0;
  truth.reps.forEach((t, i) => {
    const best = matchOf.get(i);
    if (best === undefined) return;
    if (truth.countable[i] === 'yes') mustMatched++;
    const r = reps[best]!;
    rangeErrDeg.push(r.rangeDeg - t.rangeDeg);
    matchedTMs.push(r.tMs);
    peakErrDeg.push(r.peakPlantarDeg - t.peakPlantarDeg, r.peakDorsiDeg - t.peakDorsiDeg);
    holdErrS.push(r.plantarHoldS - t.plantarHoldS, r.dorsiHoldS - t.dorsiHoldS);
    if (r.legMovementMeasured) {
      if (t.legMove) legMoves.push({ move: t.legMove, flagged: r.legMoved });
      if (r.legMoved && t.legMoved) legTp++;
      else if (r.legMoved) legFp++;
      else if (t.legMoved) legFn++;
    } else if (leg === 'read') {
      legUnseen++;
      if (t.legMoved) legUnseenMoved++;
    }
  });
  const countExact =
    reps.length >= truth.expectedReps &&
    reps.length <= truth.expectedRepsMax &&
    mustMatched === truth.expectedReps &&
    used.size === reps.length;
  return {
    countExact,
    splitExact: countExact && full >= truth.expectedFull && full <= truth.expectedFullMax,
    expected: truth.expectedReps,
    expectedMax: truth.expectedRepsMax,
    counted: reps.length,
    rangeErrDeg,
    matchedTMs,
    peakErrDeg,
    holdErrS,
    legTp,
    legFp,
    legFn,
    legUnseen,
    legUnseenMoved,
    legMoves,
    pairedWrongWay: reps.length > 0 && mostlyUpFirst(reps) !== mostlyUpFirst(truth.reps),
  };
}

/** Median of absolute values (NaN for none). */
export function medianAbs(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = xs.map(Math.abs).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The q-quantile (0..1) of absolute values (NaN for none). */
export function quantileAbs(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = xs.map(Math.abs).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
