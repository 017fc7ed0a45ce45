// A turn read within ±180 deg, made continuous: each angle within half a turn of the one before.
// A gravity-free phone's heading drifts with nothing to hold it; read within ±180 its angle jumped
// a full turn when the drift passed half a turn, splitting the rep under way in two (stress set
// tuning 32028: 44 and 22 deg of a 46-deg pump) or making a "rep" of the jump in the rest after
// the set.

export interface AngleUnwrap {
  /** `deg` (read within ±180) plus the full turns that keep it within half a turn of the last. */
  next(deg: number): number;
  /** A new reference: the next angle is taken as it is. */
  reset(): void;
}

export function createAngleUnwrap(): AngleUnwrap {
  return new Unwrap();
}

/** `createAngleUnwrap`'s: a class, so that its per-sample call inlines. */
class Unwrap implements AngleUnwrap {
  /** The full turns added so far, degrees. */
  private turnsDeg = 0;
  /** The last angle handed out (NaN: none since the reference). */
  private lastDeg = Number.NaN;
  next(deg: number): number {
    let d = deg + this.turnsDeg;
    if (!Number.isNaN(this.lastDeg)) {
      while (d - this.lastDeg > 180) {
        this.turnsDeg -= 360;
        d -= 360;
      }
      while (d - this.lastDeg < -180) {
        this.turnsDeg += 360;
        d += 360;
      }
    }
    this.lastDeg = d;
    return d;
  }
  reset(): void {
    this.turnsDeg = 0;
    this.lastDeg = Number.NaN;
  }
}
