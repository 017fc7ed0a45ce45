// Hindsight for recorded video: a rep during which the pose model saw the knee bend or the leg
// travel is flagged "leg moved" even where the rep engine's live threshold missed it. Where the
// engine saw the pose model's own landmarks its flags are kept and this only adds; where it saw the
// pixel stage's refined frames, this decides (see EngineLegFlags).
import {
  type AnalysisResult,
  type AnglePoint,
  holdBandDeg,
  type LandmarkFrame,
  type MotionEvent,
  type RepMetrics,
  type Side,
} from '@anklepump/motion';
import { LEG_MOVED_KNEE_DEG, type LegMovement, legMoved, legMovement } from '@anklepump/pose/node';

/**
 * After the toes-up peak, how long a rep's window runs on (the hold and the way back), ms; it stops
 * where the next rep starts. It used to run on into the next rep, and a knee bend or slide there
 * was blamed on both: tuning clips (tools/tracker/evaluate-analyze.ts, 42 clips, pixel stage on),
 * 14 moved reps flagged, 2 missed, 11 false alarms before, 14, 2 and 4 after: the 7 false alarms
 * gone were each the rep just before the one the leg moved in.
 */
const TAIL_MS = 1500;
/**
 * A rep's window opens this long before the foot set off on its first swing, ms, as the rep
 * engine's own check does (a leg that slides or bends with the swing starts as the swing does).
 * It opened at the rep's `startTMs`, where the engine's window for the rep began: the previous
 * rep's second peak, so that rep's hold, its way back and a leg lowered there counted for this one
 * (a rendered tuning clip, web-e2e: a leg lifted through rep 2 and lowered 0.3 s before rep 3 set
 * off, rep 3 flagged "moved by 63% of the shin"). Tuning clips (`tools/tracker/evaluate-analyze.ts
 * .cache/render/tuning-wide`, 18 clips, 7 moved reps), flagged / missed / false alarms, pixel
 * stage on: from `startTMs` 6 / 1 / 1; from the set-off less 150 ms 5 / 2 / 1, less 300-700 ms
 * 6 / 1 / 1; BlazePose's points alone 7 / 0 / 2 -> 7 / 0 / 1; web-e2e's false alarm gone. All 42
 * tuning clips at 400 ms: pixel stage 14 / 2 / 3 either way, BlazePose's points 16 / 1 / 12 either
 * way (tuning-extra one false alarm more).
 */
const LEAD_MS = 400;

function message(index: number, m: LegMovement): string {
  const what =
    m.kneeBendDeg >= LEG_MOVED_KNEE_DEG
      ? `the knee bent by about ${Math.round(m.kneeBendDeg)} deg`
      : `the leg moved by about ${Math.round(m.travelShanks * 100)}% of the shin's length`;
  return `rep ${index}: ${what}; keep the leg still and straight and move only the ankle`;
}

/**
 * Where rep `r`'s window opens: LEAD_MS before the foot set off on its first swing, read from the
 * filtered angle `series` (relative to neutral) as where it last was within the hold band (max(3
 * deg, 10% of the range)) of neutral before its first peak; never before `r.startTMs`. Without a
 * series, `r.startTMs`.
 */
function opensAt(r: RepMetrics, series: readonly AnglePoint[] | null): number {
  const downFirst = r.plantarTMs <= r.dorsiTMs;
  const firstTMs = downFirst ? r.plantarTMs : r.dorsiTMs;
  if (!series || series.length === 0) return r.startTMs;
  const bandDeg = holdBandDeg(r.rangeDeg);
  const sign = downFirst ? 1 : -1;
  // From the last sample at or before the first peak, back to where the foot left neutral.
  let k = Math.max(
    0,
    series.findLastIndex((p) => p.tMs <= firstTMs),
  );
  while (k > 0 && series[k]!.tMs > r.startTMs && sign * series[k]!.angleDeg < -bandDeg) k--;
  return Math.max(r.startTMs, series[k]!.tMs - LEAD_MS);
}

/**
 * What to do with the rep engine's own leg-moved flags. 'keep': the engine saw the pose model's own
 * landmarks, so its flags stand and the hindsight check only adds. 'replace': the engine saw
 * frames the pixel stage refined (each knee placed along the tracked shank, so the engine's leg
 * readings carry the tracker's jitter): the hindsight check on the pose model's own landmarks
 * decides every rep it can judge. Tuning clips (tools/tracker/evaluate-analyze.ts), pixel stage on:
 * keeping the engine's flags, 8 moved reps flagged, 1 missed, 6 false alarms (8 once the engine
 * judged each rep whole from before its swing set off); replacing them, 8, 1 and 5 (the BlazePose
 * path, which keeps them: 7, 2 and 4).
 */
export type EngineLegFlags = 'keep' | 'replace';

/**
 * `result` with reps flagged `legMoved` where `frames` (the pose model's own landmarks, not the
 * tracker-refined ones) show the knee bending or the leg travelling during the rep, and a
 * 'leg-moved' warning right after each flagged rep's event; with 'replace', a rep the check can
 * judge is flagged by it alone (the engine's 'leg-moved' warning for it goes too).
 */
export function withVideoLegMovement(
  result: AnalysisResult,
  frames: readonly LandmarkFrame[],
  engineFlags: EngineLegFlags = 'keep',
): AnalysisResult {
  /** Reps whose flag this changed, by side and start, with the warning to add (null: none). */
  const changed = new Map<string, { rep: RepMetrics; warning: string | null }>();
  const key = (side: Side, r: RepMetrics) => `${side}:${r.startTMs}`;
  const flag = (side: Side, reps: readonly RepMetrics[]) => {
    const opens = reps.map((r) => opensAt(r, result.series?.[side] ?? null));
    return reps.map((r, i) => {
      if (engineFlags === 'keep' && r.legMoved) return r;
      // To just after the rep's second peak (toes up, or toes down when it started toes up), and
      // never into the next rep's window.
      const endTMs = Math.min(Math.max(r.plantarTMs, r.dorsiTMs) + TAIL_MS, opens[i + 1] ?? Infinity);
      const m = legMovement(frames, side, opens[i]!, endTMs);
      // Not judged (the pose model unsure of the leg): the engine's flag stands.
      if (!m) return r;
      const moved = legMoved(m);
      // A still leg the engine had judged stays as it was; one it could not see (its points held
      // through most of the rep) is now judged, still.
      if (!moved && !r.legMoved && r.legMovementMeasured) return r;
      const out = { ...r, legMoved: moved, legMovementMeasured: true };
      changed.set(key(side, r), { rep: out, warning: moved ? message(r.index, m) : null });
      return out;
    });
  };
  const reps = { left: flag('left', result.reps.left), right: flag('right', result.reps.right) };
  if (changed.size === 0) return result;
  const events: MotionEvent[] = [];
  const added: MotionEvent[] = [];
  /** The engine's 'leg-moved' warnings dropped, by side and time. */
  const dropped = new Set<string>();
  /** The last rep event's change, per side: the engine's 'leg-moved' warning follows its rep. */
  const lastChange = new Map<Side | null, { rep: RepMetrics; warning: string | null }>();
  for (const e of result.events) {
    if (e.type === 'warning' && e.code === 'leg-moved' && lastChange.has(e.side)) {
      // The engine's own word on a rep the hindsight check decided: dropped for the check's.
      dropped.add(`${e.side}:${e.tMs}`);
      continue;
    }
    if (e.type !== 'rep') {
      events.push(e);
      continue;
    }
    const c = changed.get(key(e.side, e.rep));
    if (c) lastChange.set(e.side, c);
    else lastChange.delete(e.side);
    events.push(c ? { ...e, rep: c.rep } : e);
    if (!c?.warning) continue;
    const warning = {
      type: 'warning',
      side: e.side,
      tMs: e.tMs,
      code: 'leg-moved',
      message: c.warning,
    } as const;
    events.push(warning);
    added.push(warning);
  }
  const warnings = [
    ...result.warnings.filter((w) => !(w.code === 'leg-moved' && dropped.has(`${w.side}:${w.tMs}`))),
    ...(added as typeof result.warnings),
  ].sort((a, b) => a.tMs - b.tMs);
  return { ...result, reps, events, warnings };
}
