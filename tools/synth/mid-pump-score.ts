// The stress families entered mid-pump: each set's recording starts halfway through its first
// rep's toes-down hold, as when a camera opens or a session is resumed while the person pumps. The
// engine's first still moment is then that hold, not their rest (packages/motion/README.md,
// "Settling again"). Scored on the count only: the reps after the first must be counted as the
// set's truth says, the cut first rep may or may not be. Run by hand:
//   npx tsx tools/synth/mid-pump-score.ts [per-family=32] [tuning|heldOut]
// Prints per family the sets exact, then the total; the same sets entered at the start are in
// tuning-score.ts and `npm run bench motion`.

import { analyzeImuRecording, analyzeLandmarkRecording } from '@anklepump/motion';
import { synthImuSession } from './src/imu-session.ts';
import { type SessionTruth, synthLandmarkSession } from './src/landmark-session.ts';
import { type StressSet, type StressSplit, stressSets, stressSpecRng } from './src/stress-set.ts';

const USAGE = 'usage: npx tsx tools/synth/mid-pump-score.ts [per-family=32] [tuning|heldOut]';
const perFamily = Number(process.argv[2] ?? 32);
const split = (process.argv[3] ?? 'tuning') as StressSplit;
if (!(perFamily > 0) || (split !== 'tuning' && split !== 'heldOut') || process.argv.length > 4) {
  console.error(USAGE);
  process.exit(2);
}

/** When the recording starts, ms, and the counts it must give: halfway through rep 1's toes-down hold. */
function midPumpCut(truth: SessionTruth): { cutMs: number; min: number; max: number } | null {
  const first = truth.reps[0];
  if (!first) return null;
  const cutMs = (first.plantarTMs + first.plantarHoldEndTMs) / 2;
  const rest = truth.countable.slice(1);
  return {
    cutMs,
    min: rest.filter((c) => c === 'yes').length,
    max: rest.filter((c) => c !== 'no').length + (truth.countable[0] === 'no' ? 0 : 1),
  };
}

function countMidPump(set: StressSet): { exact: boolean; counted: number; min: number; max: number } | null {
  const f = set.family;
  let cut: ReturnType<typeof midPumpCut>;
  let counted: number;
  if (f.source === 'landmarks') {
    const spec = f.spec(stressSpecRng(set.seed));
    const s = synthLandmarkSession(spec, set.seed);
    cut = midPumpCut(s.truth);
    if (!cut) return null;
    const from = cut.cutMs;
    const frames = s.frames.filter((x) => x.tMs >= from);
    counted = analyzeLandmarkRecording(frames, { sides: [spec.side] }).reps[spec.side].length;
  } else {
    const spec = f.spec(stressSpecRng(set.seed));
    const s = synthImuSession(spec, set.seed);
    cut = midPumpCut(s.truth);
    if (!cut) return null;
    const from = cut.cutMs;
    const samples = s.samples.filter((x) => x.tMs >= from);
    counted = analyzeImuRecording(samples, { side: spec.side }).reps[spec.side].length;
  }
  return { exact: counted >= cut.min && counted <= cut.max, counted, min: cut.min, max: cut.max };
}

const byFamily = new Map<string, { exact: number; sets: number; none: number }>();
for (const set of stressSets(split, perFamily)) {
  const o = countMidPump(set);
  if (!o) continue;
  const row = byFamily.get(set.family.name) ?? { exact: 0, sets: 0, none: 0 };
  row.sets++;
  if (o.exact) row.exact++;
  if (o.counted === 0 && o.min > 0) row.none++;
  byFamily.set(set.family.name, row);
}
const total = { exact: 0, sets: 0, none: 0 };
console.log(
  `entered mid-pump, ${split} seeds, ${perFamily} a family: exact / sets (sets that counted nothing)`,
);
for (const [name, r] of byFamily) {
  console.log(`${r.exact}/${r.sets}\t(${r.none} none)\t${name}`);
  total.exact += r.exact;
  total.sets += r.sets;
  total.none += r.none;
}
console.log(`total ${total.exact}/${total.sets} exact, ${total.none} sets counted nothing`);
