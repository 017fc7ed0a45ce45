// The rep engine's front end, before the 1-euro filter: a Hampel filter that replaces outliers by
// the median of the last few samples, a noise meter that reads the angle's noise from its second
// differences (movement hardly shows in them, so it measures while the foot moves too), and a
// one-pole low-pass that the meter switches on when the angle is noisy.

/** Samples in the Hampel window (the newest and the ones before it). */
export const HAMPEL_WINDOW = 7;
/** A sample further than this many robust standard deviations from the window's median is an outlier. */
const HAMPEL_K = 3;
/** ...and at least this far, degrees: a still window's tiny MAD must not flag ordinary jitter. */
const HAMPEL_FLOOR_DEG = 2;

export interface Hampel {
  /** The sample, or the window's median when the sample is an outlier. */
  next(x: number): number;
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
    next(x) {
      win[at] = x;
      at = (at + 1) % HAMPEL_WINDOW;
      if (n < HAMPEL_WINDOW) n++;
      if (n < 3) return x;
      for (let i = 0; i < n; i++) sorted[i] = win[i]!;
      const med = medianOf(sorted, n);
      for (let i = 0; i < n; i++) dev[i] = Math.abs(win[i]! - med);
      const mad = medianOf(dev, n);
      const limit = Math.max(HAMPEL_FLOOR_DEG, HAMPEL_K * 1.4826 * mad);
      return Math.abs(x - med) <= limit ? x : med;
    },
    reset() {
      n = 0;
      at = 0;
    },
  };
}

/** Time constant of the noise meter's average, seconds. */
const ROUGH_TAU_S = 3;
/** Mean |second difference| of white noise of standard deviation 1: sqrt(6) * sqrt(2/pi). */
const D2_PER_SD = Math.sqrt(6) * Math.sqrt(2 / Math.PI);
/** One second difference counts at most this many times the current estimate (a jump is not noise). */
const ROUGH_CLIP = 4;

export interface NoiseMeter {
  add(tMs: number, x: number): void;
  /** After a gap: the next differences have no predecessors. */
  interrupt(): void;
  reset(): void;
  /** Estimated standard deviation of the sample noise, degrees. */
  readonly sdDeg: number;
}

/** Reads white noise from second differences, averaged over about `ROUGH_TAU_S`. */
export function createNoiseMeter(): NoiseMeter {
  let x1 = 0;
  let x2 = 0;
  let t1 = 0;
  let have = 0;
  let meanAbs = 0;
  let weight = 0;
  return {
    add(tMs, x) {
      if (have >= 2 && tMs > t1) {
        const d = Math.abs(x - 2 * x1 + x2);
        const cap = weight > 0.5 ? ROUGH_CLIP * Math.max(meanAbs, 0.5) : Number.POSITIVE_INFINITY;
        const k = Math.min(1, (tMs - t1) / 1000 / ROUGH_TAU_S);
        weight = Math.min(1, weight + k);
        // Until the first seconds are in, a plain running mean (no bias toward the zero start).
        const w = Math.max(k, k / weight);
        meanAbs += Math.min(1, w) * (Math.min(d, cap) - meanAbs);
      }
      x2 = x1;
      x1 = x;
      t1 = tMs;
      if (have < 2) have++;
    },
    interrupt() {
      have = 0;
    },
    reset() {
      have = 0;
      meanAbs = 0;
      weight = 0;
    },
    get sdDeg() {
      return meanAbs / D2_PER_SD;
    },
  };
}

/** Above this noise (degrees) the one-pole pre-filter smooths before the 1-euro filter. */
export const PRE_FILTER_FROM_DEG = 1.5;
/** The pre-filter's cutoff, Hz: above the fastest pump (70/min) with room for its harmonics. */
export const PRE_FILTER_HZ = 2.5;

/** Share of white noise's standard deviation left after a one-pole low-pass at `cutoffHz`. */
export function onePoleNoiseShare(cutoffHz: number, dtS: number): number {
  const k = 2 * Math.PI * cutoffHz * dtS;
  const a = k / (1 + k);
  return Math.sqrt(a / (2 - a));
}
