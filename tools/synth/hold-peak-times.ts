// When a recording's toes-down and toes-up ends were reached, as `anklepump analyze` reports them
// (`plantarPeakS`, `dorsiPeakS`): the engine's peak time (its most extreme frame) against the time
// with hindsight (the middle of the hold around it: packages/cli hold-peaks.ts), each scored
// against the middle of the true hold. Camera stress sets and the as-prescribed camera family (holds
// of 1-2 s), every peak whose true hold lasts at least 0.5 s. Nothing is fitted. Run by hand:
//   npx tsx tools/synth/hold-peak-times.ts [per-family=32] [tuning|heldOut]

import { robustPeaks } from '@anklepump/cli';
import { analyzeLandmarkRecording } from '@anklepump/motion';
import { synthLandmarkSession } from './src/landmark-session.ts';
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
/** A measured rep is the true rep whose peaks both lie within this of its own, ms. */
const MATCH_MS = 1500;

/** |time - true hold middle| of each peak, ms: the engine's and with hindsight. */
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
    for (const rep of result.reps[spec.side]) {
      const truth = session.truth.reps.find(
        (t) =>
          Math.abs(t.plantarTMs - rep.plantarTMs) < MATCH_MS &&
          Math.abs(t.dorsiTMs - rep.dorsiTMs) < MATCH_MS,
      );
      if (!truth) continue;
      const held = robustPeaks(rep, series);
      const ends = [
        [truth.plantarTMs, truth.plantarHoldEndTMs, rep.plantarTMs, held.plantarTMs],
        [truth.dorsiTMs, truth.dorsiHoldEndTMs, rep.dorsiTMs, held.dorsiTMs],
      ] as const;
      for (const [fromMs, toMs, engineMs, heldMs] of ends) {
        if (toMs - fromMs < MIN_TRUE_HOLD_MS) continue;
        const middleMs = (fromMs + toMs) / 2;
        engine.push(Math.abs(engineMs - middleMs));
        hindsight.push(Math.abs(heldMs - middleMs));
      }
    }
  }
  return { engine, hindsight };
}

const quantile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(p * (s.length - 1))] ?? Number.NaN;
};
const ms = (xs: readonly number[]) => `${quantile(xs, 0.5).toFixed(0)} / ${quantile(xs, 0.9).toFixed(0)}`;

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
