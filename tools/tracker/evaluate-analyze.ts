// `tsx tools/tracker/evaluate-analyze.ts DIR...`: scores `analyze` on rendered clips with truth,
// exactly as the command analyses a video after the pose model (analyzeVideoPose), with the pixel
// tracker and without it (BlazePose foot points x the posture correction): exact rep count on the
// filmed foot, per-rep range error, hold error. Pose is cached beside each clip (measure-tracker).
// Never point it at held-out clips.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { analyzeVideoPose } from '@anklepump/cli';
import type { Side } from '@anklepump/motion';
import { createHeadlessPoseEstimator, type HeadlessPoseEstimator } from '@anklepump/pose/node';
import type { ClipTruth } from '../render/render-clip.ts';
import { trueHolds } from '../render/true-holds.ts';
import { POSE_LANES, tracksFor } from './measure-tracker.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1]! : Number.NaN;
};
const p90 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(0.9 * s.length))]! : Number.NaN;
};

interface Tally {
  exact: number;
  clips: number;
  range: number[];
  /** Reps of exactly counted clips whose degrees were not shown (`range` holds the others). */
  noDegrees: number;
  hold: number[];
  /** Leg-moved flags over true reps (matched as bench/analyze.bench.ts matches them). */
  tp: number;
  fp: number;
  fn: number;
}

/** Leg-moved true/false positives and misses of `reps` against the clip's true reps and leg movements. */
function legMovedTally(
  truth: ClipTruth,
  trueReps: readonly { startS: number; endS: number }[],
  reps: readonly { plantarTMs: number; dorsiTMs: number; legMoved: boolean }[],
  t: Tally,
): void {
  const used = new Set<number>();
  for (const tr of trueReps) {
    const inside = (tMs: number) => tMs / 1000 >= tr.startS - 0.4 && tMs / 1000 <= tr.endS + 0.4;
    const i = reps.findIndex((g, k) => !used.has(k) && (inside(g.plantarTMs) || inside(g.dorsiTMs)));
    const moved = truth.legLifts.some((l) => l.startS < tr.endS && l.endS > tr.startS);
    if (i < 0) {
      if (moved) t.fn++;
      continue;
    }
    used.add(i);
    if (moved && reps[i]!.legMoved) t.tp++;
    else if (moved) t.fn++;
    else if (reps[i]!.legMoved) t.fp++;
  }
  reps.forEach((g, k) => {
    if (!used.has(k) && g.legMoved) t.fp++;
  });
}

async function main(): Promise<void> {
  let estimator: HeadlessPoseEstimator | undefined;
  const est = async () => (estimator ??= await createHeadlessPoseEstimator({ lanes: POSE_LANES }));
  const tally: Record<'tracked' | 'blazepose', Tally> = {
    tracked: { exact: 0, clips: 0, range: [], noDegrees: 0, hold: [], tp: 0, fp: 0, fn: 0 },
    blazepose: { exact: 0, clips: 0, range: [], noDegrees: 0, hold: [], tp: 0, fp: 0, fn: 0 },
  };
  const rows: string[] = [];
  try {
    for (const dir of process.argv.slice(2)) {
      for (const f of readdirSync(dir)
        .filter((x) => x.endsWith('.mp4'))
        .sort()) {
        const base = join(dir, f.replace(/\.mp4$/, ''));
        if (!existsSync(`${base}.truth.json`)) continue;
        const truth = JSON.parse(readFileSync(`${base}.truth.json`, 'utf8')) as ClipTruth;
        const rec = await tracksFor(est, `${base}.mp4`);
        const side: Side = truth.visibleSide;
        const trueReps = truth.feet.find((x) => x.side === side)!.reps;
        const cells: string[] = [];
        for (const mode of ['tracked', 'blazepose'] as const) {
          const a = await analyzeVideoPose(
            { frames: rec.frames, tracks: mode === 'tracked' ? rec.tracks : null, sampleHz: rec.sampleHz },
            ['left', 'right'],
          );
          const reps = a.result.reps[side];
          // As the command reports them: no degrees for a foot the pixel stage did not follow.
          const shown = !(a.degreesNotMeasured ?? []).includes(side);
          const t = tally[mode];
          t.clips++;
          legMovedTally(truth, trueReps, reps, t);
          if (reps.length === trueReps.length) {
            t.exact++;
            reps.forEach((r, i) => {
              const tr = trueReps[i]!;
              if (shown) t.range.push(Math.abs(r.rangeDeg - (tr.plantarflexionDeg + tr.dorsiflexionDeg)));
              else t.noDegrees++;
              const h = trueHolds(truth, tr);
              t.hold.push(Math.abs(r.plantarHoldS - h.plantarS), Math.abs(r.dorsiHoldS - h.dorsiS));
            });
          }
          cells.push(`${reps.length}/${trueReps.length}${a.notCounted ? ` (${a.notCounted.code})` : ''}`);
          cells.push(
            (shown ? '' : 'not shown: ') +
              reps
                .map((r, i) =>
                  trueReps[i]
                    ? (r.rangeDeg - trueReps[i]!.plantarflexionDeg - trueReps[i]!.dorsiflexionDeg).toFixed(1)
                    : '-',
                )
                .join(' '),
          );
        }
        rows.push(`| ${f} | ${truth.spec.posture} | ${cells.join(' | ')} |`);
      }
    }
  } finally {
    await estimator?.close();
  }
  console.log(
    '| clip | posture | reps, tracked | range error per rep, tracked (deg) | reps, BlazePose corrected | range error, BlazePose corrected |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  for (const [mode, t] of Object.entries(tally)) {
    console.log(
      `\n${mode}: exact count ${t.exact}/${t.clips}; range error median ${median(t.range).toFixed(1)} / p90 ${p90(t.range).toFixed(1)} deg over ${t.range.length} reps with degrees (${t.noDegrees} more counted without); hold error median ${median(t.hold).toFixed(2)} / p90 ${p90(t.hold).toFixed(2)} s; leg moved: ${t.tp} flagged, ${t.fn} missed, ${t.fp} false alarms`,
    );
  }
  console.log(`(load average ${loadavg()[0]!.toFixed(1)})`);
}

await main();
