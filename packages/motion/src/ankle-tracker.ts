// One foot's rep engine, shared by every angle source: despike and filter the angle, wait for the
// foot to settle, then find plantar and dorsi peaks with hysteresis relative to the person's range.

import type { Side } from './landmark-frame.ts';
import type { MotionEvent, MotionPhase, RepMetrics } from './motion-events.ts';
import { createOneEuroFilter, DEFAULT_ONE_EURO, type OneEuroOptions } from './one-euro-filter.ts';
import { checkRange } from './option-checks.ts';
import { createSampleRing, holdAround, type SampleRing } from './sample-ring.ts';
import { createSparcScratch, smoothnessFromSparc, sparcOfAngle } from './smoothness.ts';

/** Segmentation options, all in degrees and seconds. Defaults in `DEFAULT_TRACKER`. */
export interface TrackerOptions {
  readonly filter: OneEuroOptions;
  /** Smallest reversal that counts as a swing, degrees (1..45). */
  readonly minSwingDeg: number;
  /** Hysteresis as a share of the reference range (0.05..0.6); the larger of the two applies. */
  readonly swingFraction: number;
  /** A rep is full when its range reaches this share of the reference range (0.2..1). */
  readonly fullFraction: number;
  /** Reference range before the person's own is known, degrees (10..120). */
  readonly defaultRangeDeg: number;
  /** The foot must stay within `stillDeg` for `settleS` before counting starts (0.1..10 s). */
  readonly settleS: number;
  readonly stillDeg: number;
  /** Longer than this without a usable sample is a gap: the rep in progress is dropped (0.05..10 s). */
  readonly maxGapS: number;
  /** A rep whose cycle is shorter than this is flagged too fast, seconds (0..10). */
  readonly tooFastCycleS: number;
  /** A live hold is announced after this long near a peak, seconds (0.05..5). */
  readonly holdStartS: number;
  /** Angles further than this from neutral are rejected as absurd, degrees (30..180). */
  readonly maxAbsAngleDeg: number;
}

export const DEFAULT_TRACKER: TrackerOptions = {
  filter: DEFAULT_ONE_EURO,
  minSwingDeg: 6,
  swingFraction: 0.2,
  fullFraction: 0.6,
  defaultRangeDeg: 40,
  settleS: 0.6,
  stillDeg: 4,
  maxGapS: 0.4,
  tooFastCycleS: 0.7,
  holdStartS: 0.25,
  maxAbsAngleDeg: 100,
};

/** Validates tracker options, throwing RangeError naming the first bad one. */
export function checkTrackerOptions(o: TrackerOptions): void {
  checkRange('minSwingDeg', o.minSwingDeg, 1, 45);
  checkRange('swingFraction', o.swingFraction, 0.05, 0.6);
  checkRange('fullFraction', o.fullFraction, 0.2, 1);
  checkRange('defaultRangeDeg', o.defaultRangeDeg, 10, 120);
  checkRange('settleS', o.settleS, 0.1, 10);
  checkRange('stillDeg', o.stillDeg, 0.5, 20);
  checkRange('maxGapS', o.maxGapS, 0.05, 10);
  checkRange('tooFastCycleS', o.tooFastCycleS, 0, 10);
  checkRange('holdStartS', o.holdStartS, 0.05, 5);
  checkRange('maxAbsAngleDeg', o.maxAbsAngleDeg, 30, 180);
  createOneEuroFilter(o.filter);
}

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
const RECENT = 7;
const SMOOTH_MS = 120;
const PLATEAU_MS = 300;
const NOISE_K = 4;
const NOISE_SLOW_DEG_S = 15;

export function createAnkleTracker(setup: TrackerSetup): AnkleTracker {
  const { side, options: o } = setup;
  const filter = createOneEuroFilter(o.filter);
  const ring = createSampleRing(RING);
  const rawRing = createSampleRing(RING);
  const sm = createSampleRing(RING);
  const tmp = createSampleRing(RING);
  const levels = new Float64Array(RING);
  const scratch = createSparcScratch();
  const recent = new Float64Array(RECENT);
  const recentPlantar = new Float64Array(RECENT);
  const recentDorsi = new Float64Array(RECENT);
  let peakCount = 0;
  const sorted = new Float64Array(RECENT);
  const legRef = new Float64Array(4);
  const leg = new Float64Array(4);
  const maxGapMs = o.maxGapS * 1000;

  let neutral: number | null;
  let refRange: number;
  let recentCount: number;
  let m1: number;
  let m2: number;
  let mCount: number;
  let lastValidT: number;
  let settled: boolean;
  let winStartT: number;
  let winMin: number;
  let winMax: number;
  let winSum: number;
  let winN: number;
  let dir: -1 | 0 | 1;
  let anchor: number;
  let swingClean: boolean;
  let swingStartSeq: number;
  let extY: number;
  let extSeq: number;
  let minSeq: number;
  let repStartSeq: number;
  let legMaxDev: number;
  let legKnown: boolean;
  let validN: number;
  let gatedN: number;
  let confSum: number;
  let repCount: number;
  let holdAnchor: number;
  let holdStartT: number;
  let holding: boolean;
  let holdTicks: number;
  let needAnchor: boolean;
  let lastY: number | null;
  let stillRef = 0;
  let plateauY = Number.NaN;
  let noiseVar = 0;
  let prevC = Number.NaN;
  let prevT = 0;
  let plateauSeq = -1;
  let stillSinceT = 0;

  function clear(): void {
    neutral = setup.neutralDeg;
    refRange = setup.rangeDeg ?? o.defaultRangeDeg;
    recentCount = 0;
    peakCount = 0;
    mCount = 0;
    m1 = 0;
    m2 = 0;
    lastValidT = Number.NaN;
    settled = false;
    noiseVar = 0;
    prevC = Number.NaN;
    winN = 0;
    dir = 0;
    minSeq = -1;
    repStartSeq = -1;
    repCount = 0;
    holding = false;
    holdStartT = Number.NaN;
    holdAnchor = 0;
    holdTicks = 0;
    needAnchor = false;
    lastY = null;
    extY = 0;
    extSeq = 0;
    legKnown = false;
    winStartT = 0;
    winMin = 0;
    winMax = 0;
    winSum = 0;
    filter.reset();
    ring.clear();
    rawRing.clear();
    startSwing(0, -1, true);
  }

  function startSwing(y: number, seq: number, clean: boolean): void {
    anchor = y;
    plateauY = Number.NaN;
    plateauSeq = -1;
    stillRef = y;
    stillSinceT = seq >= 0 ? ring.t(seq) : 0;
    swingClean = clean;
    swingStartSeq = seq;
    legRef.set(leg);
    legMaxDev = 0;
    validN = 0;
    gatedN = 0;
    confSum = 0;
  }

  // Hysteresis grows with the measured noise, so a noisy source cannot make swings out of jitter;
  // capped at half the reference range, so a real rep always gets through.
  const hysteresis = () =>
    Math.min(
      Math.max(o.minSwingDeg, o.swingFraction * refRange, NOISE_K * Math.sqrt(noiseVar)),
      0.5 * refRange,
    );

  // Noise: the despiked angle's residual from the filtered one while the foot is nearly still.
  function trackNoise(t: number, med: number, c: number): void {
    if (!Number.isNaN(prevC) && t > prevT) {
      const dt = (t - prevT) / 1000;
      if (Math.abs(c - prevC) / dt < NOISE_SLOW_DEG_S) {
        const r = med - c;
        noiseVar += Math.min(1, dt / 3) * (r * r - noiseVar);
      }
    }
    prevC = c;
    prevT = t;
  }

  const median = (src: Float64Array, count: number): number => {
    const n = Math.min(count, RECENT);
    for (let i = 0; i < n; i++) sorted[i] = src[i]!;
    const v = sorted.subarray(0, n).sort();
    return n % 2 ? v[(n - 1) / 2]! : (v[n / 2 - 1]! + v[n / 2]!) / 2;
  };

  function learnPeaks(plantarDeg: number, dorsiDeg: number): void {
    recentPlantar[peakCount % RECENT] = plantarDeg;
    recentDorsi[peakCount % RECENT] = dorsiDeg;
    peakCount++;
  }

  function learnRange(rangeDeg: number): void {
    if (setup.rangeDeg !== null) return;
    recent[recentCount % RECENT] = rangeDeg;
    recentCount++;
    const n = Math.min(recentCount, RECENT);
    for (let i = 0; i < n; i++) sorted[i] = recent[i]!;
    const view = sorted.subarray(0, n).sort();
    refRange = n % 2 ? view[(n - 1) / 2]! : (view[n / 2 - 1]! + view[n / 2]!) / 2;
  }

  function phase(tMs: number, p: MotionPhase, out: MotionEvent[]): void {
    out.push({ type: 'phase', side, tMs, phase: p });
  }

  function endHold(tMs: number, y: number, out: MotionEvent[]): void {
    if (holding) {
      const direction = dir < 0 ? 'plantar' : 'dorsi';
      out.push({ type: 'hold-ended', side, tMs, direction, holdS: (tMs - holdStartT) / 1000, angleDeg: y });
    }
    holding = false;
    holdAnchor = y;
    holdStartT = tMs;
    holdTicks = 0;
  }

  // Metrics come from a zero-phase smoothing of the despiked angle: the live filter lags, and the
  // raw peak of a noisy hold is biased outward by the noise.
  function smoothSpan(from: number, to: number): void {
    // Two passes of a centred running mean (each +-SMOOTH_MS/2) make a triangle of +-SMOOTH_MS in O(n).
    boxPass(rawRing, from, to, tmp);
    boxPass(tmp, 0, to - from, sm);
  }

  function boxPass(src: SampleRing, from: number, to: number, dst: SampleRing): void {
    dst.clear();
    const half = SMOOTH_MS / 2;
    const { ts, as, mask } = src;
    let lo = from;
    let hi = from;
    let sum = 0;
    for (let s = from; s <= to; s++) {
      const t = ts[s & mask]!;
      while (hi <= to && ts[hi & mask]! <= t + half) sum += as[hi++ & mask]!;
      while (ts[lo & mask]! < t - half) sum -= as[lo++ & mask]!;
      dst.push(t, sum / (hi - lo));
    }
  }

  // The level of a peak: on a plateau (a hold of PLATEAU_MS or more) the median of the held samples,
  // since the extreme of a noisy plateau overstates it; at a sharp turn the extreme itself.
  function heldLevel(at: number, from: number, to: number, tol: number, sign: 1 | -1): number {
    const ext = sm.a(at);
    const inside = (v: number) => (sign < 0 ? v <= ext + tol : v >= ext - tol);
    let a = at;
    while (a > from && inside(sm.a(a - 1))) a--;
    let b = at;
    while (b < to && inside(sm.a(b + 1))) b++;
    if (sm.t(b) - sm.t(a) < PLATEAU_MS || b - a + 1 > levels.length) return ext;
    for (let s = a; s <= b; s++) levels[s - a] = sm.a(s);
    const v = levels.subarray(0, b - a + 1).sort();
    const n = b - a + 1;
    return n % 2 ? v[(n - 1) / 2]! : (v[n / 2 - 1]! + v[n / 2]!) / 2;
  }

  function completeRep(tMs: number, nowSeq: number, out: MotionEvent[]): void {
    if (minSeq < 0 || !ring.has(repStartSeq)) return;
    const base = repStartSeq;
    smoothSpan(base, nowSeq);
    const last = nowSeq - base;
    let mi = minSeq - base;
    for (let s = 0; s <= last; s++) if (sm.a(s) < sm.a(mi) && s < extSeq - base) mi = s;
    let ma = extSeq - base;
    for (let s = mi; s <= last; s++) if (sm.a(s) > sm.a(ma)) ma = s;
    const tol0 = Math.max(3, 0.1 * (sm.a(ma) - sm.a(mi)));
    const minY = heldLevel(mi, 0, ma, tol0, -1);
    const maxY = heldLevel(ma, mi, last, tol0, 1);
    const rangeDeg = maxY - minY;
    // The live swing passed the hysteresis but the settled shape did not: noise, not a rep.
    if (rangeDeg < o.minSwingDeg) return;
    const tol = Math.max(3, 0.1 * rangeDeg);
    const full = rangeDeg >= o.fullFraction * refRange;
    const startTMs = sm.t(0);
    const cycleS = (sm.t(ma) - startTMs) / 1000;
    const sparc = sparcOfAngle(
      ma + 1,
      (i) => sm.t(i),
      (i) => sm.a(i),
      scratch,
    );
    const legMoved = legKnown && legMaxDev > 1;
    repCount++;
    const rep: RepMetrics = {
      side,
      tMs,
      index: repCount,
      full,
      rangeDeg,
      peakPlantarDeg: minY,
      peakDorsiDeg: maxY,
      plantarHoldS: holdAround(sm, mi, 0, ma, tol, -1, minY),
      dorsiHoldS: holdAround(sm, ma, mi, last, tol, 1, maxY),
      cycleS,
      startTMs,
      plantarTMs: sm.t(mi),
      dorsiTMs: sm.t(ma),
      legMoved,
      legMovementMeasured: legKnown,
      sparc,
      smoothness: smoothnessFromSparc(sparc),
      confidence: validN > 0 ? (confSum / validN) * (validN / (validN + gatedN)) : 0,
    };
    out.push({ type: 'rep', side, tMs, rep });
    if (!full) {
      const msg = `rep ${repCount}: range ${rangeDeg.toFixed(0)} deg is below ${(o.fullFraction * refRange).toFixed(0)} deg`;
      out.push({ type: 'warning', side, tMs, code: 'too-shallow', message: msg });
    }
    if (cycleS < o.tooFastCycleS) {
      const msg = `rep ${repCount} took ${cycleS.toFixed(2)} s; slow down and hold at each end`;
      out.push({ type: 'warning', side, tMs, code: 'too-fast', message: msg });
    }
    if (legMoved) {
      const msg = `rep ${repCount}: the leg moved; keep the leg still and move only the ankle`;
      out.push({ type: 'warning', side, tMs, code: 'leg-moved', message: msg });
    }
    // Only full reps teach the reference, so a run of shallow reps cannot lower the bar for itself.
    if (full) {
      learnRange(rangeDeg);
      learnPeaks(minY, maxY);
    }
  }

  function settle(tMs: number, c: number, legDev: number, out: MotionEvent[]): void {
    if (winN === 0 || Math.max(winMax, c) - Math.min(winMin, c) > o.stillDeg || legDev > 0.5) {
      winStartT = tMs;
      winMin = c;
      winMax = c;
      winSum = 0;
      winN = 0;
      legRef.set(leg);
    }
    winMin = Math.min(winMin, c);
    winMax = Math.max(winMax, c);
    winSum += c;
    winN++;
    if (tMs - winStartT < o.settleS * 1000) return;
    settled = true;
    if (neutral === null) {
      neutral = winSum / winN;
      out.push({ type: 'calibrated', side, tMs, neutralDeg: neutral });
    }
  }

  // A small dorsi peak may never be left by a full hysteresis step: coming back down to neutral,
  // past the hold band, ends it too (only when a plantar peak was seen, i.e. a rep is under way).
  function backToNeutral(y: number): boolean {
    if (minSeq < 0) return false;
    const band = Math.max(3, 0.1 * (extY - ring.a(minSeq)));
    return y <= Math.min(o.stillDeg, extY - band - 1);
  }

  const tracker: AnkleTracker = {
    step(input, out) {
      const t = input.tMs;
      if (!Number.isNaN(lastValidT) && t - lastValidT > maxGapMs) {
        const lost = minSeq >= 0 || dir !== 0;
        const msg = `no usable signal for ${((t - lastValidT) / 1000).toFixed(1)} s${lost && settled ? '; the rep in progress was dropped' : ''}`;
        out.push({ type: 'warning', side, tMs: t, code: 'gap', message: msg });
        filter.reset();
        prevC = Number.NaN;
        mCount = 0;
        if (holding) endHold(lastValidT, holdAnchor, out);
        minSeq = -1;
        dir = 0;
        winN = 0;
        needAnchor = true;
      }
      lastValidT = t;
      // Median of three removes single-frame spikes before the filter sees them.
      const raw = input.angleDeg;
      const med = mCount < 2 ? raw : Math.max(Math.min(m1, m2), Math.min(Math.max(m1, m2), raw));
      m1 = m2;
      m2 = raw;
      mCount++;
      const c = filter.filter(med, t);
      trackNoise(t, med, c);
      leg[0] = input.leg0;
      leg[1] = input.leg1;
      leg[2] = input.leg2;
      leg[3] = input.leg3;
      legKnown = !Number.isNaN(leg[0]!);
      let legDev = 0;
      if (legKnown) {
        for (let i = 0; i < 4; i++) legDev = Math.max(legDev, Math.abs((leg[i] ?? 0) - (legRef[i] ?? 0)));
      }
      if (!settled) {
        settle(t, c, legDev, out);
        if (!settled) return;
        const y0 = c - (neutral ?? 0);
        lastY = y0;
        ring.push(t, y0);
        rawRing.push(t, med - (neutral ?? 0));
        startSwing(y0, ring.next - 1, true);
        needAnchor = false;
        dir = 0;
        holdAnchor = y0;
        holdStartT = t;
        return;
      }
      const y = c - (neutral ?? 0);
      lastY = y;
      const seq = ring.push(t, y);
      rawRing.push(t, med - (neutral ?? 0));
      if (needAnchor) {
        needAnchor = false;
        startSwing(y, seq, false);
      }
      // Keep the rep's first sample inside the ring: a very long pause shortens the rep's start.
      if (seq - swingStartSeq >= RING - 2) swingStartSeq = seq - (RING - 2);
      if (seq - repStartSeq >= RING - 2) repStartSeq = seq - (RING - 2);
      if (minSeq >= 0 && seq - minSeq >= RING - 2) minSeq = -1;
      legMaxDev = Math.max(legMaxDev, legDev);
      validN++;
      confSum += input.confidence;
      const h = hysteresis();
      // After a gap a swing is trusted only from a plateau seen after the gap: before it, the
      // movement may have begun unseen.
      if (Math.abs(y - stillRef) > o.stillDeg) {
        stillRef = y;
        stillSinceT = t;
      } else if (!swingClean && t - stillSinceT >= o.holdStartS * 1000 && Number.isNaN(plateauY)) {
        plateauY = y;
        plateauSeq = seq;
      }
      if (dir === 0) {
        if (!swingClean && !Number.isNaN(plateauY)) {
          swingClean = true;
          anchor = plateauY;
        }
        if (Math.abs(y - anchor) <= o.stillDeg) swingStartSeq = seq;
        if (y < anchor - h || y > anchor + h) {
          dir = y < anchor ? -1 : 1;
          extY = y;
          extSeq = seq;
          phase(t, dir < 0 ? 'plantar' : 'dorsi', out);
          endHold(t, y, out);
        }
        return;
      }
      if ((dir < 0 && y <= extY) || (dir > 0 && y >= extY)) {
        extY = y;
        extSeq = seq;
      } else if (dir < 0 ? y > extY + h : y < extY - h || backToNeutral(y)) {
        endHold(t, y, out);
        if (dir < 0) {
          // Plantar peak confirmed: it starts a rep only if its swing began on our watch.
          const fromPlateau = !swingClean && plateauY - extY >= h;
          minSeq = swingClean || fromPlateau ? extSeq : -1;
          repStartSeq = fromPlateau ? plateauSeq : swingStartSeq;
          dir = 1;
          phase(t, 'dorsi', out);
        } else {
          if (minSeq >= 0) completeRep(t, seq, out);
          minSeq = -1;
          startSwing(extY, extSeq, true);
          dir = -1;
          phase(t, 'plantar', out);
        }
        extY = y;
        extSeq = seq;
        return;
      }
      // Live hold: the angle stays within tolerance of where it came to rest near the peak.
      const tol = Math.max(3, 0.1 * refRange);
      if (Math.abs(y - holdAnchor) > tol || Math.abs(y - extY) > tol) endHold(t, y, out);
      const heldS = (t - holdStartT) / 1000;
      // A live hold is at the toes-down or toes-up end, not a rest at neutral.
      const atEnd = dir < 0 ? y < -o.stillDeg : y > o.stillDeg;
      if (!holding && atEnd && heldS >= o.holdStartS) {
        holding = true;
        holdTicks = 0;
        const direction = dir < 0 ? 'plantar' : 'dorsi';
        out.push({ type: 'hold-started', side, tMs: t, direction, holdS: heldS, angleDeg: y });
      } else if (holding && Math.floor(heldS * 4) > holdTicks) {
        holdTicks = Math.floor(heldS * 4);
        const direction = dir < 0 ? 'plantar' : 'dorsi';
        out.push({ type: 'hold-progress', side, tMs: t, direction, holdS: heldS, angleDeg: y });
      }
    },
    gated() {
      if (settled) gatedN++;
    },
    finish(out) {
      if (dir > 0 && minSeq >= 0) {
        const now = ring.next - 1;
        const t = ring.t(now);
        endHold(t, ring.a(now), out);
        completeRep(t, now, out);
        minSeq = -1;
        dir = 0;
      }
    },
    reset: clear,
    get neutralDeg() {
      return neutral;
    },
    get referenceRangeDeg() {
      return refRange;
    },
    givenRangeDeg: setup.rangeDeg,
    get personal() {
      if (peakCount === 0) return null;
      return {
        rangeDeg: setup.rangeDeg ?? refRange,
        plantarDeg: median(recentPlantar, peakCount),
        dorsiDeg: median(recentDorsi, peakCount),
      };
    },
    get angleDeg() {
      return lastY;
    },
    get noiseDeg() {
      return Math.sqrt(noiseVar);
    },
  };
  clear();
  return tracker;
}
