// Synthetic IMU streams: a phone on the top of the foot (any mounting) and optionally a sensor on
// the shin, from the same kinematic leg, with gravity, noise, gyro bias and an exact truth.

import type { ImuReading, ImuSample, Side } from '@anklepump/motion';
import {
  type Ankle3d,
  type Ankle3dSpec,
  bodyRate,
  drawAnkle3d,
  type M3,
  mul,
  rotY,
  rotZ,
} from './ankle-3d.ts';
import { buildProgram, type ProgramSpec } from './ankle-program.ts';
import { type SessionTruth, truthFor } from './landmark-session.ts';
import { createRng, type Rng } from './prng.ts';

export interface ImuSessionSpec {
  /** Samples per second (10..200). */
  readonly hz: number;
  readonly side: Side;
  readonly program: ProgramSpec;
  /** 'aligned': sensor axes along the foot; 'random': any orientation on the foot. */
  readonly mounting: 'aligned' | 'random';
  /** Sensor noise (accelerometer 0.05 m/s^2, gyro 0.003 rad/s). */
  readonly noise: boolean;
  /** Constant biases (gyro about 0.01 rad/s per axis, accelerometer about 0.05 m/s^2). */
  readonly bias: boolean;
  /** Include the sensor's own orientation quaternion (drifting slowly in heading, like a phone's). */
  readonly quaternion: boolean;
  /** Include a second sensor on the shin. */
  readonly shank: boolean;
  /** 'long': two or three 0.8-2 s spells with no samples (radio dropouts). */
  readonly dropouts: 'none' | 'long';
  readonly timeJitter: number;
  /** Stress knobs (absent = off). Gyro bias standard deviation per axis, rad/s (default 0.01). */
  readonly gyroBiasRadS?: number;
  /** Gyro scale error: each axis reads (1 + e) times the truth, e uniform in +-this. */
  readonly gyroScaleError?: number;
  /** The accelerometer reports linear acceleration only (gravity removed, as some phone APIs do). */
  readonly gravityFree?: boolean;
  /** Where the sensor sits from the turning joint, metres along and across the segment (default foot top). */
  readonly leverM?: readonly [number, number];
  /** Readings clip at these full-scale limits (rad/s, m/s^2). */
  readonly clip?: { readonly gyroRadS: number; readonly accelMs2: number };
  /** Share of samples lost. */
  readonly sampleDropRate?: number;
  /**
   * A foot that does not turn in one plane (ankle-3d.ts): an oblique pumping axis, the foot
   * rolling in as it points down, the leg rolling at the hip, the phone rocking on its strap.
   * Drawn from its own seeded stream, so the rest of a session draws as it would without it.
   */
  readonly ankle3d?: Ankle3dSpec;
}

export interface ImuSession {
  readonly samples: ImuSample[];
  readonly truth: SessionTruth;
}

const D2R = Math.PI / 180;
const G = 9.80665;
const tmul = (m: M3, v: number[]) =>
  [0, 1, 2].map((j) => m[j]! * v[0]! + m[3 + j]! * v[1]! + m[6 + j]! * v[2]!);
const apply = (m: M3, v: number[]) =>
  [0, 1, 2].map((i) => m[i * 3]! * v[0]! + m[i * 3 + 1]! * v[1]! + m[i * 3 + 2]! * v[2]!);

function randomRotation(rng: Rng): M3 {
  // Shoemake's uniform random unit quaternion.
  const u1 = rng.next();
  const u2 = rng.next() * 2 * Math.PI;
  const u3 = rng.next() * 2 * Math.PI;
  const a = Math.sqrt(1 - u1);
  const b = Math.sqrt(u1);
  return quatToMat([a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3), b * Math.cos(u3)]);
}

function quatToMat([w, x, y, z]: number[]): M3 {
  return [
    1 - 2 * (y! * y! + z! * z!),
    2 * (x! * y! - w! * z!),
    2 * (x! * z! + w! * y!),
    2 * (x! * y! + w! * z!),
    1 - 2 * (x! * x! + z! * z!),
    2 * (y! * z! - w! * x!),
    2 * (x! * z! - w! * y!),
    2 * (y! * z! + w! * x!),
    1 - 2 * (x! * x! + y! * y!),
  ];
}

function matToQuat(m: M3): [number, number, number, number] {
  const tr = m[0]! + m[4]! + m[8]!;
  let w: number;
  let x: number;
  let y: number;
  let z: number;
  if (tr > 0) {
    const s = Math.sqrt(tr + 1) * 2;
    w = s / 4;
    x = (m[7]! - m[5]!) / s;
    y = (m[2]! - m[6]!) / s;
    z = (m[3]! - m[1]!) / s;
  } else if (m[0]! > m[4]! && m[0]! > m[8]!) {
    const s = Math.sqrt(1 + m[0]! - m[4]! - m[8]!) * 2;
    w = (m[7]! - m[5]!) / s;
    x = s / 4;
    y = (m[1]! + m[3]!) / s;
    z = (m[2]! + m[6]!) / s;
  } else if (m[4]! > m[8]!) {
    const s = Math.sqrt(1 + m[4]! - m[0]! - m[8]!) * 2;
    w = (m[2]! - m[6]!) / s;
    x = (m[1]! + m[3]!) / s;
    y = s / 4;
    z = (m[5]! + m[7]!) / s;
  } else {
    const s = Math.sqrt(1 + m[8]! - m[0]! - m[4]!) * 2;
    w = (m[3]! - m[1]!) / s;
    x = (m[2]! + m[6]!) / s;
    y = (m[5]! + m[7]!) / s;
    z = s / 4;
  }
  return [w, x, y, z];
}

/** Synthesises one IMU session and its truth; the same spec and seed give the same samples. */
export function synthImuSession(spec: ImuSessionSpec, seed: number): ImuSession {
  const rng = createRng(seed);
  const program = buildProgram(spec.program, rng);
  const mountFoot = spec.mounting === 'random' ? randomRotation(rng) : rotZ(0);
  const mountShank = spec.mounting === 'random' ? randomRotation(rng) : rotZ(0);
  const bias = () =>
    spec.bias ? [0, 1, 2].map(() => rng.normal() * (spec.gyroBiasRadS ?? 0.01)) : [0, 0, 0];
  const gBiasF = bias();
  const gBiasS = bias();
  const aBiasF = bias().map((b) => b * 5);
  const aBiasS = bias().map((b) => b * 5);
  const driftRadPerS = (rng.range(-1, 1) * (0.5 * D2R)) / 60;
  const e = spec.gyroScaleError ?? 0;
  const scale = e > 0 ? [0, 1, 2].map(() => 1 + rng.range(-e, e)) : [1, 1, 1];
  const lever = spec.leverM ?? [-0.03, 0.08];
  const dropouts: [number, number][] = [];
  if (spec.dropouts === 'long' && program.reps.length >= 3) {
    const from = program.reps[1]!.descentTMs;
    const to = program.setMs - 2000;
    for (let i = 0; i < 2; i++) {
      const s = from + ((to - from) * (i + rng.range(0.1, 0.7))) / 2;
      dropouts.push([s, s + rng.range(800, 2000)]);
    }
  }
  // World: x along the leg toward the foot, y up, z to the side. Angles of the foot and shank
  // segments about z (dorsiflexion positive); a knee bend tilts the shank by -beta.
  /** Where the ankle is and how far the knee bend tilts the shank (radians) at `tMs`. */
  const legGeometry = (tMs: number) => {
    const leg = program.legAt(tMs);
    const a = leg.thighLiftDeg * D2R;
    const beta = Math.asin(Math.min(1, (0.45 * Math.sin(a)) / 0.42));
    const knee = [leg.slideM + 0.45 * Math.cos(a), 0.1 + 0.45 * Math.sin(a), 0];
    return { beta, ankle: [knee[0]! + 0.42 * Math.cos(beta), knee[1]! - 0.42 * Math.sin(beta), 0] };
  };
  const pose = (tMs: number) => {
    const { beta, ankle } = legGeometry(tMs);
    const footPhi = program.angleAt(tMs) * D2R - beta;
    const r = apply(rotZ(footPhi), [lever[0]!, lever[1]!, 0]);
    const footPos = [ankle[0]! + r[0]!, ankle[1]! + r[1]!, 0];
    const rs = apply(rotZ(-beta), [-0.2, 0.05, 0]);
    const shankPos = [ankle[0]! + rs[0]!, ankle[1]! + rs[1]!, 0];
    return { footPhi, shankPhi: -beta, footPos, shankPos };
  };
  const h = 2;
  /** Set once the session's start is drawn (below); only with `spec.ankle3d`. */
  let a3: Ankle3d | null = null;
  const segment3d = (which: 'foot' | 'shank', tMs: number, mount: M3) => {
    const { beta, ankle } = legGeometry(tMs);
    const seg =
      which === 'foot'
        ? mul(a3!.foot(tMs, program.angleAt(tMs), beta), a3!.strap(tMs))
        : a3!.shank(tMs, beta);
    const r = apply(seg, which === 'foot' ? [lever[0]!, lever[1]!, 0] : [-0.2, 0.05, 0]);
    return { rot: mul(seg, mount), pos: [ankle[0]! + r[0]!, ankle[1]! + r[1]!, ankle[2]! + r[2]!] };
  };
  /** The sensor's specific force and body rate (both in its own axes) on the 3-D ankle. */
  const motion3d = (which: 'foot' | 'shank', tMs: number, mount: M3) => {
    const p0 = segment3d(which, tMs - h, mount);
    const p1 = segment3d(which, tMs, mount);
    const p2 = segment3d(which, tMs + h, mount);
    const acc = [0, 1, 2].map((i) => (p2.pos[i]! - 2 * p1.pos[i]! + p0.pos[i]!) / ((h / 1000) * (h / 1000)));
    if (!spec.gravityFree) acc[1]! += G;
    return { rs: p1.rot, f: tmul(p1.rot, acc), w: bodyRate(p0.rot, p1.rot, p2.rot, h / 1000) };
  };
  const planar = (which: 'foot' | 'shank', tMs: number, mount: M3) => {
    const p0 = pose(tMs - h);
    const p1 = pose(tMs);
    const p2 = pose(tMs + h);
    const key = which === 'foot' ? 'footPos' : 'shankPos';
    const phiKey = which === 'foot' ? 'footPhi' : 'shankPhi';
    const acc = [0, 1, 2].map(
      (i) => (p2[key][i]! - 2 * p1[key][i]! + p0[key][i]!) / ((h / 1000) * (h / 1000)),
    );
    if (!spec.gravityFree) acc[1]! += G;
    const rate = (p2[phiKey] - p0[phiKey]) / ((2 * h) / 1000);
    const rs = mul(rotZ(p1[phiKey]), mount);
    return { rs, f: tmul(rs, acc), w: tmul(mount, [0, 0, rate]) };
  };
  const reading = (
    which: 'foot' | 'shank',
    tMs: number,
    mount: M3,
    gb: number[],
    ab: number[],
  ): ImuReading => {
    const { rs, f, w } = a3 ? motion3d(which, tMs, mount) : planar(which, tMs, mount);
    const n = (s: number) => (spec.noise ? s * rng.normal() : 0);
    const cg = (v: number) =>
      spec.clip ? Math.max(-spec.clip.gyroRadS, Math.min(spec.clip.gyroRadS, v)) : v;
    const ca = (v: number) =>
      spec.clip ? Math.max(-spec.clip.accelMs2, Math.min(spec.clip.accelMs2, v)) : v;
    const out: ImuReading = {
      ax: ca(f[0]! + ab[0]! + n(0.05)),
      ay: ca(f[1]! + ab[1]! + n(0.05)),
      az: ca(f[2]! + ab[2]! + n(0.05)),
      gx: cg(w[0]! * scale[0]! + gb[0]! + n(0.003)),
      gy: cg(w[1]! * scale[1]! + gb[1]! + n(0.003)),
      gz: cg(w[2]! * scale[2]! + gb[2]! + n(0.003)),
      q: spec.quaternion ? matToQuat(mul(rotY(driftRadPerS * (tMs / 1000)), rs)) : null,
    };
    return out;
  };
  const startMs = Math.round(rng.range(500, 5000));
  if (spec.ankle3d) a3 = drawAnkle3d(spec.ankle3d, seed, program, startMs);
  const dtMs = 1000 / spec.hz;
  const samples: ImuSample[] = [];
  const count = Math.floor(program.durationMs / dtMs);
  for (let k = 0; k < count; k++) {
    const tRel = k * dtMs + (k > 0 ? spec.timeJitter * dtMs * rng.range(-0.5, 0.5) : 0);
    if (dropouts.some(([s, e]) => tRel >= s && tRel < e)) continue;
    if (spec.sampleDropRate && k > 0 && rng.chance(spec.sampleDropRate)) continue;
    const f = reading('foot', tRel, mountFoot, gBiasF, aBiasF);
    const shank = spec.shank ? reading('shank', tRel, mountShank, gBiasS, aBiasS) : null;
    samples.push({ tMs: startMs + tRel, ...f, shank });
  }
  return { samples, truth: truthFor(spec.side, program, dropouts, startMs, dtMs) };
}
