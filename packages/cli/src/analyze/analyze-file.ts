// Runs the right pipeline for a file: video -> pose -> motion, landmark JSON -> motion, sensor
// CSV -> motion, and says plainly when nothing could be found.
import { open, readFile, stat } from 'node:fs/promises';
import {
  type AnalysisResult,
  type AngleCorrection,
  analyzeLandmarkRecording,
  type LandmarkFrame,
  type Side,
} from '@anklepump/motion';
import type { LegTrack, NotCountable, Posture } from '@anklepump/pose/node';
import { CliError } from '../exit-codes.ts';
import { type DegreesSource, degreesNote } from './camera-correction.ts';
import {
  degreesNotMeasuredWarnings,
  farFootMessage,
  farFootWarnings,
  landmarkNothingFound,
  lostFootWarnings,
  withoutFarFeet,
  withoutReps,
} from './foot-report.ts';
import { withRobustPeaks } from './hold-peaks.ts';
import { parseImuCsv } from './imu-csv.ts';
import { analyzeImu } from './imu-engine.ts';
import { detectInputKind, type InputKind } from './input-kind.ts';
import { parseLandmarkFile } from './landmark-file.ts';
import { type CameraCalibration, calibratedNote, phoneCalibration } from './phone-calibration.ts';
import { withVideoLegMovement } from './video-leg-movement.ts';

export interface AnalyzeFileOptions {
  readonly side: Side | 'both' | undefined;
  /** Camera angle gain (corrected = gain x raw); default the pose package's measured one. */
  readonly gain?: number;
  /** Video frames analysed per second. */
  readonly sampleHz: number;
  /**
   * Landmark files: the tool that made them, overriding the file's "source" ('blazepose...' gets
   * the BlazePose correction; anything else is taken as it is).
   */
  readonly source?: string;
  /** Videos: follow the foot's own pixels (default true); false = BlazePose's foot points, corrected. */
  readonly track?: boolean;
  readonly onProgress?: (done: number, total: number, elapsedS: number, sourceHz: number) => void;
  /**
   * Video or landmarks: a motion-sensor CSV recorded at the same time with the phone on the filmed
   * foot; the reps both saw fit the camera's degree gain (`display`: the path as the user gave it).
   */
  readonly calibrateWith?: { readonly path: string; readonly display: string };
}

export interface FileAnalysis {
  readonly kind: InputKind;
  /**
   * The first sample's time on the file's own clock, seconds (0 for a video): every time the
   * analysis gives is on that clock, and a sensor log's may be the phone's uptime.
   */
  readonly startS: number;
  /** From the first sample to the end of the last. */
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
  readonly posture?: Posture;
  readonly gain?: number;
  /** Camera data: where the degrees come from, and the note that says how far to trust them. */
  readonly degrees?: DegreesSource;
  readonly degreesNote?: string;
  /** Landmark files: the source tool the file or --source named (null: not named). */
  readonly landmarkSource?: string | null;
  /** Camera data that cannot be counted (front view, leg moving, standing...): reps are withheld. */
  readonly notCounted?: NotCountable | null;
  /** Extra per-foot warnings from the video stages (the far foot of a side view, a foot lost for a long stretch). */
  readonly pixelWarnings?: readonly { side: Side; atS: number; code: string; message: string }[];
  /**
   * Videos: feet whose reps are counted but whose degrees are not shown (see
   * `degreesNotMeasuredWarnings`): the pixel stage did not follow the foot, and no phone calibrated it.
   */
  readonly degreesNotMeasured?: readonly Side[];
  /** Set when --calibrate-with was given. */
  readonly calibration?: CameraCalibration;
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

/**
 * Stillness (seconds) before a recorded video's foot is counted: the engine's live default is 0.6 s,
 * but a recording's angles are low-passed with hindsight, so 0.3 s of a still foot is as sure, and
 * fast reps with no holds often leave the pose model only 0.3-0.5 s of still foot before the first
 * swing (the whole recording then went uncounted on tuning clips).
 */
export const RECORDED_VIDEO_SETTLE_S = 0.3;

/** A video's pose model frames and, when the pixel stage ran, its per-frame tracks. */
export interface VideoPoseInput {
  readonly frames: readonly LandmarkFrame[];
  readonly tracks: readonly Record<Side, LegTrack>[] | null;
  /** Frames per second analysed. */
  readonly sampleHz: number;
}

/**
 * Everything `analyze` does to a video after the pose model (and the pixel stage) ran: hindsight
 * smoothing of the tracked angles, the recording check, the rep engine, hold-robust peaks. Exported
 * so that an evaluation can score cached pose output exactly as the command would.
 * @param gain --gain, when given (degrees = gain x the angle).
 */
export async function analyzeVideoPose(
  video: VideoPoseInput,
  sides: readonly Side[],
  gain?: number,
): Promise<
  Pick<
    FileAnalysis,
    | 'sides'
    | 'result'
    | 'nothingFound'
    | 'posture'
    | 'gain'
    | 'degrees'
    | 'degreesNote'
    | 'notCounted'
    | 'pixelWarnings'
    | 'degreesNotMeasured'
    | 'calibration'
  >
> {
  const pose = await import('@anklepump/pose/node');
  // The pose model's first frames of a video, where its points have not settled, are left out.
  const warm: VideoPoseInput = { ...video, ...pose.afterPoseWarmUp(video.frames, video.tracks) };
  // A side view shows one foot: the near one, under the label the view's geometry gives it (the
  // pose model's own labels are often the wrong way round). The far foot is hidden behind it and
  // its points are guesses that echo the near foot: it is not measured.
  const near = pose.nearSide(warm.frames);
  const relabelled = near ? pose.withNearLegAs(warm.frames, warm.tracks, near) : warm;
  const input: VideoPoseInput = { ...warm, frames: relabelled.frames, tracks: relabelled.tracks };
  const far = near ? sides.filter((s) => s !== near) : [];
  const measured = sides.filter((s) => !far.includes(s));
  const degrees: DegreesSource = input.tracks ? 'pixel-tracker' : 'blazepose-corrected';
  const { posture, options: base } = pose.poseLandmarkOptionsFor(input.frames);
  // The pixel stage's angles, smoothed with hindsight (zero phase, 3 Hz), written into the frames;
  // a foot whose track did not follow it gets the pose model's angle times its posture gain.
  const refined = input.tracks
    ? pose.refineRecording({ frames: input.frames, tracks: input.tracks }, input.sampleHz, {
        poseGain: base.correction?.gain ?? 1,
      })
    : null;
  const frames = refined ? refined.frames : input.frames;
  const correction: AngleCorrection =
    gain !== undefined
      ? { gain, offsetDeg: 0 }
      : degrees === 'blazepose-corrected'
        ? (base.correction ?? { gain: 1, offsetDeg: 0 })
        : { gain: 1, offsetDeg: 0 };
  const notCounted = pose.checkRecording(input.frames, { sampleHz: input.sampleHz });
  const raw = withoutFarFeet(
    withVideoLegMovement(
      withRobustPeaks(
        analyzeLandmarkRecording(frames, {
          ...base,
          correction,
          sides,
          // The pixel stage's angle, written into the frames, is not the one their lengths jitter with.
          angleFrom: refined ? 'tracker' : 'points',
          includeSeries: true,
          settleS: RECORDED_VIDEO_SETTLE_S,
        }),
      ),
      input.frames,
      refined ? 'replace' : 'keep',
    ),
    far,
  );
  // A foot the pixel stage did not follow is counted from the pose model's angle, without degrees
  // (unless --gain scales them: then the user chose the scale).
  const degreesNotMeasured =
    notCounted || !refined || gain !== undefined
      ? []
      : measured.filter((s) => refined.degrees[s] === 'pose-model');
  return {
    sides,
    result: notCounted ? withoutReps(raw) : raw,
    nothingFound:
      near && measured.length === 0 && !notCounted
        ? farFootMessage(far[0]!, near)
        : landmarkNothingFound(input.frames, raw, sides, notCounted),
    posture,
    gain: correction.gain,
    degrees,
    degreesNote: degreesNote(degrees, null, gain),
    notCounted,
    pixelWarnings: [
      ...(near ? farFootWarnings(far, near, input.frames) : []),
      ...(notCounted || !input.tracks || !refined
        ? []
        : [
            ...degreesNotMeasuredWarnings(degreesNotMeasured, input.frames),
            ...lostFootWarnings(
              input.tracks,
              input.frames,
              measured.filter((s) => refined.degrees[s] === 'pixel-tracker'),
            ),
          ]),
    ],
    degreesNotMeasured,
  };
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
  const pose = await import('@anklepump/pose/node');
  // Camera degrees: which correction, if any, applies to the frames' angle.
  const landmarkOptions = (frames: readonly LandmarkFrame[], degrees: DegreesSource) => {
    const { posture, options: base } = pose.poseLandmarkOptionsFor(frames);
    let correction: AngleCorrection = { gain: 1, offsetDeg: 0 };
    if (options.gain !== undefined) correction = { gain: options.gain, offsetDeg: 0 };
    else if (degrees === 'blazepose-corrected') correction = base.correction ?? correction;
    return { posture, options: { ...base, correction, sides, includeSeries: true } };
  };

  if (guess.kind === 'landmarks') {
    const rec = parseLandmarkFile(await readFile(path, 'utf8'), display);
    const source = options.source ?? rec.source;
    const degrees: DegreesSource = pose.isBlazePoseSource(source) ? 'blazepose-corrected' : 'as-given';
    const { posture, options: lmOptions } = landmarkOptions(rec.frames, degrees);
    const notCounted = pose.checkRecording(rec.frames, { sampleHz: rec.frameRateHz });
    let raw = withRobustPeaks(analyzeLandmarkRecording(rec.frames, lmOptions));
    let gain = lmOptions.correction.gain;
    let note = degreesNote(degrees, source ?? null, options.gain);
    const calibration =
      options.calibrateWith && !notCounted
        ? await phoneCalibration(options.calibrateWith, raw, sides, gain)
        : undefined;
    if (calibration) {
      note = calibratedNote(calibration, note);
      if (calibration.kind === 'calibrated') {
        gain = calibration.gain;
        raw = withRobustPeaks(
          analyzeLandmarkRecording(rec.frames, { ...lmOptions, correction: { gain, offsetDeg: 0 } }),
        );
      }
    }
    const first = rec.frames[0]!.tMs / 1000;
    const last = rec.frames.at(-1)!.tMs / 1000;
    return {
      kind: 'landmarks',
      startS: first,
      durationS: last - first + 1 / rec.frameRateHz,
      frameRateHz: rec.frameRateHz,
      sides,
      result: notCounted ? withoutReps(raw) : raw,
      nothingFound: landmarkNothingFound(rec.frames, raw, sides, notCounted),
      posture,
      gain,
      degrees,
      degreesNote: note,
      landmarkSource: source ?? null,
      notCounted,
      ...(calibration ? { calibration } : {}),
    };
  }
  if (guess.kind === 'imu') {
    if (options.calibrateWith) {
      throw new CliError(
        'conflicting-options',
        '--calibrate-with calibrates camera degrees: the file analysed must be a video or landmark JSON',
        '--calibrate-with',
      );
    }
    const rec = parseImuCsv(await readFile(path, 'utf8'), display);
    const result = analyzeImu(rec, sides[0]!);
    const nothing =
      result.series && result.series[sides[0]!].length === 0
        ? 'the sensor log never settled into a usable ankle angle'
        : null;
    return {
      kind: 'imu',
      startS: rec.samples[0]!.tMs / 1000,
      durationS: rec.durationS,
      frameRateHz: rec.frameRateHz,
      sides,
      result,
      nothingFound: nothing,
    };
  }
  // Video: the heavy part (Chromium, ffmpeg) is loaded only here.
  const { createHeadlessPoseEstimator, PoseError } = pose;
  let estimator: Awaited<ReturnType<typeof createHeadlessPoseEstimator>> | undefined;
  try {
    estimator = await createHeadlessPoseEstimator();
    const track = options.track ?? true;
    const stage = track ? pose.createFootTrackStage({ sides }) : null;
    const tracks: Record<Side, LegTrack>[] = [];
    const video = await estimator.estimateVideo(path, {
      sampleHz: options.sampleHz,
      onProgress: (p) => options.onProgress?.(p.framesDone, p.framesTotal, p.elapsedS, 0),
      ...(stage
        ? {
            onFrame: (px, f) =>
              tracks.push(
                stage.push({ data: px.rgba, widthPx: px.widthPx, heightPx: px.heightPx }, f).tracks,
              ),
          }
        : {}),
    });
    if (video.frames.length === 0)
      throw new CliError('bad-input', `${display}: the video has no decodable frames`);
    const poseInput = { frames: video.frames, tracks: stage ? tracks : null, sampleHz: video.sampleHz };
    let camera = await analyzeVideoPose(poseInput, sides, options.gain);
    if (options.calibrateWith && !camera.notCounted) {
      const calibration = await phoneCalibration(
        options.calibrateWith,
        camera.result,
        sides,
        camera.gain ?? 1,
      );
      if (calibration.kind === 'calibrated')
        camera = await analyzeVideoPose(poseInput, sides, calibration.gain);
      camera = { ...camera, calibration, degreesNote: calibratedNote(calibration, camera.degreesNote ?? '') };
    }
    return {
      kind: 'video',
      startS: 0,
      durationS: video.info.durationS,
      frameRateHz: video.info.frameRateHz,
      ...camera,
      modelMsPerFrame: video.modelMsPerFrame,
      elapsedS: video.elapsedS,
      damage: video.damage,
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
