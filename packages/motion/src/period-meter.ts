// Whether the angle repeats itself at a pump's period: a person pumping makes a periodic angle,
// landmark noise does not. The rep engine's noise bars come down while it does (noise-bars.ts).
// Allocation-free per sample; the autocorrelation is computed twice a second.

/** The angle is resampled at this interval, ms (the period is all that is looked for). */
const STEP_MS = 100;
/** ...over this many steps: the window the periodicity and the swing are read from (6 s). */
const PERIOD_WINDOW = 60;
/** Lags looked at, in steps: a pump's period, 0.6 to 3 s (100 to 20 pumps a minute). */
const MIN_LAG = 6;
const MAX_LAG = 30;
/**
 * First judged after this many steps (3 s), on what it has then, with lags up to half of it: a
 * person pumping from the start waited 6 s for the bars to come down, and lost the reps meanwhile.
 * Stress set tuning seeds (camera, 64 a family), exact / spurious reps on resting feet / reps
 * counted wrong: from 6 s 236 / 38 / 1,944, from 3 s 237 / 38 / 1,907 (32 a family: from 4 s 921,
 * 3 s 916, 2-2.5 s 913 reps wrong, 129 exact and 22 spurious at each).
 */
export const FIRST_JUDGED = 30;
/** Judged every this many steps (0.5 s). */
const JUDGE_EVERY = 5;
/** A gap longer than this (ms) starts the window again; shorter ones hold the last angle. */
const MAX_HOLD_MS = 2000;

/**
 * At least this autocorrelation at the pump's period is an angle that plainly repeats itself: a
 * person pumping, not noise or a fidget. There the noise bars may come down furthest
 * (noise-bars.ts), and the angle chain leaves out the 1-euro filter (angle-front-end.ts).
 */
export const STRONGLY_PERIODIC = 0.7;

export interface PeriodMeter {
  /** One sample of the angle (degrees) at `tMs`. */
  add(angleDeg: number, tMs: number): void;
  reset(): void;
  /**
   * The largest autocorrelation of the window's angle at a lag of 0.6-3 s, 0..1 (0 until 3 s were
   * seen; until 6 s, over what was seen, at lags up to half of it): near 0 for noise, 0.5-0.9 for
   * pumps at a steady pace.
   */
  readonly periodicity: number;
  /** The window's variance, degrees squared (0 until 3 s were seen). */
  readonly varianceDeg2: number;
}

export function createPeriodMeter(): PeriodMeter {
  return new Period();
}

/**
 * `createPeriodMeter`'s meter. A class, not an object literal with getters: V8 builds such a
 * literal in dictionary mode, and every read of it is then a slow lookup the compiler cannot inline.
 */
class Period implements PeriodMeter {
  private readonly ring = new Float64Array(PERIOD_WINDOW);
  private count = 0;
  private nextTMs = Number.NaN;
  periodicity = 0;
  varianceDeg2 = 0;
  /** The window oldest first, less its mean (filled by `judge`). */
  private readonly lin = new Float64Array(PERIOD_WINDOW);

  private judge(): void {
    const ring = this.ring;
    const lin = this.lin;
    const n = Math.min(this.count, PERIOD_WINDOW);
    // The window's oldest sample.
    const at = this.count - n;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += ring[(at + i) % PERIOD_WINDOW]!;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const d = ring[(at + i) % PERIOD_WINDOW]! - mean;
      lin[i] = d;
      v += d * d;
    }
    v /= n;
    this.varianceDeg2 = v;
    let best = 0;
    if (v > 1e-9) {
      for (let lag = MIN_LAG; lag <= Math.min(MAX_LAG, n >> 1); lag++) {
        let c = 0;
        for (let i = 0; i + lag < n; i++) c += lin[i]! * lin[i + lag]!;
        const r = c / ((n - lag) * v);
        if (r > best) best = r;
      }
    }
    this.periodicity = best;
  }

  reset(): void {
    this.count = 0;
    this.nextTMs = Number.NaN;
    this.periodicity = 0;
    this.varianceDeg2 = 0;
  }

  add(angleDeg: number, tMs: number): void {
    if (Number.isNaN(this.nextTMs) || tMs - this.nextTMs > MAX_HOLD_MS) {
      this.reset();
      this.nextTMs = tMs;
    }
    // Each step takes the latest angle at or before it.
    while (tMs >= this.nextTMs) {
      this.ring[this.count % PERIOD_WINDOW] = angleDeg;
      this.count++;
      this.nextTMs += STEP_MS;
      if (this.count >= FIRST_JUDGED && this.count % JUDGE_EVERY === 0) this.judge();
    }
  }
}
