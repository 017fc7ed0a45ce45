// The angle's noise, read while the foot moves too: the turning-point meter (second differences
// at a pump's turning-point time scale) and the frame-to-frame meter (one-sample third differences)
// that switches the pre-filter. Split from the front end (angle-front-end.ts), which runs them.

/** The median of the first `len` values of `a`, which it sorts in place (allocation-free). */
export function medianInPlace(a: Float64Array, len: number): number {
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
export const STILL_MIN_DEG = 4;
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
 * mean's seed (0.6 x the mean |d|, 1.5 times the quartile), and a median leaves stray large
 * differences out (an outlier the Hampel filter let through, the kink where a swing starts).
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
 * mean, at most `capD` each time; then it moves multiplicatively toward the quantile. The seed,
 * 0.6 x the mean |d|, is 1.5 times the lower quartile of white noise's |d| (0.4 would match it): a
 * high start, and since the stillness gates widen with the reading, on pumps seen at 10-15 fps it
 * also decides whether the meter settles with the movement's curvature in it or not. The noise bars
 * were tuned with it; seeding at the quartile moved the stress set along the bars' own trade of
 * exact counts against spurious reps on resting feet, not past it (package README, 2026-12-01).
 */
// A class, not an object literal with getters: V8 builds such a literal in dictionary mode, and every
// read of it (several per sample) is then a slow lookup the compiler cannot inline.
class Quartile {
  private q = 0;
  private seen = 0;
  private seedMean = 0;
  learn(d: number, capD = Number.POSITIVE_INFINITY): void {
    if (this.seen < 8) {
      this.seedMean += (0.6 * d - this.seedMean) / ++this.seen;
      this.q = Math.min(this.seedMean, capD);
    } else this.q += Q_STEP * Math.max(this.q, 0.01) * (d > this.q ? NOISE_Q : NOISE_Q - 1);
  }
  /** Past its seed. */
  get seeded() {
    return this.seen >= 8;
  }
  get value() {
    return this.q;
  }
  reset(): void {
    this.q = 0;
    this.seen = 0;
    this.seedMean = 0;
  }
}

/**
 * Reads the noise from the running lower quartile of |x(t) - 2 x(t-L) + x(t-2L)| with L about
 * 0.15 s: white noise and noise correlated over a tenth of a second both show in it, a still
 * foot's and a hold's samples set it, and a movement's curvature (rarer than the quartile) does not.
 * Its seed is capped by the first one-sample third differences, which a movement hardly shows.
 */

export function createNoiseMeter(stillMinDeg = STILL_MIN_DEG): NoiseMeter {
  return new TurningPointMeter(stillMinDeg);
}

/** `createNoiseMeter`'s meter (a class for V8's sake: see Quartile). */
class TurningPointMeter implements NoiseMeter {
  private readonly ring = new Float64Array(LAG_RING);
  private readonly fine = new Float64Array(SEED_SAMPLES);
  private readonly quartile = new Quartile();
  private n = 0;
  private fineSeen = 0;
  private fineQ = 0;
  constructor(private readonly stillMinDeg: number) {}
  add(x: number, dtS: number): void {
    const ring = this.ring;
    const quartile = this.quartile;
    const lag = lagSamples(dtS);
    ring[this.n % LAG_RING] = x;
    const n = ++this.n;
    if (this.fineSeen < SEED_SAMPLES && n >= 4) {
      // One-sample third differences: white noise shows in them as fully as in second
      // differences at the lag, but a movement hardly does (a 1 Hz pump at 15 fps shows 0.07 of
      // its amplitude in them, 1.4 times it at the lag).
      const d3 =
        x - 3 * ring[(n - 2) % LAG_RING]! + 3 * ring[(n - 3) % LAG_RING]! - ring[(n - 4) % LAG_RING]!;
      this.fine[this.fineSeen++] = D3_TO_D2 * Math.abs(d3);
      if (this.fineSeen === SEED_SAMPLES)
        this.fineQ = FINE_PER_MEDIAN * medianInPlace(this.fine, SEED_SAMPLES);
    }
    if (n <= 2 * lag) return;
    const x2 = ring[(n - 1 - 2 * lag) % LAG_RING]!;
    const d = Math.abs(x - 2 * ring[(n - 1 - lag) % LAG_RING]! + x2);
    // While the angle travels further than the noise could take it, the foot is moving: its
    // curvature would read as noise (a fast mover at 10 fps never leaves the lower quartile).
    const q = quartile.value;
    if (quartile.seeded && Math.abs(x - x2) > Math.max(STILL_K * (q / D2_Q_PER_SD), this.stillMinDeg)) return;
    // The seed is at most the one-sample third differences' reading: a recording that starts
    // swinging before it has rested would otherwise seed on the swing's curvature, and no rep
    // would clear the noise floor.
    quartile.learn(d, this.fineSeen === SEED_SAMPLES ? this.fineQ : Number.POSITIVE_INFINITY);
  }
  interrupt(): void {
    this.n = 0;
  }
  reset(): void {
    this.n = 0;
    this.quartile.reset();
    this.fineSeen = 0;
    this.fineQ = 0;
  }
  get sdDeg(): number {
    return this.quartile.value / D2_Q_PER_SD;
  }
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
  return new SampleNoiseMeter();
}

const SAMPLE_MASK = LAG_RING - 1;

/** `createSampleNoiseMeter`'s meter (a class for V8's sake: see Quartile). */
class SampleNoiseMeter implements NoiseMeter {
  private readonly ring = new Float64Array(LAG_RING);
  private readonly quartile = new Quartile();
  private n = 0;
  add(x: number, dtS: number): void {
    const ring = this.ring;
    const mask = SAMPLE_MASK;
    const quartile = this.quartile;
    const lag = lagSamples(dtS);
    ring[this.n & mask] = x;
    const n = ++this.n;
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
  }
  interrupt(): void {
    this.n = 0;
  }
  reset(): void {
    this.n = 0;
    this.quartile.reset();
  }
  get sdDeg(): number {
    return this.quartile.seeded ? this.quartile.value / D3_Q_PER_SD : 0;
  }
}
