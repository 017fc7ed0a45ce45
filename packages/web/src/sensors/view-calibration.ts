// A camera calibration (neutral and range, from the calibrate screen) measures one view of the
// foot: the angle the camera reads depends on where it stands. It holds only for the camera it was
// made with; a camera opened later (the next session, set up again) is another view, and an older
// calibration there would put neutral and the range in the wrong place.
import { PHONE_GAIN_LIMITS } from '@anklepump/exercise';
import type { Calibration } from '../store/settings.ts';

/**
 * When the view of the camera now open began (ms since the epoch, the clock calibrations are
 * stamped with): the camera was opened then, or was last seen to move (see `createViewStart`).
 */
export interface OpenView {
  readonly openedAtMs: number;
}

/**
 * The start of an open camera's view: when it was opened, moved on when the rep engine says the
 * view changed under a running session ('view-changed'). A calibration made before that is
 * another view's: the calibrate screen says so, and the next session does not use it.
 */
export function createViewStart(nowMs: () => number): OpenView & { moved(): void } {
  let openedAtMs = nowMs();
  return {
    get openedAtMs() {
      return openedAtMs;
    },
    moved() {
      openedAtMs = nowMs();
    },
  };
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

/**
 * The camera degree gain a calibration's phone check found for its view, or 1 (no check, or a
 * stored value no view gives: a damaged record is not trusted).
 */
export function phoneGainOf(cal: Calibration | undefined | null): number {
  const g = cal?.phone?.gain;
  return typeof g === 'number' && g >= PHONE_GAIN_LIMITS.min && g <= PHONE_GAIN_LIMITS.max ? g : 1;
}

/**
 * `cal` with a phone check of `gain` from `reps` reps at `atMs`: its degrees, measured at the gain
 * it had (1 without a check), are rescaled to the new one, so the range it holds stays the foot's.
 */
export function withPhoneGain(cal: Calibration, gain: number, reps: number, atMs: number): Calibration {
  const k = gain / phoneGainOf(cal);
  return {
    ...cal,
    neutralDeg: cal.neutralDeg * k,
    downDeg: cal.downDeg * k,
    upDeg: cal.upDeg * k,
    phone: { gain, reps, atMs },
  };
}
