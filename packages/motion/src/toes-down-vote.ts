// Which way is toes down, decided from the movement itself instead of assuming the first movement
// is toes down: a person's toes-down excursion from rest is the larger one (about 40-50 degrees
// against 15-25 of toes up). Samples wait in a buffer until the vote is clear, then flow on.

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
  /** Decides now by the larger side (end of a recording) and flushes what waits. */
  decide(flush: (tMs: number, deg: number, leg: number) => void): void;
  reset(): void;
}

export function createToesDownVote(): ToesDownVote {
  const ts: number[] = [];
  const degs: number[] = [];
  const legs: number[] = [];
  let sign: 1 | -1 | 0 = 0;
  let upMax = 0;
  let downMax = 0;
  let clearSinceTMs = Number.NaN;
  return {
    get sign() {
      return sign;
    },
    add(tMs, deg, leg, flush) {
      if (sign !== 0) {
        flush(tMs, sign * deg, leg);
        return;
      }
      ts.push(tMs);
      degs.push(deg);
      legs.push(leg);
      upMax = Math.max(upMax, deg);
      downMax = Math.max(downMax, -deg);
      const clear = Math.max(upMax, downMax) >= DECIDE_DEG && Math.min(upMax, downMax) >= OTHER_DEG;
      if (clear && Number.isNaN(clearSinceTMs)) clearSinceTMs = tMs;
      const decided = clear && tMs - clearSinceTMs >= CONFIRM_MS;
      if (!decided && tMs - ts[0]! < MAX_WAIT_MS) return;
      this.decide(flush);
    },
    decide(flush) {
      if (sign !== 0) return;
      sign = upMax > downMax ? -1 : 1;
      for (let i = 0; i < ts.length; i++) flush(ts[i]!, sign * degs[i]!, legs[i]!);
      ts.length = 0;
      degs.length = 0;
      legs.length = 0;
    },
    reset() {
      sign = 0;
      clearSinceTMs = Number.NaN;
      upMax = 0;
      downMax = 0;
      ts.length = 0;
      degs.length = 0;
      legs.length = 0;
    },
  };
}
