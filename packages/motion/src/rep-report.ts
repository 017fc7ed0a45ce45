// What a finished rep tells the user: its metrics as a `rep` event, then a warning for each way it
// fell short (too shallow for the person's bar, too fast, leg moved).

import type { Side } from './landmark-frame.ts';
import type { MotionEvent, RepMetrics } from './motion-events.ts';
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
  /** Range a full rep needs, degrees (fullFraction x the person's reference range). */
  readonly fullBarDeg: number;
  /** Cycles shorter than this, seconds, are too fast. */
  readonly tooFastCycleS: number;
  readonly legMoved: boolean;
  readonly legMovementMeasured: boolean;
  /** Mean landmark confidence scaled by the share of frames not gated, 0-1. */
  readonly confidence: number;
}

/**
 * "rep n: range R deg is below B deg", with as many decimals as it takes (up to two) for R to read
 * below B: rounded to whole degrees, a rep 0.4 deg short read "range 24 deg is below 24 deg".
 */
export function shallowMessage(n: number, rangeDeg: number, barDeg: number): string {
  let digits = 0;
  while (digits < 2 && rangeDeg.toFixed(digits) === barDeg.toFixed(digits)) digits++;
  return `rep ${n}: range ${rangeDeg.toFixed(digits)} deg is below ${barDeg.toFixed(digits)} deg`;
}

/** Pushes the rep event and its warnings to `out`; returns the rep's metrics. */
export function reportRep(f: RepFacts, out: MotionEvent[]): RepMetrics {
  const { side, tMs, index: n, shape: m } = f;
  const shown = m.shown;
  const full = shown.rangeDeg >= f.fullBarDeg;
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
      message: shallowMessage(n, shown.rangeDeg, f.fullBarDeg),
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
