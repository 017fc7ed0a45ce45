// Test helper (not exported): IMU samples of a foot turning about a horizontal ankle axis, with the
// sensor mounted in any orientation, optional shin sensor, gyro bias and a quaternion if wanted;
// optionally the sensor away from the ankle (its lever arm) and the ankle itself moving.

import type { ImuReading, ImuSample } from './imu-sample.ts';

type M3 = readonly number[];
const G = 9.80665;
const D2R = Math.PI / 180;

const rotX = (a: number): M3 => [1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)];
const mul = (a: M3, b: M3): number[] =>
  [0, 1, 2].flatMap((i) =>
    [0, 1, 2].map((j) => a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!),
  );
const tmul = (m: M3, v: readonly number[]) =>
  [0, 1, 2].map((j) => m[j]! * v[0]! + m[3 + j]! * v[1]! + m[6 + j]! * v[2]!);

/** A rotation from Euler angles (degrees, z-y-x), for mounting a sensor any way round. */
export function mount(zDeg: number, yDeg: number, xDeg: number): M3 {
  const z = zDeg * D2R;
  const y = yDeg * D2R;
  const rz = [Math.cos(z), -Math.sin(z), 0, Math.sin(z), Math.cos(z), 0, 0, 0, 1];
  const ry = [Math.cos(y), 0, Math.sin(y), 0, 1, 0, -Math.sin(y), 0, Math.cos(y)];
  return mul(mul(rz, ry), rotX(xDeg * D2R));
}

/** World position (m) of a sensor `leverM` (y, z at angle 0) from an ankle at `ankleM(t)`. */
function position(rotDeg: (t: number) => number, scene: ImuScene, tS: number): number[] {
  const [ly, lz] = scene.leverM ?? [0, 0];
  const a = rotDeg(tS) * D2R;
  const [ay, az] = scene.ankleM?.(tS) ?? [0, 0];
  return [0, ay + Math.cos(a) * ly - Math.sin(a) * lz, az + Math.sin(a) * ly + Math.cos(a) * lz];
}

function reading(
  rotDeg: (t: number) => number,
  m: M3,
  tS: number,
  biasRadS: number,
  scene: ImuScene,
): ImuReading {
  const h = 0.001;
  const rate = ((rotDeg(tS + h) - rotDeg(tS - h)) / (2 * h)) * D2R;
  const r = mul(rotX(rotDeg(tS) * D2R), m);
  const [p0, p1, p2] = [-h, 0, h].map((d) => position(rotDeg, scene, tS + d));
  const acc = [0, 1, 2].map((i) => (p2![i]! - 2 * p1![i]! + p0![i]!) / (h * h));
  const f = tmul(r, [acc[0]!, acc[1]!, acc[2]! + (scene.gravityFree ? 0 : G)]);
  const w = tmul(m, [rate, 0, 0]);
  return {
    ax: f[0]!,
    ay: f[1]!,
    az: f[2]!,
    gx: w[0]! + biasRadS,
    gy: w[1]! + biasRadS,
    gz: w[2]! + biasRadS,
  };
}

export interface ImuScene {
  /** Ankle angle, degrees. */
  ankleDeg: (tS: number) => number;
  /** Whole-leg tilt about the ankle axis, degrees (a knee bend or leg lift). */
  legDeg?: (tS: number) => number;
  footMount?: M3;
  shankMount?: M3;
  withShank?: boolean;
  biasRadS?: number;
  /** Where the foot sensor sits from the ankle, metres (across the axis: forward, up at angle 0). */
  leverM?: readonly [number, number];
  /** The ankle's own position across the axis, metres (the leg sliding or lifted). */
  ankleM?: (tS: number) => readonly [number, number];
  /** The accelerometer reports linear acceleration only. */
  gravityFree?: boolean;
}

/** Samples at `hz` from 0 to `endS` seconds. */
export function imuSamples(scene: ImuScene, endS: number, hz = 50): ImuSample[] {
  const leg = scene.legDeg ?? (() => 0);
  const fm = scene.footMount ?? mount(0, 0, 0);
  const sm = scene.shankMount ?? mount(30, 60, 10);
  const out: ImuSample[] = [];
  for (let k = 0; k * (1000 / hz) <= endS * 1000; k++) {
    const t = k / hz;
    const foot = reading((s) => scene.ankleDeg(s) + leg(s), fm, t, scene.biasRadS ?? 0, scene);
    const shank = scene.withShank
      ? reading(leg, sm, t, scene.biasRadS ?? 0, { ...scene, leverM: [0, 0] })
      : null;
    out.push({ tMs: (k * 1000) / hz, ...foot, shank });
  }
  return out;
}
