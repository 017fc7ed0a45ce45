// `npx tsx tools/tracker/evaluate-live.ts DIR [rates=15,10,8,6]`: the camera session's live path
// (tools/tracker/live-path.ts) on rendered TUNING clips with truth, one line per clip and a table
// per rate. LIVE_LEAD_IN_S=3 holds each clip's first frame that long before it (a session's relax
// cue). What live-path changes are chosen on; `npm run bench live` reports the held-out clips.
// Render the tuning set with `npx tsx tools/render/render-set.ts tuning .cache/render/tuning`.
// Refuses clips of held-out bodies.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHeadlessPoseEstimator } from '@anklepump/pose/node';
import { HELDOUT_BODIES } from '../render/bodies.ts';
import type { ClipTruth } from '../render/render-clip.ts';
import {
  END_REST_S,
  emptyLiveScore,
  LIVE_SCORE_HEADER,
  type LiveScore,
  liveScoreRow,
  scoreLivePass,
  stepLivePath,
} from './live-path.ts';

const dir = process.argv[2];
const LEAD_IN = Number(process.env.LIVE_LEAD_IN_S ?? 0);
const rates = (process.argv[3] ?? '15,10,8,6').split(',').map(Number);
if (!dir || rates.some((r) => !(r >= 1 && r <= 60))) {
  console.error('usage: npx tsx tools/tracker/evaluate-live.ts DIR [rates=15,10,8,6]');
  process.exit(2);
}
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => f.slice(0, -'.truth.json'.length))
  .sort();
// One page, every frame in order: the browser's live path.
const estimator = await createHeadlessPoseEstimator({ lanes: 1 });
const scores = new Map<number, LiveScore>(rates.map((r) => [r, emptyLiveScore()]));
try {
  for (const name of names) {
    const truth = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8')) as ClipTruth;
    if (HELDOUT_BODIES.includes(truth.body))
      throw new Error(`${name}: a held-out body (${truth.body}); never tune on it`);
    const trueReps = truth.feet.find((f) => f.side === truth.visibleSide)!.reps.length;
    const cells: string[] = [];
    for (const hz of rates) {
      const pass = await stepLivePath(
        estimator,
        join(dir, `${name}.mp4`),
        truth.visibleSide,
        hz,
        END_REST_S,
        LEAD_IN,
      );
      scoreLivePass(scores.get(hz)!, truth, pass);
      cells.push(`${hz}/s ${pass.reps.length} (${pass.reps.filter((r) => r.rangeDeg !== null).length})`);
    }
    console.log(`${name}\t${truth.spec.posture}\ttrue ${trueReps}\t${cells.join('\t')}`);
  }
} finally {
  await estimator.close();
}
console.log(
  ['', ...LIVE_SCORE_HEADER, ...rates.map((hz) => liveScoreRow(String(hz), scores.get(hz)!))].join('\n'),
);
