// A foot that does not turn in one plane: what a sensor on a real foot feels besides the pump.
//
// The generator's foot otherwise turns about one fixed axis, square to the leg, and the phone is
// fixed to it: a planar hinge. A real ankle is not one. Its pumping axis (the talocrural axis)
// runs obliquely through the malleoli, tilted from the leg's side-to-side line by some 10-20 deg
// in the horizontal and the frontal plane, differently in each person; the foot rolls in
// (inversion) a little as it points down, through the joint below the ankle; the whole leg rolls
// out and back at the hip as a lying or sitting person shifts; and a phone strapped over soft
// tissue and a sock rocks on its strap after each quick turn. None of this is the pump, and the
// truth (the pump angle, degrees) stays the program's own: a sensor path that holds only on a
// planar hinge reads the extra rotation as pumping, or the pumping axis as wandering.
//
// All of it is a pure function of time, so the IMU generator can difference it as it does the
// planar hinge (imu-session.ts), plus one precomputed strap oscillation.

import { createRng, type Rng } from './prng.ts';

/** How far from a planar hinge the foot is: each part drawn per session (absent = a hinge). */
export interface Ankle3dSpec {
  /** The pumping axis tilted from square to the leg, degrees, each of two planes: drawn in +-this. */
  readonly axisTiltDeg: number;
  /** The foot rolls in by this share of its toes-down angle (the subtalar joint's coupling). */
  readonly inversionPerPlantar: readonly [number, number];
  /** Slow wander of the foot's roll in and out, degrees (amplitude). */
  readonly rollWanderDeg: readonly [number, number];
  /** Slow wander of the whole leg's roll at the hip, degrees (amplitude). */
  readonly legRollDeg: readonly [number, number];
  /** The phone rocking on its strap after each quick turn: amplitude per 100 deg/s of pump, degrees. */
  readonly strapDegPer100DegS: readonly [number, number];
  /** The strap's own frequency, Hz. */
  readonly strapHz: readonly [number, number];
}

/** The default draw: what a real ankle and a strapped phone plausibly do. */
export const REAL_ANKLE: Ankle3dSpec = {
  axisTiltDeg: 20,
  inversionPerPlantar: [0.05, 0.3],
  rollWanderDeg: [1, 4],
  legRollDeg: [2, 10],
  strapDegPer100DegS: [0.2, 1.5],
  strapHz: [6, 14],
};

export type M3 = number[];
const D2R = Math.PI / 180;

const rotX = (a: number): M3 => [1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)];
export const rotY = (a: number): M3 => [Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)];
export const rotZ = (a: number): M3 => [Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1];

export function mul(a: M3, b: M3): M3 {
  const o = new Array(9).fill(0);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) o[i * 3 + j] += a[i * 3 + k]! * b[k * 3 + j]!;
  return o;
}

const transpose = (m: M3): M3 => [m[0]!, m[3]!, m[6]!, m[1]!, m[4]!, m[7]!, m[2]!, m[5]!, m[8]!];

/** Rotation by `a` radians about the unit axis `n` (Rodrigues). */
function rotAxis(n: readonly number[], a: number): M3 {
  const [x, y, z] = n as [number, number, number];
  const c = Math.cos(a);
  const s = Math.sin(a);
  const t = 1 - c;
  return [
    t * x * x + c,
    t * x * y - s * z,
    t * x * z + s * y,
    t * x * y + s * z,
    t * y * y + c,
    t * y * z - s * x,
    t * x * z - s * y,
    t * y * z + s * x,
    t * z * z + c,
  ];
}

/**
 * The body angular velocity (rad/s, in the rotated frame's own axes) of a rotation known at
 * `t - hS` and `t + hS`, with `r` its value at `t`: the axial vector of R^T dR/dt.
 */
export function bodyRate(before: M3, r: M3, after: M3, hS: number): [number, number, number] {
  const d = after.map((v, i) => (v - before[i]!) / (2 * hS));
  const w = mul(transpose(r), d);
  return [(w[7]! - w[5]!) / 2, (w[2]! - w[6]!) / 2, (w[3]! - w[1]!) / 2];
}

/** A slow wander: three sines at 0.03-0.3 Hz with random phases, peak about `amp`. */
function wander(rng: Rng, amp: number): (tS: number) => number {
  const parts = [0, 1, 2].map(() => ({
    hz: rng.range(0.03, 0.3),
    phase: rng.range(0, 2 * Math.PI),
    k: rng.range(0.5, 1),
  }));
  const norm = parts.reduce((s, p) => s + p.k, 0);
  return (tS) =>
    (amp / norm) * parts.reduce((s, p) => s + p.k * Math.sin(2 * Math.PI * p.hz * tS + p.phase), 0);
}

export interface Ankle3d {
  /**
   * The foot's rotation at `tMs` for a pump of `pumpDeg` and a knee bend `betaRad`: the leg's
   * roll, the knee bend, the pump about the oblique axis, then the foot's own roll.
   */
  foot(tMs: number, pumpDeg: number, betaRad: number): M3;
  /** The shank's rotation (the leg's roll and the knee bend). */
  shank(tMs: number, betaRad: number): M3;
  /** The strap's rocking of the phone on the foot at `tMs`, as a rotation in the foot's frame. */
  strap(tMs: number): M3;
}

/**
 * The strap's rocking angle (radians) over a session: a damped oscillator driven by the pump's
 * angular acceleration (a quick turn's start and stop set it rocking), integrated at 1 ms from
 * 10 ms before the session's start; read between steps, and held to +-0.1 rad.
 */
function strapRocking(
  pumpDegAt: (tMs: number) => number,
  durationMs: number,
  gainPerDegS2: number,
  wRadS: number,
  zeta: number,
): (tMs: number) => number {
  const stepS = 0.001;
  const n = Math.ceil(durationMs + 20) + 2;
  const rad = new Float64Array(n);
  let th = 0;
  let v = 0;
  let rPrev = 0;
  let pPrev = pumpDegAt(-1);
  for (let i = 0; i < n; i++) {
    const p = pumpDegAt(i - 10);
    const rate = (p - pPrev) / stepS;
    const acc = (rate - rPrev) / stepS;
    pPrev = p;
    rPrev = rate;
    // theta'' + 2 zeta w theta' + w^2 theta = -gain * pump'' (degrees -> radians).
    v += stepS * (-gainPerDegS2 * acc * D2R - 2 * zeta * wRadS * v - wRadS * wRadS * th);
    th += stepS * v;
    rad[i] = th;
  }
  return (tMs) => {
    const x = tMs + 10;
    const i = Math.max(0, Math.min(n - 2, Math.floor(x)));
    const f = Math.max(0, Math.min(1, x - i));
    return Math.max(-0.1, Math.min(0.1, rad[i]! * (1 - f) + rad[i + 1]! * f));
  };
}

/**
 * Draws one session's 3-D ankle from `spec`, on a stream of its own derived from the session's
 * `seed` (so a session draws everything else as it would without it). `program` is the person's:
 * its pump angle (degrees, session time from `startMs`) drives the foot's coupled roll and, through
 * its rate, the strap, which is integrated only when first read (a camera never reads it).
 */
export function drawAnkle3d(
  spec: Ankle3dSpec,
  seed: number,
  program: { angleAt(tMs: number): number; readonly durationMs: number },
  startMs: number,
): Ankle3d {
  const rng = createRng((seed ^ 0x3d3d3d) >>> 0);
  const tiltH = rng.range(-spec.axisTiltDeg, spec.axisTiltDeg) * D2R;
  const tiltF = rng.range(-spec.axisTiltDeg, spec.axisTiltDeg) * D2R;
  // The side-to-side axis z turned in the horizontal plane (about y) and the frontal plane (about x).
  const axis = [Math.sin(tiltH) * Math.cos(tiltF), -Math.sin(tiltF), Math.cos(tiltH) * Math.cos(tiltF)];
  const coupling = rng.range(spec.inversionPerPlantar[0], spec.inversionPerPlantar[1]);
  const footRoll = wander(rng, rng.range(spec.rollWanderDeg[0], spec.rollWanderDeg[1]) * D2R);
  const legRoll = wander(rng, rng.range(spec.legRollDeg[0], spec.legRollDeg[1]) * D2R);
  const strapGain = rng.range(spec.strapDegPer100DegS[0], spec.strapDegPer100DegS[1]) / 100;
  const strapW = 2 * Math.PI * rng.range(spec.strapHz[0], spec.strapHz[1]);
  const zeta = rng.range(0.1, 0.3);
  const a1 = rng.range(-1, 1);
  const a2 = rng.range(-1, 1);
  const strapAxis = [a1, 1, a2].map((v) => v / Math.hypot(a1, 1, a2));
  let strapAt: ((tMs: number) => number) | null = null;
  const legAt = (tMs: number) => rotX(legRoll((startMs + tMs) / 1000));
  return {
    foot(tMs, pumpDeg, betaRad) {
      const roll = coupling * Math.max(0, -pumpDeg) * D2R + footRoll((startMs + tMs) / 1000);
      // The foot's long axis at neutral is y (lying: the toes up); its roll turns about it.
      return mul(mul(mul(legAt(tMs), rotZ(-betaRad)), rotAxis(axis, pumpDeg * D2R)), rotY(roll));
    },
    shank(tMs, betaRad) {
      return mul(legAt(tMs), rotZ(-betaRad));
    },
    strap(tMs) {
      strapAt ??= strapRocking((t) => program.angleAt(t), program.durationMs, strapGain, strapW, zeta);
      return rotAxis(strapAxis, strapAt(tMs));
    },
  };
}
