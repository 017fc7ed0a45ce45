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

/**
 * The bars a sample is judged by, asked only when the rule needs them (most samples lie near
 * neutral, and the rep bar costs the noise meters' reading): the rep bar now, and how still a
 * resting foot is (peak to peak, degrees; the settle's own bar). Each must give the same value
 * however often it is asked for one sample.
 */
export interface DoubtBars {
  repBarDeg(): number;
  stillDeg(): number;
}

export interface NeutralDoubt {
  /** One settled sample, its angle from neutral. True when neutral should be learned again now. */
  sample(tMs: number, deg: number, bars: DoubtBars): boolean;
  /** A rep was counted: the neutral works. */
  counted(): void;
  /** A gap, a fresh settle or a reset: what came before says nothing about the neutral now. */
  reset(): void;
}

export function createNeutralDoubt(): NeutralDoubt {
  return new Doubt();
}

/**
 * `createNeutralDoubt`'s doubt: a class over typed rings, so that the tracker's per-sample call
 * inlines and allocates nothing. It runs on every settled sample of every uncalibrated stream: as
 * closures over growing arrays, given the rep bar on every sample, it took 7.4% of the engine's
 * time in a CPU profile of the motion bench's throughput run and the noise bars' rep bar 3.1%;
 * this way 4.0% and 1.1%, the same decisions on every tuning set.
 */
class Doubt implements NeutralDoubt {
  /**
   * The side of the excursion under way (+1, -1), 0 while near neutral, null until the angle has
   * been near neutral (an excursion starts from there: after a gap the foot may already be away).
   */
  private away: -1 | 0 | 1 | null = 0;
  private above = 0;
  private below = 0;
  /** The lowest and highest angles since the last counted rep. */
  private lowDeg = 0;
  private highDeg = 0;
  /** The last REST_S of samples, and the sum of their angles. */
  private readonly win = new TimedRing();
  private sum = 0;

  sample(tMs: number, deg: number, bars: DoubtBars): boolean {
    // The rep bar, asked at most once a sample and only when needed (NaN until then).
    let barDeg = Number.NaN;
    // farDeg is at least DOUBT_MIN_DEG: a sample within half of that is near neutral whatever the bar.
    if (Math.abs(deg) < DOUBT_MIN_DEG / 2) this.away = 0;
    else {
      barDeg = bars.repBarDeg();
      const farDeg = Math.max(DOUBT_MIN_DEG, 2 * barDeg);
      if (Math.abs(deg) < farDeg / 2) this.away = 0;
      else if (this.away !== null && deg >= farDeg && this.away !== 1) {
        this.away = 1;
        this.above++;
      } else if (this.away !== null && deg <= -farDeg && this.away !== -1) {
        this.away = -1;
        this.below++;
      }
    }
    if (deg < this.lowDeg) this.lowDeg = deg;
    if (deg > this.highDeg) this.highDeg = deg;
    const win = this.win;
    win.push(tMs, deg);
    this.sum += deg;
    while (win.firstT() < tMs - REST_S * 1000) this.sum -= win.shift();
    const from = win.firstT();
    if (this.above < DOUBT_PUMPS && this.below < DOUBT_PUMPS) return false;
    if (Number.isNaN(barDeg)) barDeg = bars.repBarDeg();
    // One-sided: the other side never reached even a rep's bar.
    const oneSided =
      (this.above >= DOUBT_PUMPS && this.lowDeg > -barDeg) ||
      (this.below >= DOUBT_PUMPS && this.highDeg < barDeg);
    if (!oneSided || tMs - from < (REST_S - 0.1) * 1000) return false;
    // A rest lies inside the pumps' span, a rep's bar short of its far end: a still foot at that
    // end is a long hold (a dose may prescribe 10 s), not a rest.
    const farDeg = Math.max(DOUBT_MIN_DEG, 2 * barDeg);
    const restDeg = this.sum / win.size();
    const inside =
      this.above >= DOUBT_PUMPS
        ? restDeg >= farDeg && restDeg <= this.highDeg - barDeg
        : restDeg <= -farDeg && restDeg >= this.lowDeg + barDeg;
    // Asked last: the window is read through only where its mean is a rest's place.
    return inside && win.spanWithin(bars.stillDeg());
  }
  counted(): void {
    this.above = 0;
    this.below = 0;
    this.lowDeg = 0;
    this.highDeg = 0;
  }
  reset(): void {
    this.away = null;
    this.counted();
    this.win.clear();
    this.sum = 0;
  }
}

/**
 * Timed angles in a ring that grows as needed, addressed by a running index (`head` the oldest
 * kept, `next` the one the next push gets). The window's spread is read only when a rest could be
 * one (`spanWithin`): monotonic queues kept for it on every sample cost more than the rare reading.
 */
class TimedRing {
  private t = new Float64Array(64);
  private d = new Float64Array(64);
  private mask = 63;
  private head = 0;
  private next = 0;
  size(): number {
    return this.next - this.head;
  }
  firstT(): number {
    return this.next > this.head ? this.t[this.head & this.mask]! : Number.POSITIVE_INFINITY;
  }
  push(tMs: number, deg: number): void {
    if (this.next - this.head > this.mask) this.grow();
    const i = this.next++;
    this.t[i & this.mask] = tMs;
    this.d[i & this.mask] = deg;
  }
  /** Whether the angles kept lie within `deg` of each other (read from the newest: a foot on the move leaves early). */
  spanWithin(deg: number): boolean {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = this.next - 1; i >= this.head; i--) {
      const x = this.d[i & this.mask]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
      if (hi - lo > deg) return false;
    }
    return true;
  }
  /** Drops the oldest; returns its angle. */
  shift(): number {
    return this.d[this.head++ & this.mask]!;
  }
  clear(): void {
    this.head = 0;
    this.next = 0;
  }
  private grow(): void {
    const size = this.mask + 1;
    const t = new Float64Array(2 * size);
    const d = new Float64Array(2 * size);
    const mask = 2 * size - 1;
    for (let i = this.head; i < this.next; i++) {
      t[i & mask] = this.t[i & this.mask]!;
      d[i & mask] = this.d[i & this.mask]!;
    }
    this.t = t;
    this.d = d;
    this.mask = mask;
  }
}
