// The resting-foot check (issue 10): a foot that does not exercise gives the engine nothing but
// landmark or sensor noise, and must count 0 reps. Every stress family's conditions (noise,
// outliers, bursts, yaw, frame rate and drops; IMU mounting, bias, rate) with the person's program
// replaced by 87 s of rest (a fidget of at most 1.5 deg allowed, as a resting person has). And
// the same rest after the person's set: whatever the engine learned from their pumps must not make
// reps out of the noise once they stop.

import {
  type AnalysisResult,
  analyzeImuRecording,
  analyzeLandmarkRecording,
  type RepMetrics,
} from '@anklepump/motion';
import { type ProgramSpec, REST_FIDGET_MAX_DEG } from './ankle-program.ts';
import { synthImuSession } from './imu-session.ts';
import { type SessionTruth, synthLandmarkSession } from './landmark-session.ts';
import type { StressFootAngle } from './run-stress.ts';
import { type StressSet, stressSpecRng } from './stress-set.ts';

/** How long the resting foot is watched, seconds. */
export const RESTING_S = 87;

function rest(p: ProgramSpec): ProgramSpec {
  return {
    ...p,
    reps: 0,
    restS: RESTING_S,
    gettingIntoPosition: false,
    legMoveChance: 0,
    fidgetDeg: Math.min(REST_FIDGET_MAX_DEG, p.fidgetDeg ?? 1),
  };
}

export interface RestingOutcome {
  /** Reps the engine counted while the foot rested (spurious: 0 is right). */
  readonly reps: number;
  readonly result: AnalysisResult;
}

/** Runs one stress set's conditions on a resting foot. */
export function runRestingFoot(set: StressSet, footAngle?: StressFootAngle): RestingOutcome {
  const { result, reps } = runWithProgram(set, rest, footAngle);
  return { reps: reps.length, result };
}

/**
 * Runs one stress set's person and, in the same recording, their foot resting RESTING_S s after the
 * set (the program's `restAfterS`: the same camera or phone and noise going on, the fidget down to a
 * resting person's). Every rep whose first peak comes after the set's last rep has ended (its return
 * to neutral, and a second more) is spurious.
 */
export function runRestAfterSet(set: StressSet, footAngle?: StressFootAngle): RestingOutcome {
  const { result, reps, truth } = runWithProgram(set, (p) => ({ ...p, restAfterS: RESTING_S }), footAngle);
  const endMs = Math.max(...truth.reps.map((r) => r.endTMs)) + 1000;
  return { reps: reps.filter((r) => Math.min(r.plantarTMs, r.dorsiTMs) > endMs).length, result };
}

/** One stress set's conditions with its person's program changed by `program`, synthesised and analysed. */
function runWithProgram(
  set: StressSet,
  program: (p: ProgramSpec) => ProgramSpec,
  footAngle: StressFootAngle,
): { result: AnalysisResult; reps: readonly RepMetrics[]; truth: SessionTruth } {
  const f = set.family;
  if (f.source === 'landmarks') {
    const spec = f.spec(stressSpecRng(set.seed));
    const s = synthLandmarkSession({ ...spec, program: program(spec.program) }, set.seed);
    const result = analyzeLandmarkRecording(s.frames, {
      sides: [spec.side],
      footAngle,
    });
    return { result, reps: result.reps[spec.side], truth: s.truth };
  }
  const spec = f.spec(stressSpecRng(set.seed));
  const s = synthImuSession({ ...spec, program: program(spec.program) }, set.seed);
  const result = analyzeImuRecording(s.samples, { side: spec.side });
  return { result, reps: result.reps[spec.side], truth: s.truth };
}
