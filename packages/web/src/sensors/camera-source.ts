// Camera checking: the pose pipeline's landmark frames go through the motion package's landmark
// analyzer for the foot being exercised; its reps become the session's sensor reps.
import type { Side } from '@anklepump/exercise';
import { type AngleCorrection, createLandmarkAnalyzer, IDENTITY_CORRECTION } from '@anklepump/motion';
import { POSE_LANDMARK_OPTIONS } from '@anklepump/pose';
import type { App } from '../app/app.ts';
import type { RepSource, SourceWarning } from '../session/rep-source.ts';
import type { Calibration } from '../store/settings.ts';
import type { AngleFeed } from './angle-feed.ts';
import { type CameraPipeline, openCamera } from './camera.ts';
import { motionCalibration, toSensorRep } from './motion-adapter.ts';

/** The pose package's measured correction for BlazePose ankle angles (gain about 1 / 0.68). */
export const CAMERA_CORRECTION: AngleCorrection = POSE_LANDMARK_OPTIONS.correction ?? IDENTITY_CORRECTION;

/** Longest pause between analysed frames that does not break a rep, seconds. */
export const CAMERA_MAX_GAP_S = 1.0;

/** The camera pipeline shared by the wizard, calibration and the session. */
export async function cameraFor(app: App): Promise<CameraPipeline> {
  app.flow.camera ??= await openCamera();
  return app.flow.camera;
}

export function releaseCamera(app: App): void {
  app.flow.camera?.stop();
  delete app.flow.camera;
}

function analyzerFor(side: Side, cal: Calibration | null) {
  const calibration = motionCalibration('landmarks', CAMERA_CORRECTION, cal);
  return createLandmarkAnalyzer({
    sides: [side],
    // A side view shows one leg well; BlazePose may label it with the wrong side.
    legChoice: 'longer-shank',
    // The pose package's settings (image coordinates, visibility gate, correction) as measured
    // on rendered clips; the browser sees the same model, so the same settings hold.
    ...POSE_LANDMARK_OPTIONS,
    correction: CAMERA_CORRECTION,
    // A phone or a busy 2-core laptop analyses 7-12 frames a second with occasional stalls; the
    // 0.4 s default would drop reps on every stall. Measured in bench/results/web.md.
    maxGapS: CAMERA_MAX_GAP_S,
    ...(calibration ? { calibration } : {}),
  });
}

const WARNINGS: Partial<Record<string, SourceWarning>> = {
  'leg-moved': 'leg-moved',
  'foot-not-visible': 'foot-lost',
  'no-person': 'foot-lost',
  'too-shallow': 'shallow',
};

/** Reps, angles and warnings from the camera for the session screen. */
export async function cameraRepSource(app: App): Promise<RepSource> {
  const camera = await cameraFor(app);
  const cal = app.settings.calibration.camera ?? null;
  let side: Side = app.settings.feet === 'right-first' ? 'right' : 'left';
  let analyzer = analyzerFor(side, cal);
  let unsubscribe: (() => void) | undefined;
  // Arrival time (ms) and whether the foot was measured, for the last two seconds of frames.
  const recent: { tMs: number; seen: boolean }[] = [];
  return {
    estimated: true,
    view: camera.view,
    quality() {
      const last = recent.at(-1);
      // No frame for two seconds: the analysis has stalled, whatever the last rate was.
      if (!last || performance.now() - last.tMs > 2000) return { fps: 0, seenShare: 0 };
      return { fps: camera.fps(), seenShare: recent.filter((r) => r.seen).length / recent.length };
    },
    setSide(next) {
      if (next === side) return;
      side = next;
      analyzer = analyzerFor(side, cal);
    },
    async start(listener) {
      unsubscribe = camera.subscribe(({ frame, arrivedMs }) => {
        for (const e of analyzer.push(frame)) {
          if (e.type === 'rep') listener.rep(toSensorRep(e.rep));
          else if (e.type === 'warning') {
            const w = WARNINGS[e.code];
            if (w) listener.warning(w);
          }
        }
        const angle = analyzer.angleDeg(side);
        recent.push({ tMs: arrivedMs, seen: angle !== null });
        while (recent.length > 0 && recent[0]!.tMs < arrivedMs - 2000) recent.shift();
        listener.angle(angle);
      });
    },
    stop() {
      unsubscribe?.();
      releaseCamera(app);
    },
  };
}

/** The live angle of one foot for calibration. */
export async function cameraAngleFeed(app: App, side: Side): Promise<AngleFeed> {
  const camera = await cameraFor(app);
  const analyzer = analyzerFor(side, null);
  let angle: number | null = null;
  const unsubscribe = camera.subscribe(({ frame }) => {
    analyzer.push(frame);
    angle = analyzer.angleDeg(side);
  });
  return {
    angleDeg: () => angle,
    neutralDeg: () => analyzer.calibration()[side]?.neutralDeg ?? null,
    stop: unsubscribe,
  };
}
