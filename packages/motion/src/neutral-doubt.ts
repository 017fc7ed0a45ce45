// A neutral learned at the wrong place. With no calibration the engine takes neutral from the
// first still moment, which is the person's rest when they start at rest, but an end hold when the
// camera or phone starts mid-pump (a session resumed, a person who began before the cue). Every
// pump then swings to one side of that "neutral", a rep needs both ends, and often none is counted
// for as long as the stream lasts: the camera's live path, stepped through the web test clip
// looped from a start in a toes-down hold, counted 0 of 9 pumps in three passes, and the browser's
// camera session (e2e/camera-session.int.test.ts) once counted fewer than 3 in 125 s. The evidence
// that neutral is wrong: since the last counted rep, DOUBT_PUMPS excursions far to one side and
// not even a rep's bar to the other, then the foot still for REST_S far from neutral and inside
// the pumps' span, where no rep's end lies. The engine then settles afresh there
// (ankle-tracker.ts). A person who pumps to one side of a true neutral rests near it, so nothing
// changes for them. A wrong neutral that still lets reps be counted is kept: a counted rep clears
// the doubt (the counts hold; the peaks are read from the wrong place, the range is not).

/**
 * Uncounted excursions to one side (and none to the other) before neutral is doubted: three pumps'
 * worth, as for the 'uncounted' warning. Two settled a 3-D-ankle camera set whose engine counts its
 * one-sided pumps (tuning seed 83055) afresh after a gap, and it lost four reps.
 */
export const DOUBT_PUMPS = 3;
/** An excursion or a rest this far from neutral, degrees at least (a rep's own bar doubled, if larger). */
export const DOUBT_MIN_DEG = 12;
/**
 * The foot still this long, seconds (to within a frame), may be a rest: longer than the usual holds
 * (toes down 1-2 s, toes up about 1 s) and a phone check's 2 s hold. A dose may prescribe holds of
 * up to 10 s; such a hold is at the far end of the pumps, where a rest is not taken (below).
 */
export const REST_S = 2.5;

export interface NeutralDoubt {
  /**
   * One settled sample: its angle from neutral, the rep bar now, and how still a resting foot is
   * (peak to peak, degrees; the settle's own bar). True when neutral should be learned again now.
   */
  sample(tMs: number, deg: number, barDeg: number, stillDeg: number): boolean;
  /** A rep was counted: the neutral works. */
  counted(): void;
  /** A gap, a fresh settle or a reset: what came before says nothing about the neutral now. */
  reset(): void;
}

export function createNeutralDoubt(): NeutralDoubt {
  /**
   * The side of the excursion under way (+1, -1), 0 while near neutral, null until the angle has
   * been near neutral (an excursion starts from there: after a gap the foot may already be away).
   */
  let away: -1 | 0 | 1 | null = 0;
  let above = 0;
  let below = 0;
  /** The lowest and highest angles since the last counted rep. */
  let lowDeg = 0;
  let highDeg = 0;
  // The last REST_S of samples, with monotonic queues for their lowest and highest. Each list is
  // read from its head index and compacted now and then: no per-sample shift on the hot path.
  const win = createWindow();
  const lows = createWindow();
  const highs = createWindow();
  let sum = 0;
  return {
    sample(tMs, deg, barDeg, stillDeg) {
      const farDeg = Math.max(DOUBT_MIN_DEG, 2 * barDeg);
      if (Math.abs(deg) < farDeg / 2) away = 0;
      else if (away !== null && deg >= farDeg && away !== 1) {
        away = 1;
        above++;
      } else if (away !== null && deg <= -farDeg && away !== -1) {
        away = -1;
        below++;
      }
      lowDeg = Math.min(lowDeg, deg);
      highDeg = Math.max(highDeg, deg);
      win.push(tMs, deg);
      sum += deg;
      while (lows.size() > 0 && lows.lastDeg() >= deg) lows.pop();
      lows.push(tMs, deg);
      while (highs.size() > 0 && highs.lastDeg() <= deg) highs.pop();
      highs.push(tMs, deg);
      while (win.firstT() < tMs - REST_S * 1000) sum -= win.shift();
      const from = win.firstT();
      while (lows.firstT() < from) lows.shift();
      while (highs.firstT() < from) highs.shift();
      // One-sided: the other side never reached even a rep's bar.
      const oneSided =
        (above >= DOUBT_PUMPS && lowDeg > -barDeg) || (below >= DOUBT_PUMPS && highDeg < barDeg);
      if (!oneSided || tMs - from < (REST_S - 0.1) * 1000) return false;
      if (highs.firstDeg() - lows.firstDeg() > stillDeg) return false;
      // A rest lies inside the pumps' span, a rep's bar short of its far end: a still foot at that
      // end is a long hold (a dose may prescribe 10 s), not a rest.
      const restDeg = sum / win.size();
      return above >= DOUBT_PUMPS
        ? restDeg >= farDeg && restDeg <= highDeg - barDeg
        : restDeg <= -farDeg && restDeg >= lowDeg + barDeg;
    },
    counted() {
      above = 0;
      below = 0;
      lowDeg = 0;
      highDeg = 0;
    },
    reset() {
      away = null;
      above = 0;
      below = 0;
      lowDeg = 0;
      highDeg = 0;
      win.clear();
      lows.clear();
      highs.clear();
      sum = 0;
    },
  };
}

/** Timed angles read from a head index: a queue whose shift costs nothing. */
function createWindow() {
  const t: number[] = [];
  const d: number[] = [];
  let head = 0;
  return {
    size: () => t.length - head,
    firstT: () => t[head] ?? Number.POSITIVE_INFINITY,
    firstDeg: () => d[head]!,
    lastDeg: () => d[d.length - 1]!,
    push(tMs: number, deg: number) {
      t.push(tMs);
      d.push(deg);
    },
    pop() {
      t.pop();
      d.pop();
    },
    /** Drops the oldest; returns its angle. */
    shift(): number {
      const deg = d[head++]!;
      if (head > 1024 && head * 2 > t.length) {
        t.splice(0, head);
        d.splice(0, head);
        head = 0;
      }
      return deg;
    },
    clear() {
      t.length = 0;
      d.length = 0;
      head = 0;
    },
  };
}
