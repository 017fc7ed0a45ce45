// The rep engine's front end, before the 1-euro filter: a Hampel filter that replaces outliers by
// the median of the last few samples, a noise meter that reads the angle's noise from its second
// differences (movement hardly shows in them, so it measures while the foot moves too), and a
// one-pole low-pass that the meter switches on when the angle is noisy.

/** Most samples in the Hampel window (the newest and the ones before it). */
export const HAMPEL_WINDOW = 7;
/**
 * The window spans at most about this long, seconds: at 10-15 fps a fast rep's peak lasts two or
 * three frames, and a longer window would take it for an outlier.
 */
const HAMPEL_SPAN_S = 0.25;
/** A sample further than this many robust standard deviations from the window's median is an outlier. */
const HAMPEL_K = 3;
/** ...and at least this far, degrees: a still window's tiny MAD must not flag ordinary jitter. */
const HAMPEL_FLOOR_DEG = 2;

export interface Hampel {
  /** The sample, or the window's median when the sample is an outlier; `dtS` the usual frame interval. */
  next(x: number, dtS: number): number;
  reset(): void;
}

/** A causal Hampel filter over the last `HAMPEL_WINDOW` samples; allocation-free per sample. */
export function createHampel(): Hampel {
  const win = new Float64Array(HAMPEL_WINDOW);
  const sorted = new Float64Array(HAMPEL_WINDOW);
  const dev = new Float64Array(HAMPEL_WINDOW);
  let n = 0;
  let at = 0;
  const medianOf = (a: Float64Array, len: number): number => {
    // Insertion sort of at most 7 values: cheaper than anything cleverer.
    for (let i = 1; i < len; i++) {
      const v = a[i]!;
      let j = i - 1;
      while (j >= 0 && a[j]! > v) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = v;
    }
    return len % 2 ? a[(len - 1) >> 1]! : (a[len / 2 - 1]! + a[len / 2]!) / 2;
  };
  return {
    next(x, dtS) {
      win[at] = x;
      at = (at + 1) % HAMPEL_WINDOW;
      if (n < HAMPEL_WINDOW) n++;
      const span = Math.min(n, HAMPEL_WINDOW, 1 + 2 * Math.max(1, Math.floor(HAMPEL_SPAN_S / 2 / dtS)));
      if (span < 3) return x;
      for (let i = 0; i < span; i++) sorted[i] = win[(at - 1 - i + 2 * HAMPEL_WINDOW) % HAMPEL_WINDOW]!;
      const med = medianOf(sorted, span);
      for (let i = 0; i < span; i++) dev[i] = Math.abs(sorted[i]! - med);
      const mad = medianOf(dev, span);
      const limit = Math.max(HAMPEL_FLOOR_DEG, HAMPEL_K * 1.4826 * mad);
      return Math.abs(x - med) <= limit ? x : med;
    },
    reset() {
      n = 0;
      at = 0;
    },
  };
}

/** Median |second difference| of white noise of standard deviation 1: 0.6745 x sqrt(6). */
const D2_MEDIAN_PER_SD = 0.6745 * Math.sqrt(6);
/** The running median moves by this share of itself per sample (about 2 s to halve at 30 fps). */
const MEDIAN_STEP = 0.02;

export interface NoiseMeter {
  add(tMs: number, x: number): void;
  /** After a gap: the next differences have no predecessors. */
  interrupt(): void;
  reset(): void;
  /** Estimated standard deviation of the sample noise, degrees. */
  readonly sdDeg: number;
}

/**
 * Reads white noise from the running median of |second differences|: a movement's corners and a
 * jump are rare samples, so the median keeps to the noise where a mean would take them in.
 */
export function createNoiseMeter(): NoiseMeter {
  let x1 = 0;
  let x2 = 0;
  let have = 0;
  let med = 0;
  let seen = 0;
  return {
    add(_tMs, x) {
      if (have >= 2) {
        const d = Math.abs(x - 2 * x1 + x2);
        // Start from the first differences themselves, then track the median multiplicatively.
        if (seen < 5) med += (d - med) / ++seen;
        else med += MEDIAN_STEP * Math.max(med, 0.01) * (d > med ? 1 : -1);
      }
      x2 = x1;
      x1 = x;
      if (have < 2) have++;
    },
    interrupt() {
      have = 0;
    },
    reset() {
      have = 0;
      med = 0;
      seen = 0;
    },
    get sdDeg() {
      return med / D2_MEDIAN_PER_SD;
    },
  };
}

/** Above this noise (degrees) the one-pole pre-filter smooths before the 1-euro filter. */
export const PRE_FILTER_FROM_DEG = 1.5;
/** The pre-filter's cutoff, Hz (two poles): above the fastest pump (70/min, 1.2 Hz). */
export const PRE_FILTER_HZ = 1.5;

/** Share of white noise's standard deviation left after two cascaded one-pole low-passes at `cutoffHz`. */
export function twoPoleNoiseShare(cutoffHz: number, dtS: number): number {
  const k = 2 * Math.PI * cutoffHz * dtS;
  const a = k / (1 + k);
  const b = 1 - a;
  // Impulse response of two equal poles: a^2 (n + 1) b^n; its energy in closed form.
  return Math.sqrt((a ** 4 * (1 + b * b)) / (1 - b * b) ** 3);
}
