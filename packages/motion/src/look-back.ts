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
 * 64 a family: 237 / 38 / 1,907 -> 241 / 40 / 1,666. Replaying each sample once at most (the
 * next look-back starting where the last one ended) gave 130 / 22 / 830 and 239 / 40 / 1,694; it
 * is not needed for speed: a replayed sample costs a state-machine step, not the filters and
 * meters. The three tuning streams that look back most (seeds 20006, 21000, 21002: 8, 4 and 6
 * look-backs, replaying 95%, 37% and 53% of their samples) were analysed at 110,000-117,000 frames
 * per CPU-second with it and 128,000 without (a render running beside them).
 */
const LOOK_BACK_DROP = 0.5;
/** ...over the period meter's window, seconds. */
const LOOK_BACK_S = 6;

export interface LookBackWatch {
  /** A look-back replays from `seq` on (where counting began or resumed, the last rep), under bars highest from here. */
  from(seq: number): void;
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
}

export function createLookBackWatch(): LookBackWatch {
  let fromSeq = 0;
  /** The highest swing hysteresis since `from` or the last look-back, degrees (0: none yet). */
  let peakDeg = 0;
  return {
    from(seq) {
      fromSeq = seq;
      peakDeg = 0;
    },
    dropped(hysteresisDeg) {
      return hysteresisDeg < LOOK_BACK_DROP * peakDeg;
    },
    lookedBack() {
      peakDeg = 0;
    },
    saw(hysteresisDeg) {
      peakDeg = Math.max(peakDeg, hysteresisDeg);
    },
    startFor(seq, ring, keep) {
      const windowStart = Math.max(fromSeq, ring.next - keep);
      let start = seq;
      const fromTMs = ring.t(seq) - LOOK_BACK_S * 1000;
      while (start - 1 >= windowStart && ring.t(start - 1) >= fromTMs) start--;
      return seq - start < 2 ? seq : start;
    },
  };
}
