// One foot's rep engine, shared by every angle source: despike and filter the angle, wait for the
// foot to settle, then find plantar and dorsi peaks with hysteresis relative to the person's range.

import type { Side } from './landmark-frame.ts';
import { createLiveHold } from './live-hold.ts';
import type { MotionEvent, MotionPhase } from './motion-events.ts';
import { createOneEuroFilter } from './one-euro-filter.ts';
import { createPersonalRange } from './personal-range.ts';
import { reportRep } from './rep-report.ts';
import { createRepShape } from './rep-shape.ts';
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
const WARM_UP = 3;
const NOISE_K = 4;
const NOISE_SLOW_DEG_S = 15;

/** Creates one foot's rep engine; options are validated by the caller (`resolveTracker`). */
export function createAnkleTracker(setup: TrackerSetup): AnkleTracker {
  const { side, options: o } = setup;
  const filter = createOneEuroFilter(o.filter);
  const ring = createSampleRing(RING);
  const rawRing = createSampleRing(RING);
  const shape = createRepShape(RING);
  const personal = createPersonalRange(setup.rangeDeg, o.defaultRangeDeg);
  const hold = createLiveHold(side, o.holdStartS, o.stillDeg);
  const legRef = new Float64Array(4);
  const leg = new Float64Array(4);
  const maxGapMs = o.maxGapS * 1000;

  let neutral: number | null;
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
    personal.reset();
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
    hold.reset();
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
      Math.max(o.minSwingDeg, o.swingFraction * personal.referenceDeg, NOISE_K * Math.sqrt(noiseVar)),
      0.5 * personal.referenceDeg,
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

  function phase(tMs: number, p: MotionPhase, out: MotionEvent[]): void {
    out.push({ type: 'phase', side, tMs, phase: p });
  }

  const heading = () => (dir < 0 ? 'plantar' : 'dorsi');
  const endHold = (tMs: number, y: number, out: MotionEvent[]) => hold.end(tMs, y, heading(), out);

  function completeRep(tMs: number, nowSeq: number, out: MotionEvent[]): void {
    if (minSeq < 0 || !ring.has(repStartSeq)) return;
    const m = shape.measure(rawRing, repStartSeq, minSeq, extSeq, nowSeq);
    // The live swing passed the hysteresis but the settled shape did not: noise, not a rep.
    if (m.rangeDeg < o.minSwingDeg) return;
    repCount++;
    const rep = reportRep(
      {
        side,
        tMs,
        index: repCount,
        shape: m,
        fullBarDeg: o.fullFraction * personal.referenceDeg,
        tooFastCycleS: o.tooFastCycleS,
        legMoved: legKnown && legMaxDev > 1,
        legMovementMeasured: legKnown,
        confidence: validN > 0 ? (confSum / validN) * (validN / (validN + gatedN)) : 0,
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
        endHold(lastValidT, hold.anchorDeg, out);
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
        hold.end(t, y0, 'plantar', out);
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
      hold.update(t, y, extY, heading(), Math.max(3, 0.1 * personal.referenceDeg), out);
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
      return personal.referenceDeg;
    },
    givenRangeDeg: setup.rangeDeg,
    get personal() {
      return personal.learned;
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
