// Camera checking: the worker's frames (pose model + pixel tracker) go through live-foot for the
// foot being exercised: reps and degrees come from the tracked angle; while the tracker has lost
// the foot the gauge shows the pose model's rough angle, a pump done meanwhile is counted from it
// with its degrees withheld, and the session says so.
import type { Side } from '@anklepump/exercise';
import { type AngleCorrection, IDENTITY_CORRECTION, type RepMetrics } from '@anklepump/motion';
import { POSE_LANDMARK_OPTIONS } from '@anklepump/pose';
import type { App } from '../app/app.ts';
import type { FootFollow, RepSource } from '../session/rep-source.ts';
import type { Calibration } from '../store/settings.ts';
import type { AngleFeed, RepFeed } from './angle-feed.ts';
import { type CameraPipeline, openCamera } from './camera.ts';
import { createLiveFoot, type LiveFoot } from './live-foot.ts';
import { motionCalibration, timedRep } from './motion-adapter.ts';
import { calibrationForView, phoneGainOf } from './view-calibration.ts';

/**
 * The pose package's correction for BlazePose ankle angles (gain about 1 / 0.66), used only for the
 * fallback angle shown while the tracker has lost the foot.
 */
export const CAMERA_CORRECTION: AngleCorrection = POSE_LANDMARK_OPTIONS.correction ?? IDENTITY_CORRECTION;

/** A camera being opened, per app, so that screens asking at the same time share one. */
const opening = new WeakMap<App, Promise<CameraPipeline>>();

/**
 * The camera pipeline shared by the wizard, calibration and the session. Two screens asking while
 * it opens (the wizard, then the session a moment later) get the same pipeline: each opening its
 * own left one camera and pose worker running unseen.
 */
export async function cameraFor(app: App): Promise<CameraPipeline> {
  if (app.flow.camera?.live()) return app.flow.camera;
  // One whose track ended (the phone took the camera back while the app was in the background)
  // would show a frozen picture and count nothing: it is closed and a new one opened.
  releaseCamera(app);
  let pending = opening.get(app);
  if (!pending) {
    pending = openCamera().finally(() => opening.delete(app));
    opening.set(app, pending);
  }
  const camera = await pending;
  app.flow.camera ??= camera;
  return app.flow.camera;
}

export function releaseCamera(app: App): void {
  app.flow.camera?.stop();
  delete app.flow.camera;
}

/**
 * The live foot a camera session uses for `side` (`cal`: the session's calibration, if any), its
 * degrees times `gain` (by default the one `cal`'s phone check found). A pause between analysed
 * frames breaks a rep only past the engine's own limit, the one `analyze` uses (1.5 s): a busy
 * phone stalls for a second now and then, and a dark foot turned down is often lost for the whole
 * of its hold and found again on the way up. The camera's own 1 s, older than the engine's 1.5,
 * broke those reps live that `analyze` counted (live-foot.test.ts; tuning clips in packages/web/README.md).
 */
export function cameraLiveFoot(side: Side, cal: Calibration | null, gain = phoneGainOf(cal)): LiveFoot {
  const calibration = motionCalibration('landmarks', IDENTITY_CORRECTION, cal);
  return createLiveFoot({
    side,
    trackedGain: gain,
    poseCorrection: CAMERA_CORRECTION,
    ...(calibration ? { calibration } : {}),
  });
}

/**
 * Reps, angles and warnings from the camera for the session screen. `cal` is the session's own:
 * chosen when it began (a calibration made with this camera, see view-calibration.ts), and kept by
 * a session resumed after a reload, whose gauge and record show the same one.
 */
export async function cameraRepSource(app: App, cal: Calibration | null): Promise<RepSource> {
  const camera = await cameraFor(app);
  let side: Side = app.settings.feet === 'right-first' ? 'right' : 'left';
  let foot = cameraLiveFoot(side, cal);
  let follow: FootFollow = 'unseen';
  let unsubscribe: (() => void) | undefined;
  /** Tracked reps refused because the tracker lost the foot during them. */
  let dropped = 0;
  /** Reps counted from the pose model's angle, degrees withheld. */
  let rough = 0;
  // Arrival time (ms) and whether the foot's own pixels were followed, for the last two seconds.
  const recent: { tMs: number; tracked: boolean }[] = [];
  return {
    estimated: true,
    view: camera.view,
    quality() {
      const last = recent.at(-1);
      // No frame for two seconds: the analysis has stalled, whatever the last rate was.
      if (!last || performance.now() - last.tMs > 2000) return { fps: 0, seenShare: 0, follow: 'unseen' };
      return {
        fps: camera.fps(),
        seenShare: recent.filter((r) => r.tracked).length / recent.length,
        follow,
      };
    },
    setSide(next) {
      if (next === side) return;
      side = next;
      foot = cameraLiveFoot(side, cal);
    },
    async start(listener) {
      unsubscribe = camera.subscribe(({ frame, tracked, tracking, match, arrivedMs }) => {
        const u = foot.push({ frame, tracked, tracking, match });
        for (const rep of u.reps) listener.rep(rep);
        for (const w of u.warnings) {
          // A camera moved mid-session: the saved calibration is of the view before.
          if (w === 'view-changed') camera.viewMoved();
          listener.warning(w);
        }
        follow = u.follow;
        dropped += u.dropped;
        rough += u.rough;
        // Exposed for tests and support: where the angle on screen comes from now, and how many
        // reps were refused for a lost foot or counted without degrees.
        camera.view.dataset.follow = follow;
        camera.view.dataset.droppedReps = String(dropped);
        camera.view.dataset.roughReps = String(rough);
        recent.push({ tMs: arrivedMs, tracked: u.follow === 'tracked' });
        while (recent.length > 0 && recent[0]!.tMs < arrivedMs - 2000) recent.shift();
        listener.angle(u.angleDeg);
      });
    },
    stop() {
      unsubscribe?.();
      releaseCamera(app);
    },
  };
}

/**
 * The live angle of one foot for calibration: the tracked angle only (null while the foot is lost),
 * in the degrees of this view's phone check when it had one (the saved calibration's).
 */
export async function cameraAngleFeed(app: App, side: Side): Promise<AngleFeed> {
  const camera = await cameraFor(app);
  const foot = cameraLiveFoot(
    side,
    null,
    phoneGainOf(calibrationForView(app.settings.calibration.camera, camera)),
  );
  const unsubscribe = camera.subscribe(({ frame, tracked, tracking, match }) => {
    foot.push({ frame, tracked, tracking, match });
  });
  return {
    angleDeg: () => foot.trackedAngleDeg(),
    neutralDeg: () => foot.neutralDeg(),
    stop: unsubscribe,
  };
}

/**
 * What the camera's reps in a phone check span, at gain 1: the toes-down and toes-up peaks of the
 * rep of median range (one rep's, so both are from the same neutral: the engine relearns neutral
 * at each rest) and the neutral learned.
 */
export interface RepsRange {
  readonly neutralDeg: number;
  readonly downDeg: number;
  readonly upDeg: number;
}

/** The camera's reps for a phone check, and the range they span (null before a rep with degrees). */
export interface CameraRepFeed extends RepFeed {
  range(): RepsRange | null;
}

/**
 * The camera's reps of one foot at gain 1 (the tracked angle as it is), for a phone check: the
 * phone's reps of the same pumps fit this view's gain (exercise's fitPhoneGain).
 */
export async function cameraRepFeed(app: App, side: Side): Promise<CameraRepFeed> {
  const camera = await cameraFor(app);
  const foot = cameraLiveFoot(side, null, 1);
  const measured: RepMetrics[] = [];
  const unsubscribe = camera.subscribe(({ frame, tracked, tracking, match }) => {
    measured.push(...foot.push({ frame, tracked, tracking, match }).measured);
  });
  return {
    reps: () => measured.map(timedRep),
    range() {
      const mid = [...measured].sort((a, b) => a.rangeDeg - b.rangeDeg)[(measured.length - 1) >> 1];
      const neutralDeg = foot.neutralDeg();
      return mid && neutralDeg !== null
        ? { neutralDeg, downDeg: mid.peakPlantarDeg, upDeg: mid.peakDorsiDeg }
        : null;
    },
    stop: unsubscribe,
  };
}
