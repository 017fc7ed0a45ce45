// Runs one evaluation set end to end: synthesise with its seed, analyse with the engine, score.

import { type AnalysisResult, analyzeImuRecording, analyzeLandmarkRecording } from '@anklepump/motion';
import { type EvalSet, specRng } from './eval-set.ts';
import { synthImuSession } from './imu-session.ts';
import { synthLandmarkSession } from './landmark-session.ts';
import { type SetScore, scoreSet } from './score.ts';

export interface EvalOutcome {
  readonly score: SetScore;
  readonly result: AnalysisResult;
  readonly samples: number;
}

export function runEvalSet(set: EvalSet): EvalOutcome {
  const c = set.condition;
  if (c.source === 'landmarks') {
    const spec = c.spec(specRng(set.seed));
    const s = synthLandmarkSession(spec, set.seed);
    const result = analyzeLandmarkRecording(s.frames, { ...c.options, sides: [spec.side] });
    return { score: scoreSet(result.reps[spec.side], s.truth), result, samples: s.frames.length };
  }
  const spec = c.spec(specRng(set.seed));
  const s = synthImuSession(spec, set.seed);
  const result = analyzeImuRecording(s.samples, { ...c.options, side: spec.side });
  // A phone on the foot alone reads no leg; with a shin sensor it does.
  const leg = c.options.sensors === 'foot+shank' ? 'read' : 'none';
  return {
    score: scoreSet(result.reps[spec.side], s.truth, 'dorsi', leg),
    result,
    samples: s.samples.length,
  };
}
