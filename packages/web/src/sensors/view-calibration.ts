// A camera calibration (neutral and range, from the calibrate screen) measures one view of the
// foot: the angle the camera reads depends on where it stands. It holds only for the camera it was
// made with; a camera opened later (the next session, set up again) is another view, and an older
// calibration there would put neutral and the range in the wrong place.
import type { Calibration } from '../store/settings.ts';

/** When the camera now open was opened (ms since the epoch, the clock calibrations are stamped with). */
export interface OpenView {
  readonly openedAtMs: number;
}

/** The saved camera calibration if it was made with `view`, the camera open now; else null. */
export function calibrationForView(
  cal: Calibration | undefined | null,
  view: OpenView | undefined | null,
): Calibration | null {
  if (!cal || !view) return null;
  return cal.atMs >= view.openedAtMs ? cal : null;
}

/** A saved camera calibration that the open camera cannot use: made with an earlier view. */
export function staleForView(
  cal: Calibration | undefined | null,
  view: OpenView | undefined | null,
): boolean {
  return !!cal && !!view && calibrationForView(cal, view) === null;
}
