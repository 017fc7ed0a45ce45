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

/** Pushes the rep event and its warnings to `out`; returns the rep's metrics. */
export function reportRep(f: RepFacts, out: MotionEvent[]): RepMetrics {
  const { side, tMs, index: n, shape: m } = f;
  const full = m.rangeDeg >= f.fullBarDeg;
  const rep: RepMetrics = {
    side,
    tMs,
    index: n,
    full,
    rangeDeg: m.rangeDeg,
    peakPlantarDeg: m.peakPlantarDeg,
    peakDorsiDeg: m.peakDorsiDeg,
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
    const msg = `rep ${n}: range ${m.rangeDeg.toFixed(0)} deg is below ${f.fullBarDeg.toFixed(0)} deg`;
    out.push({ type: 'warning', side, tMs, code: 'too-shallow', message: msg });
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
