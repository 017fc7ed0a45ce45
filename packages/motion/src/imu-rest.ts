// What an IMU analyzer reads from the sensor itself before and around its reference: the still
// spell under way (whose gyro mean is the bias and whose accelerometer mean is gravity), and how far
// the angle may rest on the orientation filter's tilt (only with gravity there, and only as the
// filter converges).

import type { ImuReading, ImuSample } from './imu-sample.ts';

/**
 * The still spell under way: since when the sensor has been still, and its sums (gyro x, y, z,
 * samples, accelerometer x, y, z). At rest the gyro's mean is its bias and the accelerometer's mean
 * is gravity. A class: the analyzer calls it every sample (a phone alone: after its reference too).
 */
export class StillSpell {
  /** When the spell began, ms (NaN: not still now). */
  sinceT = Number.NaN;
  readonly sums = new Float64Array(7);
  /** One reading at `t`, still or not: a moving one ends the spell, a still one starts or adds to it. */
  add(t: number, r: ImuReading, still: boolean): void {
    if (!still || Number.isNaN(this.sinceT)) {
      this.sinceT = still ? t : Number.NaN;
      this.sums.fill(0);
    }
    if (!still) return;
    const sums = this.sums;
    sums[0]! += r.gx;
    sums[1]! += r.gy;
    sums[2]! += r.gz;
    sums[3]! += 1;
    sums[4]! += r.ax;
    sums[5]! += r.ay;
    sums[6]! += r.az;
  }
  /** Whether the spell has lasted `ms` by `t` (false while not still). */
  lasted(t: number, ms: number): boolean {
    return t - this.sinceT >= ms;
  }
  /** The gyro's mean over the spell, rad/s: its bias. */
  gyroMean(axis: 0 | 1 | 2): number {
    return this.sums[axis]! / this.sums[3]!;
  }
  /** The reading `s` with the accelerometer's mean over the spell: gravity alone. */
  gravityReading(s: ImuSample): ImuSample {
    const n = this.sums[3]!;
    return { ...s, ax: this.sums[4]! / n, ay: this.sums[5]! / n, az: this.sums[6]! / n };
  }
  reset(): void {
    this.sinceT = Number.NaN;
    this.sums.fill(0);
  }
}

/** The gravity share follows each sample by this weight (about 100 samples). */
const GRAVITY_STEP = 0.01;
/** The angle turns from the twist to the tilt between these times after the filter starts, ms. */
const TILT_FROM_MS = 4000;
const TILT_RAMP_MS = 4000;

/**
 * How far the angle may rest on the filter's tilt (imu-angle.ts): not without gravity, and only as
 * the filter converges: started from one accelerometer reading taken mid-movement, its tilt was 25
 * degrees off a second later (gravity pulls it in with a time constant of 1/kp, 2 s).
 */
export class TiltTrust {
  /**
   * Share of recent samples whose accelerometer reads about 1 g (an EMA over about 100 samples):
   * above one half, gravity is there to measure the ankle's tilt from; a gravity-free accelerometer
   * (the platform removed it) never gets there.
   */
  private gravityShare = 0;
  /** Samples the share has seen: until 1 / GRAVITY_STEP it is their plain mean, not an EMA from 0. */
  private gravitySamples = 0;
  /** When the orientation filter last started from gravity alone (its tilt then converges). */
  private filterSinceT = Number.NaN;
  /** One reading: whether its accelerometer sees about 1 g. */
  sample(oneG: boolean): void {
    this.gravityShare +=
      Math.max(GRAVITY_STEP, 1 / ++this.gravitySamples) * ((oneG ? 1 : 0) - this.gravityShare);
  }
  /** The filter started again from gravity alone at `t` (after a gap): its tilt converges from here. */
  restarted(t: number): void {
    this.filterSinceT = t;
  }
  /** The filter's tilt was taken from a rest's gravity at `t`: trusted at once. */
  leveled(t: number): void {
    this.filterSinceT = t - TILT_FROM_MS - TILT_RAMP_MS;
  }
  /** The weight of the tilt in the angle at `t`, 0..1. */
  weight(t: number): number {
    const w = (t - this.filterSinceT - TILT_FROM_MS) / TILT_RAMP_MS;
    return this.gravityShare > 0.5 && w > 0 ? Math.min(1, w) : 0;
  }
  reset(): void {
    this.gravityShare = 0;
    this.gravitySamples = 0;
    this.filterSinceT = Number.NaN;
  }
}
