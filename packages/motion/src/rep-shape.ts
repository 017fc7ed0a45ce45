// The measured shape of one rep, computed once it is complete: peaks, range, holds, timing and
// smoothness from a zero-phase smoothing of the despiked angle (the live filter lags, and the raw
// extreme of a noisy hold overstates the peak).

import type { RepOrder } from './rep-state-types.ts';
import { createSampleRing, holdAround, type SampleRing } from './sample-ring.ts';
import { createSparcScratch, sparcOfAngle } from './smoothness.ts';
import { holdBandDeg } from './tracker-options.ts';

/** Half-width of the triangular smoothing, ms. */
const SMOOTH_MS = 120;
/** How near the plantar peak's level the angle must come to have reached it, degrees. */
const REACH_DEG = 1;

/** Below this noise (turning-point scale, degrees) the smoothing narrows with the noise squared. */
const SMOOTH_NOISE_DEG = 0.5;

/**
 * The rep shape's smoothing for a sensor angle's noise, ms (`measure`'s `smoothMs`): the full width
 * from SMOOTH_NOISE_DEG up, next to none for a phone's clean angle. The smoothing keeps noise from
 * inflating the peaks; on a clean angle it only flattened them (a 7-deg pump with no hold measured
 * 4-5 deg and fell under the smallest rep). Stress set tuning seeds (IMU, 16 a family): range error
 * median 1.9 -> 1.1 deg, p90 7.3 -> 5.4. A landmark angle keeps the full width: its jitter is
 * correlated over a tenth of a second, which its noise reading understates.
 */
export function shapeSmoothingMs(noiseSdDeg: number): number {
  const r = noiseSdDeg / SMOOTH_NOISE_DEG;
  return SMOOTH_MS * Math.min(1, r * r);
}

const SENSOR_LEVEL_MIN_DEG = 0.5;
/**
 * How near its extreme a sensor angle's peak level is read, degrees (`measure`'s `levelTolDeg`): 3
 * noise SDs, at least SENSOR_LEVEL_MIN_DEG. A peak's level is the median of a plateau within the
 * hold band of its extreme (3 deg, or 10% of the range), which on a clean angle's quick pump with no
 * hold took in the rest at neutral after it: a phone's 7-deg pumps measured 5-6 deg. Stress set
 * tuning seeds (IMU, 64 a family): range error median / p90 0.70 / 2.87 -> 0.43 / 2.05 deg; the
 * counts (judged on the hold band's range, `bandRangeDeg`) unchanged.
 */
export function sensorLevelTolDeg(noiseSdDeg: number): number {
  return Math.max(SENSOR_LEVEL_MIN_DEG, 3 * noiseSdDeg);
}

/** A requested smoothing, ms, as the rep shape uses it: SMOOTH_MS at most. */
const widthOf = (smoothMs: number) => Math.min(SMOOTH_MS, Math.max(0, smoothMs));

/**
 * Each running mean reaches at least this many sample intervals either side once the smoothing
 * asked for spans an interval: at 10-15 fps a +-60-ms box held the sample alone, so a rep's peaks
 * were single noisy frames and its noise bar twice what it is at 30 fps (6 noise SDs against 2.9).
 * Stress set tuning seeds (camera, 64 a family), exact / spurious reps on resting feet / reps
 * counted wrong: 286 / 42 / 1,429 -> 290 / 40 / 1,403 (10-15 fps family 28 -> 31 exact of 64, noise
 * family 15 -> 17); 1.1 intervals gave 288 / 40 / 1,408. Range error p90 11.5 -> 12.0 deg.
 */
const MIN_HALF_INTERVALS = 1.5;

/** Half the width of one running mean, ms, for a smoothing of `widthMs` at the interval `dtMs`. */
function halfWidthMs(widthMs: number, dtMs: number): number {
  return widthMs >= dtMs && dtMs > 0 ? Math.max(widthMs / 2, MIN_HALF_INTERVALS * dtMs) : widthMs / 2;
}

/**
 * The share of white noise's variance the rep shape's smoothing (`smoothMs`, two centred running
 * means of +-smoothMs/2) lets through at the sample interval `dtS`: a box of L samples convolved
 * with itself has weights 1..L..1, whose squares sum to L (2L^2 + 1) / 3 against (L^2)^2.
 */
export function shapeWhiteGain(dtS: number, smoothMs = SMOOTH_MS): number {
  const w = widthOf(smoothMs);
  const half = halfWidthMs(w, dtS * 1000);
  const len = 1 + 2 * Math.floor(half / 1000 / Math.max(dtS, 1e-6) + 1e-9);
  return (2 * len * len + 1) / (3 * len * len * len);
}

/** A rep's peaks and range as shown to the person (`RepShape.shown`), degrees. */
export interface ShownDegrees {
  readonly rangeDeg: number;
  readonly peakPlantarDeg: number;
  readonly peakDorsiDeg: number;
}

/**
 * A rep whose smoothed peaks are at most this many samples apart is under-sampled: its degrees are
 * shown from the samples' own extremes (`RepShape.shown`). The smoothing spans at least 1.5 sample
 * intervals either side twice over (MIN_HALF_INTERVALS), so at 10-15 fps a quick pump's peak of a
 * frame or two came out a third to a half of itself (a 58-deg pump at 10 fps shown as 21 deg).
 * Stress set tuning seeds (camera, 64 a family), range error median / p90 of reps whose moves take
 * under 3 frames with no hold: 16.4 / 30.7 deg; SHARP_PEAK_SAMPLES 3, 4, 5 and 6: see the package
 * README (stop 55).
 */
const SHARP_PEAK_SAMPLES = 5;
/** The samples either side of a smoothed peak where its own extreme is looked for. */
const SHARP_PEAK_REACH = 2;

/** A peak held this long (ms) is a plateau: its level is the median of the held samples. */
const PLATEAU_MS = 300;

export interface RepShape {
  readonly rangeDeg: number;
  /**
   * The range with each peak's level the median of the samples within the hold band of it when
   * they last PLATEAU_MS: a clean angle's rep is measured with a narrower band (`rangeDeg`), and
   * this is what that rep would have measured with a noisy angle's. The tracker counts by it.
   */
  readonly bandRangeDeg: number;
  readonly peakPlantarDeg: number;
  readonly peakDorsiDeg: number;
  readonly plantarHoldS: number;
  readonly dorsiHoldS: number;
  /**
   * When the angle first came within REACH_DEG of the first peak's level (toes down, or toes up for
   * an up-first rep), ms: on a flat, unsmoothed hold the extreme sample may be anywhere in it.
   */
  readonly firstReachTMs: number;
  /**
   * The degrees to show: `rangeDeg` and the peaks above, except for a rep whose two peaks are
   * SHARP_PEAK_SAMPLES samples apart or fewer (a quick pump with no hold at 10-15 fps), whose
   * smoothing flattened its one- or two-frame peaks: then each peak is the despiked samples' own
   * extreme next to it. The counting judges the smoothed ones (the noise bars are sized for them).
   */
  readonly shown: ShownDegrees;
  readonly startTMs: number;
  readonly plantarTMs: number;
  readonly dorsiTMs: number;
  readonly cycleS: number;
}

/**
 * The longest a rep may take from its toes-down peak to its toes-up peak, seconds: holds of 1-2 s
 * and slow moves take under 10; a sensor angle settling slowly (a tilt converging over a minute)
 * once made a 75-s "rep" on a resting foot. (From the peaks, not the swing's start: the first rep
 * after a rest between sets starts its swing where the last one ended.)
 */
const MAX_PEAK_TO_PEAK_S = 30;

/**
 * Whether a measured rep `m` (its first end toes down, or toes up for `order` up-first) has the
 * shape of one. It spans `barDeg` (the live swing passed the hysteresis, but a settled shape under
 * the bars is noise, and a resting person's fidget is not a rep), judged on the range a noisy
 * angle's peaks would have given (its levels over the hold band: a sensor's peaks, measured closer,
 * make a restless wearer's fidget larger too). It stays within `maxAbsAngleDeg` (beyond any
 * ankle's range: a sensor's heading drift or a lost landmark). And its second end follows its first
 * within MAX_PEAK_TO_PEAK_S (a pump takes seconds: a second end a minute after the first is a slow
 * drift); for a `sensorAngle`, from when the foot reached the first end's level: its angle is not
 * smoothed, and on a flat hold the extreme sample may be anywhere in it.
 */
export function shapeHoldsUp(
  m: RepShape,
  order: RepOrder,
  barDeg: number,
  maxAbsAngleDeg: number,
  sensorAngle: boolean,
): boolean {
  if (m.bandRangeDeg < barDeg || m.rangeDeg > maxAbsAngleDeg) return false;
  const upFirst = order === 'up-first';
  const firstTMs = upFirst ? m.dorsiTMs : m.plantarTMs;
  const secondTMs = upFirst ? m.plantarTMs : m.dorsiTMs;
  return secondTMs - (sensorAngle ? m.firstReachTMs : firstTMs) <= MAX_PEAK_TO_PEAK_S * 1000;
}

export interface RepShaper {
  /**
   * Measures the rep held in `raw` from `startSeq` (the swing start) to `nowSeq`, whose live first
   * and second peaks were at `firstSeq` and `secondSeq` (toes down then up; toes up then down when
   * `order` is 'up-first'), smoothed over `smoothMs` (default and most SMOOTH_MS; see
   * shapeSmoothingMs). A peak's level is the median of the plateau within `levelTolDeg` of its
   * extreme (default: the hold band) when that lasts PLATEAU_MS, else the extreme.
   */
  measure(
    raw: SampleRing,
    startSeq: number,
    firstSeq: number,
    secondSeq: number,
    nowSeq: number,
    smoothMs?: number,
    order?: RepOrder,
    levelTolDeg?: number,
  ): RepShape;
  /**
   * SPARC (smoothness) of the rep `measure` gave last, from its start to its toes-up peak; read it
   * before the next `measure`. Apart, because most measured swings are noise the tracker turns
   * down, and the spectrum is the costliest part.
   */
  sparcOfLast(): number;
}

/** Work buffers sized for `capacity` samples, allocated once. */
export function createRepShape(capacity: number): RepShaper {
  const sm = createSampleRing(capacity);
  const tmp = createSampleRing(capacity);
  const levels = new Float64Array(capacity);
  const scratch = createSparcScratch();

  // Two passes of a centred running mean (each +-halfMs) make a triangle of +-2 halfMs in O(n).
  // `sign` -1 measures an up-first rep as the mirror image of a down-first one.
  function boxPass(
    src: SampleRing,
    from: number,
    to: number,
    dst: SampleRing,
    half: number,
    sign: 1 | -1,
  ): void {
    dst.clear();
    const { ts, as, mask } = src;
    let lo = from;
    let hi = from;
    let sum = 0;
    for (let s = from; s <= to; s++) {
      const t = ts[s & mask]!;
      while (hi <= to && ts[hi & mask]! <= t + half) sum += as[hi++ & mask]!;
      while (ts[lo & mask]! < t - half) sum -= as[lo++ & mask]!;
      dst.push(t, (sign * sum) / (hi - lo));
    }
  }

  // On a plateau the median of the held samples; at a sharp turn the extreme itself.
  function heldLevel(at: number, from: number, to: number, tol: number, sign: 1 | -1): number {
    const ext = sm.a(at);
    const inside = (v: number) => (sign < 0 ? v <= ext + tol : v >= ext - tol);
    let a = at;
    while (a > from && inside(sm.a(a - 1))) a--;
    let b = at;
    while (b < to && inside(sm.a(b + 1))) b++;
    if (sm.t(b) - sm.t(a) < PLATEAU_MS || b - a + 1 > levels.length) return ext;
    for (let s = a; s <= b; s++) levels[s - a] = sm.a(s);
    const n = b - a + 1;
    const v = levels.subarray(0, n).sort();
    return n % 2 ? v[(n - 1) / 2]! : (v[n / 2 - 1]! + v[n / 2]!) / 2;
  }

  /** The last measured rep's toes-up peak, in `sm`. */
  let lastMaxAt = -1;

  return {
    sparcOfLast() {
      if (lastMaxAt < 0) return 0;
      return sparcOfAngle(
        lastMaxAt + 1,
        (i) => sm.t(i),
        (i) => sm.a(i),
        scratch,
      );
    },
    measure(
      raw,
      startSeq,
      minSeq,
      maxSeq,
      nowSeq,
      smoothMs = SMOOTH_MS,
      order = 'down-first',
      levelTolDeg = Number.POSITIVE_INFINITY,
    ) {
      const w = widthOf(smoothMs);
      const sign = order === 'up-first' ? -1 : 1;
      const last = nowSeq - startSeq;
      const half = halfWidthMs(w, last > 0 ? (raw.t(nowSeq) - raw.t(startSeq)) / last : 0);
      boxPass(raw, startSeq, nowSeq, tmp, half, sign);
      boxPass(tmp, 0, last, sm, half, 1);
      const maxAt = maxSeq - startSeq;
      let mi = minSeq - startSeq;
      for (let s = 0; s < maxAt; s++) if (sm.a(s) < sm.a(mi)) mi = s;
      let ma = maxAt;
      for (let s = mi; s <= last; s++) if (sm.a(s) > sm.a(ma)) ma = s;
      const tol0 = holdBandDeg(sm.a(ma) - sm.a(mi));
      // The peaks' levels: the median of a plateau within `levelTolDeg` of the extreme (at most the
      // hold band, tol0: too wide for a clean angle, see sensorLevelTolDeg).
      const levelTol = Math.min(tol0, levelTolDeg);
      const minY = heldLevel(mi, 0, ma, levelTol, -1);
      const maxY = heldLevel(ma, mi, last, levelTol, 1);
      const rangeDeg = maxY - minY;
      const bandRangeDeg =
        levelTol < tol0 ? heldLevel(ma, mi, last, tol0, 1) - heldLevel(mi, 0, ma, tol0, -1) : rangeDeg;
      const tol = holdBandDeg(rangeDeg);
      const startTMs = sm.t(0);
      lastMaxAt = ma;
      let reach = mi;
      while (reach > 0 && sm.a(reach - 1) <= minY + REACH_DEG) reach--;
      const firstHoldS = holdAround(sm, mi, 0, ma, tol, -1, minY);
      const secondHoldS = holdAround(sm, ma, mi, last, tol, 1, maxY);
      const cycleS = (sm.t(ma) - startTMs) / 1000;
      // Measured on the mirror image, an up-first rep's first end is its toes-up peak.
      const up = sign < 0;
      const degrees = (lowY: number, highY: number): ShownDegrees => ({
        rangeDeg: highY - lowY,
        peakPlantarDeg: up ? -highY : lowY,
        peakDorsiDeg: up ? -lowY : highY,
      });
      const counted = degrees(minY, maxY);
      // The most of `dir` x the mirrored despiked samples `from`..`to` (rep-relative).
      const rawMost = (from: number, to: number, dir: 1 | -1) => {
        let most = Number.NEGATIVE_INFINITY;
        for (let s = from; s <= to; s++) most = Math.max(most, dir * sign * raw.a(startSeq + s));
        return most;
      };
      const R = SHARP_PEAK_REACH;
      const shown =
        ma - mi <= SHARP_PEAK_SAMPLES
          ? degrees(
              -rawMost(Math.max(0, mi - R), Math.min(ma - 1, mi + R), -1),
              rawMost(Math.max(mi + 1, ma - R), Math.min(last, ma + R), 1),
            )
          : counted;
      return {
        rangeDeg,
        bandRangeDeg,
        peakPlantarDeg: counted.peakPlantarDeg,
        peakDorsiDeg: counted.peakDorsiDeg,
        plantarHoldS: up ? secondHoldS : firstHoldS,
        dorsiHoldS: up ? firstHoldS : secondHoldS,
        firstReachTMs: sm.t(reach),
        shown,
        startTMs,
        plantarTMs: sm.t(up ? ma : mi),
        dorsiTMs: sm.t(up ? mi : ma),
        cycleS,
      };
    },
  };
}
