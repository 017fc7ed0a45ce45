// Where one leg is, sample by sample, for the rep engine's leg-moved reading: the knee and ankle
// against the hip (low-passed at 2 Hz: landmark jitter is not leg movement), the hip's offset from
// where the pelvis rests, and the knee's bend, each in units of the leg-moved threshold.

import { angleBetweenDeg, type LegReading } from './landmark-angle.ts';
import type { TrackerInput } from './tracker-contract.ts';

/**
 * The leg-moved threshold's unit for the knee's bend, degrees: the rep engine flagged a leg that
 * stayed 0.6 of a unit away (8 deg of bend) for 200 ms when this was chosen (0.45 of it, 6 deg, and
 * 8 x the knee angle's own jitter since: leg-history.ts). A knee bend of 10 deg lifts the knee by about 0.09
 * of the shank, just the positions' bar; the bend itself is plain in the knee's angle. On the stress
 * set's tuning seeds (camera, 32 sets a family), each rep judged whole (leg-history.ts): precision
 * and recall without it 0.81 and 0.74; with it at 10 deg 0.81 and 0.75, at 8 deg 0.80 and 0.77, at 6
 * deg 0.78 and 0.80.
 */
const KNEE_BEND_UNIT_DEG = 8 / 0.6;
const POS_TAU_MS = 1000 / (2 * Math.PI * 2);
const posAlpha = (dtMs: number) => dtMs / (POS_TAU_MS + dtMs);
/**
 * The pelvis rests through a set, but a pose model's hip point jitters (the stress set's landmarks:
 * up to 10 px of it, a seventh of a shank), and the knee and ankle were measured against each
 * frame's hip, so the leg-moved flag's bar, 8 times the readings' own jitter (leg-history.ts), rose
 * with the hip's noise over slides and knee bends it should have seen. The flag reads the knee and
 * ankle against the hip low-passed with this time constant, ms (`hipOffX`, `hipOffY`); settling
 * still reads them against the hip as seen (against the rested hip, a resting foot's noise settled
 * and counted more often: stress set tuning seeds, camera, 64 a family, spurious reps on resting
 * feet 28 -> 36). Tuning seeds (64 a family), flag precision / recall: against the frame's hip
 * 0.911 / 0.834; against the rested hip, 500 ms, 0.905 / 0.856 (1000 ms at 32 a family: 0.900 /
 * 0.852, 500 ms 0.900 / 0.850); with leg-history.ts's settled slide, 0.902 / 0.868. Counts unchanged.
 */
const HIP_REST_TAU_MS = 1000;

/** One leg's position reading (landmark-analyzer.ts keeps one per side). */
export class LegPosition {
  /** Knee and ankle against the hip, low-passed (2 Hz), pixels: x, y, x, y. */
  private readonly pos = new Float64Array(4);
  private posT = Number.NaN;
  /** Where the pelvis rests: the hip low-passed over HIP_REST_TAU_MS, pixels x, y (NaN: not yet). */
  private readonly hipRest = Float64Array.of(Number.NaN, Number.NaN);
  /** The hip as seen less `hipRest`, low-passed as `pos` is, pixels x, y. */
  private readonly hipOff = new Float64Array(2);
  /** The knee's angle between thigh and shank in the picture, smoothed like `pos`, degrees (NaN: not yet). */
  private kneeDeg = Number.NaN;

  /**
   * Writes the leg's reading at `tMs` into `input` (leg0..leg4, hipOffX, hipOffY, legSeen): knee
   * and ankle from `r`, the hip at (`hipX`, `hipY`) pixels (NaN: not seen; the positions are then
   * the picture's), in units of `unitPx`. A `doubted` frame's points hold the readings where they
   * were, and say the leg was not seen.
   */
  read(
    input: TrackerInput,
    tMs: number,
    r: Pick<LegReading, 'kneeX' | 'kneeY' | 'ankleX' | 'ankleY' | 'shankPx'>,
    hipX: number,
    hipY: number,
    unitPx: number,
    doubted: boolean,
  ): void {
    const p = this.pos;
    const dtMs = tMs - this.posT;
    const k = doubted ? 0 : Number.isNaN(this.posT) ? 1 : posAlpha(dtMs);
    this.posT = tMs;
    input.legSeen = !doubted;
    const hipSeen = !Number.isNaN(hipX);
    const hx = hipSeen ? hipX : 0;
    const hy = hipSeen ? hipY : 0;
    p[0] = p[0]! + k * (r.kneeX - hx - p[0]!);
    p[1] = p[1]! + k * (r.kneeY - hy - p[1]!);
    p[2] = p[2]! + k * (r.ankleX - hx - p[2]!);
    p[3] = p[3]! + k * (r.ankleY - hy - p[3]!);
    input.leg0 = p[0]! / unitPx;
    input.leg1 = p[1]! / unitPx;
    input.leg2 = p[2]! / unitPx;
    input.leg3 = p[3]! / unitPx;
    // The hip against where the pelvis rests, low-passed as the positions are (both filters are
    // linear, so leg0 + hipOffX is the knee against the rested hip, low-passed the same way).
    const rest = this.hipRest;
    const off = this.hipOff;
    if (!hipSeen) {
      // No hip: the positions are the picture's, and so is the flag's reading.
      off[0] = 0;
      off[1] = 0;
    } else if (Number.isNaN(rest[0]!)) {
      rest[0] = hx;
      rest[1] = hy;
      off[0] = 0;
      off[1] = 0;
    } else if (k > 0) {
      const kr = dtMs / (HIP_REST_TAU_MS + dtMs);
      rest[0] = rest[0]! + kr * (hx - rest[0]!);
      rest[1] = rest[1]! + kr * (hy - rest[1]!);
      off[0] = off[0]! + k * (hx - rest[0]! - off[0]!);
      off[1] = off[1]! + k * (hy - rest[1]! - off[1]!);
    }
    input.hipOffX = off[0]! / unitPx;
    input.hipOffY = off[1]! / unitPx;
    // The knee's bend: the angle between thigh (knee -> hip) and shank (knee -> ankle), read only
    // while the thigh in the picture is at least half the shank's length (a thigh seen end-on, or a
    // hip placed near the knee, turns a pixel of jitter into degrees of bend).
    const ux = hx - r.kneeX;
    const uy = hy - r.kneeY;
    if (doubted) {
      // The knee's bend as last seen (input.leg4 keeps its value).
    } else if (hipSeen && ux * ux + uy * uy >= 0.25 * r.shankPx * r.shankPx) {
      const kneeDeg = angleBetweenDeg(ux, uy, r.ankleX - r.kneeX, r.ankleY - r.kneeY);
      this.kneeDeg = Number.isNaN(this.kneeDeg) ? kneeDeg : this.kneeDeg + k * (kneeDeg - this.kneeDeg);
      input.leg4 = this.kneeDeg / KNEE_BEND_UNIT_DEG;
    } else input.leg4 = Number.NaN;
  }

  /** Forgets where the leg and the pelvis were (a new recording, or the person lost). */
  reset(): void {
    this.posT = Number.NaN;
    this.hipRest.fill(Number.NaN);
    this.kneeDeg = Number.NaN;
  }
}
