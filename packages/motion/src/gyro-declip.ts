// The turn a clipped gyro did not report, put back from the shape of the rate around each clipped
// spell. How a clipped spell is recognised, and the warning for what is still missing, are
// gyro-saturation.ts's.

import { SATURATED_FROM_RAD_S } from './gyro-saturation.ts';
import type { ImuReading } from './imu-sample.ts';

/**
 * The turn a clipped gyro did not report, put back. While an axis reads its full scale, the rate
 * past it is lost, and the angle integrated from it falls short by that much in every quick move:
 * down by a different amount than up, so the angle drifts and gravity pulls it back over the next
 * seconds (a shin-worn sensor's pumps at 2-4 rad/s read as extra "reps"). At the end of a spell
 * the rate's peak is taken as the parabola through the two readings before the spell and the one
 * after it; what it spends above the full scale is added to the reading after the spell.
 */
export interface GyroDeclip {
  /** The reading at `tMs`, with the turn a spell that has just ended hid added on its axis. */
  next(tMs: number, r: ImuReading): ImuReading;
  reset(): void;
}

/** A spell's recovered turn is at most what the full scale gave over it (the peak at most twice it). */
const DECLIP_MAX_SHARE = 1;
/** Readings further apart than this, ms, start the outline of a peak again (a gap, a dropped stretch). */
const DECLIP_SPAN_MS = 250;

class AxisDeclip {
  /** The last three readings (value, time), newest last. */
  private v0 = Number.NaN;
  private v1 = Number.NaN;
  private v2 = Number.NaN;
  private t0 = Number.NaN;
  private t1 = Number.NaN;
  private t2 = Number.NaN;
  /** The saturated run under way: its first reading's time, the two readings before it, its length. */
  private runLen = 0;
  private runStartT = 0;
  private bV = 0;
  private bT = 0;
  private b2V = 0;
  private b2T = 0;
  /** Returns the extra turn (rad) a spell that ended at this reading hid. */
  add(t: number, v: number): number {
    let extra = 0;
    if (v === this.v2 && Math.abs(v) >= SATURATED_FROM_RAD_S) {
      if (this.runLen === 0) {
        this.runLen = 2;
        this.runStartT = this.t2;
        this.bV = this.v1;
        this.bT = this.t1;
        this.b2V = this.v0;
        this.b2T = this.t0;
      } else this.runLen++;
    } else {
      if (this.runLen >= 2 && Number.isFinite(this.b2V)) extra = this.hidden(t, v);
      this.runLen = 0;
    }
    this.v0 = this.v1;
    this.t0 = this.t1;
    this.v1 = this.v2;
    this.t1 = this.t2;
    this.v2 = v;
    this.t2 = t;
    return extra;
  }
  /** The turn above the full scale of the parabola through the two readings before and the one after. */
  private hidden(t: number, v: number): number {
    const c = this.v2;
    const s = Math.sign(c);
    // Times in s from the first reading before the run (x0 = 0); values on the saturated side.
    const x1 = (this.bT - this.b2T) / 1000;
    const x2 = (t - this.b2T) / 1000;
    const y0 = s * this.b2V;
    const y1 = s * this.bV;
    const y2 = s * v;
    if (!(x1 > 0 && x2 > x1)) return 0;
    // Newton's divided differences; with x0 = 0 the parabola's constant term is y0.
    const d01 = (y1 - y0) / x1;
    const d12 = (y2 - y1) / (x2 - x1);
    const a2 = (d12 - d01) / x2;
    if (!(a2 < 0)) return 0;
    const a1 = d01 - a2 * x1;
    // Where the parabola is above the full scale: a2 x^2 + a1 x + (y0 - |c|) > 0.
    const cc = y0 - Math.abs(c);
    const disc = a1 * a1 - 4 * a2 * cc;
    if (!(disc > 0)) return 0;
    const r = Math.sqrt(disc);
    const lo = (-a1 + r) / (2 * a2);
    const hi = (-a1 - r) / (2 * a2);
    const F = (x: number) => (a2 * x * x * x) / 3 + (a1 * x * x) / 2 + cc * x;
    const area = F(hi) - F(lo);
    const spellS = (this.t2 - this.runStartT) / 1000 + (t - this.t2) / 1000;
    return s * Math.max(0, Math.min(area, DECLIP_MAX_SHARE * Math.abs(c) * spellS));
  }
  reset(): void {
    this.v0 = this.v1 = this.v2 = Number.NaN;
    this.t0 = this.t1 = this.t2 = Number.NaN;
    this.runLen = 0;
  }
}

class Declip implements GyroDeclip {
  private readonly axes = [new AxisDeclip(), new AxisDeclip(), new AxisDeclip()] as const;
  private lastT = Number.NaN;
  private lastX = Number.NaN;
  private lastY = Number.NaN;
  private lastZ = Number.NaN;
  next(tMs: number, r: ImuReading): ImuReading {
    // A reading equal to the last on all three axes is one sample delivered twice (browsers do
    // that), not a clipped spell.
    if (r.gx === this.lastX && r.gy === this.lastY && r.gz === this.lastZ) return r;
    this.lastX = r.gx;
    this.lastY = r.gy;
    this.lastZ = r.gz;
    // Readings further apart than this do not outline one spell's peak.
    if (!(tMs - this.lastT <= DECLIP_SPAN_MS)) for (const a of this.axes) a.reset();
    const ex = this.axes[0].add(tMs, r.gx);
    const ey = this.axes[1].add(tMs, r.gy);
    const ez = this.axes[2].add(tMs, r.gz);
    const dtS = (tMs - this.lastT) / 1000;
    this.lastT = tMs;
    if ((ex === 0 && ey === 0 && ez === 0) || !(dtS > 0)) return r;
    return { ...r, gx: r.gx + ex / dtS, gy: r.gy + ey / dtS, gz: r.gz + ez / dtS };
  }
  reset(): void {
    for (const a of this.axes) a.reset();
    this.lastT = Number.NaN;
    this.lastX = this.lastY = this.lastZ = Number.NaN;
  }
}

export function createGyroDeclip(): GyroDeclip {
  return new Declip();
}
