// Hindsight for recorded video: a rep during which the pose model saw the knee bend or the leg
// travel is flagged "leg moved" even where the rep engine's live threshold (a quarter of a shank)
// missed it. The engine's own flags are kept; this only adds.
import type { AnalysisResult, LandmarkFrame, MotionEvent, RepMetrics, Side } from '@anklepump/motion';
import { LEG_MOVED_KNEE_DEG, type LegMovement, legMoved, legMovement } from '@anklepump/pose/node';

/** After the toes-up peak, how long a rep's window runs on (the hold and the way back), ms. */
const TAIL_MS = 1500;

function message(index: number, m: LegMovement): string {
  const what =
    m.kneeBendDeg >= LEG_MOVED_KNEE_DEG
      ? `the knee bent by about ${Math.round(m.kneeBendDeg)} deg`
      : `the leg moved by about ${Math.round(m.travelShanks * 100)}% of the shin's length`;
  return `rep ${index}: ${what}; keep the leg still and straight and move only the ankle`;
}

/**
 * `result` with reps flagged `legMoved` where `frames` (the pose model's own landmarks, not the
 * tracker-refined ones) show the knee bending or the leg travelling during the rep, and a
 * 'leg-moved' warning right after each newly flagged rep's event.
 */
export function withVideoLegMovement(
  result: AnalysisResult,
  frames: readonly LandmarkFrame[],
): AnalysisResult {
  const added = new Map<RepMetrics, { side: Side; tMs: number; text: string }>();
  const flag = (side: Side, reps: readonly RepMetrics[]) =>
    reps.map((r) => {
      if (r.legMoved) return r;
      const m = legMovement(frames, side, r.startTMs, r.dorsiTMs + TAIL_MS);
      if (!m || !legMoved(m)) return r;
      const out = { ...r, legMoved: true, legMovementMeasured: true };
      added.set(r, { side, tMs: r.dorsiTMs, text: message(r.index, m) });
      return out;
    });
  const reps = { left: flag('left', result.reps.left), right: flag('right', result.reps.right) };
  if (added.size === 0) return result;
  const byStart = new Map([...added].map(([r, w]) => [`${w.side}:${r.startTMs}`, w]));
  const events: MotionEvent[] = [];
  const warnings = [...result.warnings];
  for (const e of result.events) {
    events.push(e);
    if (e.type !== 'rep') continue;
    const w = byStart.get(`${e.side}:${e.rep.startTMs}`);
    if (!w) continue;
    const warning = {
      type: 'warning',
      side: w.side,
      tMs: e.tMs,
      code: 'leg-moved',
      message: w.text,
    } as const;
    events.push(warning);
    warnings.push(warning);
  }
  warnings.sort((a, b) => a.tMs - b.tMs);
  return { ...result, reps, events, warnings };
}
