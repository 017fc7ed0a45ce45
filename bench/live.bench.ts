// `npm run bench live`: the camera session's live path (what the browser runs on each frame it
// manages to analyse: pose model, pixel stage, live foot; no hindsight) stepped through rendered
// clips of HELD-OUT bodies at fixed analysed frame rates. It answers "how many reps does a patient's
// camera session count, and with what degrees, when the phone or laptop analyses N frames a second"
// without depending on this machine's speed (the web bench measures the rate itself). Nothing is
// fitted here.
//
// Clips: the held-out set in .cache/render/heldout (LIVE_BENCH_DIR to point elsewhere), rendered from
// its recorded seeds on first use; LIVE_BENCH_RENDERED_ONLY=1 scores only the clips already there.
// LIVE_BENCH_RATES=15,8 picks the rates. Writes bench/results/live.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SensorRep } from '@anklepump/exercise';
import type { LandmarkFrame } from '@anklepump/motion';
import type { PixelFrame } from '@anklepump/pose';
import { createHeadlessPoseEstimator } from '@anklepump/pose/node';
import { cameraLiveFoot, createLiveTrackStage } from '@anklepump/web/testing';
import { HELDOUT_BODIES } from '../tools/render/bodies.ts';
import { heldOutSet } from '../tools/render/eval-sets.ts';
import type { ClipTruth } from '../tools/render/render-clip.ts';
import { ensureClips } from '../tools/render/render-set.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIR = process.env.LIVE_BENCH_DIR ?? join(root, '.cache', 'render', 'heldout');
const RENDERED_ONLY = Boolean(process.env.LIVE_BENCH_RENDERED_ONLY);
const RATES = (process.env.LIVE_BENCH_RATES ?? '15,10,8,6').split(',').map(Number);
/** Seconds of rest after each clip's last frame (see the loop). */
const END_REST_S = 2.5;
/** The session says "too few frames a second to count every pump" below this (tracking-problem.ts). */
const SLOW_BELOW_HZ = 6;
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

interface Clip {
  readonly name: string;
  readonly mp4: string;
  readonly truth: ClipTruth;
}

async function clips(): Promise<Clip[]> {
  let entries = heldOutSet();
  if (RENDERED_ONLY) entries = entries.filter((e) => existsSync(join(DIR, `${e.name}.truth.json`)));
  const bases = await ensureClips(entries, DIR, log, { manifest: !RENDERED_ONLY });
  return entries.map((e, i) => {
    const truth = JSON.parse(readFileSync(`${bases[i]}.truth.json`, 'utf8')) as ClipTruth;
    if (truth.split !== 'heldout' || !HELDOUT_BODIES.includes(truth.body))
      throw new Error(`${bases[i]}: body ${truth.body} is not a held-out body; refusing to score it`);
    return { name: e.name, mp4: `${bases[i]}.mp4`, truth };
  });
}

interface Score {
  clips: number;
  exact: number;
  trueReps: number;
  counted: number;
  withDegrees: number;
  rangeErrDeg: number[];
  tracked: number;
  frames: number;
}

const q = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const f1 = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(1));
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');

const all = await clips();
if (all.length === 0) throw new Error(`no held-out clips in ${DIR}`);
const estimator = await createHeadlessPoseEstimator();
const scores = new Map<number, Score>();
const perClip: string[] = [];
const loads: number[] = [loadavg()[0]!];
try {
  for (const c of all) {
    const side = c.truth.visibleSide;
    const truthReps = c.truth.feet.find((f) => f.side === side)!.reps;
    const cells: string[] = [];
    for (const hz of RATES) {
      const s = scores.get(hz) ?? {
        clips: 0,
        exact: 0,
        trueReps: 0,
        counted: 0,
        withDegrees: 0,
        rangeErrDeg: [],
        tracked: 0,
        frames: 0,
      };
      scores.set(hz, s);
      const stage = createLiveTrackStage();
      const foot = cameraLiveFoot(side, null);
      const reps: SensorRep[] = [];
      let frames = 0;
      let tracked = 0;
      const step = (pixels: PixelFrame, frame: LandmarkFrame) => {
        const t = stage.push(pixels, frame);
        const u = foot.push({ frame, tracked: t.tracked, tracking: t.tracking });
        frames++;
        if (u.follow === 'tracked') tracked++;
        reps.push(...u.reps);
      };
      let last: { pixels: PixelFrame; frame: LandmarkFrame } | null = null;
      await estimator.estimateVideo(c.mp4, {
        sampleHz: hz,
        onFrame: (px, frame) => {
          // The pixels are released after the call: the last frame is kept as a copy.
          const pixels = { data: Uint8Array.from(px.rgba), widthPx: px.widthPx, heightPx: px.heightPx };
          step(pixels, frame);
          last = { pixels, frame };
        },
      });
      // The patient stays at rest a moment after the clip's last pump (a session does not stop on
      // it): the last frame again for END_REST_S, so a pump that ended near the clip's end is counted.
      const end = last as { pixels: PixelFrame; frame: LandmarkFrame } | null;
      for (let k = 1; end && k <= END_REST_S * hz; k++) {
        step(end.pixels, { ...end.frame, tMs: end.frame.tMs + (1000 * k) / hz });
      }
      s.clips++;
      if (reps.length === truthReps.length) s.exact++;
      s.trueReps += truthReps.length;
      s.counted += reps.length;
      s.frames += frames;
      s.tracked += tracked;
      // Each counted rep with degrees against the true rep it ended in or just after (a live rep
      // ends when the foot is back at neutral, up to a couple of seconds after the true end).
      const used = new Set<number>();
      for (const r of reps) {
        if (r.rangeDeg === null) continue;
        s.withDegrees++;
        const tS = r.tMs / 1000;
        let best = -1;
        truthReps.forEach((tr, i) => {
          if (used.has(i) || tS < tr.startS || tS > tr.endS + 2.5) return;
          if (best < 0 || Math.abs(tS - tr.endS) < Math.abs(tS - truthReps[best]!.endS)) best = i;
        });
        if (best < 0) continue;
        used.add(best);
        const tr = truthReps[best]!;
        s.rangeErrDeg.push(Math.abs(r.rangeDeg - (tr.plantarflexionDeg + tr.dorsiflexionDeg)));
      }
      cells.push(`${reps.length} (${reps.filter((r) => r.rangeDeg !== null).length})`);
    }
    loads.push(loadavg()[0]!);
    const line = `| ${c.name} | ${c.truth.body} | ${c.truth.spec.posture} | ${c.truth.frameRateHz} | ${truthReps.length} | ${cells.join(' | ')} |`;
    perClip.push(line);
    log(line);
  }
} finally {
  await estimator.close();
}

const rows = RATES.map((hz) => {
  const s = scores.get(hz)!;
  const slow = hz < SLOW_BELOW_HZ ? ' (screen says too slow)' : '';
  return `| ${hz}${slow} | ${s.clips} | ${s.exact}/${s.clips} (${pct(s.exact, s.clips)}) | ${s.counted} / ${s.trueReps} | ${pct(s.withDegrees, s.counted)} | ${f1(q(s.rangeErrDeg, 0.5))} / ${f1(q(s.rangeErrDeg, 0.9))} | ${pct(s.tracked, s.frames)} |`;
});
const held = heldOutSet().length;
const md = [
  '# live camera path benchmark',
  '',
  `Measured by \`npm run bench live\`${RENDERED_ONLY ? ' with LIVE_BENCH_RENDERED_ONLY=1' : ''} on this machine (${cpus().length} shared cores; load`,
  `average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}, which changes the time taken, not the numbers). Clips: ${all.length} of the ${held} rendered clips`,
  `of held-out bodies (tools/render/eval-sets.ts; never tuned on), each stepped through the camera`,
  "session's live path: the pose model, the worker's pixel stage (live-track-stage.ts) and the",
  "session's live foot (camera-source.ts), frame by frame at a fixed analysed rate, with no",
  `hindsight, then ${END_REST_S} s more of the clip's last frame (the patient at rest after the last`,
  'pump; a session does not stop on it). A phone or laptop analyses 7-20 frames a second',
  '(bench/results/web.md); below 6 the session tells the patient it cannot count every pump.',
  '',
  '| analysed frames/s | clips | exact count | reps counted / true | with degrees | range err ° p50 / p90 | foot followed |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  'Per clip: reps counted (of them with degrees) at each rate.',
  '',
  `| clip | body | posture | clip fps | true reps | ${RATES.map((r) => `${r}/s`).join(' | ')} |`,
  `| --- | --- | --- | --- | --- | ${RATES.map(() => '---').join(' | ')} |`,
  ...perClip,
  '',
  'A rep counted while the pixel tracker had lost the foot comes from the pose model and carries',
  'no degrees. Range error: |measured - true| range of each counted rep with degrees, matched to the',
  'true rep it ended in (or up to 2.5 s after).',
  '',
].join('\n');
writeFileSync(join(root, 'bench', 'results', 'live.md'), md);
log('wrote bench/results/live.md');
