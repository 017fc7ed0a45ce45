// One foot's rep engine, shared by every angle source: despike and filter the angle (the chain in
// angle-front-end.ts), wait for the foot to settle, then find plantar and dorsi peaks with
// hysteresis relative to the person's range.
// The states and their pure steps live in rep-states.ts; this shell feeds them and emits events.
// Its contract with the sources (the input, the setup, the answers) is tracker-contract.ts.

import { createAngleChain } from './angle-front-end.ts';
import { createLiveHold } from './live-hold.ts';
import type { MotionEvent, MotionPhase } from './motion-events.ts';
import { createNoiseBars } from './noise-bars.ts';
import { createNoiseFloorWarning } from './noise-floor-warning.ts';
import { SENSOR_STILL_MIN_DEG } from './noise-meter.ts';
import { createOwnPumps, OWN_REP_SHARE, OWN_SWING_SHARE } from './own-pumps.ts';
import { createPersonalRange } from './personal-range.ts';
import { createLegHistory, createRepEvidence, LEG_CHANNELS } from './rep-evidence.ts';
import { createOrderWatch } from './rep-order.ts';
import { reportRep } from './rep-report.ts';
import { createRepShape, sensorLevelTolDeg, shapeSmoothingMs } from './rep-shape.ts';
import {
  keepInRing,
  RESUMING,
  type RepOrder,
  type RepState,
  restingAt,
  resumeAt,
  SETTLING,
  type StepSample,
  stepResting,
  stepToesDown,
  stepToesUp,
  type ToesDown,
  type ToesUp,
  upFirstEnded,
} from './rep-states.ts';
import { createSampleRing } from './sample-ring.ts';
import {
  createSettler,
  movedBeforeRestMessage,
  type SettleContext,
  type SettleDecision,
} from './settling.ts';
import type { AnkleTracker, TrackerInput, TrackerSetup } from './tracker-contract.ts';
import { holdBandDeg, MIN_REP_DEG } from './tracker-options.ts';
import { createUncountedWatch, UNCOUNTED_SHARE } from './uncounted-movement.ts';

const RING = 8192;
/** A state may point this far back in the ring, samples. */
const RING_KEEP = RING - 2;
const WARM_UP = 3;
/**
 * A rep with an end on samples the source doubts (confidence under `setup.doubtedBelow` within
 * DOUBT_NEAR samples of that end's live extreme) counts only at DOUBT_SHARE of the person's recent
 * pumps or more. Such points may be several pixels off, and their going off and
 * coming back made a shallow "rep" in a rest (stress set tuning seed 22002: 7 deg, in a 6-s pause).
 * Tuning seeds (camera, 64 a family), exact / spurious reps on resting feet / reps counted wrong:
 * 290 / 40 / 1,403 -> 292 / 40 / 1,399; sets counted over with no word why 12 -> 9. DOUBT_SHARE
 * 0.6 gave the same, 0.7 288, 0.8 281; DOUBT_NEAR 4 gave 291. The phone's sets are unchanged.
 */
const DOUBT_NEAR = 2;
const DOUBT_SHARE = 0.5;

/**
 * The longest a rep may take from its toes-down peak to its toes-up peak, seconds: holds of 1-2 s
 * and slow moves take under 10; a sensor angle settling slowly (a tilt converging over a minute)
 * once made a 75-s "rep" on a resting foot. (From the peaks, not the swing's start: the first rep
 * after a rest between sets starts its swing where the last one ended.)
 */
const MAX_PEAK_TO_PEAK_S = 30;

/** A person's usual toes-up peak is plainly above neutral from this many `stillDeg`... */
const TOES_UP_PLAIN = 2;
/**
 * ...and then a toes-up peak under this share of it does not end a rep by coming back to neutral
 * (rep-states.ts). Stress set tuning seeds, 32 a family: camera 113 -> 117 of 288 exact (no more
 * spurious reps on resting feet), phone 147 of 192 either way.
 */
const TOES_UP_SHARE = 0.5;

/**
 * Before a person's toes-up peak is known, a toes-up swing opens an up-first rep when it rose this
 * many hystereses from where it began (rep-states.ts `highEnough`); a lower one is a wobble before a
 * toes-down start. A camera's hysteresis is already a multiple of its noise (12 deg at 5.7 deg of
 * noise in seed 24024), and two of them asked a 13.5-deg first toes-up end to rise 24 deg: a person
 * who starts toes up and never rests between reps was read toes down first for the whole set, each
 * rep's toes-up end, hold and leg-moved flag taken from the rep after. A phone's hysteresis is 4 deg
 * before the first rep, within a restless wearer's wiggle. Stress set tuning seeds (64 a family),
 * exact / reps counted wrong / leg moved precision and recall / sets paired in the wrong order:
 * camera at 2 309 / 1,331 / 0.881, 0.814 / 93; at 1.5 309 / 1,332 / 0.884, 0.815 / 90; at 1.25 310 /
 * 1,332 / 0.888, 0.818 / 80; at 1 312 / 1,330 / 0.886, 0.817 / 78 (41 spurious reps on resting feet
 * at each). Phone at 2 405 / 68 / 32; at 1.5 404 / 70 / 28; at 1 404 / 70 / 26.
 */
const FIRST_END_HYSTERESES = { camera: 1, sensor: 2 } as const;

/**
 * A still toes-down swing with no rep under way becomes a rest after this long, ms
 * (`StepLimits.restEndsSwingMs`). Stress set tuning seeds (camera, 64 a family), exact / spurious
 * reps on resting feet / after the set / reps counted wrong, with the rest left by half the
 * hysteresis: never 316 / 41 / 49 / 1,225; 0.4 s 307 / 23 / 28 / 1,307 (pauses between reps
 * became rests, and a small pump after one never left it); 0.6 s 313 / 25 / 30 / 1,256; 1 s 316 /
 * 28 / 32 / 1,233; 1.5 s 315 / 28 / 33 / 1,227. Not a phone's: its angle does not wander at rest,
 * and a gravity-free phone's drifting neutral lost a set (406 of 448, reps wrong 66 -> 71).
 */
const REST_ENDS_SWING_MS = { camera: 1000, sensor: Number.POSITIVE_INFINITY } as const;

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
/** The range the hysteresis assumes before the person's first rep, degrees (small: let it through). */
const START_MOVES_DEG = 20;

/** Creates one foot's rep engine; options are validated by the caller (`resolveTracker`). */
export function createAnkleTracker(setup: TrackerSetup): AnkleTracker {
  const { side, options: o } = setup;
  const sensorAngle = setup.angle === 'sensor';
  const chain = createAngleChain(o.filter, sensorAngle ? SENSOR_STILL_MIN_DEG : undefined);
  const bars = createNoiseBars(chain, sensorAngle);
  const filtered = createSampleRing(RING);
  const doubtedBelow = setup.doubtedBelow ?? 0;
  /** Each sample's confidence, by its `filtered` sequence number. */
  const confidences = new Float32Array(RING);
  const despiked = createSampleRing(RING);
  const shape = createRepShape(RING);
  const personal = createPersonalRange(setup.rangeDeg, o.defaultRangeDeg);
  // A phone's bars are hundredths of a degree: nothing for its pumps to relieve.
  const own = sensorAngle ? null : createOwnPumps(MIN_REP_DEG, personal);
  const hold = createLiveHold(side, o.holdStartS, o.stillDeg);
  const evidence = createRepEvidence();
  const legs = createLegHistory(RING);
  const legNow = new Float64Array(LEG_CHANNELS);
  const settler = createSettler({ options: o, replayRestless: setup.replayRestless === true, sensorAngle });
  const maxGapMs = o.maxGapS * 1000;
  const limits = {
    hysteresisDeg: 0,
    stillDeg: o.stillDeg,
    holdStartMs: o.holdStartS * 1000,
    toesUpPeakFromDeg: Number.NEGATIVE_INFINITY,
    firstEndHystereses: FIRST_END_HYSTERESES[sensorAngle ? 'sensor' : 'camera'],
    restEndsRepMs: Number.POSITIVE_INFINITY,
    restEndsSwingMs: REST_ENDS_SWING_MS[sensorAngle ? 'sensor' : 'camera'],
  };
  const sample = { tMs: 0, seq: 0, deg: 0 };

  let state: RepState = SETTLING;
  let neutralDeg: number | null = setup.neutralDeg;
  let lastUsableTMs = Number.NaN;
  let legKnown = false;
  let repCount = 0;
  /** The last counted rep's order (null: none since the start). */
  let lastOrder: RepOrder | null = null;
  /** Whether the last counted rep moved the leg (its movement may reach into the next rep's lead). */
  let lastLegMoved = false;
  let lastAngleDeg: number | null = null;
  /** The earliest sample a look-back may replay from: where counting began, the last rep, a gap. */
  let lookBackFromSeq = 0;
  /**
   * The highest swing hysteresis since the last rep, look-back, or where counting began or resumed,
   * degrees (0: none yet); a drop below LOOK_BACK_DROP of it starts a look-back.
   */
  let peakHysteresisDeg = 0;
  const replaySample = { tMs: 0, seq: 0, deg: 0 };
  const replayOut: MotionEvent[] = [];
  const noisy = createNoiseFloorWarning(side);
  const uncounted = createUncountedWatch(side);
  const order = createOrderWatch(filtered);

  function clear(): void {
    settler.reset();
    order.reset();
    noisy.reset();
    uncounted.reset();
    state = SETTLING;
    neutralDeg = setup.neutralDeg;
    personal.reset();
    limits.toesUpPeakFromDeg = Number.NEGATIVE_INFINITY;
    limits.restEndsRepMs = Number.POSITIVE_INFINITY;
    chain.reset();
    hold.reset();
    filtered.clear();
    despiked.clear();
    lastUsableTMs = Number.NaN;
    legKnown = false;
    repCount = 0;
    lastOrder = null;
    lastLegMoved = false;
    own?.reset();
    lastAngleDeg = null;
    lookBackFrom(0);
    evidence.restart(legNow);
  }

  // Hysteresis grows with the measured noise, so a noisy source cannot make swings out of jitter;
  // capped at half the range the person moves, so a real rep always gets through. That range is
  // what they do now (START_MOVES_DEG before any rep), not a prescription or the default reference:
  // a stiff ankle's 9-degree pumps must count, as shallow, against a 40-degree prescribed range.
  /** The range the person moves now: their recent reps' median, START_MOVES_DEG before any. */
  const movesNowDeg = () => Math.min(personal.referenceDeg, personal.recentDeg ?? START_MOVES_DEG);
  /**
   * A camera's noise bar `barDeg`, relieved while the person keeps pumping (own-pumps.ts), at the
   * settled sample being stepped (a look-back's replay keeps the one that set it off).
   */
  const relieved = (barDeg: number, share: number) =>
    own === null ? barDeg : own.relieve(barDeg, share, sample.tMs);
  const hysteresisDeg = () => {
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
  };

  /** The smallest range a rep may have for the noise now, degrees. */
  const repNoiseBarDeg = () => relieved(bars.repDeg(), OWN_REP_SHARE);

  /**
   * The smallest pump the noise lets the engine count, degrees: the rep's noise bar (above the
   * swing's noise hysteresis); the person is told when it stays large, or near their own pumps.
   */
  const watchNoiseFloor = (tMs: number, out: MotionEvent[]) => {
    // How unsteady the angle looks, not only how noisy the points are: the warning names quick
    // pumps that do not stop at each end too, and those are what the meter reads above the noise
    // the foot's and shank's lengths show (rigid-noise.ts), which sets the bars.
    // The whole bar, not the one the person's own pumps relieve (own-pumps.ts): the relief lasts
    // only while they keep pumping, and a pump that stops short of it still goes uncounted.
    const unsteady = chain.noiseSdDeg > 0 ? Math.max(1, chain.unsteadySdDeg / chain.noiseSdDeg) : 1;
    const noiseDeg = bars.repDeg() * unsteady;
    const recentDeg = personal.recentDeg;
    noisy.watch(tMs, Math.max(MIN_REP_DEG, noiseDeg), recentDeg ? noiseDeg / recentDeg : 0, out);
  };

  /** The lowest confidence within DOUBT_NEAR samples of `seq`. */
  const confidenceNear = (seq: number) => {
    let c = 1;
    for (let s = Math.max(0, seq - DOUBT_NEAR); s <= seq + DOUBT_NEAR && s < filtered.next; s++)
      c = Math.min(c, confidences[s & (RING - 1)]!);
    return c;
  };
  /** Whether a rep of `rangeDeg` between these live extremes rests on doubted samples (DOUBT_SHARE). */
  const doubtedEnd = (firstSeq: number, secondSeq: number, rangeDeg: number) => {
    const usualDeg = personal.recentDeg;
    if (usualDeg === null || rangeDeg >= DOUBT_SHARE * usualDeg) return false;
    return Math.min(confidenceNear(firstSeq), confidenceNear(secondSeq)) < doubtedBelow;
  };

  const heading = (s: RepState) => (s.kind === 'toes-down' ? 'plantar' : 'dorsi');

  function phase(tMs: number, p: MotionPhase, out: MotionEvent[]): void {
    out.push({ type: 'phase', side, tMs, phase: p });
  }

  /** Completes the rep `second` (the swing to its second end, now confirmed) closes, if it holds up. */
  function completeRep(second: ToesDown | ToesUp, tMs: number, nowSeq: number, out: MotionEvent[]): void {
    const opening = second.rep;
    if (opening === null || !despiked.has(opening.startSeq)) return;
    const m = shape.measure(
      despiked,
      opening.startSeq,
      opening.firstSeq,
      second.extremeSeq,
      nowSeq,
      sensorAngle ? shapeSmoothingMs(chain.noiseSdDeg) : undefined,
      second.order,
      sensorAngle ? sensorLevelTolDeg(chain.noiseSdDeg) : undefined,
    );
    // The live swing passed the hysteresis but the settled shape did not: noise, not a rep. A rep
    // also spans at least MIN_REP_DEG: a resting person's fidget (up to 3 deg peak to peak) is not one.
    // Judged on the range a noisy angle's peaks would have given (its levels over the hold band): a
    // sensor's peaks, measured closer, make a restless wearer's fidget larger too.
    if (m.bandRangeDeg < Math.max(MIN_REP_DEG, o.minSwingDeg, limits.hysteresisDeg, repNoiseBarDeg())) return;
    // Beyond any ankle's range: a sensor's heading drift or a lost landmark, not a rep.
    if (m.rangeDeg > o.maxAbsAngleDeg) return;
    if (doubtedEnd(opening.firstSeq, second.extremeSeq, m.rangeDeg)) return;
    // A pump takes seconds: a second end a minute after the first is a slow drift. For a sensor,
    // from when the foot reached the first end's level: its angle is not smoothed, and on a flat
    // hold the extreme sample may be anywhere in it.
    const upFirst = second.order === 'up-first';
    const firstTMs = upFirst ? m.dorsiTMs : m.plantarTMs;
    const secondTMs = upFirst ? m.plantarTMs : m.dorsiTMs;
    if (secondTMs - (sensorAngle ? m.firstReachTMs : firstTMs) > MAX_PEAK_TO_PEAK_S * 1000) return;
    // A camera person who stopped pumping starts again with a pump of their size (own-pumps.ts);
    // asked last, as a refusal is remembered.
    if (own?.refusesRestart(firstTMs, m.bandRangeDeg, chain.periodicity)) return;
    repCount++;
    own?.counted(tMs);
    lastOrder = second.order;
    lookBackFrom(nowSeq);
    uncounted.counted();
    const rep = reportRep(
      {
        side,
        tMs,
        index: repCount,
        shape: m,
        sparc: shape.sparcOfLast(),
        fullBarDeg: o.fullFraction * personal.referenceDeg,
        tooFastCycleS: o.tooFastCycleS,
        legMoved:
          legKnown &&
          legs.movedInRep(
            filtered,
            opening.startSeq,
            opening.firstSeq,
            second.extremeSeq,
            nowSeq,
            m.rangeDeg,
            upFirst ? -1 : 1,
            lastLegMoved,
          ),
        legMovementMeasured: legKnown,
        confidence: evidence.confidence(),
      },
      out,
    );
    lastLegMoved = rep.legMoved;
    // Only full reps teach the reference, so a run of shallow reps cannot lower the bar for itself;
    // but the first WARM_UP reps teach whatever their size, so a stiff ankle sets its own bar at once
    // (a median of the recent reps keeps one early shallow rep from setting it).
    if (rep.full || personal.count < WARM_UP) {
      personal.learn(rep.rangeDeg, m.peakPlantarDeg, m.peakDorsiDeg);
      // A person whose toes-up end is plainly above neutral: a "peak" under half of theirs, left
      // by coming back to neutral, is a rest after the toes-down end (they start each rep toes up).
      const usualDeg = personal.learned!.dorsiDeg;
      limits.toesUpPeakFromDeg =
        usualDeg > TOES_UP_PLAIN * o.stillDeg ? TOES_UP_SHARE * usualDeg : Number.NEGATIVE_INFINITY;
    }
    // A live session's rest completes a rep waiting at a small toes-up end, once the person has one.
    if (o.restEndsRepS !== null) limits.restEndsRepMs = o.restEndsRepS * 1000;
  }

  /** No usable sample for longer than `maxGapS`: drop the rep under way and resume untrusted. */
  function gapEnded(tMs: number, out: MotionEvent[]): void {
    const settled = state.kind !== 'settling';
    const lost = state.kind === 'toes-down' || state.kind === 'toes-up';
    const msg = `no usable signal for ${((tMs - lastUsableTMs) / 1000).toFixed(1)} s${lost && settled ? '; the rep in progress was dropped' : ''}`;
    out.push({ type: 'warning', side, tMs, code: 'gap', message: msg });
    chain.interrupt();
    uncounted.reset();
    hold.end(lastUsableTMs, hold.anchorDeg, heading(state), out);
    settler.afterGap(settled);
    state = settled ? RESUMING : SETTLING;
  }

  /** The leg's largest move since the rest or swing began, in units of the leg-moved threshold. */
  function legMove(input: TrackerInput): number {
    legNow[0] = input.leg0;
    legNow[1] = input.leg1;
    legNow[2] = input.leg2;
    legNow[3] = input.leg3;
    legNow[4] = input.leg4;
    return legMoveNow();
  }

  /**
   * How far `legNow` is from where the still window began, in units of the leg-moved threshold (the
   * knee and ankle positions; settling watches where the leg is, not its bend).
   */
  function legMoveNow(): number {
    legKnown = !Number.isNaN(legNow[0]!);
    if (!legKnown) return 0;
    let move = 0;
    for (let i = 0; i < 4; i++) move = Math.max(move, Math.abs(legNow[i]! - evidence.legAtStart[i]!));
    return move;
  }

  /** What settling reads from the engine: filled per sample (settling is a second or so). */
  const settleContext: { -readonly [K in keyof SettleContext]: SettleContext[K] } = {
    noiseSdDeg: 0,
    calibrated: false,
    legNow,
    legKnown: false,
    legMoved: false,
    hysteresisDeg,
  };

  function settle(
    tMs: number,
    deg: number,
    despikedDeg: number,
    move: number,
    confidence: number,
    out: MotionEvent[],
  ): void {
    settleContext.noiseSdDeg = chain.noiseSdDeg;
    settleContext.calibrated = neutralDeg !== null;
    settleContext.legKnown = legKnown;
    settleContext.legMoved = move > 0.5;
    const decision = settler.step(tMs, deg, despikedDeg, confidence, settleContext);
    if (settler.windowStarted) evidence.legAtStart.set(legNow);
    if (decision) settled(decision, tMs, deg, despikedDeg, out);
  }

  /** Neutral is known: the first sample (the replay's, or this one) starts the settled engine. */
  function settled(
    d: SettleDecision,
    tMs: number,
    deg: number,
    despikedDeg: number,
    out: MotionEvent[],
  ): void {
    if (neutralDeg === null) {
      neutralDeg = d.neutralDeg;
      out.push({ type: 'calibrated', side, tMs, neutralDeg });
    }
    if (d.movedBeforeS !== null) {
      out.push({
        type: 'warning',
        side,
        tMs,
        code: 'moved-before-rest',
        message: movedBeforeRestMessage(d.movedBeforeS),
      });
    }
    const replay = d.replay;
    const first = replay ? replay[0]! : { tMs, deg, despikedDeg };
    if (replay) legNow.set(replay[0]!.leg);
    const y = first.deg - neutralDeg;
    lastAngleDeg = y;
    const seq = filtered.push(first.tMs, y);
    lookBackFrom(seq);
    // Every settled sample has its leg reading (a rep that starts here is judged from it).
    legs.record(seq, legNow);
    despiked.push(first.tMs, first.despikedDeg - neutralDeg);
    evidence.restart(legNow);
    // A replay starts at the log's first sample, perhaps mid-rep; still, the way the foot leaves
    // it says which end comes first, as a rest's does (an up-first swing too low to be a first end
    // gives way to toes down first: rep-states.ts). Read as instructed (toes down first), a restless
    // up-first person's replayed pumps were each split at their return to neutral: a camera set
    // (tuning seed 27004) counted 20 of 18 once a camera replays what the person did before a
    // first rest with the leg still. Stress set tuning seeds (64 a family), exact / reps counted
    // wrong: camera 303 / 1,371 -> 304 / 1,369, phone 400 / 77 -> 400 / 70.
    state = restingAt(y, 'departure');
    hold.end(first.tMs, y, 'plantar', out);
    if (replay) {
      // Each replayed sample's leg reading goes into the leg history with it (a replayed rep's
      // leg-moved flag is judged on them); the last entry is the current sample, so legNow ends as
      // it was.
      for (let i = 1; i < replay.length; i++) {
        const x = replay[i]!;
        legNow.set(x.leg);
        legMoveNow();
        stepSettled(x.tMs, x.deg, x.despikedDeg, x.confidence, out);
      }
    }
  }

  /** One settled sample through the state machine; transitions become events. */
  function advance(x: StepSample, out: MotionEvent[]): void {
    const before = state;
    switch (before.kind) {
      case 'settling':
      case 'resuming':
        return;
      case 'resting':
        state = stepResting(before, x, limits);
        break;
      case 'toes-down':
        state = stepToesDown(before, x, limits);
        break;
      case 'toes-up':
        state = stepToesUp(before, x, limits);
        break;
    }
    // The pauses may say this person starts each rep toes up (rep-order.ts).
    const reread = order.step(before, state, limits, x);
    if (reread) state = reread;
    const switched = reread !== null;
    const after = state;
    if (after.kind === before.kind) {
      if (after.kind === 'toes-down' || after.kind === 'toes-up') {
        // The hold band is 10% of the rep's range (3 deg at least): the swing under way once known.
        const swingDeg = after.rep ? Math.abs(after.extremeDeg - after.rep.firstDeg) : 0;
        const tolDeg = holdBandDeg(Math.max(personal.referenceDeg, swingDeg));
        hold.update(x.tMs, x.deg, after.extremeDeg, heading(after), tolDeg, out);
      }
      return;
    }
    if (before.kind === 'resting') {
      phase(x.tMs, after.kind === 'toes-down' ? 'plantar' : 'dorsi', out);
      hold.end(x.tMs, x.deg, heading(after), out);
    } else {
      hold.end(x.tMs, x.deg, heading(before), out);
      if (after.kind === 'resting') {
        // A rest near neutral ended a down-first rep's small toes-up end (rep-states.ts).
        if (before.kind === 'toes-up') completeRep(before, x.tMs, x.seq, out);
        evidence.restart(legNow);
        return;
      }
      // A down-first rep is complete at its toes-up peak; an up-first one at its toes-down peak,
      // unless that peak never went below where the rep began (stepToesDown then opens a
      // down-first rep there instead).
      const completes = before.rep !== null && (before.kind === 'toes-up' || after.order === 'up-first');
      if (completes) completeRep(before, x.tMs, x.seq, out);
      // A rep's second end confirmed (a down-first person's toes-up peak, an up-first person's
      // toes-down peak): the next rep's evidence starts here. An up-first rep's first end keeps it.
      const upFirstOpened = after.kind === 'toes-down' && after.order === 'up-first' && !switched;
      const secondEnd = before.kind === 'toes-up' ? !upFirstOpened : before.order === 'up-first';
      if (secondEnd) evidence.restart(legNow);
      phase(x.tMs, heading(after), out);
    }
  }

  /**
   * The bars just came down (the angle repeats itself at a pump's pace): the samples since the
   * last rep, at most LOOK_BACK_S, go through the state machine again under them. What that replay
   * says is kept only if it counted a rep; otherwise its events are dropped (the first pass already
   * told those moments) and the first pass's state and rep evidence are put back. (The replay's
   * state stood until 2026-12-04: one that began mid-swing forgot the rep under way, and a look-back
   * after a set's last pump lost that pump. With the peak rule above, tuning seeds, camera, 64 a
   * family: 305 / 40 / 1,349 -> 309 / 41 / 1,331.)
   */
  function lookBack(seq: number, out: MotionEvent[]): void {
    const windowStart = Math.max(lookBackFromSeq, filtered.next - RING_KEEP);
    let start = seq;
    const fromTMs = filtered.t(seq) - LOOK_BACK_S * 1000;
    while (start - 1 >= windowStart && filtered.t(start - 1) >= fromTMs) start--;
    if (seq - start < 2) return;
    const countBefore = repCount;
    // What the first pass had, put back if the replay counts nothing.
    const stateBefore = state;
    evidence.save();
    // A hold the first pass announced ends here, so hold-started and hold-ended stay in pairs.
    hold.end(filtered.t(seq - 1), filtered.a(seq - 1), heading(state), out);
    replayOut.length = 0;
    // The replay watches for holds from its first sample (this ends nothing: none is under way).
    hold.end(filtered.t(start), filtered.a(start), 'plantar', replayOut);
    state = restingAt(filtered.a(start), 'instructed');
    evidence.restart(legNow);
    for (let s = start + 1; s < seq; s++) {
      replaySample.tMs = filtered.t(s);
      replaySample.seq = s;
      replaySample.deg = filtered.a(s);
      advance(replaySample, replayOut);
    }
    // ...and one the replay announced ends with it, whether its events are kept or dropped.
    hold.end(filtered.t(seq - 1), filtered.a(seq - 1), heading(state), replayOut);
    if (repCount > countBefore) for (const e of replayOut) out.push(e);
    else {
      state = stateBefore;
      evidence.restore();
    }
    replayOut.length = 0;
  }

  /** A look-back replays from `seq` on (where counting began or resumed, the last rep). */
  function lookBackFrom(seq: number): void {
    lookBackFromSeq = seq;
    peakHysteresisDeg = 0;
  }

  /** One filtered sample after settling: into the rings, then through the state machine. */
  function stepSettled(
    t: number,
    c: number,
    despikedDeg: number,
    confidence: number,
    out: MotionEvent[],
  ): void {
    const y = c - (neutralDeg ?? 0);
    lastAngleDeg = y;
    const seq = filtered.push(t, y);
    confidences[seq & (RING - 1)] = confidence;
    legs.record(seq, legNow);
    despiked.push(t, despikedDeg - (neutralDeg ?? 0));
    sample.tMs = t;
    sample.seq = seq;
    sample.deg = y;
    if (state.kind === 'resuming') {
      state = resumeAt(sample, lastOrder);
      evidence.restart(legNow);
      lookBackFrom(seq);
    }
    state = keepInRing(state, seq, RING_KEEP);
    evidence.usable++;
    evidence.confidenceSum += confidence;
    limits.hysteresisDeg = hysteresisDeg();
    if (
      !sensorAngle &&
      limits.hysteresisDeg < LOOK_BACK_DROP * peakHysteresisDeg &&
      state.kind !== 'resuming' &&
      state.kind !== 'settling'
    ) {
      lookBack(seq, out);
      // The highest since this look-back, from here on (as after a rep: lookBackFrom).
      peakHysteresisDeg = 0;
    }
    peakHysteresisDeg = Math.max(peakHysteresisDeg, limits.hysteresisDeg);
    // The floor moves slowly: every eighth sample is often enough (and keeps the engine's per-frame cost).
    if ((seq & 7) === 0) watchNoiseFloor(t, out);
    advance(sample, out);
    // After the step, so a rep this sample completed has already cleared the swings before it.
    // A sensor's angle only: a camera's despiked angle swings by a rep's size on noise alone
    // (resting feet of the stress set's camera families: told in 257 of 288 at 6 noise SDs).
    // A swing is at least a rep's size and a good part of the range the person moves (a tremor
    // in a hold is not a pump).
    if (sensorAngle) {
      const swingDeg = Math.max(
        MIN_REP_DEG,
        limits.hysteresisDeg,
        repNoiseBarDeg(),
        UNCOUNTED_SHARE * movesNowDeg(),
      );
      uncounted.sample(t, despikedDeg - (neutralDeg ?? 0), swingDeg, out);
    }
  }

  const tracker: AnkleTracker = {
    step(input, out) {
      const t = input.tMs;
      if (!Number.isNaN(lastUsableTMs) && t - lastUsableTMs > maxGapMs) gapEnded(t, out);
      lastUsableTMs = t;
      const c = chain.next(input.angleDeg, t, input.footLen, input.shankLen);
      const despikedDeg = chain.despikedDeg;
      const move = legMove(input);
      if (state.kind === 'settling') settle(t, c, despikedDeg, move, input.confidence, out);
      else stepSettled(t, c, despikedDeg, input.confidence, out);
    },
    trustNeutral(deg) {
      if (state.kind === 'settling' && neutralDeg === null) settler.trust(deg);
    },
    gated() {
      if (state.kind !== 'settling') evidence.gated++;
    },
    finish(out) {
      // An up-first rep ends at its toes-down peak: only one below where the rep began (not a
      // recording that stopped on the way down).
      if (
        (state.kind === 'toes-up' || state.kind === 'toes-down') &&
        state.rep !== null &&
        (state.kind === 'toes-up' || upFirstEnded(state.rep, state.extremeDeg, limits))
      ) {
        const now = filtered.next - 1;
        const t = filtered.t(now);
        hold.end(t, filtered.a(now), heading(state), out);
        completeRep(state, t, now, out);
        state = restingAt(filtered.a(now), 'departure');
      }
    },
    reset: clear,
    get neutralDeg() {
      return neutralDeg;
    },
    get referenceRangeDeg() {
      return personal.referenceDeg;
    },
    givenRangeDeg: setup.rangeDeg,
    get personal() {
      return personal.learned;
    },
    get angleDeg() {
      return lastAngleDeg;
    },
    get noiseDeg() {
      return chain.noiseSdDeg;
    },
  };
  clear();
  return tracker;
}
