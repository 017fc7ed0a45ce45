// One foot's rep engine, shared by every angle source: despike and filter the angle (the chain in
// angle-front-end.ts), wait for the foot to settle, then find plantar and dorsi peaks with
// hysteresis relative to the person's range.
// The states and their pure steps live in rep-states.ts; this shell feeds them and emits events.
// Its contract with the sources (the input, the setup, the answers) is tracker-contract.ts. What a
// swing and a rep must clear is rep-bars.ts's, the limits the states step under step-limits.ts's,
// when to replay under lowered bars look-back.ts's, what the rep under way has shown (the leg
// included) rep-evidence.ts's, whether the leg moved during a finished rep leg-history.ts's, and
// whether it has a rep's shape rep-shape.ts's.

import { createAngleChain } from './angle-front-end.ts';
import { createAngleLog } from './angle-log.ts';
import { createDoubtedEnds } from './doubted-ends.ts';
import { createLegHistory } from './leg-history.ts';
import { createLiveHold } from './live-hold.ts';
import { createLookBackWatch } from './look-back.ts';
import type { MotionEvent, MotionPhase, NeutralFrom } from './motion-events.ts';
import { createNeutralDoubt, type DoubtBars } from './neutral-doubt.ts';
import { SENSOR_STILL_MIN_DEG } from './noise-meter.ts';
import { createOwnPumps } from './own-pumps.ts';
import { createPersonalRange } from './personal-range.ts';
import { createRepBars } from './rep-bars.ts';
import { createRepEvidence } from './rep-evidence.ts';
import { createOrderWatch } from './rep-order.ts';
import { reportRep } from './rep-report.ts';
import { createRepShape, sensorLevelTolDeg, shapeHoldsUp, shapeSmoothingMs } from './rep-shape.ts';
import {
  holdsRep,
  RESUMING,
  type RepOrder,
  type RepState,
  SETTLING,
  type StepSample,
  type ToesDown,
  type ToesUp,
} from './rep-state-types.ts';
import {
  keepInRing,
  restingAt,
  resumeAt,
  stepResting,
  stepToesDown,
  stepToesUp,
  upFirstEnded,
} from './rep-states.ts';
import { createSampleRing } from './sample-ring.ts';
import {
  createSettler,
  movedBeforeRestMessage,
  type SettleContext,
  type SettleDecision,
  settleStillDeg,
} from './settling.ts';
import { createStepLimits, forgetReps, learnToesUp, repCounted } from './step-limits.ts';
import type { AnkleTracker, TrackerSetup } from './tracker-contract.ts';
import { holdBandDeg, MIN_REP_DEG } from './tracker-options.ts';
import { createUncountedWatch } from './uncounted-movement.ts';

const RING = 8192;
/** A state may point this far back in the ring, samples. */
const RING_KEEP = RING - 2;
const WARM_UP = 3;
/** Creates one foot's rep engine; options are validated by the caller (`resolveTracker`). */
export function createAnkleTracker(setup: TrackerSetup): AnkleTracker {
  const { side, options: o } = setup;
  const sensorAngle = setup.angle === 'sensor';
  const chain = createAngleChain(o.filter, sensorAngle ? SENSOR_STILL_MIN_DEG : undefined);
  const filtered = createSampleRing(RING);
  /** Each settled sample's confidence, for reps whose ends the source doubts. */
  const doubts = createDoubtedEnds(RING, setup.doubtedBelow ?? 0);
  const despiked = createSampleRing(RING);
  const shape = createRepShape(RING);
  const personal = createPersonalRange(setup.rangeDeg, o.defaultRangeDeg);
  // A phone's bars are hundredths of a degree: nothing for its pumps to relieve.
  const own = sensorAngle ? null : createOwnPumps(MIN_REP_DEG, personal);
  const hold = createLiveHold(side, o.holdStartS, o.stillDeg);
  const evidence = createRepEvidence();
  const legs = createLegHistory(RING);
  const settler = createSettler({ options: o, replayRestless: setup.replayRestless === true, sensorAngle });
  const maxGapMs = o.maxGapS * 1000;
  const limits = createStepLimits(o, sensorAngle ? 'sensor' : 'camera');
  /** The settled sample being stepped. */
  const sample = { tMs: 0, seq: 0, deg: 0 };
  const repBars = createRepBars({ side, options: o, chain, sensorAngle, own, personal, now: sample });

  let state: RepState = SETTLING;
  let neutralDeg: number | null = setup.neutralDeg;
  /** Where `neutralDeg` came from, once it is known: a calibration's is a rest, settling says. */
  let neutralFrom: NeutralFrom = 'rest';
  let lastUsableTMs = Number.NaN;
  let repCount = 0;
  /** The last counted rep's order (null: none since the start). */
  let lastOrder: RepOrder | null = null;
  /** Whether the last counted rep moved the leg (its movement may reach into the next rep's lead). */
  let lastLegMoved = false;
  /** The samples being stepped are a replay whose log began where the leg was placed. */
  let placingReplay = false;
  let lastAngleDeg: number | null = null;
  /** The settled samples' angles since they were last taken (kept only once asked for). */
  const stepped = createAngleLog();
  const looks = createLookBackWatch();
  /** The samples being stepped are a look-back's replay of the pumps before that first rep. */
  let replayingBefore = false;
  const replaySample = { tMs: 0, seq: 0, deg: 0 };
  const replayOut: MotionEvent[] = [];
  const uncounted = createUncountedWatch(side);
  const doubt = createNeutralDoubt();
  const order = createOrderWatch(filtered);

  function clear(): void {
    settler.reset();
    order.reset();
    repBars.reset();
    uncounted.reset();
    doubt.reset();
    state = SETTLING;
    neutralDeg = setup.neutralDeg;
    neutralFrom = 'rest';
    personal.reset();
    forgetReps(limits);
    chain.reset();
    hold.reset();
    filtered.clear();
    despiked.clear();
    lastUsableTMs = Number.NaN;
    evidence.legKnown = false;
    repCount = 0;
    lastOrder = null;
    lastLegMoved = false;
    own?.reset();
    lastAngleDeg = null;
    stepped.clear();
    looks.from(0);
    evidence.restart();
  }

  /** The smallest range a rep may span now, degrees: MIN_REP_DEG and the bars the noise sets. */
  const repBarDeg = () =>
    Math.max(MIN_REP_DEG, o.minSwingDeg, limits.hysteresisDeg, repBars.repNoiseBarDeg());

  /** What the neutral doubt asks of the bars, only when its rule needs them (neutral-doubt.ts). */
  const doubtBars: DoubtBars = {
    repBarDeg,
    stillDeg: () => settleStillDeg(o.stillDeg, chain.noiseSdDeg),
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
    // A rep spans at least MIN_REP_DEG (a resting person's fidget, up to 3 deg peak to peak, is
    // not one) and the bars the noise sets now.
    const barDeg = repBarDeg();
    if (!shapeHoldsUp(m, second.order, barDeg, o.maxAbsAngleDeg, sensorAngle)) return;
    if (doubts.doubted(opening.firstSeq, second.extremeSeq, m.rangeDeg, personal.recentDeg, filtered.next))
      return;
    const upFirst = second.order === 'up-first';
    const firstTMs = upFirst ? m.dorsiTMs : m.plantarTMs;
    // A camera person who stopped pumping starts again with a pump of their size (own-pumps.ts);
    // asked last, as a refusal is remembered.
    if (own?.refusesRestart(firstTMs, m.bandRangeDeg, chain.periodicity)) return;
    // null: the source reads no leg (a phone on the foot alone).
    const leg = !evidence.legKnown
      ? null
      : legs.movedInRep(
          filtered,
          opening.startSeq,
          opening.firstSeq,
          second.extremeSeq,
          nowSeq,
          m.rangeDeg,
          upFirst ? -1 : 1,
          lastLegMoved,
        );
    const legMoved = leg === 'moved';
    // The first rep of a replay from where the leg was just placed, the leg moving during it, is
    // the foot coming to rest as the leg was put into position (leg-placement.ts, PLACING_UNITS).
    if (placingReplay && repCount === 0 && legMoved) return;
    repCount++;
    // A pump before the first rep, counted by the look-back that came back for it, is in the past:
    // where the person's pumping stands now, and where a look-back replays from, stay as they were.
    if (!replayingBefore) {
      own?.counted(tMs);
      looks.counted(nowSeq, opening.startSeq);
    }
    lastOrder = second.order;
    uncounted.counted();
    doubt.counted();
    const rep = reportRep(
      {
        side,
        tMs,
        index: repCount,
        shape: m,
        sparc: shape.sparcOfLast(),
        fullBar: {
          share: o.fullFraction,
          referenceDeg: personal.shownReferenceDeg,
          basis: personal.basis,
        },
        tooFastCycleS: o.tooFastCycleS,
        legMoved,
        legMovementMeasured: leg === 'moved' || leg === 'still',
        confidence: evidence.confidence(),
      },
      out,
    );
    lastLegMoved = rep.legMoved;
    // Only full reps teach the reference, so a run of shallow reps cannot lower the bar for itself;
    // but the first WARM_UP reps teach whatever their size, so a stiff ankle sets its own bar at once
    // (a median of the recent reps keeps one early shallow rep from setting it). It learns the
    // range as counted (the bars') and as shown (full or shallow's: RepShape.shown).
    if (rep.full || personal.count < WARM_UP) {
      personal.learn(m.rangeDeg, rep.rangeDeg, m.peakPlantarDeg, m.peakDorsiDeg);
      learnToesUp(limits, personal.learned!.dorsiDeg);
    }
    repCounted(limits, o.restEndsRepS);
  }

  /** No usable sample for longer than `maxGapS`: drop the rep under way and resume untrusted. */
  function gapEnded(tMs: number, out: MotionEvent[]): void {
    const settled = state.kind !== 'settling';
    const lost = state.kind === 'toes-down' || state.kind === 'toes-up';
    const msg = `no usable signal for ${((tMs - lastUsableTMs) / 1000).toFixed(1)} s${lost && settled ? '; the rep in progress was dropped' : ''}`;
    out.push({ type: 'warning', side, tMs, code: 'gap', message: msg });
    breakRun(lastUsableTMs, out);
    settler.afterGap(settled);
    state = settled ? RESUMING : SETTLING;
  }

  /** What a gap and a fresh settle both end at `tMs`: the filter's run, the watches, the hold. */
  function breakRun(tMs: number, out: MotionEvent[]): void {
    chain.interrupt();
    uncounted.reset();
    doubt.reset();
    hold.end(tMs, hold.anchorDeg, heading(state), out);
  }

  /** Neutral is doubted (neutral-doubt.ts): the engine settles again from the rest under way. */
  function resettle(tMs: number, out: MotionEvent[]): void {
    breakRun(tMs, out);
    settler.reset();
    neutralDeg = null;
    state = SETTLING;
  }

  /** What settling reads from the engine: filled per sample (settling is a second or so). */
  const settleContext: { -readonly [K in keyof SettleContext]: SettleContext[K] } = {
    noiseSdDeg: 0,
    calibrated: false,
    legNow: evidence.legNow,
    legKnown: false,
    legMoved: false,
    hysteresisDeg: repBars.hysteresisDeg,
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
    settleContext.legKnown = evidence.legKnown;
    settleContext.legMoved = move > 0.5;
    const decision = settler.step(tMs, deg, despikedDeg, confidence, settleContext);
    if (settler.windowStarted) evidence.windowStarted();
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
      neutralFrom = d.neutralFrom;
      out.push({ type: 'calibrated', side, tMs, neutralDeg, neutralFrom });
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
    // A sensor's replayed movement is the wearer's own pumping (no jitter, no getting into
    // position): its span is their range until their first rep teaches it (rep-bars.ts).
    if (replay && sensorAngle) repBars.assumeMoves(d.seenSpanDeg);
    const first = replay ? replay[0]! : { tMs, deg, despikedDeg };
    if (replay) evidence.legNow.set(replay[0]!.leg);
    const y = first.deg - neutralDeg;
    measured(first.tMs, y);
    const seq = filtered.push(first.tMs, y);
    looks.from(seq);
    // Every settled sample has its leg reading (a rep that starts here is judged from it).
    legs.record(seq, evidence.legNow);
    despiked.push(first.tMs, first.despikedDeg - neutralDeg);
    evidence.restart();
    // A replay starts at the log's first sample, perhaps mid-rep; still, the way the foot leaves
    // it says which end comes first, as a rest's does (an up-first swing too low to be a first end
    // gives way to toes down first: rep-states.ts). Read as instructed (toes down first), a restless
    // up-first person's replayed pumps were each split at their return to neutral: a camera set
    // (tuning seed 27004) counted 20 of 18 once a camera replays what the person did before a
    // first rest with the leg still. Stress set tuning seeds (64 a family), exact / reps counted
    // wrong: camera 303 / 1,371 -> 304 / 1,369, phone 400 / 77 -> 400 / 70.
    state = restingAt(y, 'departure');
    hold.end(first.tMs, y, 'plantar', out);
    placingReplay = replay !== null && d.afterPlacing;
    if (replay) {
      // Each replayed sample's leg reading goes into the leg history with it (a replayed rep's
      // leg-moved flag is judged on them); the last entry is the current sample, so legNow ends as
      // it was.
      // (A replay that doubts the neutral it settled on stops there: the engine settles again.)
      for (let i = 1; i < replay.length && (state as RepState).kind !== 'settling'; i++) {
        const x = replay[i]!;
        evidence.legNow.set(x.leg);
        evidence.legMove();
        stepSettled(x.tMs, x.deg, x.despikedDeg, x.confidence, out);
      }
    }
    placingReplay = false;
  }

  /** One settled sample through the state machine; transitions become events. */
  function advance(x: StepSample, out: MotionEvent[]): void {
    const before = state;
    limits.upFirstFromPauses = order.upFirstFromPauses();
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
        evidence.restart();
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
      if (secondEnd) evidence.restart();
      phase(x.tMs, heading(after), out);
    }
  }

  /**
   * The bars just came down (the angle repeats itself at a pump's pace): the samples from `start`
   * up to `end` (exclusive; `seq` is the sample being stepped live) go through the state machine
   * again under them.
   * - `since-last-rep`: since the last rep, at most LOOK_BACK_S (look-back.ts), through to now. What
   *   the replay says is kept only if it counted a rep; otherwise its events are dropped (the first
   *   pass already told those moments) and the first pass's state and rep evidence are put back.
   *   (The replay's state stood until 2026-12-04: one that began mid-swing forgot the rep under
   *   way, and a look-back after a set's last pump lost that pump. With the peak rule
   *   (look-back.ts), tuning seeds, camera, 64 a family: 305 / 40 / 1,349 -> 309 / 41 / 1,331.)
   *   Except since 2026-12-06: a replay that ends with a rep under way where the first pass had
   *   none keeps its state and evidence (the rep completes live; LOOK_BACK_DROP in look-back.ts
   *   gives what that and the earlier look-back won together).
   * - `before-first-rep`: the first look-back since counting began, when a rep was counted before
   *   it, up to where that first rep set off, for pumps refused before it (look-back.ts,
   *   FIRST_LOOK_BACK_S). Its reps are told (late: after reps they came before); the state, the rep
   *   evidence and what the last rep left are put back, as the first pass had them, whatever the
   *   replay counted.
   */
  function lookBack(
    start: number,
    end: number,
    seq: number,
    out: MotionEvent[],
    span: 'since-last-rep' | 'before-first-rep',
  ): void {
    if (end - start < 2) return;
    const countBefore = repCount;
    const stateBefore = state;
    const orderBefore = lastOrder;
    const legMovedBefore = lastLegMoved;
    evidence.save();
    replayingBefore = span === 'before-first-rep';
    replay(start, end, seq, out);
    replayingBefore = false;
    const counted = repCount > countBefore;
    if (counted) for (const e of replayOut) out.push(e);
    replayOut.length = 0;
    if (counted && span === 'since-last-rep') return;
    // A rep the lowered bars let open, its second end not reached yet, where the first pass had
    // none under way: kept, to complete live (its phases were told as the first pass saw them).
    // Dropped, the pump whose first end only the new bars let through was lost (tuning seed 20038:
    // a 41-deg first pump at 15 fps, the replay stopping 0.3 s after its toes-up peak).
    if (span === 'since-last-rep' && holdsRep(state) && !holdsRep(stateBefore)) return;
    // The first pass's state and evidence back (the last rep's order and leg flag change only
    // when a rep is counted: putting them back matters for a replay before the first rep).
    state = stateBefore;
    lastOrder = orderBefore;
    lastLegMoved = legMovedBefore;
    evidence.restore();
  }

  /**
   * Steps the settled samples `start`..`end` (exclusive) through the state machine again, from a
   * rest at the first, into `replayOut`; `seq` is the sample being stepped live.
   */
  function replay(start: number, end: number, seq: number, out: MotionEvent[]): void {
    // A hold the first pass announced ends here, so hold-started and hold-ended stay in pairs.
    hold.end(filtered.t(seq - 1), filtered.a(seq - 1), heading(state), out);
    replayOut.length = 0;
    // The replay watches for holds from its first sample (this ends nothing: none is under way).
    hold.end(filtered.t(start), filtered.a(start), 'plantar', replayOut);
    state = restingAt(filtered.a(start), 'instructed');
    evidence.restart();
    for (let s = start + 1; s < end; s++) {
      replaySample.tMs = filtered.t(s);
      replaySample.seq = s;
      replaySample.deg = filtered.a(s);
      advance(replaySample, replayOut);
    }
    // ...and one the replay announced ends with it, whether its events are kept or dropped.
    hold.end(filtered.t(end - 1), filtered.a(end - 1), heading(state), replayOut);
  }

  /** A settled sample's angle from neutral: the latest shown, and kept for a batch's series. */
  function measured(tMs: number, y: number): void {
    lastAngleDeg = y;
    stepped.add(tMs, y);
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
    measured(t, y);
    const seq = filtered.push(t, y);
    doubts.record(seq, confidence);
    legs.record(seq, evidence.legNow);
    despiked.push(t, despikedDeg - (neutralDeg ?? 0));
    sample.tMs = t;
    sample.seq = seq;
    sample.deg = y;
    if (state.kind === 'resuming') {
      state = resumeAt(sample, lastOrder);
      evidence.restart();
      looks.from(seq);
    }
    state = keepInRing(state, seq, RING_KEEP);
    evidence.usable++;
    evidence.confidenceSum += confidence;
    limits.hysteresisDeg = repBars.hysteresisDeg();
    if (
      !sensorAngle &&
      looks.dropped(limits.hysteresisDeg) &&
      state.kind !== 'resuming' &&
      state.kind !== 'settling'
    ) {
      // The first since counting began reaches further back: through to now when no rep was
      // counted since, else up to that first rep, and then from the last rep as any other.
      const firstStart = looks.firstStartFor(seq, filtered, RING_KEEP);
      const firstRepSeq = looks.firstRepSeq;
      if (firstStart < seq && firstRepSeq < 0) lookBack(firstStart, seq, seq, out, 'since-last-rep');
      else {
        if (firstStart < seq) lookBack(firstStart, firstRepSeq, seq, out, 'before-first-rep');
        lookBack(looks.startFor(seq, filtered, RING_KEEP), seq, seq, out, 'since-last-rep');
      }
      // The highest since this look-back, from here on (as after a rep: looks.counted).
      looks.lookedBack();
    }
    looks.saw(limits.hysteresisDeg);
    // The floor moves slowly: every eighth sample is often enough (and keeps the engine's per-frame cost).
    if ((seq & 7) === 0) repBars.watchNoiseFloor(t, out);
    advance(sample, out);
    // A neutral learned from the settle (none calibrated) that pumping went to one side of only,
    // and then a rest far from it: settle afresh (neutral-doubt.ts).
    if (setup.neutralDeg === null && state.kind !== 'settling' && state.kind !== 'resuming') {
      if (doubt.sample(t, y, doubtBars)) {
        resettle(t, out);
        return;
      }
    }
    // After the step, so a rep this sample completed has already cleared the swings before it.
    // A sensor's angle only: a camera's despiked angle swings by a rep's size on noise alone
    // (resting feet of the stress set's camera families: told in 257 of 288 at 6 noise SDs).
    if (sensorAngle) {
      const swingDeg = repBars.uncountedSwingDeg(limits.hysteresisDeg);
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
      const move = evidence.readLeg(input);
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
        holdsRep(state) &&
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
    get neutralFrom() {
      return neutralDeg === null ? null : neutralFrom;
    },
    get referenceRangeDeg() {
      return personal.shownReferenceDeg;
    },
    givenRangeDeg: setup.rangeDeg,
    get personal() {
      return personal.learned;
    },
    get angleDeg() {
      return lastAngleDeg;
    },
    takeSteppedAngles: stepped.take,
    get noiseDeg() {
      return chain.noiseSdDeg;
    },
  };
  clear();
  return tracker;
}
