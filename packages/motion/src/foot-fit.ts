// The foot's angle from all its points, not from the heel-toe line alone.
//
// A pose model's heel and foot-index points are its noisiest (a foot is small in the picture), and
// the heel-toe line turns with every pixel they err by. Two things the body guarantees help:
// - the foot is rigid: the pivot, heel and toe keep their shape as it turns, so the foot's turn is
//   the rotation that best lays that shape over the points seen (weighted Procrustes), not the
//   direction of one line between its two noisiest points;
// - an ankle pump turns the foot about the ankle, and only the ankle moves: the knee and ankle
//   points stay where they are unless the leg moves, so they are low-passed over a second (which a
//   turning foot cannot be); the shank line between the low-passed knee and ankle is steadier, and the
//   low-passed ankle anchors the turn's pivot. The pose model's ankle point is not the joint's
//   axis, though: the pivot is where the heel-toe line's midpoint circles, learned from the
//   person's own swings (`Pivot`), and stays at the ankle point until they have swung.
// The angle's scatter around the truth (the view's gain and offset fitted away, the same for both)
// drops by 16-28% in the camera families of the stress set's tuning seeds (14.2 -> 10.3 deg at 6-10
// px of noise, 4.0 -> 3.4 deg where the leg moves): `npx tsx tools/synth/angle-scatter.ts 16`.
// The landmark analyzer reads it by default (`footAngle: 'fitted'`, since stop 75; the package
// README).
//
// Pure and allocation-free per frame; the tracker never sees it: it only changes the angle a
// landmark frame gives.

import { Pivot } from './foot-pivot.ts';
import type { LegReading } from './landmark-angle.ts';

const RAD = 180 / Math.PI;

/**
 * How long the knee and ankle points are averaged over, seconds (a one-pole low-pass; a moving leg
 * is followed at once, see StillPoint). The fit trades the heel and toe's frame-to-frame noise for
 * the ankle point's slower error, which the pivot's weight carries into the angle; the rep engine's
 * bars lean on the frame-to-frame part, so what wanders slowly must be averaged out too. On the
 * bench's resting far leg, the angle's 1-s means spread 0.88 deg on the heel-toe line, 0.94 with
 * the points over 0.3 s and 0.79 over 1 s (frame-to-frame 1.38, 0.73 and 0.73 deg); over 15 minutes
 * of its looped stream that leg counted 5 reps at 0.3 s and none at 1 s. Tuning seeds (camera, 64
 * a family, `--foot-angle fitted`), exact sets / spurious reps on resting feet and after the set:
 * 0.3 s 361 / 29 and 49, 1 s 364 / 10 and 36 (the heel-toe line 348 / 36 and 33). Shorter, with
 * the pivot at the ankle point: 0.1 s 76 and 146 spurious, 0.2 s 47 and 86.
 */
export const STILL_POINTS_TAU_S = 1;
/**
 * The pivot counts this many times a heel or toe point in the fit: averaged over many frames, its
 * noise is a fraction of theirs. Tuning seeds (camera, 64 a family), exact sets / reps counted
 * wrong, with the pivot at the ankle point (before it was learned): 18 gave 360 / 884, 6 gave
 * 348 / 871 (without the fit 348 / 1,060).
 */
const PIVOT_WEIGHT = 18;
/**
 * The shape must be seen in this many frames before the fit is used (the heel-toe line until
 * then): a shape averaged over fewer is a few pixels off, and the fit's angle drifts while it
 * settles, as the first rest is read. Tuning seeds (camera, 64 a family), with the pivot at the
 * ankle point: 10 frames gave 346 exact of 576, 45 gave 360.
 */
const MIN_SHAPE_FRAMES = 45;
/** The foot's shape (ankle and toe seen from the heel) is averaged over this long, seconds. */
const SHAPE_TAU_S = 5;
/**
 * A point's step from its low-passed place, or the shape's from its average, counts at most this
 * many times its usual size: one outlier frame (a point thrown 20-60 px) must not drag the pivot
 * or bend the foot's shape.
 */
const CLIP_K = 3;
/** After a gap this long, seconds, the points start again from where they are seen. */
const RESTART_GAP_S = 0.5;

/**
 * The usual size of a step (a running mean of its length over the last 50), to cut one beyond
 * CLIP_K times it once 10 have been seen.
 */
class UsualStep {
  private meanPx = 0;
  private n = 0;
  /** Whether the last step `take` saw was beyond the limit. */
  beyond = false;
  /** The usual step, pixels. */
  get usualPx(): number {
    return this.meanPx;
  }
  /** `learnCapK`: a step is learned as at most this many times the limit (Infinity: as it is). */
  constructor(private readonly learnCapK: number) {}
  /** Starts again, as if `seen` steps of no length had been taken. */
  reset(seen: number): void {
    this.meanPx = 0;
    this.n = seen;
    this.beyond = false;
  }
  /** Learns a step of `dPx` and returns the factor that cuts it to the limit (1 within it). */
  take(dPx: number): number {
    const limit = CLIP_K * this.meanPx;
    this.beyond = this.n >= 10 && dPx > limit;
    this.n++;
    this.meanPx +=
      ((limit > 0 ? Math.min(dPx, this.learnCapK * limit) : dPx) - this.meanPx) / Math.min(this.n, 50);
    return this.beyond ? limit / dPx : 1;
  }
}

/**
 * A point that stays put unless the leg moves, low-passed over STILL_POINTS_TAU_S. A step from its
 * low-passed place beyond CLIP_K times the usual is cut to that (one outlier frame, a point thrown
 * 20-60 px, must not drag it); two such steps in a row the same way are the leg moving, and the
 * point is taken where it is seen (a low-passed point lags a sliding leg, and a lagging pivot
 * turns the foot's angle). A leg that moves steadily, each step within the cut, is caught by a
 * quick follower of the same cut steps running ahead (QUICK_LEAD_K).
 */
class StillPoint {
  x = 0;
  y = 0;
  /** Outliers are learned as at most twice the limit, so that one does not raise it. */
  private readonly step = new UsualStep(2);
  /** The last step beyond the limit (0, 0 when the last was within it). */
  private outX = 0;
  private outY = 0;
  /** The seen point's distance from the quick one: the points' noise, not the slow one's lag. */
  private readonly residual = new UsualStep(2);
  /** The point low-passed quickly (QUICK_TAU_S), from the same cut steps. */
  private qx = 0;
  private qy = 0;
  start(x: number, y: number): void {
    this.x = x;
    this.y = y;
    this.qx = x;
    this.qy = y;
    this.step.reset(0);
    this.residual.reset(0);
    this.outX = 0;
    this.outY = 0;
  }
  follow(x: number, y: number, share: number, quickShare: number, minLeadPx: number): void {
    const dx = x - this.x;
    const dy = y - this.y;
    const cut = this.step.take(Math.sqrt(dx * dx + dy * dy));
    const beyond = this.step.beyond;
    const moved = beyond && dx * this.outX + dy * this.outY > 0;
    this.outX = beyond ? dx : 0;
    this.outY = beyond ? dy : 0;
    if (moved) {
      this.x = x;
      this.y = y;
      this.qx = x;
      this.qy = y;
      return;
    }
    const sx = this.x + (beyond ? dx * cut : dx);
    const sy = this.y + (beyond ? dy * cut : dy);
    this.qx += quickShare * (sx - this.qx);
    this.qy += quickShare * (sy - this.qy);
    this.x += share * (sx - this.x);
    this.y += share * (sy - this.y);
    // A leg that slides or bends steadily keeps each step within the cut, and the slow point lags
    // it by tens of pixels; the quick one, ahead of it by more than QUICK_LEAD_K usual steps, says so.
    const lx = this.qx - this.x;
    const ly = this.qy - this.y;
    // The quick follower's own residual is the points' noise, whatever the slow one lags by.
    const rx = x - this.qx;
    const ry = y - this.qy;
    this.residual.take(Math.sqrt(rx * rx + ry * ry));
    const limit = Math.max(QUICK_LEAD_K * this.residual.usualPx, minLeadPx);
    if (limit > 0 && lx * lx + ly * ly > limit * limit) {
      this.x = this.qx;
      this.y = this.qy;
    }
  }
}

/**
 * The quick follower's time constant, seconds, and how far ahead of the still point it must be, in
 * its own usual residual (the seen point's distance from it: the noise, not the lag), to say the
 * leg moves: then the still point jumps to it. A leg slid 15-25 cm into place moves steadily, each
 * frame's step within the cut, and the points low-passed over a second lagged it by 30 px (the knee
 * of a 150-px shank: 11 deg); the pivot learned meanwhile went 10-20 px off and read the next
 * seconds of rest 5-7 deg off (the comfort set's "getting into position first", 12 sets: 3 not
 * exact, 2 of them counting the placing as a pump; none now). Tuning seeds (camera, 64 a family,
 * every family, 768 sets): 4 usual residuals lost 2 and won 7 (stress families 360 exact against
 * 361, as prescribed 60 against 57), spurious reps after the set 25 against 26; 2 residuals lost
 * 19 and won 21. Not kept: the still point's own usual step as the yardstick (it grows with the
 * lag it measures, and never caught the slide); the pivot and shape learning nothing for 0.5 s
 * after the leg moved (the same sets exact, 768 and 12).
 */
const QUICK_TAU_S = 0.15;
const QUICK_LEAD_K = 4;
/**
 * ...and by at least this share of the shank's length. On a real pose model's points (the e2e live
 * camera path: BlazePose on the rendered clip, 15 analysed frames a second) 4 residuals alone
 * followed their slower wander, and the rep counted from them while the pixel tracker had lost the
 * foot was lost (2 of 3); at 5-8 residuals either that or the comfort set failed. With this floor
 * both hold from 0.05 to 0.1 (the comfort set fails at 0.15); the tuning seeds are as with 4
 * residuals alone.
 */
const MIN_LEAD_SHANK = 0.08;

/** The foot's angle for one leg from its knee, ankle, heel and toe points; see the file's head. */
export class FootFit {
  private readonly knee = new StillPoint();
  private readonly ankle = new StillPoint();
  private readonly pivot = new Pivot();
  /** The shape: the pivot (ax, ay) and the toe (footPx, 0) in the heel-toe frame, heel at the origin. */
  private ax = 0;
  private ay = 0;
  private footPx = 0;
  private shapeN = 0;
  /** The shape's steps from its average, the first sample counted as one. */
  private readonly shapeStep = new UsualStep(Number.POSITIVE_INFINITY);
  private lastTMs = Number.NaN;

  /**
   * The angle `r` gives, as `readLeg`'s `rawDeg` (90 minus the shank-foot angle), from the fit.
   * `learn` false (a frame whose points the detector doubts): the points give this frame's angle
   * but teach nothing (neither where the knee and ankle stay nor the foot's shape).
   */
  rawDeg(r: LegReading, tMs: number, learn: boolean): number {
    const gapS = (tMs - this.lastTMs) / 1000;
    if (!(gapS >= 0 && gapS <= RESTART_GAP_S)) {
      if (!learn) return r.rawDeg;
      this.knee.start(r.kneeX, r.kneeY);
      this.ankle.start(r.ankleX, r.ankleY);
      this.pivot.reset();
      this.shapeN = 0;
    }
    if (learn) {
      this.lastTMs = tMs;
      const share = 1 - Math.exp(-gapS / STILL_POINTS_TAU_S);
      if (gapS > 0 && gapS <= RESTART_GAP_S) {
        const quick = 1 - Math.exp(-gapS / QUICK_TAU_S);
        const sx0 = this.knee.x - this.ankle.x;
        const sy0 = this.knee.y - this.ankle.y;
        const minLead = MIN_LEAD_SHANK * Math.sqrt(sx0 * sx0 + sy0 * sy0);
        this.knee.follow(r.kneeX, r.kneeY, share, quick, minLead);
        this.ankle.follow(r.ankleX, r.ankleY, share, quick, minLead);
      }
    }
    // The shank's frame: x from the low-passed ankle towards the knee, y across.
    let ux = this.knee.x - this.ankle.x;
    let uy = this.knee.y - this.ankle.y;
    const shankPx = Math.sqrt(ux * ux + uy * uy);
    if (!(shankPx > 0)) return r.rawDeg;
    ux /= shankPx;
    uy /= shankPx;
    if (learn) {
      const hx = r.heelX - this.ankle.x;
      const hy = r.heelY - this.ankle.y;
      const tx = r.toeX - this.ankle.x;
      const ty = r.toeY - this.ankle.y;
      this.pivot.add(hx * ux + hy * uy, -hx * uy + hy * ux, tx * ux + ty * uy, -tx * uy + ty * ux, gapS);
    }
    const px = this.ankle.x + this.pivot.x * ux - this.pivot.y * uy;
    const py = this.ankle.y + this.pivot.x * uy + this.pivot.y * ux;
    if (learn) this.learnShape(r, px, py, gapS);
    // The shape must be seen a while before it is trusted; until then, the heel-toe line.
    if (this.shapeN < MIN_SHAPE_FRAMES) return r.rawDeg;
    const footDeg = this.fitFootDeg(r, px, py);
    const sx = this.knee.x - this.ankle.x;
    const sy = this.knee.y - this.ankle.y;
    const fx = Math.cos(footDeg / RAD);
    const fy = Math.sin(footDeg / RAD);
    return 90 - Math.atan2(Math.abs(sx * fy - sy * fx), sx * fx + sy * fy) * RAD;
  }

  /** The pivot and toe seen from the heel, in the heel-toe frame, averaged over SHAPE_TAU_S. */
  private learnShape(r: LegReading, pivotX: number, pivotY: number, gapS: number): void {
    const ux = r.toeX - r.heelX;
    const uy = r.toeY - r.heelY;
    const len = Math.sqrt(ux * ux + uy * uy);
    if (!(len > 0)) return;
    const c = ux / len;
    const s = uy / len;
    const ax = (pivotX - r.heelX) * c + (pivotY - r.heelY) * s;
    const ay = -(pivotX - r.heelX) * s + (pivotY - r.heelY) * c;
    if (this.shapeN === 0) {
      this.ax = ax;
      this.ay = ay;
      this.footPx = len;
      this.shapeN = 1;
      this.shapeStep.reset(1);
      return;
    }
    const dax = ax - this.ax;
    const day = ay - this.ay;
    const dlen = len - this.footPx;
    const cut = this.shapeStep.take(Math.sqrt(dax * dax + day * day + dlen * dlen));
    this.shapeN++;
    const share = Math.max(1 / this.shapeN, 1 - Math.exp(-Math.max(0, gapS) / SHAPE_TAU_S));
    this.ax += share * (dax * cut);
    this.ay += share * (day * cut);
    this.footPx += share * (dlen * cut);
  }

  /**
   * The direction of the foot's heel-toe axis in the picture, degrees: the rotation that lays the
   * shape (pivot, heel, toe) over the points seen, the pivot at (`px`, `py`), weighted least squares.
   */
  private fitFootDeg(r: LegReading, px: number, py: number): number {
    const wp = PIVOT_WEIGHT;
    // Weighted centroids of the seen points and of the shape (heel at the origin, toe on the x axis).
    const w = wp + 2;
    const cx = (wp * px + r.heelX + r.toeX) / w;
    const cy = (wp * py + r.heelY + r.toeY) / w;
    const qx = (wp * this.ax + this.footPx) / w;
    const qy = (wp * this.ay) / w;
    // Sum of weight x (shape point - its centroid) . and x (seen point - its centroid).
    const pax = this.ax - qx;
    const pay = this.ay - qy;
    const pbx = px - cx;
    const pby = py - cy;
    const hbx = r.heelX - cx;
    const hby = r.heelY - cy;
    const tax = this.footPx - qx;
    const tbx = r.toeX - cx;
    const tby = r.toeY - cy;
    // The heel's shape point is (-qx, -qy) from the centroid, the toe's (tax, -qy).
    const dot = wp * (pax * pbx + pay * pby) - qx * hbx - qy * hby + tax * tbx - qy * tby;
    const cross = wp * (pax * pby - pay * pbx) - qx * hby + qy * hbx + tax * tby + qy * tbx;
    return Math.atan2(cross, dot) * RAD;
  }

  reset(): void {
    this.lastTMs = Number.NaN;
    this.shapeN = 0;
  }
}
