// How much of the angle's noise a swing and a rep must clear: the rep engine's noise bars. The
// angle chain splits its noise reading into a frame-to-frame (white) part and a part correlated over
// more than a frame; the filters leave the second as it is and smooth the first, so each counts at
// what is left of it where the bar is read (the live filtered angle for a swing, the rep shape's
// smoothing for a rep's range).

import { type AngleChain, preFilterWhiteGain } from './angle-front-end.ts';
import { STRONGLY_PERIODIC } from './period-meter.ts';
import { shapeWhiteGain } from './rep-shape.ts';

/**
 * Swings must clear this many standard deviations of the angle's noise: of its part correlated over
 * more than a frame (landmark jitter lasting a tenth of a second), which the filters leave as it is.
 */
const NOISE_K = 2.5;
/**
 * ...and this many of its frame-to-frame (white) part while the pre-filter is off (that part is
 * small then; the 1-euro filter damps it at rest, but a fidget or a displaced point rides on it)...
 */
const WHITE_K = 4;
/**
 * ...or this many of what the pre-filter lets through of it (`preFilterWhiteGain`) while it smooths.
 * With NOISE_K for the whole noise, a white jitter of 8-20 deg (camera noise family) set the bar at
 * 20-50 deg although the pre-filter leaves a third of it or less, and nothing was counted; with
 * NOISE_K of what the pre-filter leaves, a resting foot's filtered noise made 1,465 reps. Chosen on
 * the stress set's tuning seeds (camera, 64 a family) with WHITE_K and RANGE_WHITE_K: 182 -> 195
 * of 576 exact, spurious reps on resting feet 106 -> 38. WHITE_K 2.5 (the old rule) gave 196 and
 * 87, 5 gave 189 and 28; this at 7 gave 198 and 74.
 */
const WHITE_PREFILTERED_K = 8;
/**
 * A rep's range is at least this many noise standard deviations (a resting foot's noise is not a
 * rep). It was 4; with the hysteresis kept out of the noise (the tracker's) 3.75 counts more on the stress
 * set's tuning seeds (camera, 16 sets a family: 41 of 144 exact instead of 38) with fewer spurious
 * reps on resting feet (29 instead of 35). A bar on the noise left after the rep shape's smoothing,
 * tried first, came to the same at every frame rate above 10 once the jitter's 0.1-s correlation
 * was allowed for; without that allowance (9 x that noise at 60 fps) a resting far leg counted four
 * times as often in a continuous stream.
 */
const RANGE_NOISE_K = 3.75;
/**
 * ...of the noise's correlated part, and this many of what the rep shape's smoothing lets through
 * of its white part (`shapeWhiteGain`): a rep's peaks are the extremes of a second or more of
 * smoothed samples, so white noise alone spans five or six of its smoothed deviations. 5-7 gave
 * 193-196 exact of 576 (tuning seeds, camera, 64 a family) once the swing bar held the noise back.
 */
const RANGE_WHITE_K = 6;

export interface NoiseBars {
  /** The noise a swing must clear now, degrees (the hysteresis never goes below it). */
  swingDeg(): number;
  /** The smallest range a rep may have for the noise now, degrees. */
  repDeg(): number;
}

/**
 * A person pumping makes an angle that repeats itself at the pump's period; noise does not. Where
 * the pre-filtered angle's autocorrelation at a lag of 0.6-3 s reaches this (`createPeriodMeter`)...
 */
const PERIODIC_FROM = 0.4;
/** ...and its variance over those 6 s is this many times what the noise alone would give... */
const SWING_OVER_NOISE = 3;
/**
 * ...the bars come down to these shares of the swing's peak-to-peak (SINE_P2P_PER_SD standard
 * deviations of the angle net of the noise), when that is at least RELIEF_FLOOR of the bar (a resting
 * person's small periodic fidget does not lower it) and never below it. Chosen on the stress set's
 * tuning seeds (camera, 32 a family: 120 -> 126 of 288 exact, spurious reps on resting feet 19 ->
 * 21, reps counted wrong 1,228 -> 1,107); the bars multiplied by 0.9 instead gave 127 for 30.
 */
const SWING_SHARE = 0.5;
const REP_SHARE = 0.65;
const RELIEF_FLOOR = 0.5;
/**
 * Where the angle repeats itself plainly (STRONGLY_PERIODIC, period-meter.ts), the swing it
 * shows may bring the bars down to STRONG_RELIEF_FLOOR of what the noise sets. A 56-deg pump through
 * 12 deg of landmark noise (20 fps) met a swing bar of 47 deg that half of it could not bring under
 * 24, and 4 of its 18 reps counted (14 with this). Stress set tuning seeds (camera, 64 a family,
 * with the noise read from the periodicity below): 233 -> 236 of 576 exact, spurious reps on resting
 * feet 37 -> 38, reps counted wrong 2,218 -> 1,944; at 32 a family 0.6 / 0.3 gave 129 of 288 for 25
 * spurious, 0.7 / 0.2 129 for 24, 0.8 / 0.2 126 for 21 (this: 129 for 22).
 */
const STRONG_RELIEF_FLOOR = 0.3;
/** A sine's peak-to-peak in standard deviations. */
const SINE_P2P_PER_SD = 2 * Math.SQRT2;

/**
 * Math.hypot(x, y), bit for bit as V8 computes it (scaled by the larger, math.tq; with two values
 * its Kahan compensation is 0), without the builtin's call and array (about 40 ns a call).
 */
function hypot2(x: number, y: number): number {
  const a = Math.abs(x);
  const b = Math.abs(y);
  if (a === Number.POSITIVE_INFINITY || b === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  const max = Math.max(a, b);
  if (max === 0) return 0;
  const p = a / max;
  const q = b / max;
  return Math.sqrt(p * p + q * q) * max;
}

/** `bar` (degrees) brought down to `share` of a periodic swing that plainly exceeds the noise. */
function periodicRelief(chain: AngleChain, bar: number, share: number): number {
  if (chain.periodicity < PERIODIC_FROM) return bar;
  const whiteVar = chain.whiteVarDeg2 * (chain.preFiltering ? preFilterWhiteGain(chain.dtS) : 1);
  // A periodic signal with autocorrelation p at its period has at most (1 - p) of its variance in
  // anything that does not repeat: the noise can be no more than that. The turning-point meter reads
  // 2.5-3.7 times the true noise while the foot pumps without rest (package README, 2026-12-02), so
  // this reading is often the lower: 12-deg white jitter under a 56-deg pump read 16 deg from the
  // meters, at most 6 from the periodicity.
  const noiseVar = Math.max(
    1e-6,
    Math.min(chain.correlatedVarDeg2 + whiteVar, (1 - chain.periodicity) * chain.swingVarDeg2),
  );
  if (chain.swingVarDeg2 < SWING_OVER_NOISE * noiseVar) return bar;
  const swingDeg = share * SINE_P2P_PER_SD * Math.sqrt(chain.swingVarDeg2 - noiseVar);
  const floor = chain.periodicity >= STRONGLY_PERIODIC ? STRONG_RELIEF_FLOOR : RELIEF_FLOOR;
  return swingDeg < floor * bar ? bar : Math.min(bar, swingDeg);
}

/**
 * The bars over `chain`'s noise readings. A sensor's rep bar keeps the whole noise: its rep shape
 * smooths only as much as that noise needs (`shapeSmoothingMs`), and a phone's noise is hundredths
 * of a degree.
 */
export function createNoiseBars(chain: AngleChain, sensorAngle: boolean): NoiseBars {
  return new Bars(chain, sensorAngle);
}

/**
 * `createNoiseBars`'s bars: a class, so that the tracker's per-sample call inlines (per-instance
 * closures it calls, boxing each double they return).
 */
class Bars implements NoiseBars {
  constructor(
    private readonly chain: AngleChain,
    private readonly sensorAngle: boolean,
  ) {}
  private swingNoiseDeg(): number {
    const chain = this.chain;
    return hypot2(
      NOISE_K * Math.sqrt(chain.correlatedVarDeg2),
      (chain.preFiltering ? WHITE_PREFILTERED_K * Math.sqrt(preFilterWhiteGain(chain.dtS)) : WHITE_K) *
        Math.sqrt(chain.whiteVarDeg2),
    );
  }
  private repNoiseDeg(): number {
    const chain = this.chain;
    return hypot2(
      RANGE_NOISE_K * Math.sqrt(chain.correlatedVarDeg2),
      RANGE_WHITE_K * Math.sqrt(chain.whiteVarDeg2 * shapeWhiteGain(chain.dtS)),
    );
  }
  swingDeg(): number {
    // A sensor's bars are hundredths of a degree: nothing to relieve.
    if (this.sensorAngle) return this.swingNoiseDeg();
    return periodicRelief(this.chain, this.swingNoiseDeg(), SWING_SHARE);
  }
  repDeg(): number {
    if (this.sensorAngle) return RANGE_NOISE_K * this.chain.noiseSdDeg;
    return periodicRelief(this.chain, this.repNoiseDeg(), REP_SHARE);
  }
}
