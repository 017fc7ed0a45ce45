// The camera session's live path on a recorded clip, frame by frame at a fixed analysed rate: the
// pose model, the worker's pixel stage and the session's live foot, exactly as the browser runs
// them, with no dependence on how fast this machine is. Shared by `npm run bench live` (held-out
// clips) and tools/tracker/evaluate-live.ts (tuning clips), so both measure the same thing.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SensorRep, Side } from '@anklepump/exercise';
import type { LandmarkFrame, RepMetrics } from '@anklepump/motion';
import type { PixelFrame } from '@anklepump/pose';
import type { HeadlessPoseEstimator } from '@anklepump/pose/node';
import { cameraLiveFoot, createLiveTrackStage } from '@anklepump/web/testing';
import type { ClipTruth } from '../render/render-clip.ts';

/** Seconds of rest after a clip's last frame: a session does not stop on the last pump. */
export const END_REST_S = 2.5;

/**
 * A copy of the video at `path` whose first frame is held `leadInS` seconds before the clip plays
 * (ffmpeg's tpad; FFV1, lossless, so the clip's own frames are the ones it decoded to), in a
 * temporary folder `done` removes.
 */
async function withLeadIn(path: string, leadInS: number): Promise<{ path: string; done: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'anklepump-lead-in-'));
  const out = join(dir, 'clip.mkv');
  const args = ['-v', 'error', '-i', path, '-vf', `tpad=start_mode=clone:start_duration=${leadInS}`];
  await new Promise<void>((resolve, reject) =>
    execFile('ffmpeg', [...args, '-an', '-c:v', 'ffv1', out], (err) => (err ? reject(err) : resolve())),
  );
  return { path: out, done: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface LivePass {
  readonly frames: number;
  /** Frames in which the angle came from the foot's own pixels (what "foot followed" says). */
  readonly tracked: number;
  readonly reps: readonly SensorRep[];
  /** Of `reps`, those counted from the tracked angle, as the engine measured them (peak times too). */
  readonly measured: readonly RepMetrics[];
}

/**
 * Steps the video at `path` through the live path for `side` at `hz` analysed frames a second,
 * then `endRestS` more of its last frame (the patient at rest after the last pump). `leadInS`: that
 * long of its first frame held before it (a guided session's "relax" cue lasts 3 s before the first
 * pump; the benches start cold, packages/web/README.md says why); reps are timed on the clip's clock.
 */
export async function stepLivePath(
  estimator: HeadlessPoseEstimator,
  path: string,
  side: Side,
  hz: number,
  endRestS = END_REST_S,
  leadInS = 0,
): Promise<LivePass> {
  if (leadInS <= 0) return stepClip(estimator, path, side, hz, endRestS);
  const padded = await withLeadIn(path, leadInS);
  try {
    const pass = await stepClip(estimator, padded.path, side, hz, endRestS);
    const shiftMs = 1000 * leadInS;
    return {
      ...pass,
      reps: pass.reps.map((r) => ({ ...r, tMs: r.tMs - shiftMs })),
      measured: pass.measured.map((m) => ({
        ...m,
        tMs: m.tMs - shiftMs,
        startTMs: m.startTMs - shiftMs,
        plantarTMs: m.plantarTMs - shiftMs,
        dorsiTMs: m.dorsiTMs - shiftMs,
      })),
    };
  } finally {
    padded.done();
  }
}

async function stepClip(
  estimator: HeadlessPoseEstimator,
  path: string,
  side: Side,
  hz: number,
  endRestS: number,
): Promise<LivePass> {
  const stage = createLiveTrackStage();
  const foot = cameraLiveFoot(side, null);
  const reps: SensorRep[] = [];
  const measured: RepMetrics[] = [];
  let frames = 0;
  let tracked = 0;
  const step = (pixels: PixelFrame, frame: LandmarkFrame) => {
    const t = stage.push(pixels, frame);
    const u = foot.push({ frame, tracked: t.tracked, tracking: t.tracking, match: t.match });
    frames++;
    if (u.follow === 'tracked') tracked++;
    reps.push(...u.reps);
    measured.push(...u.measured);
  };
  let last: { pixels: PixelFrame; frame: LandmarkFrame } | null = null;
  await estimator.estimateVideo(path, {
    sampleHz: hz,
    onFrame: (px, frame) => {
      // The pixels are released after the call: the last frame is kept as a copy.
      const pixels = { data: Uint8Array.from(px.rgba), widthPx: px.widthPx, heightPx: px.heightPx };
      step(pixels, frame);
      last = { pixels, frame };
    },
  });
  const end = last as { pixels: PixelFrame; frame: LandmarkFrame } | null;
  for (let k = 1; end && k <= endRestS * hz; k++) {
    step(end.pixels, { ...end.frame, tMs: end.frame.tMs + (1000 * k) / hz });
  }
  return { frames, tracked, reps, measured };
}

/** One rate's tally over clips. */
export interface LiveScore {
  clips: number;
  exact: number;
  trueReps: number;
  counted: number;
  withDegrees: number;
  rangeErrDeg: number[];
  tracked: number;
  frames: number;
}

export const emptyLiveScore = (): LiveScore => ({
  clips: 0,
  exact: 0,
  trueReps: 0,
  counted: 0,
  withDegrees: 0,
  rangeErrDeg: [],
  tracked: 0,
  frames: 0,
});

/**
 * Adds one clip's pass on its filmed foot to `s`. Each counted rep with degrees is matched to the
 * true rep it ended in, or up to 2.5 s after (a live rep ends when the foot is back at neutral).
 */
export function scoreLivePass(s: LiveScore, truth: ClipTruth, pass: LivePass): void {
  const truthReps = truth.feet.find((f) => f.side === truth.visibleSide)!.reps;
  s.clips++;
  if (pass.reps.length === truthReps.length) s.exact++;
  s.trueReps += truthReps.length;
  s.counted += pass.reps.length;
  s.frames += pass.frames;
  s.tracked += pass.tracked;
  const used = new Set<number>();
  for (const r of pass.reps) {
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
}

const q = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const f1 = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(1));
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');

/** A markdown table row: rate, clips, exact, reps counted / true, with degrees, range error, followed. */
export function liveScoreRow(label: string, s: LiveScore): string {
  return `| ${label} | ${s.clips} | ${s.exact}/${s.clips} (${pct(s.exact, s.clips)}) | ${s.counted} / ${s.trueReps} | ${pct(s.withDegrees, s.counted)} | ${f1(q(s.rangeErrDeg, 0.5))} / ${f1(q(s.rangeErrDeg, 0.9))} | ${pct(s.tracked, s.frames)} |`;
}

export const LIVE_SCORE_HEADER = [
  '| analysed frames/s | clips | exact count | reps counted / true | with degrees | range err ° p50 / p90 | foot followed |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];
