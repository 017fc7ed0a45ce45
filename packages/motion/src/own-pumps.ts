// A camera's noise bars relieved by the person's own pumps. The bars are set so that a foot whose
// pumps are not yet known cannot make reps out of landmark noise; once the person has shown a few
// reps that cleared them, and while they keep pumping at their own rhythm, a swing or rep of a good
// part of their usual size is theirs, not noise. When they stop (a rest after the set, or a long
// pause), the whole bars come back, and the next rep must be a good part of their size too.

import { medianInPlace } from './noise-meter.ts';
import { STRONGLY_PERIODIC } from './period-meter.ts';
import type { PersonalRange } from './personal-range.ts';

/**
 * Reps the person must have shown (the personal range's, each one that cleared the whole bars)
 * before their pumps relieve the bars: with two, a resting foot's first two noise swings taught
 * it a small "usual" range and relieved the bars for more (stress set tuning seeds, camera, 32 a
 * family: spurious reps on resting feet 22 -> 38).
 */
export const OWN_PUMPS_MIN_REPS = 3;
/**
 * While relieved, a swing must clear this share of the person's usual range (the median of their
 * recent reps, personal-range.ts) and a rep's range this share, where that is less than the noise
 * sets; never under OWN_PUMPS_NOISE_SHARE of the noise's bar. Stress set tuning seeds (camera, 64 a
 * family), exact / reps counted wrong, with no time limit (see OWN_RHYTHMS): 0.35 / 0.45 317 /
 * 1,172; 0.4 / 0.5 319 / 1,187; 0.45 / 0.55 315 / 1,206; 0.4 / 0.4 317 / 1,187 (312 / 1,330
 * without; 41 spurious reps on resting feet at each). The swing's share does most of it (32 a family:
 * swing alone 154 -> 157 of 288, rep alone 154, both 161).
 */
export const OWN_SWING_SHARE = 0.4;
export const OWN_REP_SHARE = 0.5;
/**
 * ...and never under this share of the bar the noise sets: the person's reps cleared that bar, so
 * their usual range is at least it, but the noise may rise after them. At 0.5 and 0.7 the tuning
 * seeds (32 a family) gave 161 of 288 either way (161 with no floor).
 */
export const OWN_PUMPS_NOISE_SHARE = 0.5;
/**
 * The relief lasts this many of the person's usual intervals between counted reps (the median of
 * the last OWN_INTERVALS), at least OWN_MIN_WINDOW_MS, from their last counted rep: a rest after the
 * set gets the whole bars back. With no limit, a foot resting 87 s after its set (tools/synth
 * `runRestAfterSet`; camera tuning seeds, 32 a family) counted 400 spurious reps in 81 of 288 sets
 * where the whole bars counted 44 in 35. Tuning seeds (camera, 64 a family), exact / reps counted
 * wrong / spurious reps resting after the set: whole bars 312 / 1,330 / 85; 1.25 intervals (1.5 s
 * at least) 315 / 1,243 / 91; 1.5 intervals 316 / 1,225 / 95; 2 intervals 318 / 1,212 / 104; a fixed
 * 3 s 317 / 1,211 (2 intervals or 3 s: 47-51 spurious reps after the set at 32 a family against
 * 44). The person's own rhythm, not a fixed time: the prescribed pump (holds of 1-2 s at each end)
 * takes 4-5 s a rep. Of 1.5 and 2, the one that counts fewer reps that never happened.
 */
export const OWN_RHYTHMS = 1.5;
export const OWN_MIN_WINDOW_MS = 2000;
/**
 * They have stopped once this many of those windows have passed since their last counted rep (4.5
 * usual intervals, at least 6 s): a short pause, a bridged gap or a burst of low visibility is not
 * a stop. Stress set tuning seeds (camera, 64 a family), with the share below, exact / reps counted
 * wrong / spurious reps resting after the set: 1 window 314 / 1,227 / 44; 2 315 / 1,226 / 45; 3 316
 * / 1,225 / 49; 4 the same as 3.
 */
export const OWN_STOPPED_WINDOWS = 3;
/**
 * Once they have stopped, a rep whose first end comes later counts only when it spans at least this
 * share of their usual range, unless the angle plainly repeats at a pump's pace again
 * (STRONGLY_PERIODIC), or it comes within that window of a small rep refused so: a tired person's
 * smaller pumps after a rest count from the second (the first is not counted; the periodicity
 * meter, which looks at most 3 s back, does not see the prescribed 4-5 s pump). After the set, under
 * the whole bars, the landmarks' slow wander and a resting person's fidget still made 5-9 deg
 * "reps" of a person whose pumps were 20-30 deg, most of them 20 s and more into the rest. Stress
 * set tuning seeds (camera, 64 a family), exact / reps counted wrong / spurious reps resting after
 * the set: none 316 / 1,225 / 95; 0.35 315 / 1,226 / 59; 0.5 314 / 1,226 / 45; 0.6 314 / 1,227 /
 * 39; 0.65 315 / 1,227 / 35; 0.75 313 / 1,235 / 31; 0.85 303 / 1,248 / 29 (each stopped from 1
 * window); at 0.6, rhythmic pumps let through from an autocorrelation of 0.4 62, of 0.7 41; with
 * the second small rep let through, 44; from 3 windows (kept) 316 / 1,225 / 49. A full rep (0.6 of
 * the reference range) instead of the usual range: 314 / 1,227 / 39, but a stiff ankle whose
 * calibrated range it never reaches would count nothing after a pause. A phone's wearer, with no
 * relief to end, lost more than it saved (phone exact 406 -> 398 of 448, spurious reps after the
 * set 7 -> 6): the camera's only.
 */
export const OWN_RESTART_SHARE = 0.6;
const OWN_INTERVALS = 5;

/** What the relief reads of the person's range (personal-range.ts). */
export type OwnRange = Pick<PersonalRange, 'recentDeg' | 'count'>;

export interface OwnPumps {
  /** A rep was counted at `tMs`. */
  counted(tMs: number): void;
  /**
   * `barDeg`, the bar the noise sets, relieved to `share` of the person's usual range (their recent
   * reps' median) at `tMs`, when the reps their range has learned and the time since the last
   * counted rep allow it.
   */
  relieve(barDeg: number, share: number, tMs: number): number;
  /**
   * Whether a rep whose first end came at `firstTMs`, `repDeg` from end to end, is refused: the
   * person had stopped pumping by then (OWN_STOPPED_WINDOWS, OWN_RESTART_SHARE); `periodicity` is
   * the angle's autocorrelation at a pump's pace now. A refusal is remembered (a second small rep
   * within the person's rhythm of it counts): ask once per rep, last.
   */
  refusesRestart(firstTMs: number, repDeg: number, periodicity: number): boolean;
  reset(): void;
}

/** The relief for a person whose range `range` learns (read live: the tracker's own). */
export function createOwnPumps(minRepDeg: number, range: OwnRange): OwnPumps {
  return new Own(minRepDeg, range);
}

/** `createOwnPumps`'s: a class, so that the tracker's per-sample calls inline. */
class Own implements OwnPumps {
  private readonly intervals = new Float64Array(OWN_INTERVALS);
  private readonly sorted = new Float64Array(OWN_INTERVALS);
  private seen = 0;
  private lastTMs = Number.NEGATIVE_INFINITY;
  /**
   * The relief's length after the last counted rep, ms (OWN_RHYTHMS of the usual interval, at least
   * OWN_MIN_WINDOW_MS); they have stopped OWN_STOPPED_WINDOWS of it after that rep.
   */
  private windowMs = OWN_MIN_WINDOW_MS;
  /** Until when a small rep after a refused one counts, ms. */
  private refusedUntilTMs = Number.NEGATIVE_INFINITY;
  constructor(
    private readonly minRepDeg: number,
    private readonly range: OwnRange,
  ) {}
  counted(tMs: number): void {
    if (tMs > this.lastTMs && Number.isFinite(this.lastTMs)) {
      this.intervals[this.seen % OWN_INTERVALS] = tMs - this.lastTMs;
      this.seen++;
    }
    this.lastTMs = tMs;
    let windowMs = OWN_MIN_WINDOW_MS;
    const n = Math.min(this.seen, OWN_INTERVALS);
    if (n > 0) {
      for (let i = 0; i < n; i++) this.sorted[i] = this.intervals[i]!;
      windowMs = Math.max(windowMs, OWN_RHYTHMS * medianInPlace(this.sorted, n));
    }
    this.windowMs = windowMs;
  }
  /** The person's usual range once they have shown enough reps to go by, else null. */
  private usualDeg(): number | null {
    return this.range.count < OWN_PUMPS_MIN_REPS ? null : this.range.recentDeg;
  }
  relieve(barDeg: number, share: number, tMs: number): number {
    const usualDeg = this.usualDeg();
    if (usualDeg === null || !(tMs < this.lastTMs + this.windowMs)) return barDeg;
    return Math.min(barDeg, Math.max(share * usualDeg, OWN_PUMPS_NOISE_SHARE * barDeg, this.minRepDeg));
  }
  refusesRestart(firstTMs: number, repDeg: number, periodicity: number): boolean {
    const usualDeg = this.usualDeg();
    if (usualDeg === null || firstTMs < this.lastTMs + OWN_STOPPED_WINDOWS * this.windowMs) return false;
    if (periodicity >= STRONGLY_PERIODIC || repDeg >= OWN_RESTART_SHARE * usualDeg) return false;
    // A second small rep at the person's rhythm after a refused one: they are pumping again.
    if (firstTMs < this.refusedUntilTMs) return false;
    this.refusedUntilTMs = firstTMs + this.windowMs;
    return true;
  }
  reset(): void {
    this.seen = 0;
    this.lastTMs = Number.NEGATIVE_INFINITY;
    this.windowMs = OWN_MIN_WINDOW_MS;
    this.refusedUntilTMs = Number.NEGATIVE_INFINITY;
  }
}
