// The rep engine's front end: a Hampel filter that replaces outliers by the local median, the two
// noise meters (noise-meter.ts) and a two-pole low-pass the frame-to-frame one switches on;
// `createAngleChain` runs them before the 1-euro filter.

import {
  createNoiseMeter,
  createSampleNoiseMeter,
  medianInPlace,
  type NoiseMeter,
  STILL_MIN_DEG,
} from './noise-meter.ts';
import { createOneEuroFilter, type OneEuroFilter, type OneEuroOptions } from './one-euro-filter.ts';
import { createPeriodMeter, STRONGLY_PERIODIC } from './period-meter.ts';
import { createRigidNoise } from './rigid-noise.ts';

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
/**
 * A replaced sample is confirmed by the next one on its side of the median it was replaced by, at
 * least this share as far from it (a spike's next sample is back near the median). Stress set tuning
 * seeds (camera, 64 a family), exact / reps counted wrong: 0.3, 0.5 and 0.8 gave 348 / 1,055, 347 /
 * 1,042 and 348 / 1,081 (347 / 1,098 without), spurious reps on resting feet 38, 37 and 43 (36).
 */
const CONFIRMS = 0.5;

export interface Hampel {
  /** The sample, or the window's median when the sample is an outlier; `dtS` the usual frame interval. */
  next(x: number, dtS: number): number;
  /**
   * After `next`: the sample before this one, as it came, when `next` replaced it and this sample
   * shows it was the foot setting off (it carries on to that side); NaN otherwise.
   */
  readonly confirmedDeg: number;
  reset(): void;
}

/** A causal Hampel filter over the last `HAMPEL_WINDOW` samples; allocation-free per sample. */
export function createHampel(): Hampel {
  return new HampelFilter();
}

/**
 * `createHampel`'s filter: a class, so that its methods are the same for every instance and the
 * compiler inlines them (per-instance closures it calls, passing each double boxed).
 */
class HampelFilter implements Hampel {
  private readonly win = new Float64Array(HAMPEL_WINDOW);
  private readonly sorted = new Float64Array(HAMPEL_WINDOW);
  private readonly dev = new Float64Array(HAMPEL_WINDOW);
  private n = 0;
  private at = 0;
  private last = 0;
  private prevRaw = Number.NaN;
  /** The last sample as it came when it was replaced (by `last`, the median), else NaN. */
  private replacedRaw = Number.NaN;
  confirmedDeg = Number.NaN;
  /** The last sample was beyond the limit and kept only because the one before it agreed. */
  private continued = false;
  private judge(x: number, dtS: number): number {
    this.continued = false;
    const win = this.win;
    const sorted = this.sorted;
    const dev = this.dev;
    const before = this.prevRaw;
    this.prevRaw = x;
    win[this.at] = x;
    const at = (this.at + 1) % HAMPEL_WINDOW;
    this.at = at;
    if (this.n < HAMPEL_WINDOW) this.n++;
    const span = Math.min(this.n, HAMPEL_WINDOW, 1 + 2 * Math.max(1, Math.floor(HAMPEL_SPAN_S / 2 / dtS)));
    if (span < 3) return x;
    // A sample within the floor of the last one given out is no outlier: skip the sorts (most samples).
    if (Math.abs(x - this.last) <= HAMPEL_FLOOR_DEG) return x;
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
    this.continued = Math.abs(x - before) <= CONTINUES * Math.abs(x - med);
    return this.continued ? x : med;
  }
  next(x: number, dtS: number): number {
    // What the last sample was replaced by, if it was: `judge` reads `last` and leaves it.
    const med = this.last;
    const y = this.judge(x, dtS);
    // A replaced sample this one carries on from, as far again from the median it was replaced by
    // on the same side, was the foot setting off, not a spike (which the next sample leaves).
    const raw = this.replacedRaw;
    this.confirmedDeg =
      y === x &&
      !this.continued &&
      (raw - med) * (x - med) > 0 &&
      Math.abs(x - med) >= CONFIRMS * Math.abs(raw - med)
        ? raw
        : Number.NaN;
    this.replacedRaw = y === x ? Number.NaN : x;
    this.last = y;
    return y;
  }
  reset(): void {
    this.n = 0;
    this.at = 0;
    this.prevRaw = Number.NaN;
    this.replacedRaw = Number.NaN;
    this.confirmedDeg = Number.NaN;
  }
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
  /**
   * One usable sample at `tMs`: returns the filtered angle (`despikedDeg` holds the despiked one).
   * `footLen` and `shankLen`: the lengths of the lines the angle came from (rigid-noise.ts), or NaN.
   */
  next(angleDeg: number, tMs: number, footLen?: number, shankLen?: number): number;
  /** The last sample with its outliers replaced, degrees. */
  readonly despikedDeg: number;
  /**
   * The angle's noise at a turning point's time scale, degrees: the noise meter's reading
   * (`createNoiseMeter`), at most RIGID_CAP times what the lengths' jitter says the points give it.
   */
  readonly noiseSdDeg: number;
  /**
   * The noise meter's own reading, degrees: the noise and whatever of the movement it cannot tell
   * from noise (a quick pump's turns at a low frame rate). At least `noiseSdDeg`; how unsteady the
   * angle looks, where `noiseSdDeg` is how noisy the points are.
   */
  readonly unsteadySdDeg: number;
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
  /**
   * Whether the pre-filtered angle repeats itself at a pump's period over the last 6 s (0..1), and
   * its variance there, degrees squared (`createPeriodMeter`; both 0 until 3 s were seen).
   */
  readonly periodicity: number;
  readonly swingVarDeg2: number;
  /** After a gap: the filters start again from the next sample; the meters keep what they learned. */
  interrupt(): void;
  reset(): void;
}

/**
 * The noise meter's reading is held to at most this many times the noise the foot's and shank's
 * lengths show (rigid-noise.ts), scaled by how much more the angle jitters from frame to frame than
 * they do (1 for a detector whose noise is the same in every direction): where the meter reads
 * more, the foot's movement is in it. Not at 1, so that where the two agree within this the meter
 * is kept. Stress set tuning seeds (camera, 64 a family), exact sets / spurious reps on resting
 * feet / reps counted wrong: without it 248 / 39 / 1,604; 1.15, 1.3 and 1.5 gave 255 / 43 / 1,495,
 * 252 / 42 / 1,543 and 251 / 40 / 1,562 (the same trade as every bar; 1.3 keeps a margin for a
 * detector whose noise is not the same in every direction). The phone's sets are unchanged (no
 * lengths). Without the frame-to-frame scaling, noise that turns the foot line without stretching
 * it (a resting foot in rigid-noise.test.ts) made 109 spurious reps in 12 minutes.
 */
export const RIGID_CAP = 1.3;
/** Lengths whose frame-to-frame jitter reads below this, degrees, are not a detector's (see `read`). */
const RIGID_QUIET_DEG = 0.05;

/** Creates the chain with the 1-euro filter's options (validated by the caller). */
export function createAngleChain(filterOptions: OneEuroOptions, stillMinDeg = STILL_MIN_DEG): AngleChain {
  return new Chain(createOneEuroFilter(filterOptions), stillMinDeg);
}

/**
 * `createAngleChain`'s chain. A class, not an object literal with getters: V8 builds such a literal
 * in dictionary mode, and every read of it (the rep engine reads the chain several times a sample)
 * is then a slow lookup the compiler cannot inline.
 */
class Chain implements AngleChain {
  private readonly despike = createHampel();
  private readonly noise: NoiseMeter;
  /** The frame-to-frame part of the noise: it switches the pre-filter. */
  private readonly sampleNoise = createSampleNoiseMeter();
  private readonly period = createPeriodMeter();
  private readonly rigid = createRigidNoise();
  private preDeg = Number.NaN;
  private pre1Deg = 0;
  private preTMs = 0;
  /** The pre-filter's stages before the last sample, and that sample's step (to redo it). */
  private prevPreDeg = Number.NaN;
  private prevPre1Deg = 0;
  private prevStepS = 0;
  dtS = 1 / 30;
  despikedDeg = 0;
  // The meters' readings, taken once per sample (the rep engine reads them several times a sample).
  noiseSdDeg = 0;
  whiteVarDeg2 = 0;
  preFiltering = false;

  constructor(
    private readonly filter: OneEuroFilter,
    stillMinDeg: number,
  ) {
    this.noise = createNoiseMeter(stillMinDeg);
  }

  private read(): void {
    // The lengths speak for the angle's noise only as far as their frame-to-frame jitter matches the
    // angle's (which a movement hardly shows): noise that turns the foot line more than it
    // stretches it (a pose model's points erring together) leaves them quieter, and the cap loosens
    // by as much; lengths that do not jitter at all (drawn, not detected) say nothing.
    const meterSdDeg = this.noise.sdDeg;
    const sampleSdDeg = this.sampleNoise.sdDeg;
    const rigidSampleSdDeg = this.rigid.sampleSdDeg;
    this.noiseSdDeg =
      rigidSampleSdDeg > RIGID_QUIET_DEG
        ? Math.min(meterSdDeg, RIGID_CAP * Math.max(1, sampleSdDeg / rigidSampleSdDeg) * this.rigid.sdDeg)
        : meterSdDeg;
    const w = Math.min(sampleSdDeg, this.noiseSdDeg);
    this.whiteVarDeg2 = w * w;
    this.preFiltering = sampleSdDeg > PRE_FILTER_FROM_DEG;
  }

  next(angleDeg: number, t: number, footLen = Number.NaN, shankLen = Number.NaN): number {
    const despikedDeg = this.despike.next(angleDeg, this.dtS);
    this.despikedDeg = despikedDeg;
    this.rigid.add(footLen, shankLen, this.dtS);
    this.noise.add(despikedDeg, this.dtS);
    this.sampleNoise.add(despikedDeg, this.dtS);
    this.read();
    // A noisy angle is low-passed before the 1-euro filter, whose cutoff noise would otherwise open.
    if (Number.isNaN(this.preDeg) || !(t > this.preTMs)) {
      this.preDeg = despikedDeg;
      this.pre1Deg = despikedDeg;
      this.prevPreDeg = Number.NaN;
    } else {
      const stepS = (t - this.preTMs) / 1000;
      this.dtS += 0.05 * (Math.min(stepS, 0.2) - this.dtS);
      const confirmed = this.despike.confirmedDeg;
      if (this.preFiltering && !Number.isNaN(confirmed) && !Number.isNaN(this.prevPreDeg)) {
        // The last sample was the foot setting off after all: its step taken again with it as it came.
        this.pre1Deg = this.prevPre1Deg;
        this.preDeg = this.prevPreDeg;
        this.preFilter(confirmed, this.prevStepS);
      }
      this.prevPreDeg = this.preDeg;
      this.prevPre1Deg = this.pre1Deg;
      this.prevStepS = stepS;
      if (this.preFiltering) this.preFilter(despikedDeg, stepS);
      else {
        this.pre1Deg = despikedDeg;
        this.preDeg = despikedDeg;
      }
    }
    this.preTMs = t;
    const preDeg = this.preDeg;
    this.period.add(preDeg, t);
    const filteredDeg = this.filter.filter(preDeg, t);
    // While the pre-filter smooths and the angle plainly repeats at a pump's pace, the pre-filter's
    // smoothing is all it gets: noise does not repeat itself, and the 1-euro filter's lag, on top
    // of the pre-filter's, flattened quick pumps with no hold (a 0.15-s move of a 32-deg pump came
    // out 10 deg). The 1-euro filter keeps running, so the angle is its own again the moment the
    // repetition stops. Stress set tuning seeds (camera, 64 a family), exact / spurious reps on
    // resting feet / reps counted wrong: 241 / 40 / 1,666 -> 246 / 39 / 1,609 (at 0.6: 248 / 40 /
    // 1,592; at 0.5, 32 a family, 134 / 29 / 753 against 130 / 22 / 817); without the pre-filter
    // too, 32 a family, 126 / 22 / 800.
    return this.preFiltering && this.period.periodicity >= STRONGLY_PERIODIC ? preDeg : filteredDeg;
  }
  /** One step of the pre-filter's two one-pole stages towards `x`, over `stepS` seconds. */
  private preFilter(x: number, stepS: number): void {
    const a = preFilterStep(stepS);
    this.pre1Deg += a * (x - this.pre1Deg);
    this.preDeg += a * (this.pre1Deg - this.preDeg);
  }
  get unsteadySdDeg(): number {
    return this.noise.sdDeg;
  }
  get correlatedVarDeg2(): number {
    return this.noiseSdDeg * this.noiseSdDeg - this.whiteVarDeg2;
  }
  get periodicity(): number {
    return this.period.periodicity;
  }
  get swingVarDeg2(): number {
    return this.period.varianceDeg2;
  }
  interrupt(): void {
    this.filter.reset();
    this.noise.interrupt();
    this.sampleNoise.interrupt();
    this.rigid.interrupt();
    this.despike.reset();
    this.preDeg = Number.NaN;
  }
  reset(): void {
    this.despike.reset();
    this.noise.reset();
    this.sampleNoise.reset();
    this.rigid.reset();
    this.preDeg = Number.NaN;
    this.period.reset();
    this.dtS = 1 / 30;
    this.read();
    this.filter.reset();
  }
}
