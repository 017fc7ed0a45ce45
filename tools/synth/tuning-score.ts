// The stress set's tuning seeds scored in one line per family: what engine changes are chosen on
// (the held-out seeds are scored only by `npm run bench motion`). Run by hand:
//   npx tsx tools/synth/tuning-score.ts [per-family=32] [camera|imu] [--foot-angle heel-toe|fitted]
// Prints per family the exact sets, spurious reps on the resting-foot twins (a foot that never
// pumps, then the same rest after the person's set) and the seeds that were not exact; then the
// totals, reps counted wrong in all sets (missed or extra beyond what may count), the range error
// median / p90 over matched reps, the leg-moved flag's precision / recall over matched reps (reps
// whose leg was held unseen through most of the rep are in neither figure and are counted beside
// them), the sets whose matched reps mostly have toes down and toes up the wrong way round (a swap
// the count and the range cannot show), and the sets whose reps are mostly paired in the wrong order: a
// person who starts each rep toes up read toes down first (each peak right, but every rep's toes-up
// end, its hold and its leg-moved flag taken from the rep after), or the reverse. Camera sets are
// then split by how far the pumps stand above the landmarks' noise (src/pump-over-noise.ts). The
// summary line's last figure counts the sets whose first pump that must count is not among the reps.
// Last, apart from those totals, the families that do the exercise as prescribed (holds of 1-2 s)
// and the phone families whose foot does not turn in one plane (src/ankle-3d.ts).
//
// A change is judged against the run before it, set by set, not by the totals: `--save F` writes
// each set's seed and whether it was exact, and `--against F` lists the sets the change lost and
// won with McNemar's exact p (src/stats.ts). The engine's outcome per set moves with any small
// change (a neutral 2 deg off shifts every peak), so a few sets either way is what chance gives:
// 9 lost against 2 won is p = 0.07.

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inPumpOverNoiseBand, PUMP_OVER_NOISE_BANDS, pumpOverNoiseBandName } from './src/pump-over-noise.ts';
import { runRestAfterSet, runRestingFoot } from './src/resting-foot.ts';
import { runStressSet, type StressFootAngle } from './src/run-stress.ts';
import { mcnemarExactP } from './src/stats.ts';
import { ankle3dSets, prescribedSets, type StressSet, stressSets, stressSpecRng } from './src/stress-set.ts';

const USAGE =
  'usage: npx tsx tools/synth/tuning-score.ts [per-family=32] [camera|imu] [--save FILE] [--against FILE] [--foot-angle heel-toe|fitted]';
function parsed() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { save: { type: 'string' }, against: { type: 'string' }, 'foot-angle': { type: 'string' } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const { values, positionals } = parsed();
const saveTo = values.save;
const against = values.against;
const perFamily = Number(positionals[0] ?? 32);
const only = positionals[1];
/** How the camera's landmark angle is read (the landmark analyzer's `footAngle`; default its own). */
const footAngle = values['foot-angle'] as StressFootAngle;
if (
  !(perFamily > 0) ||
  (footAngle !== undefined && footAngle !== 'heel-toe' && footAngle !== 'fitted') ||
  (only !== undefined && only !== 'camera' && only !== 'imu') ||
  positionals.length > 2
) {
  console.error(USAGE);
  process.exit(2);
}
/** Each scored set's seed and whether its count was exact, in the order scored. */
const outcomes: [number, boolean][] = [];
/** A saved run's outcomes by seed; exits with a message naming the file when it is not one. */
function readRun(file: string): Map<number, boolean> {
  try {
    const runs = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (
      !Array.isArray(runs) ||
      !runs.every((x) => Array.isArray(x) && typeof x[0] === 'number' && typeof x[1] === 'boolean')
    ) {
      throw new Error('not a list of [seed, exact] pairs (write one with --save)');
    }
    return new Map(runs as [number, boolean][]);
  } catch (e) {
    console.error(`--against ${file}: ${(e as Error).message}`);
    process.exit(2);
  }
}
const before = against === undefined ? null : readRun(against);
/** The sets of the source asked for (both when none was). */
const wanted = (s: StressSet) =>
  only === undefined || (only === 'camera') === (s.family.source === 'landmarks');
/** The `p` quantile of `sorted` (ascending), two decimals. */
const quantile = (sorted: readonly number[], p: number) =>
  (sorted[Math.floor(p * (sorted.length - 1))] ?? Number.NaN).toFixed(2);
const sets = stressSets('tuning', perFamily).filter(wanted);
const families = new Map<
  string,
  { exact: number; sets: number; spurious: number; afterSet: number; wrong: number[] }
>();
const rangeErrDeg: number[] = [];
let exact = 0;
let spurious = 0;
let afterSet = 0;
let repsWrong = 0;
let swapped = 0;
let misordered = 0;
let firstMissed = 0;
const leg = { tp: 0, fp: 0, fn: 0, unseen: 0, unseenMoved: 0 };
const bands = PUMP_OVER_NOISE_BANDS.map(() => ({ exact: 0, sets: 0 }));
for (const set of sets) {
  const { score, result, truth, pumpOverNoise } = runStressSet(set, footAngle);
  PUMP_OVER_NOISE_BANDS.forEach((band, i) => {
    if (pumpOverNoise === null || !inPumpOverNoiseBand(pumpOverNoise, band)) return;
    bands[i]!.sets++;
    if (score.countExact) bands[i]!.exact++;
  });
  const resting = runRestingFoot(set, footAngle).reps;
  const restingAfter = runRestAfterSet(set, footAngle).reps;
  const f = families.get(set.family.name) ?? { exact: 0, sets: 0, spurious: 0, afterSet: 0, wrong: [] };
  f.sets++;
  f.spurious += resting;
  spurious += resting;
  f.afterSet += restingAfter;
  afterSet += restingAfter;
  if (score.countExact) {
    f.exact++;
    exact++;
  } else f.wrong.push(set.seed);
  outcomes.push([set.seed, score.countExact]);
  families.set(set.family.name, f);
  repsWrong += Math.max(0, score.expected - score.counted, score.counted - score.expectedMax);
  rangeErrDeg.push(...score.rangeErrDeg.map(Math.abs));
  leg.tp += score.legTp;
  leg.fp += score.legFp;
  leg.fn += score.legFn;
  leg.unseen += score.legUnseen;
  leg.unseenMoved += score.legUnseenMoved;
  // A rep whose toes-down peak falls on a true toes-up peak (and not near any true toes-down
  // peak) was read the wrong way round; the count and the range cannot show it.
  const reps = result.reps[set.family.spec(stressSpecRng(set.seed)).side];
  const near = (tMs: number, key: 'plantarTMs' | 'dorsiTMs', ms: number) =>
    truth.reps.some((t) => Math.abs(t[key] - tMs) < ms);
  const wrongWay = reps.filter(
    (r) => near(r.plantarTMs, 'dorsiTMs', 300) && !near(r.plantarTMs, 'plantarTMs', 600),
  ).length;
  if (reps.length > 0 && wrongWay > reps.length / 2) swapped++;
  if (score.pairedWrongWay) misordered++;
  // The person's first pump that must count, not among the reps (its toes-down end within 0.6 s of
  // a reported one): the engine's bars start at what the noise sets, and settling may drop it.
  const firstTrue = truth.reps.find((_, i) => truth.countable[i] === 'yes');
  if (firstTrue && !reps.some((r) => Math.abs(r.plantarTMs - firstTrue.plantarTMs) < 600)) firstMissed++;
}
for (const [name, f] of families) {
  console.log(
    `${f.exact}/${f.sets}\tspurious ${f.spurious}\tafter the set ${f.afterSet}\t${name}\t${f.wrong.join(',')}`,
  );
}
rangeErrDeg.sort((a, b) => a - b);
const share = (k: number, n: number) => (n > 0 ? (k / n).toFixed(3) : 'n/a');
const q = (p: number) => quantile(rangeErrDeg, p);
console.log(
  `exact ${exact}/${sets.length}, spurious reps on resting feet ${spurious} (resting after the set ${afterSet}), ` +
    `reps counted wrong ${repsWrong}, ` +
    `range error median ${q(0.5)} / p90 ${q(0.9)} deg, leg moved precision ${share(leg.tp, leg.tp + leg.fp)} / ` +
    `recall ${share(leg.tp, leg.tp + leg.fn)} (${leg.tp + leg.fn} moved; not judged, the leg unseen: ${leg.unseen} reps, ${leg.unseenMoved} moved), toes down and up swapped in ${swapped} sets, ` +
    `reps paired in the wrong order in ${misordered} sets, the first pump missed in ${firstMissed}`,
);
if (bands.some((b) => b.sets > 0)) {
  console.log(
    `camera sets exact by median pump over the landmarks' angle noise: ${PUMP_OVER_NOISE_BANDS.map(
      (band, i) => `${pumpOverNoiseBandName(band)} ${bands[i]!.exact}/${bands[i]!.sets}`,
    ).join(', ')}`,
  );
}

// The prescribed and the 3-D ankle families (stress-set.ts PRESCRIBED_FAMILIES, ANKLE_3D_FAMILIES),
// outside the totals above.
const prescribed = new Map<
  string,
  { exact: number; sets: number; spurious: number; wrong: number[]; rangeErrDeg: number[] }
>();
for (const set of [...prescribedSets('tuning', perFamily), ...ankle3dSets('tuning', perFamily)].filter(
  wanted,
)) {
  const { score } = runStressSet(set, footAngle);
  outcomes.push([set.seed, score.countExact]);
  const f = prescribed.get(set.family.name) ?? { exact: 0, sets: 0, spurious: 0, wrong: [], rangeErrDeg: [] };
  f.sets++;
  f.spurious += runRestingFoot(set, footAngle).reps;
  if (score.countExact) f.exact++;
  else f.wrong.push(set.seed);
  f.rangeErrDeg.push(...score.rangeErrDeg.map(Math.abs));
  prescribed.set(set.family.name, f);
}
for (const [name, f] of prescribed) {
  const median = quantile(
    f.rangeErrDeg.sort((a, b) => a - b),
    0.5,
  );
  console.log(
    `${f.exact}/${f.sets}\tspurious ${f.spurious}\trange error median ${median} deg\t${name}\t${f.wrong.join(',')}`,
  );
}

if (saveTo !== undefined) writeFileSync(saveTo, `${JSON.stringify(outcomes)}\n`);
if (before !== null) {
  const lost: number[] = [];
  const won: number[] = [];
  let compared = 0;
  for (const [seed, now] of outcomes) {
    const then = before.get(seed);
    if (then === undefined) continue;
    compared++;
    if (then && !now) lost.push(seed);
    if (!then && now) won.push(seed);
  }
  console.log(
    `against ${against}: ${compared} sets in both runs; lost ${lost.length} (${lost.join(',')}), won ${won.length} (${won.join(',')}); McNemar exact p = ${mcnemarExactP(lost.length, won.length).toFixed(3)}`,
  );
}
