// Per-session calibration of camera degrees against the phone on the foot: for 2-3 reps the patient
// has the phone on the foot while the camera watches; a straight line from the camera's angle to the
// phone's fits this view's gain and offset. Pure: two angle series in, the fit and its quality out.

export interface AngleSample {
  readonly tMs: number;
  readonly angleDeg: number;
}

/** corrected = gainx camera + offsetDeg, with how well it fitted. */
export interface ViewCalibration {
  readonly gain: number;
  readonly offsetDeg: number;
  /** RMS of phone - corrected camera over the paired samples, degrees. */
  readonly rmsDeg: number;
  /** Paired samples used. */
  readonly n: number;
  /** Swing of the phone's angle over the pairs (p95 - p5), degrees: a fit needs real movement. */
  readonly swingDeg: number;
}

export type ViewCalibrationResult =
  | { readonly ok: true; readonly calibration: ViewCalibration }
  | {
      readonly ok: false;
      readonly code: 'too-few-pairs' | 'too-little-movement' | 'poor-fit';
      readonly message: string;
    };

/** Pairs closer in time than this are matched (milliseconds). */
const PAIR_WINDOW_MS = 40;

/**
 * Fits phone ~ gain x camera + offset over samples paired by time (within 40 ms). Refuses fewer
 * than 30 pairs, a phone swing under 20 deg (less than a rep), a gain outside 0.5..4 or an RMS
 * above 4 deg, saying which.
 */
export function fitViewCalibration(
  camera: readonly AngleSample[],
  phone: readonly AngleSample[],
): ViewCalibrationResult {
  const pairs: [number, number][] = [];
  let j = 0;
  for (const c of camera) {
    if (!Number.isFinite(c.angleDeg)) continue;
    while (j + 1 < phone.length && phone[j + 1]!.tMs <= c.tMs) j++;
    const cands = [phone[j], phone[j + 1]].filter(
      (p): p is AngleSample =>
        p !== undefined && Number.isFinite(p.angleDeg) && Math.abs(p.tMs - c.tMs) <= PAIR_WINDOW_MS,
    );
    if (cands.length === 0) continue;
    const p = cands.reduce((a, b) => (Math.abs(a.tMs - c.tMs) <= Math.abs(b.tMs - c.tMs) ? a : b));
    pairs.push([c.angleDeg, p.angleDeg]);
  }
  if (pairs.length < 30) {
    return {
      ok: false,
      code: 'too-few-pairs',
      message: `only ${pairs.length} camera frames matched phone samples in time (30 needed)`,
    };
  }
  const ys = pairs.map((p) => p[1]).sort((a, b) => a - b);
  const swingDeg = ys[Math.floor(0.95 * (ys.length - 1))]! - ys[Math.floor(0.05 * (ys.length - 1))]!;
  if (swingDeg < 20) {
    return {
      ok: false,
      code: 'too-little-movement',
      message: `the foot moved ${swingDeg.toFixed(0)} deg; do 2-3 full pumps to calibrate`,
    };
  }
  const n = pairs.length;
  const mx = pairs.reduce((a, p) => a + p[0], 0) / n;
  const my = pairs.reduce((a, p) => a + p[1], 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of pairs) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  }
  const gain = sxx > 0 ? sxy / sxx : Number.NaN;
  const offsetDeg = my - gain * mx;
  const rmsDeg = Math.sqrt(pairs.reduce((a, [x, y]) => a + (y - gain * x - offsetDeg) ** 2, 0) / n);
  if (!(gain >= 0.5 && gain <= 4) || rmsDeg > 4) {
    return {
      ok: false,
      code: 'poor-fit',
      message: `camera and phone do not agree (gain ${gain.toFixed(2)}, ${rmsDeg.toFixed(1)} deg RMS): check the phone sits firmly on the foot and the camera sees it from the side`,
    };
  }
  return { ok: true, calibration: { gain, offsetDeg, rmsDeg, n, swingDeg } };
}
