import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSE } from './dose.ts';
import { createSession, transition } from './session-machine.ts';
import type { SessionRecord, SessionState } from './session-types.ts';
import {
  IDEMPOTENCY_KEY,
  pathText,
  recordKey,
  validatePainReport,
  validateScreeningUpload,
  validateSessionRecord,
  validateUploadRecord,
} from './sync-contract.ts';
import type { ValidationResult } from './validation.ts';

const NOW = Date.UTC(2026, 2, 2, 9);

/** A record the session machine itself produces: started, then ended by the patient. */
function machineRecord(): SessionRecord {
  let s: SessionState = createSession({
    sessionId: '3f2a9c1e-0000-4000-8000-000000000001',
    regimenId: 'general',
    regimenVersion: 1,
    dose: DEFAULT_DOSE,
    mode: 'timing',
    painBefore: 2,
  });
  s = transition(s, { type: 'start', tMs: NOW - 60_000 }).state;
  for (let t = NOW - 60_000; t < NOW - 10_000; t += 100) s = transition(s, { type: 'tick', tMs: t }).state;
  const end = transition(s, { type: 'abort', tMs: NOW - 10_000 });
  const save = end.effects.find((e) => e.type === 'save-record');
  if (save?.type !== 'save-record') throw new Error('the machine saved no record');
  return save.record;
}

/** The result is a refusal whose first issue is at `where` and says `message`. */
function expectRefused(r: ValidationResult<unknown>, where: string, message: string): void {
  expect(r.success).toBe(false);
  if (r.success) return;
  expect(pathText(r.issues[0]!.path)).toBe(where);
  expect(r.issues[0]!.message).toContain(message);
}

describe('sync contract', () => {
  it("accepts the session machine's own record, and the key the key rule gives it is a valid key", () => {
    const record = machineRecord();
    expect(validateSessionRecord(record, NOW)).toMatchObject({ success: true, data: record });
    const key = recordKey('session', record.sessionId);
    expect(key).toMatch(IDEMPOTENCY_KEY);
    expect(validateUploadRecord({ idempotencyKey: key, kind: 'session', data: record }, NOW).success).toBe(
      true,
    );
    expect(recordKey('screening', NOW)).toMatch(IDEMPOTENCY_KEY);
  });

  it.each([
    [{ endedAtMs: NOW - 120_000 }, 'endedAtMs', 'must be after startedAtMs'],
    [{ startedAtMs: Date.UTC(2019, 11, 31) }, 'startedAtMs', 'between 2020-01-01'],
    [{ mode: 'magic' }, 'mode', 'timing or verified'],
    [{ painMax: 11 }, 'painMax', '0 to 10'],
    [{ sharpPain: 'no' }, 'sharpPain', 'true or false'],
  ])('refuses a session record with %j at %s', (change, where, message) => {
    expectRefused(validateSessionRecord({ ...machineRecord(), ...change }, NOW), where, message);
  });

  describe('what the degrees rest on', () => {
    const verified = () => {
      const r = machineRecord();
      return { ...r, mode: 'verified' as const, sensor: 'camera' as const };
    };
    it('accepts each basis on a verified session that names its sensor, and keeps it', () => {
      const r = verified();
      for (const degrees of [
        { kind: 'calibrated' },
        { kind: 'uncalibrated' },
        { kind: 'view-changed', atMs: r.startedAtMs + 5_000, calibrated: true },
        { kind: 'calibrated', phoneGain: 1.42 },
        { kind: 'view-changed', atMs: r.startedAtMs + 5_000, calibrated: true, phoneGain: 0.7 },
      ]) {
        const v = validateSessionRecord({ ...r, degrees }, NOW);
        expect(v).toMatchObject({ success: true, data: { degrees } });
      }
      expect(
        validateSessionRecord({ ...r, sensor: 'phone', degrees: { kind: 'calibrated' } }, NOW).success,
      ).toBe(true);
    });

    it.each([
      [{ degrees: 'calibrated' }, 'degrees', 'JSON object'],
      [{ degrees: { kind: 'exact' } }, 'degrees.kind', 'calibrated, uncalibrated or view-changed'],
      [{ degrees: { kind: 'calibrated', atMs: 1 } }, 'degrees.atMs', 'unknown field'],
      [
        { degrees: { kind: 'view-changed', calibrated: false } },
        'degrees.atMs',
        'between startedAtMs and endedAtMs',
      ],
      [
        { degrees: { kind: 'view-changed', atMs: NOW, calibrated: false } },
        'degrees.atMs',
        'between startedAtMs',
      ],
      [{ degrees: { kind: 'view-changed', atMs: NOW - 30_000 } }, 'degrees.calibrated', 'true or false'],
      [
        { sensor: 'phone', degrees: { kind: 'view-changed', atMs: NOW - 30_000, calibrated: false } },
        'degrees.kind',
        'only for a camera',
      ],
      [{ mode: 'timing', degrees: { kind: 'uncalibrated' } }, 'degrees', 'only for a verified session'],
      [{ sensor: undefined, degrees: { kind: 'uncalibrated' } }, 'degrees', 'names its sensor'],
      [{ degrees: { kind: 'calibrated', phoneGain: 3.5 } }, 'degrees.phoneGain', 'from 0.3 to 3'],
      [{ degrees: { kind: 'calibrated', phoneGain: '1.2' } }, 'degrees.phoneGain', 'from 0.3 to 3'],
      [{ degrees: { kind: 'uncalibrated', phoneGain: 1.2 } }, 'degrees.phoneGain', 'unknown field'],
      [
        { sensor: 'phone', degrees: { kind: 'calibrated', phoneGain: 1.2 } },
        'degrees.phoneGain',
        'only for a camera session',
      ],
      [
        { degrees: { kind: 'view-changed', atMs: NOW - 30_000, calibrated: false, phoneGain: 1.2 } },
        'degrees.phoneGain',
        'only for a calibrated view',
      ],
    ])('refuses %j at %s', (change, where, message) => {
      expectRefused(validateSessionRecord({ ...verified(), ...change }, NOW), where, message);
    });
  });

  it('names the bad range inside a foot', () => {
    const rec = machineRecord();
    const r = validateSessionRecord(
      { ...rec, feet: { ...rec.feet, right: { ...rec.feet.right, rangesDeg: [30, -4] } } },
      NOW,
    );
    expect(r.success ? null : pathText(r.issues[0]!.path)).toBe('feet.right.rangesDeg[1]');
  });

  it('checks pain reports and screening uploads, refusing unknown fields', () => {
    expect(validatePainReport({ atMs: NOW, level: 7, sharp: true }, NOW).success).toBe(true);
    const extra = validatePainReport({ atMs: NOW, level: 7, sharp: true, colour: 'red' }, NOW);
    expect(extra.success ? null : pathText(extra.issues[0]!.path)).toBe('colour');
    const answers = { swelling: false, clotHistory: false, severeInjury: false, painNow: 1 };
    expect(validateScreeningUpload({ atMs: NOW, answers }, NOW).success).toBe(true);
    const missing = validateScreeningUpload({ atMs: NOW, answers: { swelling: true } }, NOW);
    expect(missing.success ? null : pathText(missing.issues[0]!.path)).toBe('answers.severeInjury');
  });

  it('refuses a bad envelope: key, kind, and data nested under data', () => {
    const data = { atMs: NOW, level: 3, sharp: false };
    const where = (v: unknown) => {
      const r = validateUploadRecord(v, NOW);
      return r.success ? null : pathText(r.issues[0]!.path);
    };
    expect(where({ idempotencyKey: 'short', kind: 'pain', data })).toBe('idempotencyKey');
    expect(where({ idempotencyKey: 'pain-12345678', kind: 'mood', data })).toBe('kind');
    expect(where({ idempotencyKey: 'pain-12345678', kind: 'pain', data: { ...data, level: 12 } })).toBe(
      'data.level',
    );
    expect(where({ idempotencyKey: 'pain-12345678', kind: 'pain', data, extra: 1 })).toBe('extra');
  });

  it('never throws for arbitrary JSON: a value or a located issue', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = validateUploadRecord(v, NOW);
        expect(r.success).toBe(false);
        if (!r.success) expect(r.issues[0]!.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
