// The rep engine's front end: a Hampel filter that replaces outliers by the local median, two noise
// meters (turning-point and frame-to-frame, both read while the foot moves too) and a two-pole
// low-pass the frame-to-frame one switches on; `createAngleChain` runs them before the 1-euro filter.

import { createOneEuroFilter, type OneEuroOptions } from './one-euro-filter.ts';

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

/** A sample within this share of its distance from the median of the sample before it continues it. */
const CONTINUES = 0.5;

export interface Hampel {
  /** The sample, or the window's median when the sample is an outlier; `dtS` the usual frame interval. */
  next(x: number, dtS: number): number;
  reset(): void;
}

/** The median of the first `len` values of `a`, which it sorts in place (allocation-free). */
function medianInPlace(a: Float64Array, len: number): number {
  // Insertion sort of a handful of values: cheaper than anything cleverer.
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
}

/** A causal Hampel filter over the last `HAMPEL_WINDOW` samples; allocation-free per sample. */
export function createHampel(): Hampel {
  const win = new Float64Array(HAMPEL_WINDOW);
  const sorted = new Float64Array(HAMPEL_WINDOW);
  const dev = new Float64Array(HAMPEL_WINDOW);
  let n = 0;
  let at = 0;
  let last = 0;
  let prevRaw = Number.NaN;
  const judge = (x: number, dtS: number): number => {
    const before = prevRaw;
    prevRaw = x;
    win[at] = x;
    at = (at + 1) % HAMPEL_WINDOW;
    if (n < HAMPEL_WINDOW) n++;
    const span = Math.min(n, HAMPEL_WINDOW, 1 + 2 * Math.max(1, Math.floor(HAMPEL_SPAN_S / 2 / dtS)));
    if (span < 3) return x;
    // A sample within the floor of the last one given out is no outlier: skip the sorts (most samples).
    if (Math.abs(x - last) <= HAMPEL_FLOOR_DEG) return x;
    for (let i = 0; i < span; i++) sorted[i] = win[(at - 1 - i + 2 * HAMPEL_WINDOW) % HAMPEL_WINDOW]!;
    const med = medianInPlace(sorted, span);
    // Within the floor it is never an outlier: skip the second sort.
    if (Math.abs(x - med) <= HAMPEL_FLOOR_DEG) return x;
    for (let i = 0; i < span; i++) dev[i] = Math.abs(sorted[i]! - med);
    const mad = medianInPlace(dev, span);
    const limit = Math.max(HAMPEL_FLOOR_DEG, HAMPEL_K * 1.4826 * mad);
    if (Math.abs(x - med) <= limit) return x;
    // Nearer the sample before it than the median: two samples agree, so the foot is on its way
    // (a fast pump's leading samples), not a one-frame spike, which the sample before never shares.
    // A 7-deg pump at 28 Hz had its toes-down end cut to 2.7 deg and was not counted. Stress set
    // tuning seeds, camera, 32 a family: 117 -> 120 of 288 exact, spurious reps on resting feet
    // 20 -> 19; phone 147 of 192 either way.
    return Math.abs(x - before) <= CONTINUES * Math.abs(x - med) ? x : med;
  };
  return {
    next(x, dtS) {
      last = judge(x, dtS);
      return last;
    },
    reset() {
      n = 0;
      at = 0;
      prevRaw = Number.NaN;
    },
  };
}

/** The noise meter's second differences span this lag, seconds: the time scale of a turning point. */
const NOISE_LAG_S = 0.15;
/** ...and at least this many samples: at 10 fps one or two frames are too short to see the noise. */
const MIN_LAG = 3;
/** Most samples the lag may span (a 200 Hz sensor). */
const LAG_RING = 64;
/** The meter tracks this quantile of |second difference| (low: a movement's curvature stays out). */
const NOISE_Q = 0.25;
/** That quantile of |second difference| of white noise of standard deviation 1: 0.3186 x sqrt(6). */
const D2_Q_PER_SD = 0.3186 * Math.sqrt(6);
/** The meter learns only while the angle stays within this many noise SDs over 2L (or STILL_MIN_DEG). */
const STILL_K = 5;
const STILL_MIN_DEG = 4;
/**
 * A sensor's angle (a phone's orientation) has noise of hundredths of a degree, and within 4 deg
 * over 0.3 s a small pump's turning points passed for stillness: a wearer pumping 7-9 deg without
 * a rest raised the meter rep by rep (its rep bar reached 9 deg after ten reps, and every later rep
 * went uncounted). Stress set tuning seeds (IMU, 32 a family), reps counted wrong in all: 4 deg
 * 114, 2 deg 104, 1 deg 101, 0.5 deg 100 (exact sets 147 of 192 at each).
 */
export const SENSOR_STILL_MIN_DEG = 1;
/** The seed's cap is read from this many one-sample third differences... */
const SEED_SAMPLES = 8;
/**
 * ...as this many times their median: 0.7 x the median |d| of white noise matches the running
 * mean's seed (0.6 x the mean |d|), and a median leaves stray large differences out (an outlier
 * the Hampel filter let through, the kink where a swing starts).
 */
const FINE_PER_MEDIAN = 0.7;
/** A third difference of white noise has sqrt(20) its SD, a second difference sqrt(6): this rescales. */
const D3_TO_D2 = Math.sqrt(6 / 20);

/** The running quantile moves by this share of itself per sample. */
const Q_STEP = 0.02;

export interface NoiseMeter {
  /** `dtS`: the usual sample interval, seconds (sets the lag in samples). */
  add(x: number, dtS: number): void;
  /** After a gap: the next differences have no predecessors. */
  interrupt(): void;
  reset(): void;
  /** Estimated standard deviation of the angle's noise at the turning-point time scale, degrees. */
  readonly sdDeg: number;
}

/** The lag L in samples at the usual interval `dtS`: about NOISE_LAG_S, at least MIN_LAG. */
const lagSamples = (dtS: number) =>
  Math.max(MIN_LAG, Math.min((LAG_RING - 1) >> 1, Math.round(NOISE_LAG_S / dtS)));

/**
 * The running lower quartile both meters track: the first eight differences seed it with a running
 * mean (0.6 x the mean |d| is near their lower quartile), at most `capD` each time; then it moves
 * multiplicatively toward the quantile.
 */
function createQuartile() {
  let q = 0;
  let seen = 0;
  let seedMean = 0;
  return {
    learn(d: number, capD = Number.POSITIVE_INFINITY): void {
      if (seen < 8) {
        seedMean += (0.6 * d - seedMean) / ++seen;
        q = Math.min(seedMean, capD);
      } else q += Q_STEP * Math.max(q, 0.01) * (d > q ? NOISE_Q : NOISE_Q - 1);
    },
    /** Past its seed. */
    get seeded() {
      return seen >= 8;
    },
    get value() {
      return q;
    },
    reset(): void {
      q = 0;
      seen = 0;
      seedMean = 0;
    },
  };
}

/**
 * Reads the noise from the running lower quartile of |x(t) - 2 x(t-L) + x(t-2L)| with L about
 * 0.15 s: white noise and noise correlated over a tenth of a second both show in it, a still
 * foot's and a hold's samples set it, and a movement's curvature (rarer than the quartile) does not.
 * Its seed is capped by the first one-sample third differences, which a movement hardly shows.
 */

export function createNoiseMeter(stillMinDeg = STILL_MIN_DEG): NoiseMeter {
  const ring = new Float64Array(LAG_RING);
  const fine = new Float64Array(SEED_SAMPLES);
  const quartile = createQuartile();
  let n = 0;
  let fineSeen = 0;
  let fineQ = 0;
  return {
    add(x, dtS) {
      const lag = lagSamples(dtS);
      ring[n % LAG_RING] = x;
      n++;
      if (fineSeen < SEED_SAMPLES && n >= 4) {
        // One-sample third differences: white noise shows in them as fully as in second
        // differences at the lag, but a movement hardly does (a 1 Hz pump at 15 fps shows 0.07 of
        // its amplitude in them, 1.4 times it at the lag).
        const d3 =
          x - 3 * ring[(n - 2) % LAG_RING]! + 3 * ring[(n - 3) % LAG_RING]! - ring[(n - 4) % LAG_RING]!;
        fine[fineSeen++] = D3_TO_D2 * Math.abs(d3);
        if (fineSeen === SEED_SAMPLES) fineQ = FINE_PER_MEDIAN * medianInPlace(fine, SEED_SAMPLES);
      }
      if (n <= 2 * lag) return;
      const x2 = ring[(n - 1 - 2 * lag) % LAG_RING]!;
      const d = Math.abs(x - 2 * ring[(n - 1 - lag) % LAG_RING]! + x2);
      // While the angle travels further than the noise could take it, the foot is moving: its
      // curvature would read as noise (a fast mover at 10 fps never leaves the lower quartile).
      const q = quartile.value;
      if (quartile.seeded && Math.abs(x - x2) > Math.max(STILL_K * (q / D2_Q_PER_SD), stillMinDeg)) return;
      // The seed is at most the one-sample third differences' reading: a recording that starts
      // swinging before it has rested would otherwise seed on the swing's curvature, and no rep
      // would clear the noise floor.
      quartile.learn(d, fineSeen === SEED_SAMPLES ? fineQ : Number.POSITIVE_INFINITY);
    },
    interrupt() {
      n = 0;
    },
    reset() {
      n = 0;
      quartile.reset();
      fineSeen = 0;
      fineQ = 0;
    },
    get sdDeg() {
      return quartile.value / D2_Q_PER_SD;
    },
  };
}

/** That quantile of |third difference| of white noise of standard deviation 1: 0.3186 x sqrt(20). */
const D3_Q_PER_SD = 0.3186 * Math.sqrt(20);
/**
 * The sample meter's first readings come only from samples whose angle travelled less than this
 * over a turning point's time scale, degrees: a recording that starts swinging at once (0.4 s of
 * rest at 15 fps) must not seed it with the swing's curvature, and a very noisy one must still seed.
 * 10 on the stress set's tuning seeds (camera, 16 a family): 45 exact of 144 and 29 spurious reps on
 * resting feet; 4 gave 46 and 36, 6 gave 41 and 35, 20 lost a rep of that 15-fps recording.
 */
const SEED_TRAVEL_DEG = 10;

/**
 * The frame-to-frame noise, from one-sample third differences x(t) - 3x(t-1) + 3x(t-2) - x(t-3):
 * white jitter shows in them in full, a slow wander (a restless person's fidget, jitter correlated
 * over a tenth of a second) and a pump's own curvature much less (a 1 Hz pump at 15 fps shows
 * 0.07 of its amplitude in them). It is the noise that opens the 1-euro filter's cutoff, so it is
 * what may switch the pre-filter on. Same running lower quartile and stillness gate as the meter.
 */
export function createSampleNoiseMeter(): NoiseMeter {
  const ring = new Float64Array(LAG_RING);
  const mask = LAG_RING - 1;
  const quartile = createQuartile();
  let n = 0;
  return {
    add(x, dtS) {
      const lag = lagSamples(dtS);
      ring[n & mask] = x;
      n++;
      if (n <= 2 * lag) return;
      const d = Math.abs(x - 3 * ring[(n - 2) & mask]! + 3 * ring[(n - 3) & mask]! - ring[(n - 4) & mask]!);
      // Where the angle travels further than the noise could take it over a turning point's time
      // scale, the foot moves, and at 10-15 fps its curvature would read as noise.
      // Until it has a reading, a foot that travels more than SEED_TRAVEL_DEG does not teach it.
      const gate = quartile.seeded
        ? Math.max(STILL_K * (quartile.value / D3_Q_PER_SD), STILL_MIN_DEG)
        : SEED_TRAVEL_DEG;
      const travel = Math.max(
        Math.abs(x - ring[(n - 1 - lag) & mask]!),
        Math.abs(x - ring[(n - 1 - 2 * lag) & mask]!),
      );
      if (travel <= gate) quartile.learn(d);
    },
    interrupt() {
      n = 0;
    },
    reset() {
      n = 0;
      quartile.reset();
    },
    get sdDeg() {
      return quartile.seeded ? quartile.value / D3_Q_PER_SD : 0;
    },
  };
}

/**
 * Above this frame-to-frame noise (degrees, `createSampleNoiseMeter`) the pre-filter smooths before
 * the 1-euro filter. It was switched by the turning-point meter, which a restless person's fidget
 * and slow jitter also raise: fast pumps with little jitter were filtered flat (a 30-deg pump whose
 * moves take 0.15 s came out 11 deg) and not counted.
 */
export const PRE_FILTER_FROM_DEG = 1.5;
/**
 * The pre-filter's cutoff, Hz (two poles). 2 traded best while the noise bars were multiples of the
 * whole noise; since they count what the pre-filter lets through of white jitter (noise-bars.ts), a
 * wider one raises them with the noise it lets in, and 3 is better on both counts (stress set tuning
 * seeds, camera, 64 a family: 2, 2.5, 3, 4 and 5 Hz gave 207, 214, 215, 215 and 212 exact of 576
 * with 38, 40, 35, 35 and 29 spurious reps on resting feet). History in the package README.
 */
export const PRE_FILTER_HZ = 3;

/** Each pre-filter stage moves this share of the way to its input over a step of `stepS` seconds. */
function preFilterStep(stepS: number): number {
  const k = 2 * Math.PI * PRE_FILTER_HZ * stepS;
  return k / (1 + k);
}

/**
 * The share of white noise's variance the pre-filter (two one-pole stages at PRE_FILTER_HZ) lets
 * through at the sample interval `dtS`: its impulse response is a^2 (n + 1) b^n, b = 1 - a, whose
 * squares sum to a^4 (1 + b^2) / (1 - b^2)^3.
 */
export function preFilterWhiteGain(dtS: number): number {
  const a = preFilterStep(dtS);
  const b2 = (1 - a) * (1 - a);
  return Math.min(1, (a ** 4 * (1 + b2)) / (1 - b2) ** 3);
}

/** The rep engine's angle before its state machine: despiked, metered, pre-filtered, 1-euro filtered. */
export interface AngleChain {
  /** One usable sample at `tMs`: returns the filtered angle (`despikedDeg` holds the despiked one). */
  next(angleDeg: number, tMs: number): number;
  /** The last sample with its outliers replaced, degrees. */
  readonly despikedDeg: number;
  /** The angle's noise at a turning point's time scale (`createNoiseMeter`), degrees. */
  readonly noiseSdDeg: number;
  /**
   * The same noise split in two, as variances (degrees squared): the frame-to-frame (white) part
   * (`createSampleNoiseMeter`, at most the whole) and the rest, correlated over more than a frame.
   * Smoothing over n frames divides the white part by about n and leaves the rest.
   */
  readonly whiteVarDeg2: number;
  readonly correlatedVarDeg2: number;
  /** The usual sample interval, seconds. */
  readonly dtS: number;
  /** Whether the pre-filter smooths now (the frame-to-frame noise is above PRE_FILTER_FROM_DEG). */
  readonly preFiltering: boolean;
  /** After a gap: the filters start again from the next sample; the meters keep what they learned. */
  interrupt(): void;
  reset(): void;
}

/** Creates the chain with the 1-euro filter's options (validated by the caller). */
export function createAngleChain(filterOptions: OneEuroOptions, stillMinDeg = STILL_MIN_DEG): AngleChain {
  const filter = createOneEuroFilter(filterOptions);
  const despike = createHampel();
  const noise = createNoiseMeter(stillMinDeg);
  /** The frame-to-frame part of the noise: it switches the pre-filter. */
  const sampleNoise = createSampleNoiseMeter();
  let preDeg = Number.NaN;
  let pre1Deg = 0;
  let preTMs = 0;
  let dtS = 1 / 30;
  let despikedDeg = 0;
  // The meters' readings, taken once per sample (the rep engine reads them several times a sample).
  let noiseSdDeg = 0;
  let whiteVarDeg2 = 0;
  let preFiltering = false;
  const read = () => {
    noiseSdDeg = noise.sdDeg;
    const sampleSdDeg = sampleNoise.sdDeg;
    const w = Math.min(sampleSdDeg, noiseSdDeg);
    whiteVarDeg2 = w * w;
    preFiltering = sampleSdDeg > PRE_FILTER_FROM_DEG;
  };
  return {
    next(angleDeg, t) {
      despikedDeg = despike.next(angleDeg, dtS);
      noise.add(despikedDeg, dtS);
      sampleNoise.add(despikedDeg, dtS);
      read();
      // A noisy angle is low-passed before the 1-euro filter, whose cutoff noise would otherwise open.
      if (Number.isNaN(preDeg) || !(t > preTMs)) {
        preDeg = despikedDeg;
        pre1Deg = despikedDeg;
      } else {
        const stepS = (t - preTMs) / 1000;
        dtS += 0.05 * (Math.min(stepS, 0.2) - dtS);
        if (preFiltering) {
          const a = preFilterStep(stepS);
          pre1Deg += a * (despikedDeg - pre1Deg);
          preDeg += a * (pre1Deg - preDeg);
        } else {
          pre1Deg = despikedDeg;
          preDeg = despikedDeg;
        }
      }
      preTMs = t;
      return filter.filter(preDeg, t);
    },
    get despikedDeg() {
      return despikedDeg;
    },
    get noiseSdDeg() {
      return noiseSdDeg;
    },
    get whiteVarDeg2() {
      return whiteVarDeg2;
    },
    get correlatedVarDeg2() {
      return noiseSdDeg * noiseSdDeg - whiteVarDeg2;
    },
    get dtS() {
      return dtS;
    },
    get preFiltering() {
      return preFiltering;
    },
    interrupt() {
      filter.reset();
      noise.interrupt();
      sampleNoise.interrupt();
      despike.reset();
      preDeg = Number.NaN;
    },
    reset() {
      despike.reset();
      noise.reset();
      sampleNoise.reset();
      preDeg = Number.NaN;
      dtS = 1 / 30;
      read();
      filter.reset();
    },
  };
}
