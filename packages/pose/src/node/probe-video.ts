// Reads a video's duration, frame rate, size and rotation with ffprobe, before decoding anything.
import { execFile } from 'node:child_process';
import { PoseError } from './pose-error.ts';

export interface VideoInfo {
  readonly durationS: number;
  /** Average frame rate of the video stream (frames per second). */
  readonly frameRateHz: number;
  /** Size as displayed, after rotation (pixels). */
  readonly widthPx: number;
  readonly heightPx: number;
  /** Rotation the player applies (degrees, 0/90/180/270); ffmpeg applies it when decoding. */
  readonly rotationDeg: number;
  readonly codec: string;
}

interface ProbeJson {
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    r_frame_rate?: string;
    duration?: string;
    nb_frames?: string;
    tags?: { rotate?: string };
    side_data_list?: { rotation?: number }[];
  }[];
  format?: { duration?: string };
}

function rate(s: string | undefined): number {
  if (!s) return Number.NaN;
  const [n, d] = s.split('/').map(Number);
  return d ? n! / d : Number(n);
}

/** Parses ffprobe's JSON; exported for tests. Throws PoseError 'no-video-stream'. */
export function parseProbe(json: ProbeJson, path: string): VideoInfo {
  const v = json.streams?.find((s) => s.codec_type === 'video');
  if (!v?.width || !v.height) throw new PoseError('no-video-stream', `${path}: no video stream in the file`);
  let fps = rate(v.avg_frame_rate);
  if (!(fps > 0 && fps < 1000)) fps = rate(v.r_frame_rate);
  if (!(fps > 0 && fps < 1000))
    throw new PoseError('video-unreadable', `${path}: the video has no frame rate`);
  let durationS = Number(v.duration ?? json.format?.duration);
  if (!(durationS > 0) && v.nb_frames) durationS = Number(v.nb_frames) / fps;
  if (!(durationS > 0)) throw new PoseError('video-unreadable', `${path}: the video has no duration`);
  const rot = Number(
    v.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? v.tags?.rotate ?? 0,
  );
  const rotationDeg = (((Math.round(rot / 90) * 90) % 360) + 360) % 360;
  const swap = rotationDeg === 90 || rotationDeg === 270;
  return {
    durationS,
    frameRateHz: fps,
    widthPx: swap ? v.height : v.width,
    heightPx: swap ? v.width : v.height,
    rotationDeg,
    codec: v.codec_name ?? 'unknown',
  };
}

/** Probes `path` with ffprobe. Rejects with PoseError ('ffmpeg-missing', 'video-unreadable', 'no-video-stream'). */
export function probeVideo(path: string): Promise<VideoInfo> {
  return new Promise((resolve, reject) => {
    execFile(
      'ffprobe',
      ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path],
      { maxBuffer: 8 << 20 },
      (err, stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new PoseError('ffmpeg-missing', 'ffprobe was not found: install ffmpeg (apt-get install ffmpeg)'),
          );
          return;
        }
        if (err) {
          const why = stderr.trim().split('\n').pop() ?? 'unknown error';
          reject(new PoseError('video-unreadable', `${path}: not a video ffmpeg can read (${why})`));
          return;
        }
        try {
          resolve(parseProbe(JSON.parse(stdout) as ProbeJson, path));
        } catch (e) {
          reject(
            e instanceof PoseError
              ? e
              : new PoseError('video-unreadable', `${path}: ffprobe output unreadable`),
          );
        }
      },
    );
  });
}
