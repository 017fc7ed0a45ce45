// A person's calibration: neutral and range per foot plus the source's angle correction, saved as
// versioned JSON so the next session starts calibrated. Parsing returns a result, never throws.

import type { Side } from './landmark-frame.ts';
import type { NeutralFrom } from './motion-events.ts';

/** Per-foot calibration. Degrees are in the source's corrected units (after gain and offset). */
export interface SideCalibration {
  /** The corrected angle at neutral (foot at a right angle to the shank); null = learn at rest. */
  readonly neutralDeg: number | null;
  /** The person's own full range (dorsi peak minus plantar peak), degrees; null = learn from reps. */
  readonly rangeDeg: number | null;
  /** The person's usual toes-down and toes-up peaks relative to neutral, degrees (for display). */
  readonly plantarDeg?: number | null;
  readonly dorsiDeg?: number | null;
}

/** Linear correction of a source's raw angle: corrected = gain * raw + offsetDeg. */
export interface AngleCorrection {
  /** 0.2..5. For BlazePose landmarks about 1 / 0.68 (the pose package measures it). */
  readonly gain: number;
  /** -90..90 degrees. */
  readonly offsetDeg: number;
}

export type CalibrationSource = 'landmarks' | 'imu' | 'imu-pair';

export interface MotionCalibration {
  readonly version: 1;
  readonly source: CalibrationSource;
  readonly correction: AngleCorrection;
  readonly left: SideCalibration | null;
  readonly right: SideCalibration | null;
}

export const IDENTITY_CORRECTION: AngleCorrection = { gain: 1, offsetDeg: 0 };

export interface CalibrationError {
  readonly code: 'calibration-invalid' | 'calibration-version';
  readonly message: string;
}

export type CalibrationResult =
  | { readonly success: true; readonly data: MotionCalibration }
  | { readonly success: false; readonly error: CalibrationError };

/** Serialises a calibration as JSON text (stable key order). */
export function serializeCalibration(c: MotionCalibration): string {
  const side = (s: SideCalibration | null) =>
    s
      ? {
          neutralDeg: s.neutralDeg,
          rangeDeg: s.rangeDeg,
          plantarDeg: s.plantarDeg ?? null,
          dorsiDeg: s.dorsiDeg ?? null,
        }
      : null;
  return JSON.stringify({
    version: c.version,
    source: c.source,
    correction: { gain: c.correction.gain, offsetDeg: c.correction.offsetDeg },
    left: side(c.left),
    right: side(c.right),
  });
}

const invalid = (message: string): CalibrationResult => ({
  success: false,
  error: { code: 'calibration-invalid', message },
});

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberOrNull(v: unknown, where: string, min: number, max: number): string | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    return `${where} must be null or a number from ${min} to ${max}`;
  }
  return null;
}

function parseSide(v: unknown, side: Side): SideCalibration | null | string {
  if (v === null || v === undefined) return null;
  if (!isRecord(v)) return `${side} must be an object or null`;
  if (v.neutralDeg === undefined || v.rangeDeg === undefined)
    return `${side} needs neutralDeg and rangeDeg (number or null)`;
  const e =
    numberOrNull(v.neutralDeg, `${side}.neutralDeg`, -180, 180) ??
    numberOrNull(v.rangeDeg, `${side}.rangeDeg`, 1, 180) ??
    numberOrNull(v.plantarDeg ?? null, `${side}.plantarDeg`, -180, 180) ??
    numberOrNull(v.dorsiDeg ?? null, `${side}.dorsiDeg`, -180, 180);
  if (e) return e;
  return {
    neutralDeg: v.neutralDeg as number | null,
    rangeDeg: v.rangeDeg as number | null,
    plantarDeg: (v.plantarDeg ?? null) as number | null,
    dorsiDeg: (v.dorsiDeg ?? null) as number | null,
  };
}

/** Parses JSON text (or an already-parsed value) into a calibration, saying what was wrong and where. */
export function parseCalibration(input: unknown): CalibrationResult {
  let v = input;
  if (typeof input === 'string') {
    try {
      v = JSON.parse(input);
    } catch (e) {
      return invalid(`calibration is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isRecord(v)) return invalid('calibration must be a JSON object');
  if (v.version !== 1) {
    return {
      success: false,
      error: {
        code: 'calibration-version',
        message: `calibration version ${String(v.version)} is not supported (expected 1)`,
      },
    };
  }
  if (v.source !== 'landmarks' && v.source !== 'imu' && v.source !== 'imu-pair') {
    return invalid('source must be one of landmarks, imu, imu-pair');
  }
  const c = v.correction;
  if (!isRecord(c)) return invalid('correction must be an object with gain and offsetDeg');
  if (typeof c.gain !== 'number' || !(c.gain >= 0.2 && c.gain <= 5)) {
    return invalid('correction.gain must be a number from 0.2 to 5');
  }
  if (typeof c.offsetDeg !== 'number' || !(c.offsetDeg >= -90 && c.offsetDeg <= 90)) {
    return invalid('correction.offsetDeg must be a number from -90 to 90');
  }
  const left = parseSide(v.left, 'left');
  if (typeof left === 'string') return invalid(left);
  const right = parseSide(v.right, 'right');
  if (typeof right === 'string') return invalid(right);
  return {
    success: true,
    data: { version: 1, source: v.source, correction: { gain: c.gain, offsetDeg: c.offsetDeg }, left, right },
  };
}

/** What a rep engine learned about one foot, as a calibration to save. */
export function sideCalibration(engine: {
  readonly neutralDeg: number | null;
  readonly neutralFrom: NeutralFrom | null;
  readonly givenRangeDeg: number | null;
  readonly personal: { rangeDeg: number; plantarDeg: number; dorsiDeg: number } | null;
}): SideCalibration {
  const p = engine.personal;
  // A neutral taken from the middle of the movement is no position the foot held: the next
  // session learns it at rest, and the peaks it would split the range into are not saved.
  const seen = engine.neutralFrom !== 'movement';
  return {
    neutralDeg: seen ? engine.neutralDeg : null,
    rangeDeg: p?.rangeDeg ?? engine.givenRangeDeg,
    plantarDeg: seen ? (p?.plantarDeg ?? null) : null,
    dorsiDeg: seen ? (p?.dorsiDeg ?? null) : null,
  };
}
