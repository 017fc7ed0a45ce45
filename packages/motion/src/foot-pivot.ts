// Where a foot turns (foot-fit.ts's pivot): the point the heel-toe line's midpoint circles,
// learned from the person's own swings. Pure; one per leg, inside FootFit.

const RAD = 180 / Math.PI;

/** How quickly the heel and toe are low-passed before they teach the pivot, seconds. */
const PIVOT_POINTS_TAU_S = 0.15;
/** How long the pivot's statistics are averaged over, seconds. */
const PIVOT_TAU_S = 20;
/**
 * The pivot stays near the ankle point until the foot has turned by more than this much (its
 * angle's spread, radians squared; (8 deg)^2): a ridge that pulls it there while the foot rests.
 * Tuning seeds (camera, 64 a family; stop 74, the pivot then from M's covariance with the angle,
 * the points over 0.3 s), exact sets / spurious reps on resting feet and after the set
 * / range error median: (3 deg)^2 346 / 94 and 69 / 3.00 deg (a resting foot's noise moved the
 * pivot, and the angle with it); (8 deg)^2 359 / 28 and 63 / 2.92; (12 deg)^2 362 / 24 and 55 /
 * 2.91, but a comfort set's ranges 1.5 deg short (the pivot found half of the way). Swings of
 * +/-20 deg find a pivot three quarters of the way from the ankle point.
 */
const PIVOT_RIDGE_RAD2 = (8 / RAD) ** 2;

/** The pivot moves only with a window of at least this share of the most swing seen. */
const KEEP_SHARE = 0.5;

/**
 * Where the foot turns, against the low-passed ankle point, in the shank's frame (x along the
 * shank towards the knee, y across it), pixels. A pose model's ankle point is not the joint's axis:
 * it errs by a few pixels in a way that keeps to the shank (BlazePose's does, and the generator's),
 * and a foot turned about the ankle point instead of its axis reads a range a few per cent off
 * (3-4 deg on a 45-deg pump). The axis is the point C the heel-toe line's midpoint M circles:
 * M = C + R(theta) m, fitted over the recent swings by least squares in C and m (exact for any
 * swing; stop 74's first version took M's covariance with theta, a small-angle linearisation that
 * a lopsided pump of -30 / +15 deg biased by 2 px, and clean 30-deg peaks read 31). The angle's own
 * noise adds to its spread but not to the fit's cross term (the midpoint's noise is the heel's and
 * toe's sum, the angle's their difference), so that noise is taken off the spread; and where the
 * foot barely turned, a ridge keeps C at the ankle point.
 */
export class Pivot {
  x = 0;
  y = 0;
  private n = 0;
  // The heel and toe in the shank's frame, low-passed.
  private hx = 0;
  private hy = 0;
  private tx = 0;
  private ty = 0;
  // Running means: cos theta, sin theta, M, and R(theta)^T M.
  private mc = 0;
  private ms = 0;
  private mx = 0;
  private my = 0;
  private mu = 0;
  private mv = 0;
  /** The most swing (the angle's spread less its noise, radians squared) a window has shown. */
  private bestVarRad2 = 0;
  /**
   * The raw heel-toe angle's noise, radians squared, read from the foot's length (`lastLenPx`, its
   * last value): a rigid foot keeps its length as it turns, so its steps are the points' noise
   * alone, and a point's error across the foot turns the line as much as one along it stretches it.
   * The angle's own steps would count a quick pump as noise (at 10 fps a 0.15-s move is one step of
   * 40 deg), and the spread less that noise would put the pivot tens of pixels off.
   */
  private noiseRad2 = 0;
  private lastLenPx = Number.NaN;
  reset(): void {
    this.x = 0;
    this.y = 0;
    this.n = 0;
    this.bestVarRad2 = 0;
    this.lastLenPx = Number.NaN;
  }
  /** One frame: heel and toe (hx, hy, tx, ty) already in the shank's frame; `dtS` since the last. */
  add(hx: number, hy: number, tx: number, ty: number, dtS: number): void {
    const lenPx = Math.hypot(tx - hx, ty - hy);
    const first = this.n === 0;
    const a = first ? 1 : 1 - Math.exp(-dtS / PIVOT_POINTS_TAU_S);
    this.hx += a * (hx - this.hx);
    this.hy += a * (hy - this.hy);
    this.tx += a * (tx - this.tx);
    this.ty += a * (ty - this.ty);
    const d = first ? 0 : lenPx - this.lastLenPx;
    this.lastLenPx = lenPx;
    this.n++;
    const b = first ? 1 : Math.max(1 / this.n, 1 - Math.exp(-dtS / PIVOT_TAU_S));
    // White noise's variance is half the mean square step (over the length squared, in radians);
    // the low-pass leaves a / (2 - a) of it.
    if (!first && lenPx > 0) this.noiseRad2 += b * ((d * d) / (2 * lenPx * lenPx) - this.noiseRad2);
    const t = Math.atan2(this.ty - this.hy, this.tx - this.hx);
    const c = Math.cos(t);
    const sn = Math.sin(t);
    const mx = (this.hx + this.tx) / 2;
    const my = (this.hy + this.ty) / 2;
    this.mc += b * (c - this.mc);
    this.ms += b * (sn - this.ms);
    this.mx += b * (mx - this.mx);
    this.my += b * (my - this.my);
    this.mu += b * (c * mx + sn * my - this.mu);
    this.mv += b * (-sn * mx + c * my - this.mv);
    // M = C + R(theta) m, least squares over the window: m = (mean(R^T M) - mean(R)^T mean(M)) / D,
    // D = 1 - |mean(R)|^2 (the angle's spread, its variance for small swings), C = mean(M) - mean(R) m.
    const r2 = this.mc * this.mc + this.ms * this.ms;
    const spread = Math.max(0, 1 - r2 - (this.noiseRad2 * a) / (2 - a));
    const nu = this.mu - (this.mc * this.mx + this.ms * this.my);
    const nv = this.mv - (-this.ms * this.mx + this.mc * this.my);
    // The m a pivot at the ankle point (0, 0) would give: mean(R)^-1 mean(M).
    const m0u = r2 > 0 ? (this.mc * this.mx + this.ms * this.my) / r2 : 0;
    const m0v = r2 > 0 ? (-this.ms * this.mx + this.mc * this.my) / r2 : 0;
    const mu = (nu + PIVOT_RIDGE_RAD2 * m0u) / (spread + PIVOT_RIDGE_RAD2);
    const mv = (nv + PIVOT_RIDGE_RAD2 * m0v) / (spread + PIVOT_RIDGE_RAD2);
    // Kept from the window that showed the most swing: a rest (after the set, or between sets)
    // says nothing of the pivot, and the ridge would pull it back to the ankle point as the
    // window filled with rest, turning the angle of a foot that does not move.
    if (spread >= KEEP_SHARE * this.bestVarRad2) {
      this.bestVarRad2 = Math.max(this.bestVarRad2, spread);
      this.x = this.mx - (this.mc * mu - this.ms * mv);
      this.y = this.my - (this.ms * mu + this.mc * mv);
    }
  }
}
