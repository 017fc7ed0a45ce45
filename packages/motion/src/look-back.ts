// When a camera's bars come down, the pumps before went uncounted: the tracker replays the samples
// since the last rep under the new bars. This is the watch that says when, and from where; the
// replay itself is the tracker's (ankle-tracker.ts `lookBack`).

import type { SampleRing } from './sample-ring.ts';

/**
 * A camera's bars come down only once the period meter has seen the angle repeat itself (3-6 s of
 * pumping), and the pumps before went uncounted. When the swing hysteresis falls below this share
 * of the highest it was since the last rep (or the last look-back, or where counting began or
 * resumed), the samples since the last rep, at most LOOK_BACK_S, are replayed under the new bars.
 * (Against what it was a sample before until 2026-12-04: a relief that took a 12-fps set's bars
 * from 29.6 to 15.7 deg, or brought them down over two steps, replayed nothing, and its first two
 * 35-46-deg pumps stayed uncounted. Stress set tuning seeds, camera, 64 a family, exact / spurious
 * reps on resting feet / reps counted wrong: 304 / 40 / 1,369 -> 305 / 40 / 1,349; at 0.55 305 /
 * 44 / 1,349, at 0.6 306 / 46 / 1,347.) Against the sample before, stress set tuning seeds (camera,
 * 32 a family), exact / spurious reps on resting feet / reps counted wrong: without 129 / 22 / 916;
 * drop to 0.7 129 / 26 / 820, 0.6 131 / 25 / 818, 0.5 130 / 22 / 817, 0.4 129 / 22 / 847; 0.5 over
 * 4 s 127 / 22 / 849 (0.7), over 8 s 130 / 22 / 808.
 * 64 a family: 237 / 38 / 1,907 -> 241 / 40 / 1,666.
 * It was 0.5 until 2026-12-06 (stop 65). A noisy camera's bars that came down from 31.7 to 18.2 deg
 * (0.57) once the pumps repeated replayed nothing, and the first pump they had refused (a 41-deg
 * swing under the 31.7-deg hysteresis, tuning seed 20038, 15 fps) stayed lost. With the tracker
 * keeping a replay's rep under way (ankle-tracker.ts `lookBack`), tuning seeds, camera, 128 a
 * family, against 0.5: 656 -> 667 of 1,152 stress sets exact, 15 sets won and 2 lost (McNemar p =
 * 0.002; the first pump missed in 271 -> 252 sets), spurious reps on resting feet 102 -> 106 and in
 * the rest after the set 84 -> 92. At 0.6 without keeping the rep under way: 666, 12 won and 2 lost
 * (p = 0.013), 102 and 92. At 0.7: 668, 25 won and 8 lost, 105 and 87. Replaying each sample once at most (the
 * next look-back starting where the last one ended) gave 130 / 22 / 830 and 239 / 40 / 1,694; it
 * is not needed for speed: a replayed sample costs a state-machine step, not the filters and
 * meters. The three tuning streams that look back most (seeds 20006, 21000, 21002: 8, 4 and 6
 * look-backs, replaying 95%, 37% and 53% of their samples) were analysed at 110,000-117,000 frames
 * per CPU-second with it and 128,000 without (a render running beside them).
 */
const LOOK_BACK_DROP = 0.6;
/** ...over the period meter's window, seconds. */
const LOOK_BACK_S = 6;
/**
 * The first look-back since counting began (settled or resumed) also replays from where it began,
 * at most this long before, seconds, up to the first rep counted since (or through, when none was):
 * until the bars first come down, a quick or small pumper's first pumps are refused, several of
 * them at times, and not always before a first rep is counted. Replaying only since the last rep,
 * at most 6 s, left them lost: of the camera tuning sets (32 a family), 27 had settled before their
 * first pump and missed it (seed 23022: 0.18-s moves at 47 fps, the first pump's filtered swing -6
 * to +5 deg under a 9.3-deg hysteresis, counted from the second on; 22017 and 20006 counted from 4
 * and 9 s after their first pump).
 */
const FIRST_LOOK_BACK_S = 20;

export interface LookBackWatch {
  /** Counting began or resumed at `seq`: a look-back replays from here, under bars highest from here. */
  from(seq: number): void;
  /**
   * A rep that set off at `repStartSeq` was counted at `seq`: a look-back replays from here, under
   * bars highest from here.
   */
  counted(seq: number, repStartSeq: number): void;
  /** Where the first rep counted since counting began set off, or -1: none yet. */
  readonly firstRepSeq: number;
  /** Whether the swing hysteresis `hysteresisDeg` fell below LOOK_BACK_DROP of the highest. */
  dropped(hysteresisDeg: number): boolean;
  /** A look-back ran: the highest starts again from the sample that set it off. */
  lookedBack(): void;
  /** The swing hysteresis of each settled sample, degrees, after any look-back it set off. */
  saw(hysteresisDeg: number): void;
  /**
   * The first sample a look-back at `seq` (exclusive) replays: at most LOOK_BACK_S before it, not
   * before `from`, and still held by `ring` (within `keep` samples); `seq` when there is nothing
   * to replay (fewer than two samples).
   */
  startFor(seq: number, ring: SampleRing, keep: number): number;
  /**
   * The first sample the first look-back since counting began replays, past the reps counted since:
   * at most FIRST_LOOK_BACK_S before `seq`, not before counting began, still held by `ring`; `seq`
   * when there is nothing to replay or the first look-back has been.
   */
  firstStartFor(seq: number, ring: SampleRing, keep: number): number;
}

export function createLookBackWatch(): LookBackWatch {
  return new Watch();
}

/** The first sample `ring` holds (within `keep`) from `fromSeq` on and at most `spanS` before `seq`; `seq` for fewer than two. */
function replayStart(seq: number, fromSeq: number, spanS: number, ring: SampleRing, keep: number): number {
  const windowStart = Math.max(fromSeq, ring.next - keep);
  let start = seq;
  const fromTMs = ring.t(seq) - spanS * 1000;
  while (start - 1 >= windowStart && ring.t(start - 1) >= fromTMs) start--;
  return seq - start < 2 ? seq : start;
}

/** `createLookBackWatch`'s watch. */
class Watch implements LookBackWatch {
  /** Where a look-back replays from: the last rep, or where counting began. */
  private fromSeq = 0;
  /** Where counting began or resumed. */
  private startSeq = 0;
  /** The highest swing hysteresis since `from`, the last rep or the last look-back, degrees (0: none yet). */
  private peakDeg = 0;
  /** No look-back yet since counting began or resumed. */
  private first = true;
  firstRepSeq = -1;
  from(seq: number): void {
    this.fromSeq = seq;
    this.startSeq = seq;
    this.first = true;
    this.firstRepSeq = -1;
    this.peakDeg = 0;
  }
  counted(seq: number, repStartSeq: number): void {
    this.fromSeq = seq;
    if (this.firstRepSeq < 0) this.firstRepSeq = repStartSeq;
    this.peakDeg = 0;
  }
  dropped(hysteresisDeg: number): boolean {
    return hysteresisDeg < LOOK_BACK_DROP * this.peakDeg;
  }
  lookedBack(): void {
    this.first = false;
    this.peakDeg = 0;
  }
  saw(hysteresisDeg: number): void {
    this.peakDeg = Math.max(this.peakDeg, hysteresisDeg);
  }
  startFor(seq: number, ring: SampleRing, keep: number): number {
    return replayStart(seq, this.fromSeq, LOOK_BACK_S, ring, keep);
  }
  firstStartFor(seq: number, ring: SampleRing, keep: number): number {
    return this.first ? replayStart(seq, this.startSeq, FIRST_LOOK_BACK_S, ring, keep) : seq;
  }
}
