// One number per session and foot for exports: the median range of the session's measured reps,
// the same statistic the exercise package's range trend uses; and, beside it, what those degrees
// rest on (which sensor, whether calibrated, whether the camera's view changed).
import { type DegreesBasis, median } from '@anklepump/exercise';

type Obj = Record<string, unknown>;

/** Median range (deg) of one session's measured reps on `side`, or null if none were measured. */
export function sessionRangeDeg(body: unknown, side: 'left' | 'right'): number | null {
  const feet = (body as Obj).feet as Obj | undefined;
  const ranges = (feet?.[side] as Obj | undefined)?.rangesDeg;
  if (!Array.isArray(ranges) || ranges.length === 0) return null;
  return median(ranges as number[]);
}

/** The sensor a stored session names (validated on upload), or null (timing, or an older app). */
export function sessionSensor(body: unknown): 'camera' | 'phone' | null {
  const s = (body as Obj).sensor;
  return s === 'camera' || s === 'phone' ? s : null;
}

/** What the session's degrees rest on (validated on upload), or null when the app did not say. */
export function sessionDegrees(body: unknown): DegreesBasis | null {
  const b = (body as Obj).degrees as DegreesBasis | undefined;
  return b ?? null;
}

/**
 * How a session's degrees were measured, in words for an export's reader: the sensor, whether
 * calibrated, and when a camera's view changed (degrees after that are from another view).
 */
export function degreesMethodText(body: unknown): string {
  const d = body as Obj;
  if (d.mode !== 'verified') return 'Not sensor-verified';
  const sensor = sessionSensor(body);
  const basis = sessionDegrees(body);
  const how =
    sensor === 'camera'
      ? 'camera pose estimation on the device'
      : sensor === 'phone'
        ? 'phone motion sensors, phone on the foot'
        : 'on the device (camera pose or phone on foot; the app did not say which)';
  // A calibration ("Measure your range" in the app) sets neutral and the range; it does not make
  // camera degrees exact, so it is worded as what it did.
  const range = (calibrated: boolean) =>
    calibrated
      ? 'neutral and range measured before the session'
      : "neutral and range learned from the session's reps";
  // A phone check scaled the camera's degrees to what the phone on the foot measured, for that view.
  const phoneGain = basis !== null && basis.kind !== 'uncalibrated' ? basis.phoneGain : undefined;
  const checked =
    phoneGain === undefined
      ? ''
      : `; camera degrees scaled by ${phoneGain.toFixed(2)}, fitted against the phone on the foot for the camera's view`;
  const cal =
    basis === null
      ? 'calibration not reported'
      : basis.kind !== 'view-changed'
        ? `${range(basis.kind === 'calibrated')}${checked}`
        : `${range(basis.calibrated)}${checked}; the camera view changed at ${new Date(basis.atMs).toISOString()}: degrees after it are from another view`;
  // Still estimates: the gain fits the range's scale to the phone's, not each reading.
  const estimate = sensor === 'camera' ? '; camera degrees are estimates' : '';
  return `Measured by ${how}, median of the session's reps; ${cal}${estimate}`;
}
