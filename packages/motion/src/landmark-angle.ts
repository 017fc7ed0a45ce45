// The raw ankle angle from BlazePose landmarks: the angle between the shank (ankle -> knee) and the
// foot line (heel -> foot index), in pixels (aspect-correct) or in world metres when available.

import { BLAZEPOSE, BLAZEPOSE_LANDMARK_COUNT, type LandmarkFrame, type Side } from './landmark-frame.ts';

/** What one frame says about one leg. Reused between frames: read it before the next call. */
export interface LegReading {
  ok: boolean;
  /** Why the leg was not usable: its landmarks are not visible enough, or are malformed. */
  reason: 'foot-not-visible' | 'bad-sample' | null;
  /**
   * 90 minus the shank-foot angle, degrees: grows with dorsiflexion whichever way the person faces.
   * Not yet neutral: the heel-toe line is not perpendicular to the shank at neutral.
   */
  rawDeg: number;
  /** 2D shank length in pixels (knee to ankle). */
  shankPx: number;
  /**
   * The foot (heel to foot index) and the shank (ankle to knee) as long as the points the angle
   * came from make them: pixels, or metres in world coordinates. A rigid foot keeps its length as
   * it turns, so how these jitter tells the points' noise apart from the foot's movement.
   */
  footLen: number;
  shankLen: number;
  kneeX: number;
  kneeY: number;
  ankleX: number;
  ankleY: number;
  /** The heel and foot index in the picture, pixels. */
  heelX: number;
  heelY: number;
  toeX: number;
  toeY: number;
  /** Whether `rawDeg` came from world coordinates (metres) rather than the picture. */
  fromWorld: boolean;
  /** Lowest visibility of the four landmarks used, 0..1. */
  visibility: number;
}

export function createLegReading(): LegReading {
  return {
    ok: false,
    reason: null,
    rawDeg: 0,
    shankPx: 0,
    footLen: 0,
    shankLen: 0,
    kneeX: 0,
    kneeY: 0,
    ankleX: 0,
    ankleY: 0,
    heelX: 0,
    heelY: 0,
    toeX: 0,
    toeY: 0,
    fromWorld: false,
    visibility: 0,
  };
}

const INDICES = {
  left: [BLAZEPOSE.leftKnee, BLAZEPOSE.leftAnkle, BLAZEPOSE.leftHeel, BLAZEPOSE.leftFootIndex],
  right: [BLAZEPOSE.rightKnee, BLAZEPOSE.rightAnkle, BLAZEPOSE.rightHeel, BLAZEPOSE.rightFootIndex],
} as const;

const RAD = 180 / Math.PI;

/** The angle between the picture vectors (ux, uy) and (vx, vy), 0..180 degrees. */
export function angleBetweenDeg(ux: number, uy: number, vx: number, vy: number): number {
  return Math.atan2(Math.abs(ux * vy - uy * vx), ux * vx + uy * vy) * RAD;
}

function fail(out: LegReading, reason: 'foot-not-visible' | 'bad-sample'): LegReading {
  out.ok = false;
  out.reason = reason;
  return out;
}

/**
 * Measures one leg in a frame. `minVisibility` (0..1) gates the knee, ankle, heel and foot index;
 * `useWorld` takes the angle from world coordinates when the frame has them.
 */
export function readLeg(
  frame: LandmarkFrame,
  side: Side,
  minVisibility: number,
  useWorld: boolean,
  out: LegReading,
): LegReading {
  const lm = frame.landmarks;
  if (!lm || lm.length < BLAZEPOSE_LANDMARK_COUNT) return fail(out, 'bad-sample');
  const idx = INDICES[side];
  const ki = idx[0];
  const ai = idx[1];
  const hi = idx[2];
  const ti = idx[3];
  const k = lm[ki];
  const a = lm[ai];
  const h = lm[hi];
  const f = lm[ti];
  if (!k || !a || !h || !f) return fail(out, 'bad-sample');
  const w = frame.widthPx;
  const hpx = frame.heightPx;
  if (!(w > 0 && hpx > 0)) return fail(out, 'bad-sample');
  const kx = k[0] * w;
  const ky = k[1] * hpx;
  const ax = a[0] * w;
  const ay = a[1] * hpx;
  const hx = h[0] * w;
  const hy = h[1] * hpx;
  const fx = f[0] * w;
  const fy = f[1] * hpx;
  const vis = Math.min(k[3], a[3], h[3], f[3]);
  if (!Number.isFinite(kx + ky + ax + ay + hx + hy + fx + fy + vis)) return fail(out, 'bad-sample');
  if (vis < minVisibility) return fail(out, 'foot-not-visible');
  const diag = Math.sqrt(w * w + hpx * hpx);
  const shankPx = Math.sqrt((kx - ax) * (kx - ax) + (ky - ay) * (ky - ay));
  const footPx = Math.sqrt((fx - hx) * (fx - hx) + (fy - hy) * (fy - hy));
  // A collapsed shank or foot is a detection that lost the leg, not a measurement.
  if (shankPx < 0.02 * diag || footPx < 0.01 * diag) return fail(out, 'foot-not-visible');
  let theta: number;
  let fromWorld = false;
  let footLen = footPx;
  let shankLen = shankPx;
  const wl = useWorld ? frame.world : null;
  const wk = wl?.[ki];
  const wa = wl?.[ai];
  const wh = wl?.[hi];
  const wf = wl?.[ti];
  if (
    wk &&
    wa &&
    wh &&
    wf &&
    Number.isFinite(
      wk[0] + wk[1] + wk[2] + wa[0] + wa[1] + wa[2] + wh[0] + wh[1] + wh[2] + wf[0] + wf[1] + wf[2],
    )
  ) {
    const s0 = wk[0] - wa[0];
    const s1 = wk[1] - wa[1];
    const s2 = wk[2] - wa[2];
    const p0 = wf[0] - wh[0];
    const p1 = wf[1] - wh[1];
    const p2 = wf[2] - wh[2];
    const dot = s0 * p0 + s1 * p1 + s2 * p2;
    const cx = s1 * p2 - s2 * p1;
    const cy = s2 * p0 - s0 * p2;
    const cz = s0 * p1 - s1 * p0;
    theta = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot) * RAD;
    footLen = Math.sqrt(p0 * p0 + p1 * p1 + p2 * p2);
    shankLen = Math.sqrt(s0 * s0 + s1 * s1 + s2 * s2);
    fromWorld = true;
  } else {
    theta = angleBetweenDeg(kx - ax, ky - ay, fx - hx, fy - hy);
  }
  out.ok = true;
  out.reason = null;
  out.rawDeg = 90 - theta;
  out.shankPx = shankPx;
  out.footLen = footLen;
  out.shankLen = shankLen;
  out.kneeX = kx;
  out.kneeY = ky;
  out.ankleX = ax;
  out.ankleY = ay;
  out.heelX = hx;
  out.heelY = hy;
  out.toeX = fx;
  out.toeY = fy;
  out.fromWorld = fromWorld;
  out.visibility = vis;
  return out;
}
