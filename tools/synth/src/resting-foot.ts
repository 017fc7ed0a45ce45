// The resting-foot check (issue 10): a foot that does not exercise gives the engine nothing but
// landmark or sensor noise, and must count 0 reps. Every stress family's conditions (noise,
// outliers, bursts, yaw, frame rate and drops; IMU mounting, bias, rate) with the person's program
// replaced by 87 s of rest (a fidget of at most 1.5 deg allowed, as a resting person has).

import { type AnalysisResult, analyzeImuRecording, analyzeLandmarkRecording } from '@anklepump/motion';
import type { ProgramSpec } from './ankle-program.ts';
import { synthImuSession } from './imu-session.ts';
import { synthLandmarkSession } from './landmark-session.ts';
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
    fidgetDeg: Math.min(1.5, p.fidgetDeg ?? 1),
  };
}

export interface RestingOutcome {
  /** Reps the engine counted on a foot that never exercised (should be 0). */
  readonly reps: number;
  readonly result: AnalysisResult;
}

/** Runs one stress set's conditions on a resting foot. */
export function runRestingFoot(set: StressSet): RestingOutcome {
  const f = set.family;
  if (f.source === 'landmarks') {
    const spec = f.spec(stressSpecRng(set.seed));
    const s = synthLandmarkSession({ ...spec, program: rest(spec.program) }, set.seed);
    const result = analyzeLandmarkRecording(s.frames, { sides: [spec.side] });
    return { reps: result.reps[spec.side].length, result };
  }
  const spec = f.spec(stressSpecRng(set.seed));
  const s = synthImuSession({ ...spec, program: rest(spec.program) }, set.seed);
  const result = analyzeImuRecording(s.samples, { side: spec.side });
  return { reps: result.reps[spec.side].length, result };
}
