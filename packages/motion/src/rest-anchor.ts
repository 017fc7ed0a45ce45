// Where a rest is anchored: one sample's angle (where settling, a replay or a rep's end left the
// foot), moved to where the foot keeps still nearer neutral (`stepResting`, rep-states.ts).

import type { RestStill, StepSample } from './rep-state-types.ts';

/**
 * A rest whose anchor lies more than `stillDeg` from neutral moves to where the foot keeps still
 * nearer neutral for this long (ms; twice a hold's announcement, DEFAULT_TRACKER.holdStartS). An
 * anchor is one sample's angle (where settling, a replay or a rep's end left the foot), and on a
 * noisy camera that sample can lie well off the rest: anchored at -7 deg while the foot rested at 0,
 * a 37-deg pump whose toes-down end reached -18 deg never left the anchor by the 16.5-deg hysteresis
 * and was not counted (stress set tuning seed 20007). Only nearer neutral: a still moment further
 * out is a toes-down or toes-up hold, and anchoring there would read the next swing's way wrong.
 * Stress set tuning seeds (64 a family), sets exact: camera 360 -> 361 of 576 (none lost; at 300
 * ms 2 won and 1 lost), phone 418 of 448 either way.
 */
export const REANCHOR_MS = 500;

/**
 * The still moment `still` carried on by sample `x` of a rest anchored at `anchorDeg`, more than
 * `stillDeg` from neutral (the caller's test), and the anchor it leaves (REANCHOR_MS).
 */
export function followStill(
  still: RestStill | null,
  x: StepSample,
  anchorDeg: number,
  stillDeg: number,
): { readonly still: RestStill | null; readonly anchorDeg: number } {
  if (still === null || Math.abs(x.deg - still.fromDeg) > stillDeg) {
    return { still: { fromDeg: x.deg, sinceTMs: x.tMs, sumDeg: x.deg, samples: 1 }, anchorDeg };
  }
  const sumDeg = still.sumDeg + x.deg;
  const samples = still.samples + 1;
  const levelDeg = sumDeg / samples;
  if (x.tMs - still.sinceTMs >= REANCHOR_MS && Math.abs(levelDeg) < Math.abs(anchorDeg) - stillDeg) {
    return { still: null, anchorDeg: levelDeg };
  }
  return { still: { fromDeg: still.fromDeg, sinceTMs: still.sinceTMs, sumDeg, samples }, anchorDeg };
}
