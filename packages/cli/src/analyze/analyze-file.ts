// Runs the right pipeline for a file: video -> pose -> motion, landmark JSON -> motion, sensor
// CSV -> motion, and says plainly when nothing could be found.
import { open, readFile, stat } from 'node:fs/promises';
import {
  type AnalysisResult,
  analyzeLandmarkRecording,
  type LandmarkFrame,
  type Side,
} from '@anklepump/motion';
import { CliError } from '../exit-codes.ts';
import { parseImuCsv } from './imu-csv.ts';
import { analyzeImu } from './imu-engine.ts';
import { detectInputKind, type InputKind } from './input-kind.ts';
import { parseLandmarkFile } from './landmark-file.ts';

export interface AnalyzeFileOptions {
  readonly side: Side | 'both' | undefined;
  /** Camera angle gain (corrected = gain x raw); default the pose package's measured one. */
  readonly gain?: number;
  /** Video frames analysed per second. */
  readonly sampleHz: number;
  readonly onProgress?: (done: number, total: number, elapsedS: number, sourceHz: number) => void;
}

export interface FileAnalysis {
  readonly kind: InputKind;
  readonly durationS: number;
  readonly frameRateHz: number;
  readonly sides: readonly Side[];
  readonly result: AnalysisResult;
  /** Set when the recording holds no person or no usable foot: the reason in words. */
  readonly nothingFound: string | null;
  /** For videos: the pose model's median time per frame (ms) and the whole run's wall time (s). */
  readonly modelMsPerFrame?: number;
  readonly elapsedS?: number;
  /** For videos: ffmpeg's complaint when the file is damaged or cut short. */
  readonly damage?: string | null;
  /** For camera data: the posture read from the torso, and the angle gain applied for it. */
  readonly posture?: 'sitting' | 'lying' | 'unknown';
  readonly gain?: number;
}

async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function sidesFor(side: AnalyzeFileOptions['side'], kind: InputKind): Side[] {
  if (side === 'left' || side === 'right') return [side];
  if (side === 'both' && kind === 'imu') {
    throw new CliError(
      'bad-choice',
      '--side both: a sensor CSV holds one foot; name it with --side left or right',
      '--side',
    );
  }
  if (side === 'both') return ['left', 'right'];
  return kind === 'imu' ? ['right'] : ['left', 'right'];
}

function landmarkNothingFound(
  frames: readonly LandmarkFrame[],
  result: AnalysisResult,
  sides: readonly Side[],
): string | null {
  if (!frames.some((f) => f.landmarks)) return 'no person was found in any frame';
  const series = result.series;
  if (series && sides.every((s) => series[s].length === 0)) {
    return `no ${sides.length === 1 ? `${sides[0]} foot` : 'foot'} was visible long enough to measure (film from the side, feet in view)`;
  }
  return null;
}

/** Analyses the file at `path` (already resolved). Throws CliError for every user-facing failure. */
export async function analyzeFile(
  path: string,
  display: string,
  options: AnalyzeFileOptions,
): Promise<FileAnalysis> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new CliError('bad-input', `${display} is a folder, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError('input-not-found', `no such file: ${display}`);
    throw new CliError('bad-input', `cannot read ${display}: ${(e as Error).message}`);
  }
  if (size === 0) throw new CliError('bad-input', `${display} is empty`);
  const guess = detectInputKind(await readHead(path), display);
  if (guess.kind === 'unknown') throw new CliError('bad-input', `${display}: ${guess.why}`);
  const sides = sidesFor(options.side, guess.kind);
  const { poseLandmarkOptionsFor } = await import('@anklepump/pose/node');
  // Camera degrees: the correction follows the posture seen in the frames, unless --gain is given.
  const landmarkOptions = (frames: readonly LandmarkFrame[]) => {
    const { posture, options: base } = poseLandmarkOptionsFor(frames);
    const correction = options.gain !== undefined ? { gain: options.gain, offsetDeg: 0 } : base.correction;
    return { posture, options: { ...base, correction, sides, includeSeries: true } };
  };

  if (guess.kind === 'landmarks') {
    const rec = parseLandmarkFile(await readFile(path, 'utf8'), display);
    const { posture, options: lmOptions } = landmarkOptions(rec.frames);
    const result = analyzeLandmarkRecording(rec.frames, lmOptions);
    const last = rec.frames.at(-1)!.tMs / 1000;
    return {
      kind: 'landmarks',
      durationS: last + 1 / rec.frameRateHz,
      frameRateHz: rec.frameRateHz,
      sides,
      result,
      nothingFound: landmarkNothingFound(rec.frames, result, sides),
      posture,
      gain: lmOptions.correction?.gain ?? 1,
    };
  }
  if (guess.kind === 'imu') {
    const rec = parseImuCsv(await readFile(path, 'utf8'), display);
    const result = analyzeImu(rec, sides[0]!);
    const nothing =
      result.series && result.series[sides[0]!].length === 0
        ? 'the sensor log never settled into a usable ankle angle'
        : null;
    return {
      kind: 'imu',
      durationS: rec.durationS,
      frameRateHz: rec.frameRateHz,
      sides,
      result,
      nothingFound: nothing,
    };
  }
  // Video: the heavy part (Chromium, ffmpeg) is loaded only here.
  const { createHeadlessPoseEstimator, PoseError } = await import('@anklepump/pose/node');
  let estimator: Awaited<ReturnType<typeof createHeadlessPoseEstimator>> | undefined;
  try {
    estimator = await createHeadlessPoseEstimator();
    const pose = await estimator.estimateVideo(path, {
      sampleHz: options.sampleHz,
      onProgress: (p) => options.onProgress?.(p.framesDone, p.framesTotal, p.elapsedS, 0),
    });
    if (pose.frames.length === 0)
      throw new CliError('bad-input', `${display}: the video has no decodable frames`);
    const { posture, options: lmOptions } = landmarkOptions(pose.frames);
    const result = analyzeLandmarkRecording(pose.frames, lmOptions);
    return {
      kind: 'video',
      durationS: pose.info.durationS,
      frameRateHz: pose.info.frameRateHz,
      sides,
      result,
      nothingFound: landmarkNothingFound(pose.frames, result, sides),
      modelMsPerFrame: pose.modelMsPerFrame,
      elapsedS: pose.elapsedS,
      damage: pose.damage,
      posture,
      gain: lmOptions.correction?.gain ?? 1,
    };
  } catch (e) {
    if (e instanceof PoseError) {
      const unavailable =
        e.code === 'ffmpeg-missing' || e.code === 'model-missing' || e.code === 'browser-failed';
      throw new CliError(unavailable ? 'unavailable' : 'bad-input', e.message);
    }
    throw e;
  } finally {
    await estimator?.close();
  }
}
