// What a finished session's degrees rest on, for the record (exercise's DegreesBasis): the app
// knows whether the sensor's calibration was in use and whether the camera's view changed.
import type { DegreesBasis, SessionRecord } from '@anklepump/exercise';
import type { Method } from '../app/app.ts';

/**
 * The basis for a session checked by `method`: none for timing only (nothing was measured);
 * `viewChangedAtMs` is the first time the rep engine said the camera's view changed (epoch ms), or
 * null; `phoneGain` the gain a phone check of the camera's view gave its calibration, or null.
 */
export function degreesBasis(
  method: Method,
  calibrated: boolean,
  viewChangedAtMs: number | null,
  phoneGain: number | null = null,
): DegreesBasis | null {
  if (method === 'timing') return null;
  const checked = method === 'camera' && calibrated && phoneGain !== null ? { phoneGain } : {};
  if (method === 'camera' && viewChangedAtMs !== null) {
    return { kind: 'view-changed', atMs: Math.round(viewChangedAtMs), calibrated, ...checked };
  }
  return calibrated ? { kind: 'calibrated', ...checked } : { kind: 'uncalibrated' };
}

/**
 * The record with its degrees' basis. A view change outside the record's own time (a clock that
 * moved, a change said after the last event) is clamped into it, so the record stays one the
 * clinic accepts.
 */
export function withDegreesBasis(record: SessionRecord, basis: DegreesBasis | null): SessionRecord {
  if (basis === null || record.mode !== 'verified') return record;
  if (basis.kind !== 'view-changed') return { ...record, degrees: basis };
  const atMs = Math.min(record.endedAtMs, Math.max(record.startedAtMs, basis.atMs));
  return { ...record, degrees: { ...basis, atMs } };
}
