// Minimal unit-quaternion arithmetic ([w, x, y, z], sensor to world) for the IMU sources. Writes
// into caller-owned arrays so the per-sample path does not allocate.

export type Quat = Float64Array;

export const quat = (): Quat => Float64Array.of(1, 0, 0, 0);

/** out = (aw, ax, ay, az) * b, the Hamilton product. out may not alias b. */
function product(aw: number, ax: number, ay: number, az: number, b: Quat, out: Quat): Quat {
  const [bw, bx, by, bz] = [b[0]!, b[1]!, b[2]!, b[3]!];
  out[0] = aw * bw - ax * bx - ay * by - az * bz;
  out[1] = aw * bx + ax * bw + ay * bz - az * by;
  out[2] = aw * by - ax * bz + ay * bw + az * bx;
  out[3] = aw * bz + ax * by - ay * bx + az * bw;
  return out;
}

/** out = a * b. out may not alias a or b. */
export function mul(a: Quat, b: Quat, out: Quat): Quat {
  return product(a[0]!, a[1]!, a[2]!, a[3]!, b, out);
}

/** out = a^-1 * b (a unit). out may not alias a or b. */
export function conjMul(a: Quat, b: Quat, out: Quat): Quat {
  return product(a[0]!, -a[1]!, -a[2]!, -a[3]!, b, out);
}

export function normalize(q: Quat): Quat {
  const n = Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!) || 1;
  q[0]! /= n;
  q[1]! /= n;
  q[2]! /= n;
  q[3]! /= n;
  return q;
}

/** Rotation angle of q, degrees (0..180). */
export function angleOf(q: Quat): number {
  const v = Math.hypot(q[1]!, q[2]!, q[3]!);
  return (2 * Math.atan2(v, Math.abs(q[0]!)) * 180) / Math.PI;
}

/** Signed angle of q's twist about the unit axis e, degrees (-180..180]. */
export function twistAbout(q: Quat, ex: number, ey: number, ez: number): number {
  const p = q[1]! * ex + q[2]! * ey + q[3]! * ez;
  let a = (2 * Math.atan2(p, q[0]!) * 180) / Math.PI;
  if (a > 180) a -= 360;
  if (a <= -180) a += 360;
  return a;
}

/** World-up (the gravity reaction) seen in the sensor frame of q. */
export function upInSensor(q: Quat, out: Float64Array): Float64Array {
  const w = q[0]!;
  const x = q[1]!;
  const y = q[2]!;
  const z = q[3]!;
  out[0] = 2 * (x * z - w * y);
  out[1] = 2 * (w * x + y * z);
  out[2] = w * w - x * x - y * y + z * z;
  return out;
}

/** The angle between two unit vectors (e.g. two views of up), degrees; exact near 0 and 180. */
export function turnBetweenDeg(a: Float64Array, b: Float64Array): number {
  const x = b[1]! * a[2]! - b[2]! * a[1]!;
  const y = b[2]! * a[0]! - b[0]! * a[2]!;
  const z = b[0]! * a[1]! - b[1]! * a[0]!;
  const cos = a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  return (Math.atan2(Math.hypot(x, y, z), cos) * 180) / Math.PI;
}
