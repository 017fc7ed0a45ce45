// The motion benchmark's speed and memory: the landmark engine's throughput on one core against a
// geometry-only baseline, and its memory over an hour-long 60 fps stream (bench/motion.bench.ts
// writes both into bench/results/motion.md).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLandmarkAnalyzer, createLegReading, type LandmarkFrame, readLeg } from '@anklepump/motion';
import { synthLandmarkSession } from '../tools/synth/src/index.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** 60 s at 60 fps of one exercised foot and the other leg in view (both tracked). */
export function throughputFrames(): LandmarkFrame[] {
  const program = {
    reps: 15,
    tempo: 'normal' as const,
    plantarDeg: -35,
    dorsiDeg: 15,
    partialShare: 0,
    pauseChance: 0.1,
    fidget: true,
    legMoveChance: 0,
    gettingIntoPosition: false,
    restS: 2,
  };
  const spec = {
    fps: 60,
    side: 'left' as const,
    program,
    noise: 'blazepose' as const,
    cameraYawDeg: 0,
    poseGain: 1,
    dropouts: 'none' as const,
    lowVisibility: 0,
    timeJitter: 0.1,
    world: false,
    mislabel: false,
  };
  return synthLandmarkSession(spec, 7).frames;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Runs `body` and returns frames per second of wall time and per second of this process's CPU time. */
function rate(count: number, body: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  body();
  const wallS = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall: count / wallS, cpu: count / ((c.user + c.system) / 1e6) };
}

/**
 * The same number of frames, from the recording's first 10 s (600 frames) pushed six times over with
 * their times moved on: their points (1.6 MB) stay in the CPU's caches, as a live camera's frame
 * does when the pose model has just made it. A parsed recording's 3,600 frames (9 MB of small
 * arrays) do not, and each frame's points are then read from memory.
 */
function cachedFrames(frames: LandmarkFrame[]): LandmarkFrame[] {
  const clip = frames.slice(0, 600);
  const spanMs = clip[clip.length - 1]!.tMs - clip[0]!.tMs + 1000 / 60;
  return frames.map((_, i) => {
    const f = clip[i % clip.length]!;
    return { ...f, tMs: f.tMs + Math.floor(i / clip.length) * spanMs };
  });
}

export function throughput(frames: LandmarkFrame[]): string {
  // minVisibility 0.1 lets the far leg through too, so both feet run the whole engine.
  const analyzer = createLandmarkAnalyzer({ minVisibility: 0.1 });
  const cached = cachedFrames(frames);
  const left = createLegReading();
  const right = createLegReading();
  const loops = 60;
  const count = loops * frames.length;
  let sink = 0;
  const engine: { wall: number; cpu: number }[] = [];
  const engineCached: { wall: number; cpu: number }[] = [];
  const geometry: { wall: number; cpu: number }[] = [];
  const run = (input: LandmarkFrame[]) => () => {
    for (let l = 0; l < loops; l++) {
      analyzer.reset();
      for (const f of input) sink += analyzer.push(f).length;
      sink += analyzer.end().length;
    }
  };
  for (let rep = 0; rep < 4; rep++) {
    engine.push(rate(count, run(frames)));
    engineCached.push(rate(count, run(cached)));
    geometry.push(
      rate(count, () => {
        for (let l = 0; l < loops; l++) {
          for (const f of frames) {
            sink += readLeg(f, 'left', 0.1, true, left).rawDeg + readLeg(f, 'right', 0.1, true, right).rawDeg;
          }
        }
      }),
    );
  }
  if (sink === 42) console.log('');
  // The first run warms the JIT up and is left out.
  const mid = (runs: readonly { wall: number; cpu: number }[], of: 'wall' | 'cpu') =>
    median(runs.slice(1).map((x) => x[of]));
  const ec = mid(engine, 'cpu');
  const gc = mid(geometry, 'cpu');
  const ew = mid(engine, 'wall');
  const cc = mid(engineCached, 'cpu');
  const cw = mid(engineCached, 'wall');
  const gw = mid(geometry, 'wall');
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return [
    `| what runs per frame (two feet) | frames per CPU-second (median of 3 runs of ${n(count)} frames) | frames per wall-clock second | vs baseline (CPU) |`,
    '| --- | --: | --: | --: |',
    `| baseline: both legs' raw angle only (\`readLeg\` twice) | ${n(gc)} | ${n(gw)} | 1.00 |`,
    `| whole engine: gating, correction, filters, segmentation, holds, metrics, events | ${n(ec)} | ${n(ew)} | ${(ec / gc).toFixed(2)} |`,
    `| the same, on frames still in the CPU's caches (a live camera's; see below) | ${n(cc)} | ${n(cw)} | ${(cc / gc).toFixed(2)} |`,
  ].join('\n');
}

export function memory(frames: LandmarkFrame[]): string {
  const analyzer = createLandmarkAnalyzer({ minVisibility: 0.1 });
  const cycleMs = frames[frames.length - 1]!.tMs - frames[0]!.tMs + 1000 / 60;
  const perMinute = 60 * 60;
  const rows: string[] = [];
  let reps = 0;
  let farReps = 0;
  let events = 0;
  let k = 0;
  const heapMb = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 1048576;
  };
  const base = heapMb();
  for (let minute = 0; minute <= 60; minute++) {
    if (minute % 15 === 0)
      rows.push(
        `| ${minute} | ${k.toLocaleString('en')} | ${(heapMb() - base).toFixed(2)} | ${reps} | ${farReps} |`,
      );
    if (minute === 60) break;
    for (let i = 0; i < perMinute; i++, k++) {
      const f = frames[k % frames.length]!;
      const shift = Math.floor(k / frames.length) * cycleMs;
      for (const e of analyzer.push({ ...f, tMs: f.tMs + shift })) {
        events++;
        if (e.type === 'rep') reps++;
        if (e.type === 'rep' && e.side === 'right') farReps++;
      }
    }
  }
  return [
    '| minute | frames pushed | heap growth since start (MiB, after GC) | reps so far | of them on the resting far leg (should stay 0) |',
    '| --: | --: | --: | --: | --: |',
    ...rows,
    '',
    `${events.toLocaleString('en')} events in all; the caller keeps them, the engine does not.`,
  ].join('\n');
}
