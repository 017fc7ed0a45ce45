// While a camera's foot settles, where the leg is put: a person getting into position moves the leg
// well before the first pump, and the foot's movement then is not a pump. Settling (settling.ts)
// reads each sample's verdict here: the leg moved once (perhaps a pump's own slide or knee bend),
// or moved far enough, away from where it came back from, to be getting into position, when
// settling starts again from this sample. Sources that do not read a leg (a phone) never move it.

import { LEG_READING } from './rep-evidence.ts';

/**
 * A leg placed by this many leg-move units while settling (0.15 of the shank each: 2 are 12-13 cm)
 * was being put into position, further than a pump's own slide of a few cm moves it. The first rep
 * a replay from there counts, if the leg moved during it, is the end of that: the foot moving as
 * the leg came to rest (tuning seeds 23001, 23033: the generator's getting into position ends
 * +7 -> -11 -> 0 deg after a 15-25 cm slide, and that counted as a shallow pump with the leg
 * moved). The tracker leaves it out. One unit (any placement) also left out a wearer's true first
 * pump whose own 3-10 cm slide restarted settling (27046). Stress set tuning seeds (camera, 64 a
 * family), exact / spurious reps on resting feet / reps counted wrong: 316 / 28 / 1,233 ->
 * 318 / 28 / 1,231 (1 unit: 317; 3 units: 317); the phone's sets unchanged.
 */
export const PLACING_UNITS = 2;

/**
 * A leg that moved away and back while settling was a pump's own movement when the foot turned by
 * this many swing hystereses meanwhile (`cameBack` below).
 */
const CAME_BACK_HYSTERESES = 2;

/** How far apart two leg readings are, in leg-move thresholds: the largest of the four channels' differences. */
function legDistance(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < 4; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

/** What settling reads about the leg at one sample. */
export interface LegNow {
  /** The angle's noise now, degrees (0: not known yet). */
  readonly noiseSdDeg: number;
  /** Where the leg is, in leg-moved thresholds, and whether the source measures it. */
  readonly legNow: Float64Array;
  readonly legKnown: boolean;
  /** The swing hysteresis now, degrees. */
  hysteresisDeg(): number;
}

/**
 * What a sample said about the leg: where it was (`stayed`), moved once by a threshold (`moved`:
 * as likely a pump's own slide or knee bend as the start of getting into position), or moved
 * again, PLACING_UNITS in all (`getting-into-position`: settling starts again from this sample).
 */
export type LegVerdict = 'stayed' | 'moved' | 'getting-into-position';

export interface LegPlacement {
  /** One settling sample: the foot's filtered angle `deg` and the leg as the engine reads it. */
  step(deg: number, now: LegNow): LegVerdict;
  /** The leg was placed PLACING_UNITS or more since settling last decided: getting into position. */
  readonly afterPlacing: boolean;
  /** Settling decided: the placements are counted afresh, and the foot's turn read from here. */
  settled(): void;
  /** Settling dropped the samples it kept (a gap): the foot's turn is read from here. */
  footForgotten(): void;
  /** Settling starts again with nothing known (a gap before it settled, or a reset). */
  reset(): void;
}

export function createLegPlacement(): LegPlacement {
  /** Where the leg was when settling began or it was last placed, in leg-moved thresholds (NaN: not yet). */
  const legAtPlace = new Float64Array(LEG_READING).fill(Number.NaN);
  /** Where the leg was when settling began, or where it was put after getting into position (NaN: not yet). */
  const legAtStart = new Float64Array(LEG_READING).fill(Number.NaN);
  /** Leg-move units the leg was placed by while settling (each placement is one). */
  let placements = 0;
  /** How far the foot turned since the leg was last placed (or the samples were dropped), degrees. */
  let footLowDeg = Number.POSITIVE_INFINITY;
  let footHighDeg = Number.NEGATIVE_INFINITY;

  function forgetFoot(): void {
    footLowDeg = Number.POSITIVE_INFINITY;
    footHighDeg = Number.NEGATIVE_INFINITY;
  }

  /**
   * The leg's second move brought it back within a threshold of where it started, and the foot
   * turned by CAME_BACK_HYSTERESES meanwhile: a pump that bent the knee or lifted the leg and put
   * it back, not getting into position, which leaves the leg somewhere else. Counted as a
   * placement, a restless person's first pump that moved the leg had its log dropped and was lost
   * (traced on tuning seed 27013: a 22-deg pump with a knee bend 0.15 s after the recording began,
   * whose log is kept now, though it is still not replayed: it came to the rest from one side by
   * 14.8 deg, under settling's CAMERA_ONE_END_DEG). The foot must have turned (a leg lifted and put
   * back with the foot still is getting into position), and the angle's noise must be known
   * (`noiseSdDeg` 0: not yet), since a noisy leg reading crosses a threshold and back on its own.
   * Stress set tuning seeds (camera, 128 a family, with the prescribed and 3-D families), against
   * the settling before: 4 sets won (22007, 24009, 24084, 28009), none lost, exact 670 -> 674 of
   * 1,152, reps counted wrong 2,077 -> 2,072, the first pump missed in 248 -> 243 sets, spurious
   * reps on resting feet 110 and on the rest after the set 72 either way. At one hysteresis: 677
   * exact (7 won, none lost), but spurious reps 111 and 76, and a resting foot of 20038 (15 fps, a
   * noisy leg's reading away and back over 0.6 s while the angle's noise spanned 1.7 hystereses)
   * counted a rep; without the foot's turn 680 exact but 2 lost (70008's getting into position
   * counted as a pump), resting 117, after the set 86; without the noise known, after the set 86.
   * The phone (64 a family) unchanged: its settling reads no leg.
   */
  function cameBack(now: LegNow): boolean {
    if (Number.isNaN(legAtStart[0]!) || !(now.noiseSdDeg > 0) || legDistance(now.legNow, legAtStart) > 1)
      return false;
    return footHighDeg - footLowDeg >= CAME_BACK_HYSTERESES * now.hysteresisDeg();
  }

  /**
   * The leg moved while settling, as far as flags a rep (one leg-moved threshold from where it was
   * when settling began or was last placed). From the second such move (PLACING_UNITS: 12-13 cm
   * or more in all) the person is getting into position: their restless settling starts again
   * from here, with nothing before it to replay or to take extremes from. One move alone is as
   * likely a pump's own slide or knee bend (3-10 cm, 10-30 deg) as the start of getting into
   * position: the log and the extremes stay, and the leg is measured from here on. A restless
   * person whose first pump moved the leg lost that pump (tuning seeds 22000, 28009). Stress set
   * tuning seeds (camera, 64 a family), exact / spurious reps on resting feet / on the rest after
   * the set / reps counted wrong: 327 / 29 / 31 / 1,135 -> 335 / 31 / 33 / 1,118, no family worse;
   * the 3-D ankle 52 -> 53 of 64, as prescribed the same. Starting again at the third move instead:
   * 158 of 288 (32 a family), against 161 at the first and 164 at the second.
   */
  function placed(now: LegNow): LegVerdict {
    legAtPlace.set(now.legNow);
    if (placements === 1 && cameBack(now)) {
      placements = 0;
      return 'stayed';
    }
    placements++;
    forgetFoot();
    if (placements < PLACING_UNITS) return 'moved';
    legAtStart.set(now.legNow);
    return 'getting-into-position';
  }

  function verdict(now: LegNow): LegVerdict {
    if (!now.legKnown) return 'stayed';
    if (Number.isNaN(legAtPlace[0]!)) {
      legAtPlace.set(now.legNow);
      legAtStart.set(now.legNow);
    }
    return legDistance(now.legNow, legAtPlace) > 1 ? placed(now) : 'stayed';
  }

  return {
    step(deg, now) {
      const v = verdict(now);
      footLowDeg = Math.min(footLowDeg, deg);
      footHighDeg = Math.max(footHighDeg, deg);
      return v;
    },
    get afterPlacing() {
      return placements >= PLACING_UNITS;
    },
    settled() {
      placements = 0;
      forgetFoot();
    },
    footForgotten: forgetFoot,
    reset() {
      placements = 0;
      legAtPlace.fill(Number.NaN);
      legAtStart.fill(Number.NaN);
      forgetFoot();
    },
  };
}
