import {
  createSession,
  DEFAULT_DOSE,
  type SessionRecord,
  transition,
  validateSessionRecord,
} from '@anklepump/exercise';
import { describe, expect, it } from 'vitest';
import { degreesBasis, withDegreesBasis } from './degrees-basis.ts';

const T = Date.UTC(2026, 10, 30, 9);

function record(mode: 'verified' | 'timing'): SessionRecord {
  let s = createSession({
    sessionId: 'deg-1',
    regimenId: 'general',
    regimenVersion: 1,
    dose: DEFAULT_DOSE,
    mode,
    painBefore: 0,
  });
  s = transition(s, { type: 'start', tMs: T }).state;
  const end = transition(s, { type: 'abort', tMs: T + 60_000 });
  const save = end.effects.find((e) => e.type === 'save-record');
  if (save?.type !== 'save-record') throw new Error('no record');
  return save.record;
}

describe('what a session’s degrees rest on', () => {
  it('says calibrated or not, and a camera view that changed, and nothing for timing only', () => {
    expect(degreesBasis('camera', true, null)).toEqual({ kind: 'calibrated' });
    expect(degreesBasis('camera', false, null)).toEqual({ kind: 'uncalibrated' });
    expect(degreesBasis('phone', false, null)).toEqual({ kind: 'uncalibrated' });
    expect(degreesBasis('camera', true, T + 30_000.4)).toEqual({
      kind: 'view-changed',
      atMs: T + 30_000,
      calibrated: true,
    });
    // A phone has no view to change.
    expect(degreesBasis('phone', true, T + 30_000)).toEqual({ kind: 'calibrated' });
    expect(degreesBasis('timing', true, null)).toBeNull();
  });

  it("names a phone check's gain on a calibrated camera session only", () => {
    expect(degreesBasis('camera', true, null, 1.25)).toEqual({ kind: 'calibrated', phoneGain: 1.25 });
    expect(degreesBasis('camera', true, T + 5_000, 1.25)).toEqual({
      kind: 'view-changed',
      atMs: T + 5_000,
      calibrated: true,
      phoneGain: 1.25,
    });
    // No calibration in use, or a phone session: no gain to name.
    expect(degreesBasis('camera', false, null, 1.25)).toEqual({ kind: 'uncalibrated' });
    expect(degreesBasis('phone', true, null, 1.25)).toEqual({ kind: 'calibrated' });
    const r = withDegreesBasis(record('verified'), { kind: 'calibrated', phoneGain: 1.25 });
    expect(validateSessionRecord({ ...r, sensor: 'camera' }, T + 120_000).success).toBe(true);
  });

  it('puts the basis on a verified record only, with the change inside the session', () => {
    const r = record('verified');
    expect(withDegreesBasis(r, { kind: 'uncalibrated' }).degrees).toEqual({ kind: 'uncalibrated' });
    const late = withDegreesBasis(r, { kind: 'view-changed', atMs: T + 90_000, calibrated: false });
    expect(late.degrees).toEqual({ kind: 'view-changed', atMs: T + 60_000, calibrated: false });
    // ...so the clinic takes it once the upload names the camera.
    expect(validateSessionRecord({ ...late, sensor: 'camera' }, T + 120_000).success).toBe(true);
    expect(withDegreesBasis(record('timing'), { kind: 'calibrated' }).degrees).toBeUndefined();
  });
});
