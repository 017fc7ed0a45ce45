// `tsx tools/tracker/measure-tracker.ts DIR...`: how well the pixel stage follows the true ankle
// angle on rendered clips (mp4 + truth.json), next to BlazePose's foot points alone: per clip, the
// gain (slope of measured on true, per frame) and the per-rep range error (measured swing over
// each true rep against the true one), before any correction; the tracked gain split into the foot
// patch's rotation and the shank patch's (slopes on the true angle). Pose + tracks are cached in
// .cache/tracker/ so reruns are quick. Never point it at held-out clips.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createAngleUnwrap,
  createLegReading,
  type LandmarkFrame,
  readLeg,
  type Side,
} from '@anklepump/motion';
import { createFootTrackStage, type LegTrack, POSE_MODEL, zeroPhaseLowPass } from '@anklepump/pose';
import {
  createHeadlessPoseEstimator,
  decodeFrames,
  type HeadlessPoseEstimator,
  probeVideo,
} from '@anklepump/pose/node';

const SAMPLE_HZ = Number(process.env.TRACKER_SAMPLE_HZ ?? 15);
/**
 * Model pages, as `analyze` runs them on this 2-core machine (TRACKER_POSE_LANES=1: one page in
 * order, as live). Pose read with more pages differs by about a pixel, so it is cached apart.
 */
export const POSE_LANES = Number(process.env.TRACKER_POSE_LANES ?? 2);
const CACHE_DIR = fileURLToPath(new URL('../../.cache/tracker/', import.meta.url));

interface Truth {
  readonly visibleSide: Side;
  readonly frameRateHz: number;
  readonly feet: readonly {
    side: Side;
    reps: { startS: number; endS: number; plantarflexionDeg: number; dorsiflexionDeg: number }[];
  }[];
  readonly frames: readonly { tS: number; left: number; right: number }[];
  readonly spec: { posture: string; seed: number; camera: { azimuthDeg: number } };
}

/** Wall time of the pixel stage per frame (both feet), milliseconds. */
export const stageMs: number[] = [];

export interface CachedTracks {
  readonly sampleHz: number;
  readonly frames: LandmarkFrame[];
  readonly tracks: Record<Side, LegTrack>[];
}

/** Pose of a clip (cached beside it: the model is the slow part), then the pixel tracks (always fresh). */
export async function tracksFor(
  est: () => Promise<HeadlessPoseEstimator>,
  mp4: string,
): Promise<CachedTracks> {
  // Cached under .cache/tracker/ (git-ignored), never beside a committed fixture.
  mkdirSync(CACHE_DIR, { recursive: true });
  const cache = join(
    CACHE_DIR,
    `${basename(mp4, '.mp4')}-${createHash('sha256').update(resolve(mp4)).digest('hex').slice(0, 8)}.pose-${POSE_MODEL.sha256.slice(0, 8)}-${SAMPLE_HZ}${POSE_LANES === 1 ? '' : `-lanes${POSE_LANES}`}.json`,
  );
  let pose: { sampleHz: number; frames: LandmarkFrame[] };
  if (existsSync(cache)) pose = JSON.parse(readFileSync(cache, 'utf8'));
  else {
    const r = await (await est()).estimateVideo(mp4, { sampleHz: SAMPLE_HZ });
    pose = { sampleHz: r.sampleHz, frames: r.frames };
    writeFileSync(cache, JSON.stringify(pose));
  }
  const stage = createFootTrackStage();
  const tracks: Record<Side, LegTrack>[] = [];
  const info = await probeVideo(mp4);
  for await (const px of decodeFrames(mp4, info, { sampleHz: SAMPLE_HZ, maxSidePx: 960 })) {
    const f = pose.frames[px.index];
    if (!f) break;
    const t0 = performance.now();
    tracks.push(stage.push({ data: px.rgba, widthPx: px.widthPx, heightPx: px.heightPx }, f).tracks);
    stageMs.push(performance.now() - t0);
  }
  return { sampleHz: pose.sampleHz, frames: pose.frames.slice(0, tracks.length), tracks };
}

/** Slope of `y` on `x` over the pairs (least squares). */
export function slope(pairs: readonly (readonly [number, number])[]): number {
  const n = pairs.length;
  const mx = pairs.reduce((a, p) => a + p[0], 0) / n;
  const my = pairs.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxy / sxx;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1]! : Number.NaN;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : Number.NaN;
};

/** `rad` (radians, within +-pi) as degrees made continuous along the series, NaN kept (skipped). */
function unwrapDeg(rad: readonly number[]): number[] {
  const unwrap = createAngleUnwrap();
  return rad.map((r) => (Number.isFinite(r) ? unwrap.next((r * 180) / Math.PI) : Number.NaN));
}

/** Swing of `series` over each true rep: robust top (median of the 3 highest) minus robust bottom. */
function repRanges(series: number[], tS: number[], truth: Truth, side: Side): [number, number][] {
  const out: [number, number][] = [];
  for (const r of truth.feet.find((f) => f.side === side)!.reps) {
    const xs = series
      .filter((v, i) => tS[i]! >= r.startS && tS[i]! <= r.endS && Number.isFinite(v))
      .sort((a, b) => a - b);
    if (xs.length < 6) continue;
    const top = median(xs.slice(-3));
    const bot = median(xs.slice(0, 3));
    out.push([r.plantarflexionDeg + r.dorsiflexionDeg, top - bot]);
  }
  return out;
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  let estimator: HeadlessPoseEstimator | undefined;
  const est = async () => (estimator ??= await createHeadlessPoseEstimator({ lanes: POSE_LANES }));
  const rows: string[] = [];
  const allErr = { pose: [] as number[], tracked: [] as number[], smooth: [] as number[] };
  try {
    for (const dir of dirs) {
      for (const f of readdirSync(dir)
        .filter((x) => x.endsWith('.mp4'))
        .sort()) {
        const base = join(dir, f.replace(/\.mp4$/, ''));
        if (!existsSync(`${base}.truth.json`)) continue;
        const truth = JSON.parse(readFileSync(`${base}.truth.json`, 'utf8')) as Truth;
        const t0 = performance.now();
        const rec = await tracksFor(est, `${base}.mp4`);
        const side = truth.visibleSide;
        const reading = createLegReading();
        const tS = rec.frames.map((fr) => fr.tMs / 1000);
        const poseRaw = rec.frames.map((fr) => {
          const r = readLeg(fr, side, 0.7, false, reading);
          return r.ok ? r.rawDeg : Number.NaN;
        });
        const trackedRaw = rec.tracks.map((t) =>
          t[side].state === 'tracking' ? t[side].rawDeg : Number.NaN,
        );
        const smooth = zeroPhaseLowPass(trackedRaw, rec.sampleHz, 3);
        // The two parts of the tracked angle apart: the foot patch's image rotation (its sign is the
        // side's: a right foot faces the other way) and the shank's, which a still leg keeps at 0.
        const partDeg = (part: 'footDirRad' | 'shankDirRad') =>
          unwrapDeg(rec.tracks.map((t) => (t[side].state === 'tracking' ? t[side][part] : Number.NaN)));
        const trueAt = (i: number) =>
          truth.frames[Math.round(tS[i]! * truth.frameRateHz)]?.[side] ?? Number.NaN;
        const pairs = (s: number[]) =>
          s.flatMap((v, i) =>
            Number.isFinite(v) && Number.isFinite(trueAt(i)) ? [[trueAt(i), v] as [number, number]] : [],
          );
        const tracked = rec.tracks.filter((t) => t[side].state === 'tracking').length;
        const lost = rec.tracks.filter((t) => t[side].state === 'lost').length;
        const errs = (s: number[]) => repRanges(s, tS, truth, side).map(([t, m]) => Math.abs(m - t));
        const e = { pose: errs(poseRaw), tracked: errs(trackedRaw), smooth: errs(smooth) };
        allErr.pose.push(...e.pose);
        allErr.tracked.push(...e.tracked);
        allErr.smooth.push(...e.smooth);
        rows.push(
          `| ${f} | ${truth.spec.posture} ${truth.spec.camera.azimuthDeg.toFixed(0)} deg | ${slope(pairs(poseRaw)).toFixed(2)} | ${slope(pairs(trackedRaw)).toFixed(2)} | ${Math.abs(slope(pairs(partDeg('footDirRad')))).toFixed(2)} | ${slope(pairs(partDeg('shankDirRad'))).toFixed(2)} | ${median(e.pose).toFixed(1)} | ${median(e.tracked).toFixed(1)} | ${median(e.smooth).toFixed(1)} | ${tracked}/${lost}/${rec.frames.length} |`,
        );
        process.stderr.write(`${f}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      }
    }
  } finally {
    await estimator?.close();
  }
  console.log(
    '| clip | posture, camera azimuth | gain BlazePose | gain tracked | of it: foot patch rotation | shank patch rotation | range err BlazePose (median deg) | tracked | tracked + zero-phase 3 Hz | frames tracked/lost/all |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  const s = (xs: number[]) => `${median(xs).toFixed(1)} / ${pct(xs, 0.9).toFixed(1)}`;
  console.log(
    `\nPixel stage (both feet) per frame: median ${median(stageMs).toFixed(1)} ms, p90 ${pct(stageMs, 0.9).toFixed(1)} ms (load average ${loadavg()[0]!.toFixed(1)})`,
  );
  console.log(
    `\nPer-rep range error, median / p90 over ${allErr.pose.length} reps, no correction: BlazePose ${s(allErr.pose)}, tracked ${s(allErr.tracked)}, tracked + zero-phase ${s(allErr.smooth)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
