// Camera degrees fitted against a phone on the same foot (issue 9, item 3): the phone's motion
// sensor measures each rep's range well; the camera's degrees depend on the body and the view. A few
// reps seen by both fit that view's gain. The two clocks are not shared, so the reps are first lined
// up. Pure: the reps of each source in, the gain or the reason there is none out. Used by `analyze
// --calibrate-with` and by the app's phone check; a session record names the gain it used
// (DegreesBasis.phoneGain), so the limits a fit may give are the record's.

import { median } from './adherence.ts';
import { PHONE_GAIN_LIMITS } from './session-types.ts';

/** A rep as the fit needs it: when it happened, in its source's own clock (ms), and its range. */
export interface TimedRange {
  readonly atMs: number;
  readonly rangeDeg: number;
}

/**
 * A camera rep and a phone rep are the same rep when their times are this close once the clocks
 * are lined up, ms: a peak may sit anywhere in its hold, so each source places it differently, by
 * up to a second on a 1-s hold.
 */
const PAIR_MS = 1200;
/** Fewest reps seen by both that can fit a gain (`analyze --calibrate-with`'s; the app asks for more). */
export const MIN_SHARED_REPS = 2;
/** The phone-to-camera range ratios of the shared reps may spread this much around their median. */
const MAX_SPREAD = 0.35;

export interface PhoneGain {
  readonly kind: 'calibrated';
  /** The camera degree gain to use now (the old gain times the median phone/camera ratio). */
  readonly gain: number;
  /** The phone's clock minus the camera's, seconds (phone time = camera time + offsetS). */
  readonly offsetS: number;
  /** Reps seen by both that the gain was fitted on. */
  readonly reps: number;
  /** The lowest and highest phone/camera range ratio among them. */
  readonly ratioRange: readonly [number, number];
}

export interface PhoneGainRefused {
  readonly kind: 'refused';
  /**
   * Why, as a code: too few reps from either source, none that line up in time, ranges that
   * disagree from rep to rep, or a gain no view gives.
   */
  readonly code: 'too-few-reps' | 'not-lined-up' | 'disagree' | 'implausible-gain';
  /** Why the degrees were left as they were, in words. */
  readonly reason: string;
}

interface Pair {
  readonly camera: TimedRange;
  readonly phone: TimedRange;
}

/** Pairs reps whose times are within PAIR_MS once the phone's clock is moved by `offsetMs`. */
function pairAt(camera: readonly TimedRange[], phone: readonly TimedRange[], offsetMs: number): Pair[] {
  const used = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of camera) {
    let best = -1;
    let bestDt = PAIR_MS;
    phone.forEach((p, j) => {
      const dt = Math.abs(p.atMs - offsetMs - c.atMs);
      if (!used.has(j) && dt <= bestDt) {
        best = j;
        bestDt = dt;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push({ camera: c, phone: phone[best]! });
    }
  }
  return pairs;
}

/** How much the phone/camera range ratios of `pairs` vary (their coefficient of variation). */
function ratioSpread(pairs: readonly Pair[]): number {
  const r = pairs.map((x) => x.phone.rangeDeg / x.camera.rangeDeg);
  const m = r.reduce((a, b) => a + b, 0) / r.length;
  return Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / r.length) / m;
}

/**
 * Fits the camera's degree gain from the reps the phone also recorded, at least `minReps` of them.
 * `cameraGain`: the gain the camera reps were measured with. Every offset that puts some camera rep on some phone rep is
 * tried. The one pairing the most reps wins; among those, the one whose range ratios agree best:
 * reps at a steady rhythm also pair one rep off, but then each camera rep meets another rep's range.
 */
export function fitPhoneGain(
  camera: readonly TimedRange[],
  phone: readonly TimedRange[],
  cameraGain: number,
  minReps: number = MIN_SHARED_REPS,
): PhoneGain | PhoneGainRefused {
  const usable = (rs: readonly TimedRange[]) =>
    rs.filter((r) => Number.isFinite(r.atMs) && Number.isFinite(r.rangeDeg) && r.rangeDeg > 0);
  const cam = usable(camera);
  const ph = usable(phone);
  if (cam.length < minReps || ph.length < minReps) {
    return {
      kind: 'refused',
      code: 'too-few-reps',
      reason: `the camera counted ${cam.length} and the phone ${ph.length} reps; both must see at least ${minReps} of the same reps`,
    };
  }
  let best: Pair[] = [];
  let bestSpread = Number.POSITIVE_INFINITY;
  for (const offsetMs of cam.flatMap((c) => ph.map((p) => p.atMs - c.atMs))) {
    const pairs = pairAt(cam, ph, offsetMs);
    if (pairs.length < best.length || pairs.length === 0) continue;
    const spread = ratioSpread(pairs);
    if (pairs.length > best.length || spread < bestSpread) {
      best = pairs;
      bestSpread = spread;
    }
  }
  if (best.length < minReps) {
    return {
      kind: 'refused',
      code: 'not-lined-up',
      reason: `only ${best.length} rep lines up between the phone and the camera; record at least ${minReps} reps with both at the same time`,
    };
  }
  // At least minReps (1 or more) pairs here: the medians exist.
  const offsetS = median(best.map((x) => x.phone.atMs - x.camera.atMs))! / 1000;
  const ratios = best.map((x) => x.phone.rangeDeg / x.camera.rangeDeg);
  const ratio = median(ratios)!;
  const lo = Math.min(...ratios);
  const hi = Math.max(...ratios);
  const fmt = (x: number) => x.toFixed(2);
  if (!(ratio > 0) || hi - lo > 2 * MAX_SPREAD * ratio) {
    return {
      kind: 'refused',
      code: 'disagree',
      reason: `the phone and the camera disagree from rep to rep (phone/camera range ${fmt(lo)} to ${fmt(hi)}): the view or the phone may have moved`,
    };
  }
  const gain = cameraGain * ratio;
  if (gain < PHONE_GAIN_LIMITS.min || gain > PHONE_GAIN_LIMITS.max) {
    return {
      kind: 'refused',
      code: 'implausible-gain',
      reason: `the fitted gain ${fmt(gain)} is outside ${PHONE_GAIN_LIMITS.min}-${PHONE_GAIN_LIMITS.max}: is the phone on the foot the camera watched?`,
    };
  }
  return { kind: 'calibrated', gain, offsetS, reps: best.length, ratioRange: [lo, hi] };
}
