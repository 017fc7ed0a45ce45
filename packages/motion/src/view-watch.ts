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
  let d = a - b;
  // d % 360 is d itself (sign and -0 kept) when |d| < 360: skip the C call most frames.
  if (!(d < 360 && d > -360)) d %= 360;
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
  return new View(side);
}

/**
 * `createViewWatch`'s watch: a class, so that its per-frame call may inline (a per-instance closure
 * is called with its five doubles boxed).
 */
class View implements ViewWatch {
  private refN = 0;
  private refLenPx = 0;
  /** Reference direction as a sum of unit vectors (a mean that does not break at +-180). */
  private refDx = 0;
  private refDy = 0;
  private refDirDeg = 0;
  private lenPx = Number.NaN;
  private dirDeg = 0;
  private lastTMs = Number.NaN;
  private changedSinceTMs = Number.NaN;

  constructor(private readonly side: Side) {}

  private restart(): void {
    this.refN = 0;
    this.refLenPx = 0;
    this.refDx = 0;
    this.refDy = 0;
    this.changedSinceTMs = Number.NaN;
  }

  observe(
    tMs: number,
    kneeX: number,
    kneeY: number,
    ankleX: number,
    ankleY: number,
    out: MotionEvent[],
  ): void {
    const dx = kneeX - ankleX;
    const dy = kneeY - ankleY;
    const len = Math.sqrt(dx * dx + dy * dy);
    if (!(len > 0)) return;
    const dir = Math.atan2(dy, dx) * RAD;
    if (Number.isNaN(this.lenPx) || !(tMs > this.lastTMs)) {
      this.lenPx = len;
      this.dirDeg = dir;
    } else {
      const a = (tMs - this.lastTMs) / (EMA_TAU_MS + tMs - this.lastTMs);
      this.lenPx += a * (len - this.lenPx);
      this.dirDeg += a * turnDeg(dir, this.dirDeg);
    }
    this.lastTMs = tMs;
    if (this.refN < REF_FRAMES) {
      this.refN++;
      this.refLenPx += (len - this.refLenPx) / this.refN;
      this.refDx += dx / len;
      this.refDy += dy / len;
      this.refDirDeg = Math.atan2(this.refDy, this.refDx) * RAD;
      return;
    }
    const lenShare = this.lenPx / this.refLenPx - 1;
    const turn = turnDeg(this.dirDeg, this.refDirDeg);
    if (Math.abs(lenShare) <= LEN_CHANGE && Math.abs(turn) <= DIR_CHANGE_DEG) {
      this.changedSinceTMs = Number.NaN;
      return;
    }
    if (Number.isNaN(this.changedSinceTMs)) this.changedSinceTMs = tMs;
    if (tMs - this.changedSinceTMs < VIEW_HOLD_S * 1000) return;
    this.changed(tMs, lenShare, turn, out);
  }

  /** The view changed and stayed so: tell, and watch the new view from now on. */
  private changed(tMs: number, lenShare: number, turn: number, out: MotionEvent[]): void {
    const what =
      Math.abs(lenShare) > LEN_CHANGE
        ? `the leg looks ${Math.round(Math.abs(lenShare) * 100)}% ${lenShare > 0 ? 'longer' : 'shorter'}`
        : `the leg looks turned by ${Math.round(Math.abs(turn))} degrees`;
    out.push({
      type: 'warning',
      side: this.side,
      tMs,
      code: 'view-changed',
      message: `the camera view changed (${what}): degrees from here on are not from the view the session began with; put the camera back, or calibrate again`,
    });
    // The new view is the one watched from now on.
    this.restart();
  }

  reset(): void {
    this.restart();
    this.lenPx = Number.NaN;
    this.lastTMs = Number.NaN;
  }
}
