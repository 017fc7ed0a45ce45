// Notices a camera view that changed under a running stream: the shank, as the picture shows it,
// grew or shrank (the camera moved nearer or further, or turned off the side) or turned (the camera
// was knocked or rotated), and stayed so. Degrees from the camera, and a calibration of its view,
// hold for one view: after a change the person is told, once per change, and the new view becomes
// the one watched. Leg movements that the exercise forbids come and go within a rep; a change must
// last VIEW_HOLD_S to count.

import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';

/** The view's reference is the mean shank of this many readings (after the start or a change). */
const REF_FRAMES = 15;
/** The shank, low-passed with this time constant (ms): landmark jitter is not a view change. */
const EMA_TAU_MS = 500;
/** Changed: the shank's length differs from the reference by this share... */
const LEN_CHANGE = 0.25;
/** ...or its direction by this many degrees... */
const DIR_CHANGE_DEG = 25;
/** ...for this long, seconds (a knee bend within a rep is shorter). */
const VIEW_HOLD_S = 2;

const RAD = 180 / Math.PI;

/** The difference of two directions, degrees, in (-180, 180]. */
function turnDeg(a: number, b: number): number {
  let d = (a - b) % 360;
  if (d > 180) d -= 360;
  if (d <= -180) d += 360;
  return d;
}

export interface ViewWatch {
  /** One frame's knee and ankle, pixels; a 'view-changed' warning goes to `out` when the view changed. */
  observe(
    tMs: number,
    kneeX: number,
    kneeY: number,
    ankleX: number,
    ankleY: number,
    out: MotionEvent[],
  ): void;
  reset(): void;
}

export function createViewWatch(side: Side): ViewWatch {
  let refN = 0;
  let refLenPx = 0;
  /** Reference direction as a sum of unit vectors (a mean that does not break at +-180). */
  let refDx = 0;
  let refDy = 0;
  let refDirDeg = 0;
  let lenPx = Number.NaN;
  let dirDeg = 0;
  let lastTMs = Number.NaN;
  let changedSinceTMs = Number.NaN;

  const restart = () => {
    refN = 0;
    refLenPx = 0;
    refDx = 0;
    refDy = 0;
    changedSinceTMs = Number.NaN;
  };

  return {
    observe(tMs, kneeX, kneeY, ankleX, ankleY, out) {
      const dx = kneeX - ankleX;
      const dy = kneeY - ankleY;
      const len = Math.sqrt(dx * dx + dy * dy);
      if (!(len > 0)) return;
      const dir = Math.atan2(dy, dx) * RAD;
      if (Number.isNaN(lenPx) || !(tMs > lastTMs)) {
        lenPx = len;
        dirDeg = dir;
      } else {
        const a = (tMs - lastTMs) / (EMA_TAU_MS + tMs - lastTMs);
        lenPx += a * (len - lenPx);
        dirDeg += a * turnDeg(dir, dirDeg);
      }
      lastTMs = tMs;
      if (refN < REF_FRAMES) {
        refN++;
        refLenPx += (len - refLenPx) / refN;
        refDx += dx / len;
        refDy += dy / len;
        refDirDeg = Math.atan2(refDy, refDx) * RAD;
        return;
      }
      const lenShare = lenPx / refLenPx - 1;
      const turn = turnDeg(dirDeg, refDirDeg);
      if (Math.abs(lenShare) <= LEN_CHANGE && Math.abs(turn) <= DIR_CHANGE_DEG) {
        changedSinceTMs = Number.NaN;
        return;
      }
      if (Number.isNaN(changedSinceTMs)) changedSinceTMs = tMs;
      if (tMs - changedSinceTMs < VIEW_HOLD_S * 1000) return;
      const what =
        Math.abs(lenShare) > LEN_CHANGE
          ? `the leg looks ${Math.round(Math.abs(lenShare) * 100)}% ${lenShare > 0 ? 'longer' : 'shorter'}`
          : `the leg looks turned by ${Math.round(Math.abs(turn))} degrees`;
      out.push({
        type: 'warning',
        side,
        tMs,
        code: 'view-changed',
        message: `the camera view changed (${what}): degrees from here on are not from the view the session began with; put the camera back, or calibrate again`,
      });
      // The new view is the one watched from now on.
      restart();
    },
    reset() {
      restart();
      lenPx = Number.NaN;
      lastTMs = Number.NaN;
    },
  };
}
