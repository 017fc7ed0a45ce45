// Whether the ankle itself moved (the leg slid or was lifted) while a foot-worn sensor turned, from
// the sensor's own gyro and accelerometer: a foot-only phone cannot see the leg, but its
// accelerometer feels the leg's movement beside what the foot's turning about the ankle explains.
//
// Turning about a fixed ankle axis u, a sensor at lever arm r from the ankle (fixed in the sensor's
// frame) reads, in the plane across u (as complex numbers, the sensor frame at angle theta):
//   F(t) = e^{-i theta} (G + A(t)) + (i alpha - omega^2) R + B
// with G gravity's part across the axis (zero for a gravity-free accelerometer), R the lever arm's,
// B the accelerometer's bias, omega and alpha the turn rate and its change, and A(t) the ankle's own
// acceleration. G, R and B are constant: least squares fits them (with the gyro's bias about u, by a
// search), and what is left, turned back into the ankle's frame and averaged over half a second,
// is A. A foot only turning leaves a few hundredths of m/s^2 (tuning seeds: at most 0.11 in 138
// restless wearers' first 5 s without a clipped reading); a leg slid 15-25 cm over 1.5 s leaves 0.3-0.5.

/** One reading: time (ms), gyro (rad/s) and accelerometer (m/s^2), in the sensor's frame. */
export interface TranslationSample {
  readonly t: number;
  readonly gx: number;
  readonly gy: number;
  readonly gz: number;
  readonly ax: number;
  readonly ay: number;
  readonly az: number;
}

/** The window the ankle's acceleration is averaged over (ms), and its step. */
const WINDOW_MS = 500;
const STEP_MS = 250;
/** A window's mean acceleration of the ankle beyond this (m/s^2) means the leg moved... */
const MOVED_MS2 = 0.2;
/**
 * ...plus this share of the turning's own acceleration there (RMS): a quick turn read at 30 Hz
 * leaves more of itself than a slow one (tuning seed 35021: 46 deg in 0.18 s at 34 Hz left 0.34).
 */
const TURN_SHARE = 0.1;
/**
 * The leg is plainly still when no window comes within this share of its threshold; between that
 * and the threshold it is not judged either way.
 */
const STILL_SHARE = 0.5;
/** A window needs this many readings to be judged. */
const MIN_READINGS = 5;
/** Readings further apart than this (ms) leave the turn between them unknown. */
const MAX_GAP_MS = 200;
/** The gyro's bias about the axis is searched over +-this (rad/s): a phone's is under 0.1. */
const BIAS_SPAN_RAD_S = 0.15;
/** A run of 3 equal readings beyond these is an axis at its limit (gyro rad/s, accelerometer m/s^2). */
const GYRO_LIMIT_FROM = 1;
const ACCEL_LIMIT_FROM = 14.7;

interface Fit {
  readonly cost: number;
  readonly x: Float64Array;
  readonly biasRadS: number;
}

/** Solves the 6x6 system `m` (row-major) x = `b` in place by Gaussian elimination; null if singular. */
function solve6(m: Float64Array, b: Float64Array): Float64Array | null {
  const n = 6;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[p * n + c]!)) p = r;
    if (Math.abs(m[p * n + c]!) < 1e-9) return null;
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        const tmp = m[c * n + k]!;
        m[c * n + k] = m[p * n + k]!;
        m[p * n + k] = tmp;
      }
      const tb = b[c]!;
      b[c] = b[p]!;
      b[p] = tb;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c]! / m[c * n + c]!;
      if (f === 0) continue;
      for (let k = c; k < n; k++) m[r * n + k]! -= f * m[c * n + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[i]! / m[i * n + i]!;
  return x;
}

/** What the fit found: when the last half second in which the ankle itself moved ended, and the turn rate. */
interface AnkleMoves {
  /** End time (ms) of the last window in which the ankle moved, or null: it did not. */
  readonly movedUntilT: number | null;
  /** The largest window's acceleration as a share of its threshold (above 1: moved). */
  readonly mostShare: number;
  /** Turn rate about the axis less the gyro's fitted bias (rad/s), per reading. */
  readonly turnRadS: Float64Array;
}

/**
 * What the readings say of the leg while the foot turned: it cannot be judged (a gyro at its
 * limit, a gap, too few readings), it stayed still, or it was put in place, getting into position
 * ending at `endT` (ms): the end of the last half second in which the ankle itself moved, carried on
 * to the foot's next turn (the swing under way as the leg came to rest belongs to the placing).
 */
export type LegPlacing =
  | { readonly kind: 'unjudged' }
  | { readonly kind: 'still' }
  | { readonly kind: 'placed'; readonly endT: number };

/** The leg's placing in `samples`; `axis` is the unit axis the foot turned about (`gyroMainAxis`). */
export function legPlacing(
  samples: readonly TranslationSample[],
  axis: readonly [number, number, number],
): LegPlacing {
  const whole = ankleMoves(samples, axis);
  if (whole) return placingOf(samples, whole);
  // A gyro at its limit turns every later angle wrong, but the readings before it can still show the
  // leg being put in place first (a quick pump after it clipped).
  const clean = markLimited(samples, new Uint8Array(samples.length));
  // -1: never clipped (the whole was not judged for another reason: a gap, too few readings).
  if (clean < 2 * MIN_READINGS) return { kind: 'unjudged' };
  const before = samples.slice(0, clean);
  const moves = ankleMoves(before, axis);
  if (!moves || moves.movedUntilT === null) return { kind: 'unjudged' };
  return placingOf(before, moves);
}

function placingOf(samples: readonly TranslationSample[], moves: AnkleMoves): LegPlacing {
  const movedUntilT = moves.movedUntilT;
  if (movedUntilT === null) return moves.mostShare <= STILL_SHARE ? { kind: 'still' } : { kind: 'unjudged' };
  const n = samples.length;
  const w = moves.turnRadS;
  let i = 0;
  while (i < n && samples[i]!.t < movedUntilT) i++;
  const sign = Math.sign(w[Math.min(i, n - 1)]!);
  while (i < n && Math.sign(w[i]!) === sign) i++;
  return { kind: 'placed', endT: i < n ? samples[i]!.t : movedUntilT };
}

function ankleMoves(
  samples: readonly TranslationSample[],
  axis: readonly [number, number, number],
): AnkleMoves | null {
  const n = samples.length;
  if (n < 2 * MIN_READINGS) return null;
  // The turn across a gap is unknown, and so is every angle after it.
  for (let i = 1; i < n; i++) if (samples[i]!.t - samples[i - 1]!.t > MAX_GAP_MS) return null;
  const [ux, uy, uz] = axis;
  // Two unit vectors across the axis.
  const pick = Math.abs(ux) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const d = pick[0]! * ux + pick[1]! * uy + pick[2]! * uz;
  let e1x = pick[0]! - d * ux;
  let e1y = pick[1]! - d * uy;
  let e1z = pick[2]! - d * uz;
  const l1 = Math.hypot(e1x, e1y, e1z);
  e1x /= l1;
  e1y /= l1;
  e1z /= l1;
  const e2x = uy * e1z - uz * e1y;
  const e2y = uz * e1x - ux * e1z;
  const e2z = ux * e1y - uy * e1x;
  const w = new Float64Array(n);
  const al = new Float64Array(n);
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const limited = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = samples[i]!;
    w[i] = s.gx * ux + s.gy * uy + s.gz * uz;
    fx[i] = s.ax * e1x + s.ay * e1y + s.az * e1z;
    fy[i] = s.ax * e2x + s.ay * e2y + s.az * e2z;
  }
  // A gyro at its limit turns every later angle wrong: nothing can be judged.
  if (markLimited(samples, limited) >= 0) return null;
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - 1);
    const b = Math.min(n - 1, i + 1);
    const dtS = (samples[b]!.t - samples[a]!.t) / 1000;
    al[i] = dtS > 0 ? (w[b]! - w[a]!) / dtS : 0;
  }
  const theta = new Float64Array(n);
  // F = rot(-theta) G + (i alpha - omega^2) R + B, written out per component.
  const rowsAt = (i: number, biasRadS: number, rows: Float64Array[]) => {
    const c = Math.cos(theta[i]!);
    const s = Math.sin(theta[i]!);
    const ww = (w[i]! - biasRadS) ** 2;
    rows[0]!.set([c, s, -ww, -al[i]!, 1, 0]);
    rows[1]!.set([-s, c, al[i]!, -ww, 0, 1]);
  };
  const fitWith = (biasRadS: number): Fit | null => {
    theta[0] = 0;
    for (let i = 1; i < n; i++) {
      const dtS = (samples[i]!.t - samples[i - 1]!.t) / 1000;
      theta[i] = theta[i - 1]! + ((w[i]! + w[i - 1]!) / 2 - biasRadS) * dtS;
    }
    // Unknowns G (2), R (2), B (2): two equations per reading (normal equations).
    const m = new Float64Array(36);
    const rhs = new Float64Array(6);
    const rows = [new Float64Array(6), new Float64Array(6)];
    for (let i = 0; i < n; i++) {
      if (limited[i]) continue;
      rowsAt(i, biasRadS, rows);
      for (let k = 0; k < 2; k++) {
        const r = rows[k]!;
        const y = k === 0 ? fx[i]! : fy[i]!;
        for (let p = 0; p < 6; p++) {
          rhs[p]! += r[p]! * y;
          for (let q = 0; q < 6; q++) m[p * 6 + q]! += r[p]! * r[q]!;
        }
      }
    }
    const x = solve6(m, rhs);
    if (!x) return null;
    let cost = 0;
    for (let i = 0; i < n; i++) {
      if (limited[i]) continue;
      rowsAt(i, biasRadS, rows);
      const ex = fx[i]! - dot6(rows[0]!, x);
      const ey = fy[i]! - dot6(rows[1]!, x);
      cost += ex * ex + ey * ey;
    }
    return { cost, x, biasRadS };
  };
  const search = (from: number, to: number, step: number, best: Fit | null): Fit | null => {
    let out = best;
    for (let b = from; b <= to + step / 2; b += step) {
      const f = fitWith(b);
      if (f && (!out || f.cost < out.cost)) out = f;
    }
    return out;
  };
  const coarse = search(-BIAS_SPAN_RAD_S, BIAS_SPAN_RAD_S, 0.01, null);
  if (!coarse) return null;
  const fine = search(coarse.biasRadS - 0.009, coarse.biasRadS + 0.009, 0.001, coarse)!;
  // The theta of the best fit, again (the search left the last tried one).
  const fit = fitWith(fine.biasRadS)!;
  const [gx, gy, rx, ry, bx, by] = fit.x;
  // The ankle's own acceleration per reading, in the ankle's frame, and the turning's.
  const axA = new Float64Array(n);
  const ayA = new Float64Array(n);
  const turn2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wv = w[i]! - fit.biasRadS;
    const tx = -wv * wv * rx! - al[i]! * ry!;
    const ty = al[i]! * rx! - wv * wv * ry!;
    turn2[i] = tx * tx + ty * ty;
    const ex = fx[i]! - tx - bx!;
    const ey = fy[i]! - ty - by!;
    const c = Math.cos(theta[i]!);
    const s = Math.sin(theta[i]!);
    axA[i] = c * ex - s * ey - gx!;
    ayA[i] = s * ex + c * ey - gy!;
  }
  let movedUntilT: number | null = null;
  let mostShare = 0;
  const t0 = samples[0]!.t;
  const tEnd = samples[n - 1]!.t;
  let lo = 0;
  for (let from = t0; from + WINDOW_MS <= tEnd + STEP_MS / 2; from += STEP_MS) {
    while (lo < n && samples[lo]!.t < from) lo++;
    let sx = 0;
    let sy = 0;
    let st = 0;
    let k = 0;
    let anyLimited = false;
    for (let i = lo; i < n && samples[i]!.t < from + WINDOW_MS; i++) {
      if (limited[i]) anyLimited = true;
      sx += axA[i]!;
      sy += ayA[i]!;
      st += turn2[i]!;
      k++;
    }
    if (anyLimited || k < MIN_READINGS) continue;
    const share = Math.hypot(sx, sy) / k / (MOVED_MS2 + TURN_SHARE * Math.sqrt(st / k));
    mostShare = Math.max(mostShare, share);
    if (share > 1) movedUntilT = Math.min(tEnd, from + WINDOW_MS);
  }
  const turnRadS = w.map((v) => v - fit.biasRadS);
  return { movedUntilT, mostShare, turnRadS };
}

function dot6(r: Float64Array, x: Float64Array): number {
  return r[0]! * x[0]! + r[1]! * x[1]! + r[2]! * x[2]! + r[3]! * x[3]! + r[4]! * x[4]! + r[5]! * x[5]!;
}

/**
 * Marks the readings in a run of 3 or more equal values on one axis beyond that axis' limit
 * threshold (and their neighbours): a clipped accelerometer explains nothing. Returns the first
 * reading of the earliest run where the gyro sat at its limit, or -1 when it never did.
 */
function markLimited(samples: readonly TranslationSample[], limited: Uint8Array): number {
  let firstGyro = -1;
  const keys = ['gx', 'gy', 'gz', 'ax', 'ay', 'az'] as const;
  for (const key of keys) {
    const from = key[0] === 'g' ? GYRO_LIMIT_FROM : ACCEL_LIMIT_FROM;
    let run = 1;
    for (let i = 1; i < samples.length; i++) {
      const v = samples[i]![key];
      run = v === samples[i - 1]![key] && Math.abs(v) >= from ? run + 1 : 1;
      if (run >= 3) {
        const start = i - run + 1;
        if (key[0] === 'g' && (firstGyro < 0 || start < firstGyro)) firstGyro = start;
        for (let j = Math.max(0, i - run); j <= Math.min(samples.length - 1, i + 1); j++) limited[j] = 1;
      }
    }
  }
  return firstGyro;
}
