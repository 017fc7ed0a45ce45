// One foot's rep engine, shared by every angle source: despike and filter the angle, wait for the
// foot to settle, then find plantar and dorsi peaks with hysteresis relative to the person's range.
// The states and their pure steps live in rep-states.ts; this shell feeds them and emits events.

import type { Side } from './landmark-frame.ts';
import { createLiveHold } from './live-hold.ts';
import type { MotionEvent, MotionPhase } from './motion-events.ts';
import { createOneEuroFilter } from './one-euro-filter.ts';
import { createPersonalRange } from './personal-range.ts';
import { reportRep } from './rep-report.ts';
import { createRepShape } from './rep-shape.ts';
import {
  keepInRing,
  RESUMING,
  type RepState,
  resumeAt,
  SEEN,
  SETTLING,
  type StepSample,
  stepResting,
  stepSettling,
  stepToesDown,
  stepToesUp,
  type ToesUp,
} from './rep-states.ts';
import { createSampleRing } from './sample-ring.ts';
import type { TrackerOptions } from './tracker-options.ts';

/** One usable sample for a tracker. Reused by sources: the tracker copies what it keeps. */
export interface TrackerInput {
  tMs: number;
  /** Corrected angle before neutral is subtracted, degrees. */
  angleDeg: number;
  /** 0..1: how much the source trusts this sample. */
  confidence: number;
  /** Leg position in units of the leg-moved threshold (moving by 1 = moved); NaN = not measured. */
  leg0: number;
  leg1: number;
  leg2: number;
  leg3: number;
}

export interface AnkleTracker {
  step(input: TrackerInput, out: MotionEvent[]): void;
  /** A sample without a usable angle (gated): counts against confidence only. */
  gated(tMs: number): void;
  /** Completes a rep whose dorsi peak is reached but not yet left (end of a recording). */
  finish(out: MotionEvent[]): void;
  reset(): void;
  /** Neutral (corrected degrees) and the reference range in use, for saving as calibration. */
  readonly neutralDeg: number | null;
  readonly referenceRangeDeg: number;
  /** The range a calibration gave, degrees, or null. */
  readonly givenRangeDeg: number | null;
  /** The person's own range and peaks (medians of recent full reps, degrees); null until one. */
  readonly personal: { rangeDeg: number; plantarDeg: number; dorsiDeg: number } | null;
  /** Latest filtered angle relative to neutral, degrees; null before the foot settled. */
  readonly angleDeg: number | null;
  /** Estimated noise of the angle while still, degrees (standard deviation). */
  readonly noiseDeg: number;
}

export interface TrackerSetup {
  readonly side: Side;
  readonly options: TrackerOptions;
  /** Neutral from a calibration, corrected degrees; null = learn it from the first still period. */
  readonly neutralDeg: number | null;
  /** Reference range from a calibration, degrees; null = learn it from the reps. */
  readonly rangeDeg: number | null;
}

const RING = 8192;
/** A state may point this far back in the ring, samples. */
const RING_KEEP = RING - 2;
const WARM_UP = 3;
const NOISE_K = 8;
/** Swings must beat this many standard deviations of the despiked angle's noise. */
const RAW_NOISE_K = 3;
/** Swings must beat this many standard deviations of the filtered angle's wander. */
const WANDER_K = 4;
const WANDER_TAU_S = 0.5;
const WANDER_REST_DEG_S = 5;
const NOISE_SLOW_DEG_S = 15;
/** The stillness window is at least this many noise standard deviations wide. */
const STILL_NOISE_K = 1;
/** Seconds of usable signal without a rest after which the movement's mean becomes neutral. */
const RESTLESS_S = 5;

/**
 * Median of the last three values: drops single-frame outliers before the filter sees them. (A
 * causal Hampel window was tried: at 10-17 fps a fast rep's peak is two or three frames wide and
 * it was rejected as an outlier, losing whole reps; a median of three keeps any peak two frames wide.)
 */
function createMedianOf3() {
  let older = 0;
  let newer = 0;
  let seen = 0;
  return {
    next(x: number): number {
      const m = seen < 2 ? x : Math.max(Math.min(older, newer), Math.min(Math.max(older, newer), x));
      older = newer;
      newer = x;
      seen++;
      return m;
    },
    reset(): void {
      seen = 0;
      older = 0;
      newer = 0;
    },
  };
}

/** Noise of the angle: the despiked angle's residual from the filtered one while nearly still. */
function createNoiseMeter() {
  let variance = 0;
  let prevFilteredDeg = Number.NaN;
  let prevTMs = 0;
  let meanDtS = 0;
  let slowDeg = 0;
  let wanderVar = 0;
  return {
    add(tMs: number, despikedDeg: number, filteredDeg: number): void {
      if (!Number.isNaN(prevFilteredDeg) && tMs > prevTMs) {
        const dtS = (tMs - prevTMs) / 1000;
        meanDtS = meanDtS === 0 ? dtS : meanDtS + 0.05 * (dtS - meanDtS);
        // The filtered angle's own wander around a slow trend while the trend rests: what the
        // 1-euro filter lets through (its cutoff rises with noisy speed, so no formula gives it).
        const k = Math.min(1, dtS / WANDER_TAU_S);
        const prevSlow = slowDeg;
        slowDeg += k * (filteredDeg - slowDeg);
        const trendDegS = Math.abs(slowDeg - prevSlow) / dtS;
        if (trendDegS < WANDER_REST_DEG_S) {
          const w = filteredDeg - slowDeg;
          wanderVar += Math.min(1, dtS / 3) * (w * w - wanderVar);
        }
        // Gate on the slow trend, not on the filtered angle's own speed: at a high frame rate a
        // noisy filtered angle is never slow from one frame to the next.
        if (trendDegS < NOISE_SLOW_DEG_S) {
          const r = despikedDeg - filteredDeg;
          variance += Math.min(1, dtS / 3) * (r * r - variance);
        }
      }
      if (Number.isNaN(prevFilteredDeg)) slowDeg = filteredDeg;
      prevFilteredDeg = filteredDeg;
      prevTMs = tMs;
    },
    /** After a gap the filter restarts: the next residual has no predecessor. */
    interrupt(): void {
      prevFilteredDeg = Number.NaN;
    },
    reset(): void {
      variance = 0;
      prevFilteredDeg = Number.NaN;
      meanDtS = 0;
      wanderVar = 0;
    },
    /** Standard deviation of the filtered angle's wander while resting or holding, degrees. */
    get wanderSdDeg(): number {
      return Math.sqrt(wanderVar);
    },
    get sdDeg(): number {
      return Math.sqrt(variance);
    },
    /**
     * The noise left after a first-order low-pass at `cutoffHz` (the 1-euro filter at rest), at the
     * usual sample interval: the swings are found on the filtered angle, so its noise is what counts.
     */
    filteredSdDeg(cutoffHz: number): number {
      if (meanDtS === 0) return Math.sqrt(variance);
      const alpha = 1 / (1 + 1 / (2 * Math.PI * cutoffHz * meanDtS));
      return Math.sqrt((variance * alpha) / (2 - alpha));
    },
  };
}

/** What the rep under way has shown: usable and gated samples, confidence, how far the leg moved. */
function createRepEvidence() {
  const legAtStart = new Float64Array(4);
  return {
    legAtStart,
    usable: 0,
    gated: 0,
    confidenceSum: 0,
    legMaxMove: 0,
    restart(legNow: Float64Array): void {
      legAtStart.set(legNow);
      this.legMaxMove = 0;
      this.usable = 0;
      this.gated = 0;
      this.confidenceSum = 0;
    },
    /** Mean confidence scaled by the share of samples not gated, 0..1. */
    confidence(): number {
      return this.usable > 0
        ? (this.confidenceSum / this.usable) * (this.usable / (this.usable + this.gated))
        : 0;
    },
  };
}

/** Creates one foot's rep engine; options are validated by the caller (`resolveTracker`). */
export function createAnkleTracker(setup: TrackerSetup): AnkleTracker {
  const { side, options: o } = setup;
  const filter = createOneEuroFilter(o.filter);
  const despike = createMedianOf3();
  const noise = createNoiseMeter();
  const filtered = createSampleRing(RING);
  const despiked = createSampleRing(RING);
  const shape = createRepShape(RING);
  const personal = createPersonalRange(setup.rangeDeg, o.defaultRangeDeg);
  const hold = createLiveHold(side, o.holdStartS, o.stillDeg);
  const evidence = createRepEvidence();
  const legNow = new Float64Array(4);
  const maxGapMs = o.maxGapS * 1000;
  const bridgeGapMs = o.bridgeGapS * 1000;
  const limits = {
    hysteresisDeg: 0,
    leaveRestDeg: 0,
    stillDeg: o.stillDeg,
    holdStartMs: o.holdStartS * 1000,
  };
  const sample = { tMs: 0, seq: 0, deg: 0 };

  let state: RepState = SETTLING;
  let neutralDeg: number | null = setup.neutralDeg;
  let lastUsableTMs = Number.NaN;
  let legKnown = false;
  let repCount = 0;
  let lastAngleDeg: number | null = null;
  const restless = { sinceTMs: Number.NaN, sumDeg: 0, samples: 0, firstSeq: 0 };

  function clear(): void {
    state = SETTLING;
    neutralDeg = setup.neutralDeg;
    personal.reset();
    despike.reset();
    noise.reset();
    filter.reset();
    hold.reset();
    filtered.clear();
    despiked.clear();
    lastUsableTMs = Number.NaN;
    legKnown = false;
    repCount = 0;
    lastAngleDeg = null;
    restless.sinceTMs = Number.NaN;
    restless.sumDeg = 0;
    restless.samples = 0;
    evidence.restart(legNow);
  }

  // The noise floor: what the still foot's angle does on its own. A swing must clear it whatever the
  // range, so it is never capped by the range (a range learned from noise would lower it).
  const noiseFloorDeg = () =>
    Math.max(
      NOISE_K * noise.filteredSdDeg(o.filter.minCutoffHz),
      WANDER_K * noise.wanderSdDeg,
      RAW_NOISE_K * noise.sdDeg,
    );

  // Hysteresis grows with the range and the measured noise, so a noisy source cannot make swings out
  // of jitter; the range part is capped at half the reference range, so a real rep always gets through.
  const hysteresisDeg = () =>
    Math.max(
      Math.min(
        Math.max(
          o.minSwingDeg,
          // Until the person's range is known (learned or calibrated), the default range does not
          // raise the bar: an 8-degree range would never reverse by 20% of 40 degrees.
          personal.count > 0 || setup.rangeDeg !== null ? o.swingFraction * personal.referenceDeg : 0,
        ),
        0.5 * personal.referenceDeg,
      ),
      noiseFloorDeg(),
    );

  const heading = (s: RepState) => (s.kind === 'toes-down' ? 'plantar' : 'dorsi');

  function phase(tMs: number, p: MotionPhase, out: MotionEvent[]): void {
    out.push({ type: 'phase', side, tMs, phase: p });
  }

  function completeRep(up: ToesUp, tMs: number, nowSeq: number, out: MotionEvent[]): void {
    const opening = up.rep;
    if (opening === null || !despiked.has(opening.startSeq)) return;
    const m = shape.measure(despiked, opening.startSeq, opening.plantarSeq, up.extremeSeq, nowSeq);
    // The live swing passed the hysteresis but the settled shape did not clear the bar or the
    // noise floor: noise, not a rep.
    if (m.rangeDeg < Math.max(o.minSwingDeg, noiseFloorDeg())) return;
    repCount++;
    const rep = reportRep(
      {
        side,
        tMs,
        index: repCount,
        shape: m,
        fullBarDeg: o.fullFraction * personal.referenceDeg,
        tooFastCycleS: o.tooFastCycleS,
        legMoved: legKnown && evidence.legMaxMove > 1,
        legMovementMeasured: legKnown,
        confidence: evidence.confidence(),
      },
      out,
    );
    // Only full reps teach the reference, so a run of shallow reps cannot lower the bar for itself;
    // but the first WARM_UP reps teach whatever their size, so a stiff ankle sets its own bar at once
    // (a median of the recent reps keeps one early shallow rep from setting it).
    if (rep.full || personal.count < WARM_UP) {
      personal.learn(rep.rangeDeg, m.peakPlantarDeg, m.peakDorsiDeg);
    }
  }

  /**
   * A short gap: the state is kept, so a rep whose toes-down and toes-up movements are both seen
   * around it still counts, and one whose movement the gap hid entirely makes no transition.
   */
  function gapBridged(tMs: number, out: MotionEvent[]): void {
    const msg = `no usable signal for ${((tMs - lastUsableTMs) / 1000).toFixed(1)} s; bridged, the movement on both sides decides the rep`;
    out.push({ type: 'warning', side, tMs, code: 'gap', message: msg });
    despike.reset();
    noise.interrupt();
  }

  /** No usable sample for longer than `bridgeGapS`: drop the rep under way and resume untrusted. */
  function gapEnded(tMs: number, out: MotionEvent[]): void {
    const settled = state.kind !== 'settling';
    const lost = state.kind === 'toes-down' || state.kind === 'toes-up';
    const msg = `no usable signal for ${((tMs - lastUsableTMs) / 1000).toFixed(1)} s${lost && settled ? '; the rep in progress was dropped' : ''}`;
    out.push({ type: 'warning', side, tMs, code: 'gap', message: msg });
    filter.reset();
    noise.interrupt();
    despike.reset();
    hold.end(lastUsableTMs, hold.anchorDeg, heading(state), out);
    state = settled ? RESUMING : SETTLING;
  }

  /** The leg's largest move since the rest or swing began, in units of the leg-moved threshold. */
  function legMove(input: TrackerInput): number {
    legNow[0] = input.leg0;
    legNow[1] = input.leg1;
    legNow[2] = input.leg2;
    legNow[3] = input.leg3;
    legKnown = !Number.isNaN(legNow[0]!);
    if (!legKnown) return 0;
    let move = 0;
    for (let i = 0; i < 4; i++) move = Math.max(move, Math.abs(legNow[i]! - evidence.legAtStart[i]!));
    return move;
  }

  function settle(
    tMs: number,
    deg: number,
    despikedDeg: number,
    move: number,
    confidence: number,
    out: MotionEvent[],
  ): void {
    if (state.kind !== 'settling') return;
    // Kept as they are (neutral unknown) so that a restless start can be replayed once it is known.
    const seq = filtered.push(tMs, deg);
    despiked.push(tMs, despikedDeg);
    // A noisy source is never as still as stillDeg: the window widens with the measured noise.
    const stillTol = Math.max(o.stillDeg, STILL_NOISE_K * noise.sdDeg);
    const next = stepSettling(state, tMs, deg, stillTol, move > 0.5);
    if (next.samples === 1) evidence.legAtStart.set(legNow);
    state = next;
    if (Number.isNaN(restless.sinceTMs)) {
      restless.sinceTMs = tMs;
      restless.firstSeq = seq;
    }
    restless.sumDeg += deg;
    restless.samples++;
    const still = tMs - next.sinceTMs >= o.settleS * 1000;
    // A person who never holds still: after RESTLESS_S of usable signal, neutral is the mean angle
    // of that time (the movement's own middle) instead of a rest, and that time is replayed.
    const restlessLongEnough = tMs - restless.sinceTMs >= RESTLESS_S * 1000;
    if (!still && !restlessLongEnough) return;
    if (neutralDeg === null) {
      neutralDeg = still ? next.sumDeg / next.samples : restless.sumDeg / restless.samples;
      out.push({ type: 'calibrated', side, tMs, neutralDeg });
    }
    const from = still ? seq : Math.max(restless.firstSeq, seq - RING_KEEP);
    for (let k = from; k <= seq; k++) {
      filtered.as[k & filtered.mask]! -= neutralDeg;
      despiked.as[k & despiked.mask]! -= neutralDeg;
    }
    const y0 = filtered.a(from);
    evidence.restart(legNow);
    state = { kind: 'resting', anchorDeg: y0, swingStartSeq: from, origin: SEEN };
    hold.end(filtered.t(from), y0, 'plantar', out);
    for (let k = from + 1; k <= seq; k++) {
      sample.tMs = filtered.t(k);
      sample.seq = k;
      sample.deg = filtered.a(k);
      evidence.usable++;
      evidence.confidenceSum += confidence;
      updateLimits();
      advance(sample, out);
    }
    lastAngleDeg = filtered.a(seq);
  }

  function updateLimits(): void {
    limits.hysteresisDeg = hysteresisDeg();
    limits.leaveRestDeg = Math.min(
      limits.hysteresisDeg,
      Math.max(
        o.minSwingDeg,
        NOISE_K * noise.filteredSdDeg(o.filter.minCutoffHz),
        WANDER_K * noise.wanderSdDeg,
      ),
    );
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
    const after = state;
    if (after.kind === before.kind) {
      if (after.kind === 'toes-down' || after.kind === 'toes-up') {
        const tolDeg = Math.max(3, 0.1 * personal.referenceDeg);
        hold.update(x.tMs, x.deg, after.extremeDeg, heading(after), tolDeg, out);
      }
      return;
    }
    if (before.kind === 'resting') {
      phase(x.tMs, after.kind === 'toes-down' ? 'plantar' : 'dorsi', out);
      hold.end(x.tMs, x.deg, heading(after), out);
    } else if (before.kind === 'toes-down') {
      hold.end(x.tMs, x.deg, 'plantar', out);
      phase(x.tMs, 'dorsi', out);
    } else if (before.kind === 'toes-up') {
      hold.end(x.tMs, x.deg, 'dorsi', out);
      completeRep(before, x.tMs, x.seq, out);
      evidence.restart(legNow);
      phase(x.tMs, 'plantar', out);
    }
  }

  const tracker: AnkleTracker = {
    step(input, out) {
      const t = input.tMs;
      if (!Number.isNaN(lastUsableTMs) && t - lastUsableTMs > maxGapMs) {
        if (t - lastUsableTMs <= bridgeGapMs && state.kind !== 'settling') gapBridged(t, out);
        else gapEnded(t, out);
      }
      lastUsableTMs = t;
      const despikedDeg = despike.next(input.angleDeg);
      const c = filter.filter(despikedDeg, t);
      noise.add(t, despikedDeg, c);
      const move = legMove(input);
      if (state.kind === 'settling') {
        settle(t, c, despikedDeg, move, input.confidence, out);
        return;
      }
      const y = c - (neutralDeg ?? 0);
      lastAngleDeg = y;
      const seq = filtered.push(t, y);
      despiked.push(t, despikedDeg - (neutralDeg ?? 0));
      sample.tMs = t;
      sample.seq = seq;
      sample.deg = y;
      if (state.kind === 'resuming') {
        state = resumeAt(sample);
        evidence.restart(legNow);
      }
      state = keepInRing(state, seq, RING_KEEP);
      evidence.legMaxMove = Math.max(evidence.legMaxMove, move);
      evidence.usable++;
      evidence.confidenceSum += input.confidence;
      updateLimits();
      advance(sample, out);
    },
    gated() {
      if (state.kind !== 'settling') evidence.gated++;
    },
    finish(out) {
      if (state.kind === 'toes-up' && state.rep !== null) {
        const now = filtered.next - 1;
        const t = filtered.t(now);
        hold.end(t, filtered.a(now), 'dorsi', out);
        completeRep(state, t, now, out);
        state = { kind: 'resting', anchorDeg: filtered.a(now), swingStartSeq: now, origin: SEEN };
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
      return noise.sdDeg;
    },
  };
  clear();
  return tracker;
}
