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
import { createHeadlessPoseEstimator } from '@anklepump/pose/node';
import { MIN_TRACKING_FPS } from '@anklepump/web/testing';
import { HELDOUT_BODIES } from '../tools/render/bodies.ts';
import { heldOutSet } from '../tools/render/eval-sets.ts';
import type { ClipTruth } from '../tools/render/render-clip.ts';
import { ensureClips } from '../tools/render/render-set.ts';
import {
  END_REST_S,
  emptyLiveScore,
  LIVE_SCORE_HEADER,
  type LiveScore,
  liveScoreRow,
  scoreLivePass,
  stepLivePath,
} from '../tools/tracker/live-path.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIR = process.env.LIVE_BENCH_DIR ?? join(root, '.cache', 'render', 'heldout');
const RENDERED_ONLY = Boolean(process.env.LIVE_BENCH_RENDERED_ONLY);
const RATES = (process.env.LIVE_BENCH_RATES ?? '15,10,8,6').split(',').map(Number);
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

const all = await clips();
if (all.length === 0) throw new Error(`no held-out clips in ${DIR}`);
// One page, every frame in order: the browser's live path.
const estimator = await createHeadlessPoseEstimator({ lanes: 1 });
const scores = new Map<number, LiveScore>();
const perClip: string[] = [];
const loads: number[] = [loadavg()[0]!];
try {
  for (const c of all) {
    const side = c.truth.visibleSide;
    const truthReps = c.truth.feet.find((f) => f.side === side)!.reps;
    const cells: string[] = [];
    for (const hz of RATES) {
      const s = scores.get(hz) ?? emptyLiveScore();
      scores.set(hz, s);
      const pass = await stepLivePath(estimator, c.mp4, side, hz);
      scoreLivePass(s, c.truth, pass);
      cells.push(`${pass.reps.length} (${pass.reps.filter((r) => r.rangeDeg !== null).length})`);
    }
    loads.push(loadavg()[0]!);
    const line = `| ${c.name} | ${c.truth.body} | ${c.truth.spec.posture} | ${c.truth.frameRateHz} | ${truthReps.length} | ${cells.join(' | ')} |`;
    perClip.push(line);
    log(line);
  }
} finally {
  await estimator.close();
}

const rows = RATES.map((hz) =>
  liveScoreRow(`${hz}${hz < MIN_TRACKING_FPS ? ' (screen says too slow)' : ''}`, scores.get(hz)!),
);
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
  `(bench/results/web.md); below ${MIN_TRACKING_FPS} the session tells the patient it cannot count every pump.`,
  '',
  ...LIVE_SCORE_HEADER,
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
