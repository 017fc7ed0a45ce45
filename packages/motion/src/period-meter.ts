// Whether the angle repeats itself at a pump's period: a person pumping makes a periodic angle,
// landmark noise does not. The rep engine's noise bars come down while it does (noise-bars.ts).
// Allocation-free per sample; the autocorrelation is computed twice a second.

/** The angle is resampled at this interval, ms (the period is all that is looked for). */
const STEP_MS = 100;
/** ...over this many steps: the window the periodicity and the swing are read from (6 s). */
export const PERIOD_WINDOW = 60;
/** Lags looked at, in steps: a pump's period, 0.6 to 3 s (100 to 20 pumps a minute). */
const MIN_LAG = 6;
const MAX_LAG = 30;
/** Judged every this many steps (0.5 s). */
const JUDGE_EVERY = 5;
/** A gap longer than this (ms) starts the window again; shorter ones hold the last angle. */
const MAX_HOLD_MS = 2000;

export interface PeriodMeter {
  /** One sample of the angle (degrees) at `tMs`. */
  add(angleDeg: number, tMs: number): void;
  reset(): void;
  /**
   * The largest autocorrelation of the window's angle at a lag of 0.6-3 s, 0..1 (0 until the
   * window is full): near 0 for noise, 0.5-0.9 for pumps at a steady pace.
   */
  readonly periodicity: number;
  /** The window's variance, degrees squared (0 until it is full). */
  readonly varianceDeg2: number;
}

export function createPeriodMeter(): PeriodMeter {
  const ring = new Float64Array(PERIOD_WINDOW);
  let count = 0;
  let nextTMs = Number.NaN;
  let periodicity = 0;
  let varianceDeg2 = 0;

  /** The window oldest first, less its mean (filled by `judge`). */
  const lin = new Float64Array(PERIOD_WINDOW);

  const judge = () => {
    const n = PERIOD_WINDOW;
    // The ring's next slot is its oldest sample.
    const at = count % n;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += ring[i]!;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const d = ring[(at + i) % n]! - mean;
      lin[i] = d;
      v += d * d;
    }
    v /= n;
    varianceDeg2 = v;
    let best = 0;
    if (v > 1e-9) {
      for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) {
        let c = 0;
        for (let i = 0; i + lag < n; i++) c += lin[i]! * lin[i + lag]!;
        const r = c / ((n - lag) * v);
        if (r > best) best = r;
      }
    }
    periodicity = best;
  };

  const reset = () => {
    count = 0;
    nextTMs = Number.NaN;
    periodicity = 0;
    varianceDeg2 = 0;
  };

  return {
    add(angleDeg, tMs) {
      if (Number.isNaN(nextTMs) || tMs - nextTMs > MAX_HOLD_MS) {
        reset();
        nextTMs = tMs;
      }
      // Each step takes the latest angle at or before it.
      while (tMs >= nextTMs) {
        ring[count % PERIOD_WINDOW] = angleDeg;
        count++;
        nextTMs += STEP_MS;
        if (count >= PERIOD_WINDOW && count % JUDGE_EVERY === 0) judge();
      }
    },
    reset,
    get periodicity() {
      return periodicity;
    },
    get varianceDeg2() {
      return varianceDeg2;
    },
  };
}
