// A rotation axis learned from a gyro's direction (rad/s, sensor frame): while one segment turns
// about one axis, the gyro vector points along it, free of the heading drift orientation carries.
// Used for the foot's pumping axis and for the shin's own axis.

export interface GyroAxis {
  /** True once the axis is known (seeded, or learned from a first turn). */
  readonly known: boolean;
  /** The unit axis, sensor frame; meaningful only while `known`. */
  readonly axis: Float64Array;
  /** Sets the axis (a unit vector) outright. */
  seed(x: number, y: number, z: number): void;
  /**
   * Moves a known axis `weight` (0..1) of the way toward the unit vector `x, y, z`, taken the way
   * the axis points now (a turn either way about it is the same axis).
   */
  toward(x: number, y: number, z: number, weight: number): void;
  /**
   * Moves the axis toward the gyro's direction when the rate exceeds the turn threshold (seeding
   * it from the first such turn when unknown). Returns the rate about the axis before the update,
   * rad/s, or 0 when the segment turned too slowly to learn from.
   */
  learn(gx: number, gy: number, gz: number): number;
  clear(): void;
}

/** `minTurnRadS`: slower turns teach nothing; `rate` (0..1): how far one turn moves the axis. */
export function createGyroAxis(minTurnRadS: number, rate: number): GyroAxis {
  const axis = new Float64Array(3);
  let known = false;
  function toward(x: number, y: number, z: number, weight: number): void {
    const s = x * axis[0]! + y * axis[1]! + z * axis[2]! < 0 ? -1 : 1;
    const nx = axis[0]! + weight * (s * x - axis[0]!);
    const ny = axis[1]! + weight * (s * y - axis[1]!);
    const nz = axis[2]! + weight * (s * z - axis[2]!);
    const m = Math.hypot(nx, ny, nz);
    if (!(m > 1e-9)) return;
    axis[0] = nx / m;
    axis[1] = ny / m;
    axis[2] = nz / m;
  }
  return {
    get known() {
      return known;
    },
    axis,
    seed(x, y, z) {
      axis[0] = x;
      axis[1] = y;
      axis[2] = z;
      known = true;
    },
    learn(gx, gy, gz) {
      const n = Math.hypot(gx, gy, gz);
      if (n < minTurnRadS) return 0;
      if (!known) {
        axis[0] = gx / n;
        axis[1] = gy / n;
        axis[2] = gz / n;
        known = true;
      }
      const along = gx * axis[0]! + gy * axis[1]! + gz * axis[2]!;
      // The gyro may turn either way about the axis: follow its direction, not its sign.
      const inv = 1 / n;
      toward(gx * inv, gy * inv, gz * inv, rate);
      return along;
    },
    toward,
    clear() {
      known = false;
    },
  };
}
