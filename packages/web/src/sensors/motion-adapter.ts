// Between the motion engine and the session machine: a rep as the session takes it, and the
// patient's saved range as a motion calibration.
import type { SensorRep, TimedRange } from '@anklepump/exercise';
import type { AngleCorrection, MotionCalibration, RepMetrics } from '@anklepump/motion';
import type { Calibration } from '../store/settings.ts';

/**
 * In a live session (camera or phone) a rep whose toes-up end is barely above neutral completes
 * once the foot has rested near neutral this long (the engine's `restEndsRepS`), seconds: after a
 * set's last pump nothing else would complete it, and the patient would wait for a count that
 * never comes. A recording's analysis completes it at its end instead.
 */
export const LIVE_REST_ENDS_REP_S = 1.5;

/** Maps the motion engine's rep to what the session machine takes. */
export function toSensorRep(r: RepMetrics): SensorRep {
  return {
    side: r.side,
    tMs: r.tMs,
    full: r.full,
    rangeDeg: r.rangeDeg,
    peakPlantarDeg: r.peakPlantarDeg,
    peakDorsiDeg: r.peakDorsiDeg,
    plantarHoldS: r.plantarHoldS,
    dorsiHoldS: r.dorsiHoldS,
    legMoved: r.legMovementMeasured ? r.legMoved : false,
    smoothness: r.smoothness,
  };
}

/**
 * A rep for a phone check: when it happened, as epoch ms (the middle between its toes-down and
 * toes-up peaks; the time the rep is recognised as complete lags by up to seconds, and differently
 * for a camera and a phone), and its range.
 */
export function timedRep(r: RepMetrics): TimedRange {
  return { atMs: performance.timeOrigin + (r.plantarTMs + r.dorsiTMs) / 2, rangeDeg: r.rangeDeg };
}

/** A motion calibration from the patient's measured range (neutral is relearned at each rest). */
export function motionCalibration(
  source: MotionCalibration['source'],
  correction: AngleCorrection,
  cal: Calibration | null,
): MotionCalibration | undefined {
  if (!cal) return undefined;
  const side = { neutralDeg: null, rangeDeg: Math.max(1, cal.upDeg - cal.downDeg) };
  return { version: 1, source, correction, left: side, right: side };
}
