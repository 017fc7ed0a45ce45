// A gyroscope at the end of its range. Past its full scale (often 250-500 deg/s on wearables, 2000
// on phones) a gyro reads its limit instead of the turn rate, so the angle integrated from it falls
// short: a quick pump's degrees read low, though the pump is still seen and counted. The reading
// shows it plainly: one axis gives the same value sample after sample while the others change.
// Most of the hidden turn is put back from the shape of the rate around each clipped spell
// (`createGyroDeclip`); what is left is told per rep.

import type { ImuReading, ImuSample } from './imu-sample.ts';
import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';
import { KP_STILL } from './orientation-filter.ts';

/** A repeated value counts only this fast, rad/s: a still sensor's readings repeat near 0 by quantisation. */
export const SATURATED_FROM_RAD_S = 1;
/** This many equal readings in a row on one axis (two repeats) make a saturated run. */
const RUN = 3;

export interface GyroSaturation {
  /**
   * Adds one reading (rad/s); returns the saturated axis' value when this reading is part of a
   * saturated run, else 0. A reading equal to the last on all three axes (a sample delivered twice)
   * neither extends nor breaks a run.
   */
  add(gx: number, gy: number, gz: number): number;
  reset(): void;
}

export function createGyroSaturation(): GyroSaturation {
  const last = new Float64Array(3).fill(Number.NaN);
  const run = new Int32Array(3);
  let lastOut = 0;
  return {
    add(gx, gy, gz) {
      if (gx === last[0] && gy === last[1] && gz === last[2]) return lastOut;
      let out = 0;
      for (let i = 0; i < 3; i++) {
        const v = i === 0 ? gx : i === 1 ? gy : gz;
        run[i] = v === last[i] && Math.abs(v) >= SATURATED_FROM_RAD_S ? run[i]! + 1 : 1;
        last[i] = v;
        if (run[i]! >= RUN && Math.abs(v) > Math.abs(out)) out = v;
      }
      lastOut = out;
      return out;
    },
    reset() {
      last.fill(Number.NaN);
      run.fill(0);
      lastOut = 0;
    },
  };
}

/**
 * Saturated spells, kept for the reps that end after them (the analyzer's toes-down vote and a
 * restless replay hand the rep engine samples seconds late): up to `SPELLS` of them, merged when
 * less than `MERGE_MS` apart.
 */
const SPELLS = 64;
const MERGE_MS = 250;

export interface SaturatedSpells {
  /** A saturated reading at `tMs` of `rateRadS` (its absolute value is kept, the largest per spell). */
  add(tMs: number, rateRadS: number): void;
  /** The largest saturated rate (rad/s) within [fromTMs, toTMs], or 0 when none. */
  within(fromTMs: number, toTMs: number): number;
  reset(): void;
}

export function createSaturatedSpells(): SaturatedSpells {
  const start = new Float64Array(SPELLS);
  const end = new Float64Array(SPELLS);
  const rate = new Float64Array(SPELLS);
  let count = 0;
  return {
    add(tMs, rateRadS) {
      const r = Math.abs(rateRadS);
      const i = (count - 1 + SPELLS) % SPELLS;
      if (count > 0 && tMs >= end[i]! && tMs - end[i]! < MERGE_MS) {
        end[i] = tMs;
        rate[i] = Math.max(rate[i]!, r);
        return;
      }
      const j = count % SPELLS;
      start[j] = tMs;
      end[j] = tMs;
      rate[j] = r;
      count++;
    },
    within(fromTMs, toTMs) {
      let most = 0;
      for (let k = Math.max(0, count - SPELLS); k < count; k++) {
        const j = k % SPELLS;
        if (start[j]! <= toTMs && end[j]! >= fromTMs) most = Math.max(most, rate[j]!);
      }
      return most;
    },
    reset() {
      count = 0;
    },
  };
}

/** What the 'sensor-saturated' warning says of rep `index`, whose gyro reached `rateRadS`. */
export function sensorSaturatedMessage(index: number, rateRadS: number): string {
  const degS = Math.round((Math.abs(rateRadS) * 180) / Math.PI);
  return `rep ${index}: the sensor's gyroscope reached its limit (${degS} deg/s), so this rep's degrees may read low; the count is not affected (pump more slowly for degrees you can trust)`;
}

/**
 * A peak held this long, seconds, has its degrees back after a gyro at its limit left the angle
 * short: while the foot is still, gravity pulls the tilt in at KP_STILL (3 /s), so 95% of the error
 * is gone after 1 s, and a rep's peak is the median of its hold.
 */
const SATURATION_HEALED_S = 3 / KP_STILL;

/**
 * Puts a 'sensor-saturated' warning right after each rep in `out` whose span holds a saturated
 * reading (`spells`), at the rep's time as every per-rep warning: its degrees may read low, its count
 * stands. Not when both its ends were held SATURATION_HEALED_S: gravity had put the peaks right.
 */
function flagSaturatedReps(out: MotionEvent[], spells: SaturatedSpells, side: Side): MotionEvent[] {
  for (let i = 0; i < out.length; i++) {
    const e = out[i]!;
    if (e.type !== 'rep') continue;
    if (Math.min(e.rep.plantarHoldS, e.rep.dorsiHoldS) >= SATURATION_HEALED_S) continue;
    const rateRadS = spells.within(e.rep.startTMs, e.rep.tMs);
    if (rateRadS === 0) continue;
    out.splice(i + 1, 0, {
      type: 'warning',
      side,
      tMs: e.tMs,
      code: 'sensor-saturated',
      message: sensorSaturatedMessage(e.rep.index, rateRadS),
    });
    i++;
  }
  return out;
}

/** A source's watch over its gyros (the foot's, and the shin's when there is one) for their limit. */
export interface SaturationWatch {
  /** One usable sample; `withShank`: the shin sensor's reading is read too. */
  add(s: ImuSample, withShank: boolean): void;
  /** `out` with each rep's 'sensor-saturated' warning put after it (`flagSaturatedReps`). */
  flag(out: MotionEvent[]): MotionEvent[];
  reset(): void;
}

export function createSaturationWatch(side: Side): SaturationWatch {
  const foot = createGyroSaturation();
  const shank = createGyroSaturation();
  const spells = createSaturatedSpells();
  return {
    add(s, withShank) {
      const f = foot.add(s.gx, s.gy, s.gz);
      const k = withShank && s.shank ? shank.add(s.shank.gx, s.shank.gy, s.shank.gz) : 0;
      if (f !== 0 || k !== 0) spells.add(s.tMs, Math.max(Math.abs(f), Math.abs(k)));
    },
    flag: (out) => flagSaturatedReps(out, spells, side),
    reset() {
      foot.reset();
      shank.reset();
      spells.reset();
    },
  };
}

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
    // Times in s from the first reading before the run; values on the saturated side.
    const x0 = 0;
    const x1 = (this.bT - this.b2T) / 1000;
    const x2 = (t - this.b2T) / 1000;
    const y0 = s * this.b2V;
    const y1 = s * this.bV;
    const y2 = s * v;
    if (!(x1 > 0 && x2 > x1)) return 0;
    // Newton's divided differences.
    const d01 = (y1 - y0) / (x1 - x0);
    const d12 = (y2 - y1) / (x2 - x1);
    const a2 = (d12 - d01) / (x2 - x0);
    if (!(a2 < 0)) return 0;
    const a1 = d01 - a2 * (x0 + x1);
    const a0 = y0 - a1 * x0 - a2 * x0 * x0;
    // Where the parabola is above the full scale: a2 x^2 + a1 x + (a0 - |c|) > 0.
    const cc = a0 - Math.abs(c);
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
