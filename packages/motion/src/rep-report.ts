// What a finished rep tells the user: its metrics as a `rep` event, then a warning for each way it
// fell short (too shallow for the person's bar, too fast, leg moved).

import type { Side } from './landmark-frame.ts';
import type { MotionEvent, RepMetrics } from './motion-events.ts';
import type { RangeBasis } from './personal-range.ts';
import type { RepShape } from './rep-shape.ts';
import { smoothnessFromSparc } from './smoothness.ts';

export interface RepFacts {
  readonly side: Side;
  readonly tMs: number;
  /** 1-based count of reps reported on this foot. */
  readonly index: number;
  readonly shape: RepShape;
  /** The rep's SPARC (`RepShaper.sparcOfLast`). */
  readonly sparc: number;
  /** The range a full rep needs. */
  readonly fullBar: FullBar;
  /** Cycles shorter than this, seconds, are too fast. */
  readonly tooFastCycleS: number;
  readonly legMoved: boolean;
  readonly legMovementMeasured: boolean;
  /** Mean landmark confidence scaled by the share of frames not gated, 0-1. */
  readonly confidence: number;
}

/** The range a full rep needs: `share` of a reference range, and where that came from. */
export interface FullBar {
  readonly share: number;
  readonly referenceDeg: number;
  readonly basis: RangeBasis;
}

/** The range a full rep needs, degrees. */
const fullBarDeg = (bar: FullBar) => bar.share * bar.referenceDeg;

/**
 * "rep n: range R deg is below B deg", with as many decimals as it takes (up to two) for R to read
 * below B: rounded to whole degrees, a rep 0.4 deg short read "range 24 deg is below 24 deg". Then
 * what B is a share of: the bar follows the person's own recent pumps once they have some, so one
 * set read "rep 1: range 10 deg is below 24 deg" and later "rep 16: range 5 deg is below 6 deg"
 * (a person pumping 10 deg), and nothing said why the bar had moved.
 */
export function shallowMessage(n: number, rangeDeg: number, bar: FullBar): string {
  const barDeg = fullBarDeg(bar);
  let digits = 0;
  while (digits < 2 && rangeDeg.toFixed(digits) === barDeg.toFixed(digits)) digits++;
  const pct = Math.round(bar.share * 100);
  const ref = Math.round(bar.referenceDeg);
  const of =
    bar.basis === 'learned'
      ? `this person's recent pumps (${ref} deg)`
      : bar.basis === 'calibrated'
        ? `the calibrated range (${ref} deg)`
        : `a usual ${ref}-deg pump, until this person's own pumps are learned`;
  return `rep ${n}: range ${rangeDeg.toFixed(digits)} deg is below ${barDeg.toFixed(digits)} deg, ${pct}% of ${of}`;
}

/** Pushes the rep event and its warnings to `out`; returns the rep's metrics. */
export function reportRep(f: RepFacts, out: MotionEvent[]): RepMetrics {
  const { side, tMs, index: n, shape: m } = f;
  const shown = m.shown;
  const full = shown.rangeDeg >= fullBarDeg(f.fullBar);
  const rep: RepMetrics = {
    side,
    tMs,
    index: n,
    full,
    rangeDeg: shown.rangeDeg,
    peakPlantarDeg: shown.peakPlantarDeg,
    peakDorsiDeg: shown.peakDorsiDeg,
    plantarHoldS: m.plantarHoldS,
    dorsiHoldS: m.dorsiHoldS,
    cycleS: m.cycleS,
    startTMs: m.startTMs,
    plantarTMs: m.plantarTMs,
    dorsiTMs: m.dorsiTMs,
    legMoved: f.legMoved,
    legMovementMeasured: f.legMovementMeasured,
    sparc: f.sparc,
    smoothness: smoothnessFromSparc(f.sparc),
    confidence: f.confidence,
  };
  out.push({ type: 'rep', side, tMs, rep });
  if (!full) {
    out.push({
      type: 'warning',
      side,
      tMs,
      code: 'too-shallow',
      message: shallowMessage(n, shown.rangeDeg, f.fullBar),
    });
  }
  if (m.cycleS < f.tooFastCycleS) {
    const msg = `rep ${n} took ${m.cycleS.toFixed(2)} s; slow down and hold at each end`;
    out.push({ type: 'warning', side, tMs, code: 'too-fast', message: msg });
  }
  if (f.legMoved) {
    const msg = `rep ${n}: the leg moved; keep the leg still and move only the ankle`;
    out.push({ type: 'warning', side, tMs, code: 'leg-moved', message: msg });
  }
  return rep;
}
