// Which way is toes down, decided from the movement itself instead of assuming the first movement
// is toes down: a person's toes-down excursion from rest is the larger one (about 40-50 degrees
// against 15-25 of toes up). Samples wait in a buffer until the vote is clear, then flow on. For a
// wearer who never rested, the reference is an arbitrary moment, perhaps one end of the movement:
// the excursions are then judged from where they pause between the ends, if they do, else from where
// the recording began.

/** Larger side at least this far from the reference, and the other side at least OTHER_DEG. */
const DECIDE_DEG = 10;
const OTHER_DEG = 4;
/** Decide by the larger side at the latest after this long, ms. */
const MAX_WAIT_MS = 8000;
/**
 * Once both sides have been visited, keep watching this long before deciding (ms): a person who
 * starts toes up has visited the smaller side first, and the larger one is not yet at its end.
 */
const CONFIRM_MS = 2000;

export interface ToesDownVote {
  /** 1 or -1 once decided (multiply the angle by it), 0 while still voting. */
  readonly sign: 1 | -1 | 0;
  /**
   * Adds one sample (angle degrees from the reference, positive = the provisional toes up); when
   * this decides the vote, every buffered sample is handed to `flush` in order, sign applied.
   */
  add(tMs: number, deg: number, leg: number, flush: (tMs: number, deg: number, leg: number) => void): void;
  /** How many samples wait for the vote. */
  readonly waiting: number;
  /**
   * Replaces the angles of the waiting samples from `fromIndex` on (0 = the oldest) by `degs`, read
   * again once the sensor knew its pumping axis (before it, the angle is the rotation's size, every
   * way negative: a first lift of a few degrees read as a dip).
   */
  revise(fromIndex: number, degs: readonly number[]): void;
  /** Decides now by the larger side (end of a recording) and flushes what waits. */
  decide(flush: (tMs: number, deg: number, leg: number) => void): void;
  reset(): void;
  /**
   * The reference is an arbitrary moment (a wearer who never rested), not a rest: at the decision,
   * judge each side's excursion from where the wearer pauses between the ends (`restBetween`),
   * when they do; otherwise from the first sample waiting (where the recording began).
   */
  fromMiddle(): void;
}

/**
 * Where a restless wearer pauses between the ends of the movement (degrees), or null: the median
 * of the slow samples (under SLOW_DEG_S) that lie away from both ends (inside the middle 60% of
 * the range), when there are at least REST_MIN of them.
 */
export function restBetween(
  ts: readonly number[],
  degs: readonly number[],
  lo: number,
  hi: number,
): number | null {
  const band = 0.2 * (hi - lo);
  const slow: number[] = [];
  for (let i = 1; i < degs.length - 1; i++) {
    const dt = (ts[i + 1]! - ts[i - 1]!) / 1000;
    if (!(dt > 0)) continue;
    const v = Math.abs(degs[i + 1]! - degs[i - 1]!) / dt;
    const d = degs[i]!;
    if (v < SLOW_DEG_S && d > lo + band && d < hi - band) slow.push(d);
  }
  if (slow.length < REST_MIN) return null;
  slow.sort((a, b) => a - b);
  return slow[slow.length >> 1]!;
}

/** Slower than this, degrees per second, a sample is a pause (a 2-4 deg fidget at 1-2 Hz is mostly slower). */
const SLOW_DEG_S = 20;
/** At least this many such samples make a pause to judge from (0.1-0.4 s at 25-100 Hz). */
const REST_MIN = 10;

/** Whether the excursions so far make a clear vote: the larger DECIDE_DEG, the other OTHER_DEG. */
const isClear = (hiDeg: number, loDeg: number) =>
  Math.max(hiDeg, -loDeg) >= DECIDE_DEG && Math.min(hiDeg, -loDeg) >= OTHER_DEG;

export function createToesDownVote(): ToesDownVote {
  const ts: number[] = [];
  const degs: number[] = [];
  const legs: number[] = [];
  let sign: 1 | -1 | 0 = 0;
  /** The highest and lowest sample so far (the reference, 0, counts as seen). */
  let hiDeg = 0;
  let loDeg = 0;
  let clearSinceTMs = Number.NaN;
  let middle = false;
  return {
    fromMiddle() {
      middle = true;
    },
    get sign() {
      return sign;
    },
    get waiting() {
      return ts.length;
    },
    revise(fromIndex, revised) {
      if (sign !== 0 || fromIndex < 0) return;
      for (let i = 0; i < revised.length && fromIndex + i < degs.length; i++)
        degs[fromIndex + i] = revised[i]!;
      // The extremes and when the vote became clear, from the samples as they now read.
      hiDeg = 0;
      loDeg = 0;
      clearSinceTMs = Number.NaN;
      for (let i = 0; i < degs.length; i++) {
        hiDeg = Math.max(hiDeg, degs[i]!);
        loDeg = Math.min(loDeg, degs[i]!);
        if (Number.isNaN(clearSinceTMs) && isClear(hiDeg, loDeg)) clearSinceTMs = ts[i]!;
      }
    },
    add(tMs, deg, leg, flush) {
      if (sign !== 0) {
        flush(tMs, sign * deg, leg);
        return;
      }
      ts.push(tMs);
      degs.push(deg);
      legs.push(leg);
      hiDeg = Math.max(hiDeg, deg);
      loDeg = Math.min(loDeg, deg);
      const clear = isClear(hiDeg, loDeg);
      if (clear && Number.isNaN(clearSinceTMs)) clearSinceTMs = tMs;
      const decided = clear && tMs - clearSinceTMs >= CONFIRM_MS;
      if (!decided && tMs - ts[0]! < MAX_WAIT_MS) return;
      this.decide(flush);
    },
    decide(flush) {
      if (sign !== 0) return;
      // Excursions from the reference, or from where a restless wearer pauses. The restless
      // reference is whatever moment RESTLESS_S ended on, so its vote is near a coin toss; the
      // pause decides even a near tie. (A near tie once kept the reference's vote: on the stress
      // set's tuning seeds, 64 a family, 10 of the IMU sets then had toes down and toes up the wrong
      // way round, 5 without; 32 a family: exact 154 -> 155 of 192.)
      //
      // A wearer who never pauses mid-way (holds each end, never back to neutral) is judged from
      // the first sample the vote holds: where they were when the recording began, which they are
      // asked to begin relaxed. The reference is the moment the wait for a rest ran out, most often
      // one of their holds, and from a toes-down hold the toes-up side is the larger: such a set was
      // read toes up as toes down throughout. Stress set tuning seeds (IMU, 64 a family), exact:
      // planar families 418 of 448 either way (toes down and up swapped in 3 sets -> 2), as
      // prescribed 61 -> 62 (71025), 3-D ankle unchanged.
      const rest = middle ? restBetween(ts, degs, loDeg, hiDeg) : null;
      const from = rest ?? (middle && ts.length > 0 ? degs[0]! : 0);
      sign = hiDeg - from > from - loDeg ? -1 : 1;
      for (let i = 0; i < ts.length; i++) flush(ts[i]!, sign * degs[i]!, legs[i]!);
      ts.length = 0;
      degs.length = 0;
      legs.length = 0;
    },
    reset() {
      sign = 0;
      middle = false;
      clearSinceTMs = Number.NaN;
      hiDeg = 0;
      loDeg = 0;
      ts.length = 0;
      degs.length = 0;
      legs.length = 0;
    },
  };
}
