// What a phone or IMU on the foot (and optionally one on the shin) hands the motion engine.

/** One inertial reading in the sensor's own frame. */
export interface ImuReading {
  /** Specific force including gravity, m/s^2 (at rest the vector points up, about 9.81 long). */
  readonly ax: number;
  readonly ay: number;
  readonly az: number;
  /** Angular velocity, rad/s. */
  readonly gx: number;
  readonly gy: number;
  readonly gz: number;
  /** Optional orientation quaternion [w, x, y, z], sensor to world (e.g. a phone's game rotation vector). */
  readonly q?: readonly [number, number, number, number] | null;
}

/** One sample from the foot sensor, with the shin sensor's reading when there is one. */
export interface ImuSample extends ImuReading {
  /** Time of the sample, ms. */
  readonly tMs: number;
  /** The shank (shin) sensor at the same time, for the two-sensor relative angle. */
  readonly shank?: ImuReading | null;
}

/** Standard gravity, m/s^2: what a resting accelerometer reads. */
export const G_MS2 = 9.80665;
const G = G_MS2;

/** Why a reading cannot be used, or null: not numbers, or beyond any phone's sensor range. */
export function imuReadingProblem(r: ImuReading | null | undefined): 'bad-sample' | 'absurd-value' | null {
  if (!r) return 'bad-sample';
  const { ax, ay, az, gx, gy, gz } = r;
  if (!Number.isFinite(ax + ay + az + gx + gy + gz)) return 'bad-sample';
  // 16 g and 2000 deg/s are the usual full-scale limits; beyond them the reading is not physical.
  if (Math.hypot(ax, ay, az) > 16 * G || Math.hypot(gx, gy, gz) > 35) return 'absurd-value';
  if (r.q) {
    const [w, x, y, z] = r.q;
    const n = Math.hypot(w, x, y, z);
    if (!Number.isFinite(n) || Math.abs(n - 1) > 0.1) return 'bad-sample';
  }
  return null;
}
