// Runs one stress set end to end: synthesise with its seed, analyse with the engine and with the
// naive baseline, score both against the truth.

import {
  type AnalysisResult,
  analyzeImuRecording,
  analyzeLandmarkRecording,
  type LandmarkAnalyzerOptions,
} from '@anklepump/motion';
import { synthImuSession } from './imu-session.ts';
import type { SessionTruth } from './landmark-session.ts';
import { synthLandmarkSession } from './landmark-session.ts';
import { naiveGyroCount, naiveLandmarkCount } from './naive-baselines.ts';
import { pumpOverNoise } from './pump-over-noise.ts';
import { type SetScore, scoreSet } from './score.ts';
import { type StressSet, stressSpecRng, withBurstLeeway, withTinyRepLeeway } from './stress-set.ts';

export interface StressOutcome {
  readonly score: SetScore;
  readonly result: AnalysisResult;
  /** What was done, as scored. */
  readonly truth: SessionTruth;
  /** The naive baseline's count is within the truth's bounds. */
  readonly baselineExact: boolean;
  readonly baselineCount: number;
  readonly samples: number;
  /**
   * A landmark set's median pump over its landmarks' angle noise, as the picture shows both
   * (pump-over-noise.ts); null for a sensor set.
   */
  readonly pumpOverNoise: number | null;
}

/**
 * How the landmark analyzer reads the foot's angle (`footAngle`, landmark-analyzer.ts); undefined:
 * the analyzer's default.
 */
export type StressFootAngle = LandmarkAnalyzerOptions['footAngle'];

export function runStressSet(set: StressSet, footAngle?: StressFootAngle): StressOutcome {
  const f = set.family;
  if (f.source === 'landmarks') {
    const spec = f.spec(stressSpecRng(set.seed));
    const s = synthLandmarkSession(spec, set.seed);
    const truth = withTinyRepLeeway(withBurstLeeway(s.truth));
    const result = analyzeLandmarkRecording(s.frames, {
      sides: [spec.side],
      footAngle,
    });
    const baselineCount = naiveLandmarkCount(s.frames, spec.side);
    return {
      score: scoreSet(result.reps[spec.side], truth, 'plantar'),
      result,
      truth,
      baselineCount,
      baselineExact: baselineCount >= truth.expectedReps && baselineCount <= truth.expectedRepsMax,
      samples: s.frames.length,
      pumpOverNoise: pumpOverNoise(
        s.frames,
        spec.side,
        s.trueAngleDeg,
        s.truth.reps.map((r) => r.rangeDeg),
      ),
    };
  }
  const spec = f.spec(stressSpecRng(set.seed));
  const s = synthImuSession(spec, set.seed);
  const result = analyzeImuRecording(s.samples, { side: spec.side });
  const baselineCount = naiveGyroCount(s.samples);
  const truth = withTinyRepLeeway(s.truth);
  return {
    score: scoreSet(result.reps[spec.side], truth, 'plantar', 'none'),
    result,
    truth,
    baselineCount,
    baselineExact: baselineCount >= truth.expectedReps && baselineCount <= truth.expectedRepsMax,
    samples: s.samples.length,
    pumpOverNoise: null,
  };
}
