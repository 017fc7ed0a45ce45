// Decodes a video into RGBA frames at a chosen sampling rate with ffmpeg (any container it reads),
// applying the file's rotation, scaled down so the longest side fits `maxSidePx`.
import { spawn } from 'node:child_process';
import { PoseError } from './pose-error.ts';
import type { VideoInfo } from './probe-video.ts';

export interface DecodedFrame {
  /** 0-based index among the sampled frames. */
  readonly index: number;
  /** Time from the start of the video (milliseconds). */
  readonly tMs: number;
  readonly rgba: Buffer;
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface DecodeOptions {
  /** Frames per second to sample (ankle pumps are slow: 15 is plenty); capped at the video's rate. */
  readonly sampleHz: number;
  /** Longest side of the decoded frames in pixels (the pose model works at 256 px anyway). */
  readonly maxSidePx: number;
  /** Told once when ffmpeg reports damage (a cut-off or corrupt file) but still produced frames. */
  readonly onDamage?: (message: string) => void;
}

/** Output size for a video scaled to fit `maxSidePx`, even numbers, never enlarged. */
export function decodedSize(info: VideoInfo, maxSidePx: number): { widthPx: number; heightPx: number } {
  const scale = Math.min(1, maxSidePx / Math.max(info.widthPx, info.heightPx));
  const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { widthPx: even(info.widthPx), heightPx: even(info.heightPx) };
}

/** The effective sampling rate: the requested rate, never above the video's own. */
export function effectiveSampleHz(info: VideoInfo, sampleHz: number): number {
  return Math.min(sampleHz, info.frameRateHz);
}

/**
 * Yields the sampled frames in order. Rejects with PoseError 'video-unreadable' when ffmpeg fails
 * before the end (truncated or corrupt file) and no frame was produced.
 */
export async function* decodeFrames(
  path: string,
  info: VideoInfo,
  options: DecodeOptions,
): AsyncGenerator<DecodedFrame> {
  if (!(options.sampleHz > 0 && options.sampleHz <= 120)) {
    throw new RangeError(`sampleHz must be in (0, 120], got ${options.sampleHz}`);
  }
  if (!(options.maxSidePx >= 64 && options.maxSidePx <= 4096)) {
    throw new RangeError(`maxSidePx must be in 64..4096, got ${options.maxSidePx}`);
  }
  const { widthPx, heightPx } = decodedSize(info, options.maxSidePx);
  const hz = effectiveSampleHz(info, options.sampleHz);
  const frameBytes = widthPx * heightPx * 4;
  const ff = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', path],
      ...['-vf', `fps=${hz},scale=${widthPx}:${heightPx}:flags=area`],
      ...['-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  ff.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    ff.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new PoseError('ffmpeg-missing', 'ffmpeg was not found: install ffmpeg (apt-get install ffmpeg)')
          : e,
      ),
    );
    ff.on('close', (code) => resolve(code));
  });
  exited.catch(() => {});
  let index = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of ff.stdout as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= frameBytes) {
        const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
        const rgba = Buffer.from(all.subarray(0, frameBytes));
        const rest = all.subarray(frameBytes);
        pending = rest.length > 0 ? [rest] : [];
        pendingBytes = rest.length;
        yield { index, tMs: (index * 1000) / hz, rgba, widthPx, heightPx };
        index++;
      }
    }
    const code = await exited;
    if (code !== 0 && index === 0) {
      const why = stderr.trim().split('\n').pop() ?? `exit code ${code}`;
      throw new PoseError('video-unreadable', `${path}: ffmpeg could not decode the video (${why})`);
    }
    // A cut-off file still decodes (ffmpeg may even exit 0 and repeat the last picture): say so.
    const damage = /partial file|Invalid data|corrupt|error while decoding|Truncat/i.exec(stderr);
    if (damage || code !== 0) {
      const line =
        stderr.split('\n').find((l) => damage && l.includes(damage[0])) ?? `ffmpeg exit code ${code}`;
      options.onDamage?.(line.replace(/^\[[^\]]*\]\s*/, '').trim());
    }
  } finally {
    if (ff.exitCode === null) ff.kill('SIGKILL');
  }
}
