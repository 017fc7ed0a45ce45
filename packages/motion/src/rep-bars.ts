// What a swing and a rep must clear, for one foot's tracker: the hysteresis grows with the
// measured noise, so a noisy source cannot make swings out of jitter, and is capped at half the
// range the person moves, so a real rep always gets through. That range is what they do now
// (START_MOVES_DEG before any rep), not a prescription or the default reference: a stiff ankle's
// 9-degree pumps must count, as shallow, against a 40-degree prescribed range. When the noise keeps
// the smallest countable pump large, the person is told (noise-floor-warning.ts).

import type { AngleChain } from './angle-front-end.ts';
import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';
import { createNoiseBars } from './noise-bars.ts';
import { createNoiseFloorWarning } from './noise-floor-warning.ts';
import { OWN_REP_SHARE, OWN_SWING_SHARE, type OwnPumps } from './own-pumps.ts';
import type { PersonalRange } from './personal-range.ts';
import { MIN_REP_DEG, type TrackerOptions } from './tracker-options.ts';
import { UNCOUNTED_SHARE } from './uncounted-movement.ts';

/** The range the hysteresis assumes before the person's first rep, degrees (small: let it through). */
const START_MOVES_DEG = 20;

export interface RepBarsSetup {
  readonly side: Side;
  readonly options: TrackerOptions;
  readonly chain: AngleChain;
  /** A sensor's angle (its noise is a sensor's, and nothing for its pumps to relieve), not a camera's. */
  readonly sensorAngle: boolean;
  /** A camera's relief while the person keeps pumping (own-pumps.ts); null for a sensor. */
  readonly own: OwnPumps | null;
  readonly personal: PersonalRange;
  /**
   * The settled sample being stepped (the tracker's own, read live): the relief is that sample's,
   * and a look-back's replay keeps the one that set it off.
   */
  readonly now: { readonly tMs: number };
}

export interface RepBars {
  /** The range the person moves now: their recent reps' median, START_MOVES_DEG before any. */
  movesNowDeg(): number;
  /** The reversal a swing must make now, degrees. */
  hysteresisDeg(): number;
  /** The smallest range a rep may have for the noise now, degrees. */
  repNoiseBarDeg(): number;
  /**
   * The smallest swing of a sensor's despiked angle that counts as uncounted pumping, under the
   * hysteresis `hysteresisDeg` in force: a rep's size, and a good part of the range the person
   * moves (a tremor in a hold is not a pump).
   */
  uncountedSwingDeg(hysteresisDeg: number): number;
  /** Tells the person, once, when the smallest pump the noise lets through stays large. */
  watchNoiseFloor(tMs: number, out: MotionEvent[]): void;
  /**
   * Until the first rep, the range the person moves is taken as `deg` (START_MOVES_DEG at least):
   * the span of a sensor's replayed movement before it settled. A phone wearer who pumps at once
   * and never returns to neutral wiggles by a few degrees in each hold; with the 4-deg hysteresis
   * of a 20-deg range those wiggles were swings, and the first toes-down end was paired as a
   * toes-up one, so the whole set was read toes up first (tuning seed 71008). Stress set tuning
   * seeds (IMU, 64 a family), exact, against the default alone: planar families 417 -> 418 of
   * 448, as prescribed 60 -> 61, 3-D ankle 60 -> 61, 3-D as prescribed 62 either way; 60% of the
   * span gave 418 / 60 / 61 / 62. The camera's replayed span carries its jitter and getting into
   * position: camera 161 -> 160 of 288, so it keeps the default.
   */
  assumeMoves(deg: number): void;
  reset(): void;
}

export function createRepBars(s: RepBarsSetup): RepBars {
  const { options: o, chain, own, personal, now } = s;
  const bars = createNoiseBars(chain, s.sensorAngle);
  const noisy = createNoiseFloorWarning(s.side);
  let startMovesDeg = START_MOVES_DEG;
  const movesNowDeg = () => Math.min(personal.referenceDeg, personal.recentDeg ?? startMovesDeg);
  /** A camera's noise bar `barDeg`, relieved while the person keeps pumping (own-pumps.ts). */
  const relieved = (barDeg: number, share: number) =>
    own === null ? barDeg : own.relieve(barDeg, share, now.tMs);
  const repNoiseBarDeg = () => relieved(bars.repDeg(), OWN_REP_SHARE);
  return {
    movesNowDeg,
    hysteresisDeg() {
      const movesDeg = movesNowDeg();
      // Never into the noise, though: a resting foot's first noise swings taught it a tiny range,
      // which let more noise through (a resting far leg counted more the longer the stream ran).
      return Math.max(
        Math.min(
          Math.max(o.minSwingDeg, o.swingFraction * movesDeg),
          0.5 * Math.max(movesDeg, 2 * o.minSwingDeg),
        ),
        relieved(bars.swingDeg(), OWN_SWING_SHARE),
      );
    },
    repNoiseBarDeg,
    uncountedSwingDeg(hysteresisDeg) {
      return Math.max(MIN_REP_DEG, hysteresisDeg, repNoiseBarDeg(), UNCOUNTED_SHARE * movesNowDeg());
    },
    watchNoiseFloor(tMs, out) {
      // How unsteady the angle looks, not only how noisy the points are: the warning names quick
      // pumps that do not stop at each end too, and those are what the meter reads above the noise
      // the foot's and shank's lengths show (rigid-noise.ts), which sets the bars.
      // The whole bar, not the one the person's own pumps relieve (own-pumps.ts): the relief lasts
      // only while they keep pumping, and a pump that stops short of it still goes uncounted.
      const unsteady = chain.noiseSdDeg > 0 ? Math.max(1, chain.unsteadySdDeg / chain.noiseSdDeg) : 1;
      const noiseDeg = bars.repDeg() * unsteady;
      const recentDeg = personal.recentDeg;
      noisy.watch(tMs, Math.max(MIN_REP_DEG, noiseDeg), recentDeg ? noiseDeg / recentDeg : null, out);
    },
    assumeMoves(deg: number) {
      startMovesDeg = Math.max(START_MOVES_DEG, deg);
    },
    reset() {
      startMovesDeg = START_MOVES_DEG;
      noisy.reset();
    },
  };
}
