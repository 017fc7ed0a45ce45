// How far the landmark angle scatters around the truth, before the rep engine: the heel-toe line
// (`readLeg`) against the foot fitted from all its points (`FootFit`, packages/motion/src/foot-fit.ts),
// on the stress set's tuning seeds. Run by hand:
//   npx tsx tools/synth/angle-scatter.ts [per-family=8]
// Per set, each angle is regressed on the true angle (the view's gain, its sign in a mirrored
// picture, and the neutral's offset fitted away, the same for both), and the residual's robust
// spread (1.4826 x its median absolute deviation) is the scatter; the table gives its mean over a
// family's sets, degrees. Frames the detector calls barely visible are left out; the first 2 s
// of each set too (the fit is still learning the foot's shape).

import { createLegReading, FootFit, readLeg } from '@anklepump/motion';
import { synthLandmarkSession } from './src/landmark-session.ts';
import { stressSets, stressSpecRng } from './src/stress-set.ts';

const perFamily = Number(process.argv[2] ?? 8);
if (!(Number.isInteger(perFamily) && perFamily > 0))
  throw new Error('per-family must be a positive whole number');

/** The residual's robust spread after regressing `y` on `x`. */
function residualSpread(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  const g = sxx > 0 ? sxy / sxx : 0;
  const res = y.map((v, i) => v - my - g * (x[i]! - mx)).sort((a, b) => a - b);
  const med = res[n >> 1]!;
  const dev = res.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
  return 1.4826 * dev[n >> 1]!;
}

console.log('| family | sets | heel-toe line (deg) | fitted foot (deg) | change |');
console.log('| --- | --: | --: | --: | --: |');
const families = new Map<string, { line: number[]; fit: number[] }>();
for (const set of stressSets('tuning', perFamily)) {
  if (set.family.source !== 'landmarks') continue;
  const spec = set.family.spec(stressSpecRng(set.seed));
  if (!('fps' in spec)) continue;
  const s = synthLandmarkSession(spec, set.seed);
  const leg = createLegReading();
  const fit = new FootFit();
  const truth: number[] = [];
  const line: number[] = [];
  const fitted: number[] = [];
  const t0 = s.frames[0]?.tMs ?? 0;
  for (const f of s.frames) {
    if (!readLeg(f, spec.side, 0.5, false, leg).ok) continue;
    const fitDeg = fit.rawDeg(leg, f.tMs, true);
    if (f.tMs - t0 < 2000) continue;
    truth.push(s.trueAngleDeg(f.tMs));
    line.push(leg.rawDeg);
    fitted.push(fitDeg);
  }
  if (truth.length < 50) continue;
  const row = families.get(set.family.name) ?? { line: [], fit: [] };
  row.line.push(residualSpread(truth, line));
  row.fit.push(residualSpread(truth, fitted));
  families.set(set.family.name, row);
}
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const [name, row] of families) {
  const a = mean(row.line);
  const b = mean(row.fit);
  console.log(
    `| ${name} | ${row.line.length} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(((b - a) / a) * 100).toFixed(0)}% |`,
  );
}
