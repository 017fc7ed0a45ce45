// The 'uncounted' warning: the foot keeps moving back and forth by more than a rep's size, but no
// rep is counted. The rep engine finds turns on its filtered angle, which smooths a quick flick of
// a few degrees to half its size (a phone on the foot: 8-degree pumps with no hold, each move 0.15 s,
// came out of the filter at 3.5 degrees, under the turn's hysteresis), and a rep must show both ends
// and a hold between; such movement went uncounted and the person was never told why. Here the
// despiked angle's own swings are counted between reps, and when they add up to several pumps' worth
// with no rep counted, the person is told to move more slowly and hold at each end.
import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';

/** Swings of the despiked angle since the last counted rep that make the warning (three pumps' worth). */
export const UNCOUNTED_SWINGS = 6;
/**
 * A swing counts when it spans at least this share of the range the person moves now (20 deg
 * before their first rep): a 3-deg tremor in the holds of 45-deg pumps is not uncounted pumping.
 */
export const UNCOUNTED_SHARE = 0.4;

export interface UncountedWatch {
  /**
   * One settled sample: its despiked angle, degrees, and the smallest swing that counts as a
   * movement now (a rep's own bar, above the angle's noise). Pushes the warning onto `out` once
   * per run of uncounted swings.
   */
  sample(tMs: number, deg: number, swingDeg: number, out: MotionEvent[]): void;
  /** A rep was counted: the movement so far was a pump. */
  counted(): void;
  /** A gap or a reset: the swings before it are not comparable with what follows. */
  reset(): void;
}

export function createUncountedWatch(side: Side): UncountedWatch {
  /** +1 while rising to a top, -1 while falling to a bottom, 0 before the first swing. */
  let heading: -1 | 0 | 1 = 0;
  /** The extreme of the swing under way; before the first, the lowest and highest angles seen. */
  let extremeDeg = 0;
  let lowDeg = Number.POSITIVE_INFINITY;
  let highDeg = Number.NEGATIVE_INFINITY;
  let swings = 0;
  let told = false;
  return {
    sample(tMs, deg, swingDeg, out) {
      if (!Number.isFinite(deg) || !(swingDeg > 0)) return;
      if (heading === 0) {
        lowDeg = Math.min(lowDeg, deg);
        highDeg = Math.max(highDeg, deg);
        if (deg - lowDeg >= swingDeg) {
          heading = 1;
          extremeDeg = deg;
        } else if (highDeg - deg >= swingDeg) {
          heading = -1;
          extremeDeg = deg;
        }
        return;
      }
      if (heading * (deg - extremeDeg) > 0) {
        extremeDeg = deg;
        return;
      }
      if (Math.abs(extremeDeg - deg) < swingDeg) return;
      heading = heading === 1 ? -1 : 1;
      extremeDeg = deg;
      swings++;
      if (told || swings < UNCOUNTED_SWINGS) return;
      told = true;
      out.push({
        type: 'warning',
        side,
        tMs,
        code: 'uncounted',
        message: `the foot moved back and forth ${Math.floor(swings / 2)} times without a pump being counted: move more slowly, hold for a second with the toes down and again with the toes up`,
      });
    },
    counted() {
      swings = 0;
      told = false;
    },
    reset() {
      heading = 0;
      lowDeg = Number.POSITIVE_INFINITY;
      highDeg = Number.NEGATIVE_INFINITY;
      swings = 0;
      told = false;
    },
  };
}
