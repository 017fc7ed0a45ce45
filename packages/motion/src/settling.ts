// Before counting, a foot settles: neutral comes from a rest (a still window of `settleS`), from a
// rest the source watched (trustNeutral), or, for a person who never rests, from the middle of the
// angles seen; what such a person did meanwhile is replayed into the engine once neutral is known.
// The rep engine (ankle-tracker.ts) feeds each sample here until it hears how to settle.

import { createLegPlacement, type LegNow } from './leg-placement.ts';
import type { NeutralFrom } from './motion-events.ts';
import { SETTLING, type Settling } from './rep-state-types.ts';
import { stepSettling } from './rep-states.ts';
import { restBetween } from './toes-down-vote.ts';
import { MIN_REP_DEG, type TrackerOptions } from './tracker-options.ts';

/** One sample seen while settling, kept for a replay. */
export interface SettleSample {
  readonly tMs: number;
  /** Filtered angle, degrees (before neutral is subtracted). */
  readonly deg: number;
  readonly despikedDeg: number;
  readonly confidence: number;
  /** The sample's leg reading, to measure leg movement from the replay's start. */
  readonly leg: Float64Array;
}

/** How to settle now: neutral, and the samples to run through the settled engine, oldest first. */
export interface SettleDecision {
  /** The neutral this settling found (the engine keeps a calibration's instead)... */
  readonly neutralDeg: number;
  /** ...and where it came from. */
  readonly neutralFrom: NeutralFrom;
  /**
   * The replay's log began where the leg had just been placed by PLACING_UNITS or more
   * (leg-placement.ts): the foot's first movement in it may be the end of getting into position,
   * not a pump (the tracker's).
   */
  readonly afterPlacing: boolean;
  /**
   * The replayed samples when the movement before neutral is counted (the last is the current
   * sample), or null: only the current sample goes on.
   */
  readonly replay: readonly SettleSample[] | null;
  /** How far the angles seen while settling spread, degrees: the movement a replay carries. */
  readonly seenSpanDeg: number;
  /**
   * How long the foot moved before the rest it settled on (seconds), by a pump's size both ways
   * from that rest, when that movement is not replayed (so not counted); else null. The engine
   * says so ('moved-before-rest'): a camera user who starts pumping at once otherwise loses the
   * pumps before their first pause without a word.
   */
  readonly movedBeforeS: number | null;
}

/** What the engine knows at this sample that settling reads. */
export interface SettleContext extends LegNow {
  // From LegNow: the angle's noise (stillness is at least STILL_NOISE_K of it), the leg, and the
  // swing hysteresis (a rest must lie this far inside the movement before it).
  /** The engine already has neutral (a calibration): nothing before it is replayed. */
  readonly calibrated: boolean;
  /** The leg moved half a threshold since the still window began: the window starts again. */
  readonly legMoved: boolean;
}

export interface Settler {
  /**
   * One sample while settling: the decision once the foot has settled, else null. `windowStarted`
   * is true after a sample that began a new still window (the engine measures leg moves from it).
   */
  step(
    tMs: number,
    deg: number,
    despikedDeg: number,
    confidence: number,
    ctx: SettleContext,
  ): SettleDecision | null;
  readonly windowStarted: boolean;
  /** The source watched the foot rest: `neutralDeg` is neutral at the next sample. */
  trust(neutralDeg: number): void;
  /** A gap while settling (`settled` false) or after: nothing before it is replayed or measured from. */
  afterGap(settled: boolean): void;
  reset(): void;
}

export interface SettlerSetup {
  readonly options: TrackerOptions;
  /** See TrackerSetup.replayRestless. */
  readonly replayRestless: boolean;
  /** A sensor's rest is replayed across too when the movement before it went both ways from it. */
  readonly sensorAngle: boolean;
}

/** Most settling samples kept for a replay: the latest 2.5 s at 400 Hz (a faster log keeps its last 1024). */
const SETTLE_LOG_MAX = 1024;
/** Stillness while settling is at least this many noise standard deviations wide. */
const STILL_NOISE_K = 3;
/** ...but at most this many times `stillDeg`. */
const STILL_MAX_FACTOR = 2;
/**
 * How still a resting foot is, degrees peak to peak: `stillDeg`, and still within the noise too (a
 * noisy source's filtered angle wanders by its noise). Capped: the meter's first estimates take
 * the first movements in too.
 */
export function settleStillDeg(stillDeg: number, noiseSdDeg: number): number {
  return Math.max(stillDeg, Math.min(STILL_NOISE_K * noiseSdDeg, STILL_MAX_FACTOR * stillDeg));
}

/** A foot that never rests this long after its first usable sample settles anyway, seconds. */
export const SETTLE_MAX_S = 2.5;
/**
 * ...and a foot whose leg keeps moving (being placed, or a leg reading that jitters) settles anyway
 * this long after its first usable sample, seconds: the generator's getting into position takes
 * about 3 s, and a leg reading that never stops jittering must not keep a foot from ever settling.
 */
const PLACING_MAX_S = 5;
/**
 * A rest the foot came to from both sides by this much (degrees, a small pump) followed movement
 * the person is told was not counted (`movedBeforeS`).
 */
export const REST_END_DEG = 10;
/**
 * A sensor's rest the foot turned into from one side only by the smallest rep (MIN_REP_DEG) is one
 * end of the movement, a held toes-down, not neutral (the IMU analyzer's own rest check uses it too).
 * It was REST_END_DEG: a wearer of the small-range family (8-15 deg pumps, 55-80% of it toes down)
 * who held the first toes-down end 5-9 deg from neutral had that end taken for neutral, and that
 * first pump was lost. Stress set tuning seeds (IMU, 64 a family), exact / reps counted wrong:
 * 397 / 80 -> 400 / 77 of 448 (small ranges 46 -> 49 of 64); 7 and 6 deg gave 398 and 399, 4 the
 * same as 5. The camera keeps its settling (its jitter makes a one-sided "turn" of 5 deg).
 */
export const ONE_END_DEG = MIN_REP_DEG;
/**
 * ...and a camera's, when the leg stayed where it was from the first frame (the movement before the
 * rest was the person's own, not getting into position): its settling jitters by a few degrees, so
 * the bar is larger. Stress set tuning seeds (camera, 64 a family), with the replay below: 10, 15,
 * 20 and 25 deg gave 305, 307, 306 and 304 of 576 exact...
 */
const CAMERA_ONE_END_DEG = 15;
/**
 * ...and at least this many swing hystereses: a resting foot under 8 deg of jitter at 25 fps
 * swung more than 15 deg one way in its first second, its first "rest" was taken for one end, and
 * the restless replay made a rep of the noise (robust-engine.test.ts). With 2: 303 of 576 exact
 * (1.5: 306, and that foot still counted one).
 */
const CAMERA_ONE_END_HYSTERESES = 2;
/**
 * A restless person's neutral is where they pause mid-way (not the middle of what they did) only
 * when their movement spans this many noise SDs: through 6-10 px of landmark noise the "pauses"
 * are the noise's slow moments. The middle of the angles seen put a restless person's peaks 4.5 deg
 * off at the median (camera, stress set tuning seeds, 16 a family; their pauses 2.6 deg); a phone's
 * 3.2 deg (1.3). At 0 (no gate) the noise family lost two sets of 64 and gained a spurious rep on
 * a resting foot; at 6 and 10 one set; at 15 none.
 */
const PAUSED_NEUTRAL_NOISE_K = 15;

/**
 * How long a first pump stays past half its depth, ms (`pumpedInto` in createSettler). Stress set
 * tuning seeds (camera, 128 a family, with the prescribed and 3-D families), each against the
 * engine without the replay: 10 sets won and none lost (McNemar p = 0.002), spurious reps on
 * resting feet 102 and after the set 84 either way; 120 ms the same sets won and after the set
 * 84 -> 87, 300 ms 9 won. Without the hold (the depth alone): 10 won, and a resting foot under 8
 * deg of jitter counted a rep (robust-engine.test.ts); with the hysteresis alone as the depth, 12
 * won, 5 lost and 14 more spurious reps.
 */
const PUMP_HELD_MS = 200;

/** What the 'moved-before-rest' warning says, for a foot that moved `movedS` seconds first. */
export function movedBeforeRestMessage(movedS: number): string {
  return `the foot moved for ${movedS.toFixed(1)} s before it first rested; counting starts at that rest, and those movements (taken as getting into position) were not counted`;
}

export function createSettler(setup: SettlerSetup): Settler {
  const o = setup.options;
  let window: Settling = SETTLING;
  let windowStarted = false;
  /** Samples seen while settling, for a restless replay. */
  let log: SettleSample[] = [];
  let signalSinceTMs = Number.NaN;
  /** The first usable sample of this settling (a leg placed later does not move it). */
  let firstSignalTMs = Number.NaN;
  /** Neutral from a rest the source saw, taken at the next sample; or null. */
  let trustedNeutralDeg: number | null = null;
  let seenLowDeg = Number.POSITIVE_INFINITY;
  let seenHighDeg = Number.NEGATIVE_INFINITY;
  /** Where the leg is put while settling: getting into position starts settling again. */
  const legs = createLegPlacement();

  /**
   * Neutral for a person who never rested: where they pause between the ends of their movement
   * (the slow samples in its middle, `restBetween`), when the log shows such pauses and the
   * movement spans PAUSED_NEUTRAL_NOISE_K noise SDs; else the middle of the angles seen (which
   * measures each rep's range, not its split between toes down and toes up: `NeutralFrom`).
   */
  function restlessNeutral(noiseSdDeg: number): { deg: number; from: NeutralFrom } {
    const middle = { deg: (seenLowDeg + seenHighDeg) / 2, from: 'movement' } as const;
    if (log.length < 2 || PAUSED_NEUTRAL_NOISE_K * noiseSdDeg > seenHighDeg - seenLowDeg) return middle;
    const pausedDeg = restBetween(
      log.map((x) => x.tMs),
      log.map((x) => x.deg),
      seenLowDeg,
      seenHighDeg,
    );
    return pausedDeg === null ? middle : { deg: pausedDeg, from: 'pauses' };
  }

  /**
   * The person's own movement (at most `aboveDeg` above the rest at `restDeg`, `belowDeg` below
   * it) came to that rest from one side by a camera's pump (CAMERA_ONE_END_DEG, and the hysteresis
   * `marginDeg`), not both ways by the hysteresis nor so far as a held end, and stayed past half of
   * that for PUMP_HELD_MS: a first pump whose toes-up end
   * stayed within a noisy camera's hysteresis of the rest after it (tuning seed 27032, 17 fps: 29
   * deg below the rest and 12 above it, the hysteresis 15). Settling took the rest for neutral and
   * dropped that pump without a word. Held, because a resting foot's jitter reaches as far for a
   * frame or two (8 deg of it at 25 fps went 25 deg one way in the first second: a rep of the
   * noise, robust-engine.test.ts). A sensor's rest come to that way is a held end already
   * (ONE_END_DEG), so this is the camera's.
   */
  function pumpedInto(restDeg: number, aboveDeg: number, belowDeg: number, marginDeg: number): boolean {
    const awayDeg = Math.max(aboveDeg, belowDeg);
    if (awayDeg < Math.max(CAMERA_ONE_END_DEG, marginDeg)) return false;
    const up = aboveDeg >= belowDeg;
    const halfDeg = restDeg + (up ? 0.5 : -0.5) * awayDeg;
    let sinceTMs = Number.NaN;
    for (const x of log) {
      if (up ? x.deg > halfDeg : x.deg < halfDeg) {
        if (Number.isNaN(sinceTMs)) sinceTMs = x.tMs;
        if (x.tMs - sinceTMs >= PUMP_HELD_MS) return true;
      } else sinceTMs = Number.NaN;
    }
    return false;
  }

  function forgetSignal(): void {
    legs.reset();
    signalSinceTMs = Number.NaN;
    firstSignalTMs = Number.NaN;
    seenLowDeg = Number.POSITIVE_INFINITY;
    seenHighDeg = Number.NEGATIVE_INFINITY;
  }

  return {
    step(tMs, deg, despikedDeg, confidence, ctx) {
      if (Number.isNaN(signalSinceTMs)) signalSinceTMs = tMs;
      if (Number.isNaN(firstSignalTMs)) firstSignalTMs = tMs;
      seenLowDeg = Math.min(seenLowDeg, deg);
      seenHighDeg = Math.max(seenHighDeg, deg);
      const stillDeg = settleStillDeg(o.stillDeg, ctx.noiseSdDeg);
      const next = stepSettling(window, tMs, deg, stillDeg, ctx.legMoved);
      windowStarted = next.samples === 1;
      window = next;
      if (setup.replayRestless) {
        if (legs.step(deg, ctx) === 'getting-into-position') {
          // Nothing before it is replayed or taken extremes from (leg-placement.ts).
          log = [];
          signalSinceTMs = tMs;
          seenLowDeg = deg;
          seenHighDeg = deg;
        }
        if (log.length === SETTLE_LOG_MAX) log.shift();
        log.push({ tMs, deg, despikedDeg, confidence, leg: Float64Array.from(ctx.legNow) });
      }
      // A person who never rests (fidgets, starts at once) settles anyway after `SETTLE_MAX_S` of signal:
      // neutral is then the middle of the angles seen so far (the movement's own extremes).
      const restless =
        tMs - signalSinceTMs >= SETTLE_MAX_S * 1000 || tMs - firstSignalTMs >= PLACING_MAX_S * 1000;
      const rested = tMs - next.sinceTMs >= o.settleS * 1000;
      if (!rested && !restless && trustedNeutralDeg === null) return null;
      // Settled by the restless fallback with nothing trusted: the movement seen so far was the
      // pumps themselves (a log started mid-movement), so it is replayed from its first sample. A
      // sensor's log is replayed when it settled by a rest too: a wearer who pumps at once and then
      // pauses has their first pumps before that rest (tuning seeds, IMU, 64 a family, when added:
      // 276 -> 280 of 384 exact, no spurious reps on resting feet; the camera's jittery settling made
      // more of its noise into reps that way, 50 -> 43 of 144 exact, and getting into position: a
      // camera's log is replayed only when the leg stayed still from its first frame, below).
      const restDeg = next.sumDeg / next.samples;
      // ...only when the movement before the rest went both ways from it: a rest at one end of what
      // came before (a log that began at the toes-up end, then held toes down) may not be neutral.
      const marginDeg = ctx.hysteresisDeg();
      const aboveDeg = seenHighDeg - restDeg;
      const belowDeg = restDeg - seenLowDeg;
      const restBetween = seenLowDeg < restDeg - marginDeg && seenHighDeg > restDeg + marginDeg;
      // Neutral is this settling's own: no rest the source watched, no calibration.
      const ownNeutral = trustedNeutralDeg === null && !ctx.calibrated;
      // The leg is measured and stayed where it was since the first sample: whatever the foot did
      // before this rest, the person did it sitting still, not getting into position. A camera
      // then treats that movement as a sensor's is treated below: a restless person who pumps at
      // once, with no rest before their first pump (or none until after it), had it dropped. Stress
      // set tuning seeds (camera, 64 a family): 39 of the 283 sets not counted exactly missed only
      // their first pump; exact 293 -> 303 of 576, spurious reps on resting feet 40 either way,
      // reps counted wrong 1,385 -> 1,371 (the replay alone 298; without the leg's condition the
      // replay counted the end of getting into position as a pump: 283).
      const neverPlaced = ctx.legKnown && signalSinceTMs === firstSignalTMs;
      const ownMovement = setup.sensorAngle || neverPlaced;
      // A "rest" that the foot turned into by a pump's size from one side only is a held end of the
      // movement (a wearer who pumps at once and holds the first toes-down): not neutral. Settling
      // waits for the restless fallback, which replays from the first sample.
      const oneEnd =
        ownMovement &&
        rested &&
        ownNeutral &&
        !restBetween &&
        Math.max(aboveDeg, belowDeg) >=
          (setup.sensorAngle
            ? ONE_END_DEG
            : Math.max(CAMERA_ONE_END_DEG, CAMERA_ONE_END_HYSTERESES * marginDeg));
      if (oneEnd && !restless) return null;
      // The fallback may fall due while the foot holds such an end (a wearer who never returns to
      // neutral, holding each end in turn): that hold is still not neutral, and the movement is
      // replayed from its middle as any restless person's is. It was taken for neutral, and the
      // pump before it lost (tuning seeds 29029, 30050, 34062).
      const restedAtNeutral = rested && !oneEnd;
      const replay =
        (!restedAtNeutral ||
          (ownMovement && (restBetween || pumpedInto(restDeg, aboveDeg, belowDeg, marginDeg)))) &&
        ownNeutral &&
        log.length > 1;
      // A rest the foot came to from both sides by a pump's size, the movement not replayed.
      const movedBefore =
        restedAtNeutral && restBetween && ownNeutral && !replay && seenHighDeg - seenLowDeg >= REST_END_DEG;
      const neutral =
        trustedNeutralDeg !== null
          ? { deg: trustedNeutralDeg, from: 'rest' as const }
          : restedAtNeutral
            ? { deg: restDeg, from: 'rest' as const }
            : restlessNeutral(ctx.noiseSdDeg);
      const decision: SettleDecision = {
        neutralDeg: neutral.deg,
        neutralFrom: neutral.from,
        replay: replay ? log : null,
        seenSpanDeg: seenHighDeg - seenLowDeg,
        movedBeforeS: movedBefore ? (next.sinceTMs - signalSinceTMs) / 1000 : null,
        afterPlacing: legs.afterPlacing,
      };
      legs.settled();
      log = [];
      return decision;
    },
    get windowStarted() {
      return windowStarted;
    },
    trust(neutralDeg) {
      trustedNeutralDeg = neutralDeg;
    },
    afterGap(settled) {
      // What a restless settling saw before the gap is neither replayed across it nor used for a
      // neutral from the movement's extremes (for sources that replay; the camera keeps its rules).
      log = [];
      legs.footForgotten();
      if (setup.replayRestless && !settled) forgetSignal();
      window = SETTLING;
    },
    reset() {
      log = [];
      forgetSignal();
      trustedNeutralDeg = null;
      window = SETTLING;
      windowStarted = false;
    },
  };
}
