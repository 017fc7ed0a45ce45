// When a recording's toes-down and toes-up ends were reached, as `anklepump analyze` reports them
// (`plantarPeakS`, `dorsiPeakS`): the engine's peak time (its most extreme frame) against the time
// with hindsight (the middle of the hold around it: packages/cli hold-peaks.ts), each scored
// against the middle of the true hold. Camera stress sets and the as-prescribed camera family (holds
// of 1-2 s), every peak whose true hold lasts at least 0.5 s. Nothing is fitted. Run by hand:
//   npx tsx tools/synth/hold-peak-times.ts [per-family=32] [tuning|heldOut]

import { robustPeaks } from '@anklepump/cli';
import { analyzeLandmarkRecording } from '@anklepump/motion';
import { synthLandmarkSession } from './src/landmark-session.ts';
import { matchReps, medianAbs, quantileAbs } from './src/score.ts';
import {
  prescribedSets,
  type StressSet,
  type StressSplit,
  stressSets,
  stressSpecRng,
} from './src/stress-set.ts';

const USAGE = 'usage: npx tsx tools/synth/hold-peak-times.ts [per-family=32] [tuning|heldOut]';
const perFamily = Number(process.argv[2] ?? 32);
const split = (process.argv[3] ?? 'tuning') as StressSplit;
if (!(perFamily > 0) || (split !== 'tuning' && split !== 'heldOut') || process.argv.length > 4) {
  console.error(USAGE);
  process.exit(2);
}

/** A true hold shorter than this has no middle to speak of, ms. */
const MIN_TRUE_HOLD_MS = 500;

/** Each peak's time less the middle of its true hold, ms: the engine's and with hindsight. */
function peakTimeErrors(sets: readonly StressSet[]): { engine: number[]; hindsight: number[] } {
  const engine: number[] = [];
  const hindsight: number[] = [];
  for (const set of sets) {
    const f = set.family;
    if (f.source !== 'landmarks') continue;
    const spec = f.spec(stressSpecRng(set.seed));
    const session = synthLandmarkSession(spec, set.seed);
    const result = analyzeLandmarkRecording(session.frames, { sides: [spec.side], includeSeries: true });
    const series = result.series?.[spec.side] ?? [];
    const reps = result.reps[spec.side];
    // Paired as the stress set's score pairs them (by the toes-down hold).
    for (const [i, j] of matchReps(reps, session.truth, 'plantar')) {
      const truth = session.truth.reps[i]!;
      const rep = reps[j]!;
      const held = robustPeaks(rep, series);
      const ends = [
        [truth.plantarTMs, truth.plantarHoldEndTMs, rep.plantarTMs, held.plantarTMs],
        [truth.dorsiTMs, truth.dorsiHoldEndTMs, rep.dorsiTMs, held.dorsiTMs],
      ] as const;
      for (const [fromMs, toMs, engineMs, heldMs] of ends) {
        if (toMs - fromMs < MIN_TRUE_HOLD_MS) continue;
        const middleMs = (fromMs + toMs) / 2;
        engine.push(engineMs - middleMs);
        hindsight.push(heldMs - middleMs);
      }
    }
  }
  return { engine, hindsight };
}

const ms = (xs: readonly number[]) => `${medianAbs(xs).toFixed(0)} / ${quantileAbs(xs, 0.9).toFixed(0)}`;

console.log(`${split} seeds, ${perFamily} a family: |peak time - middle of the true hold|, ms, median / p90`);
console.log('| sets | peaks | engine (extreme frame) | with hindsight (middle of the hold) |');
console.log('| --- | --: | --: | --: |');
for (const [name, sets] of [
  ['camera stress families', stressSets(split, perFamily)],
  ['camera, as prescribed', prescribedSets(split, perFamily)],
] as const) {
  const { engine, hindsight } = peakTimeErrors(sets);
  console.log(`| ${name} | ${engine.length} | ${ms(engine)} | ${ms(hindsight)} |`);
}
