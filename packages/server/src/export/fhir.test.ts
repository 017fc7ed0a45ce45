// The FHIR export: typed against @types/fhir R4 (checked by tsc), carries the codes the clinic
// expects, and reads back to the same values it was made from.

import fc from 'fast-check';
import type { Bundle, Observation, QuestionnaireResponse } from 'fhir/r4';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Prescription, StoredRecord, User } from '../store/store.ts';
import { patientBundle, readPatientBundle } from './fhir.ts';

const T = Date.UTC(2026, 10, 2, 9);
const patient: User = {
  id: 'p1',
  role: 'patient',
  email: null,
  displayName: 'Ada Lovelace',
  passwordHash: null,
  failedLogins: 0,
  lockedUntilMs: 0,
  disabled: false,
  createdMs: T,
  timeZone: null,
};
const rx: Prescription = {
  patientId: 'p1',
  version: 3,
  regimen: {
    id: 'post-op',
    kind: 'post-op',
    version: 3,
    name: 'After surgery',
    dose: { repsPerFoot: 15, sets: 3 },
    frequency: { type: 'daily', sessionsPerDay: 4 },
  },
  note: 'knee replacement',
  changedBy: 'c1',
  changedMs: T,
};
const session = (key: string, start: number, left: number[], right: number[]): StoredRecord => ({
  id: `r-${key}`,
  patientId: 'p1',
  kind: 'session',
  idempotencyKey: key,
  occurredMs: start,
  receivedMs: start + 1000,
  body: {
    mode: 'verified',
    outcome: 'completed',
    startedAtMs: start,
    endedAtMs: start + 9 * 60_000,
    feet: { left: { full: left.length, rangesDeg: left }, right: { full: right.length, rangesDeg: right } },
  },
});
const pain: StoredRecord = {
  id: 'r-pain',
  patientId: 'p1',
  kind: 'pain',
  idempotencyKey: 'pain-1',
  occurredMs: T,
  receivedMs: T,
  body: { atMs: T, level: 6, sharp: true },
};
const screening: StoredRecord = {
  id: 'r-scr',
  patientId: 'p1',
  kind: 'screening',
  idempotencyKey: 'scr-1',
  occurredMs: T,
  receivedMs: T,
  body: {
    atMs: T,
    answers: { swelling: false, clotHistory: true, severeInjury: false, painNow: 2 },
    decision: { outcome: 'supervised-only', questionnaireVersion: '1.0.0' },
  },
};

describe('FHIR R4 export', () => {
  it('is an R4 Bundle at the type level', () => {
    const b = patientBundle({ patient, prescription: rx, records: [], nowMs: T });
    expectTypeOf(b).toEqualTypeOf<Bundle>();
    // @ts-expect-error: an R4 Bundle has no type "archive"; tsc fails if the types stop checking this.
    const bad: Bundle = { resourceType: 'Bundle', type: 'archive' };
    expect(bad).toBeDefined();
  });

  it('codes sessions, ankle range per side, pain and screening as the standards say', () => {
    const b = patientBundle({
      patient,
      prescription: rx,
      records: [session('s1', T, [40, 44], [30, 34]), pain, screening],
      nowMs: T,
    });
    const res = b.entry!.map((e) => e.resource!);
    expect(res.map((r) => r.resourceType)).toEqual([
      'Patient',
      'ActivityDefinition',
      'CarePlan',
      'Observation',
      'Observation',
      'Observation',
      'Observation',
      'QuestionnaireResponse',
    ]);
    const ad = res[1] as { code: { coding: { system: string; code: string }[] } };
    expect(ad.code.coding[0]).toMatchObject({ system: 'http://snomed.info/sct', code: '229065009' });
    const obs = res.filter((r): r is Observation => r.resourceType === 'Observation');
    expect(obs[0]!.code.coding![0]).toMatchObject({ system: 'http://loinc.org', code: '55411-3' });
    expect(obs[0]!.valueQuantity).toMatchObject({ value: 9, code: 'min' });
    const left = obs[1]!;
    expect(left.code.coding![0]!.code).toBe('364564000');
    expect(left.bodySite!.coding![0]!.code).toBe('70258002');
    expect(left.bodySite!.extension![0]!.valueCoding!.code).toBe('51636004');
    expect(left.valueQuantity).toMatchObject({ value: 42, unit: 'deg' });
    expect(obs[2]!.bodySite!.extension![0]!.valueCoding!.code).toBe('6685009');
    expect(obs[3]!.code.coding![0]).toMatchObject({ system: 'http://loinc.org', code: '72514-3' });
    expect(obs[3]!.valueInteger).toBe(6);
    const qr = res[7] as QuestionnaireResponse;
    expect(qr.item!.find((i) => i.linkId === 'clotHistory')!.answer![0]!.valueBoolean).toBe(true);
  });

  it("says how each session's degrees were measured: sensor, calibration, and a camera view that changed", () => {
    const withBody = (extra: Record<string, unknown>): StoredRecord => {
      const r = session('s1', T, [40], [30]);
      return { ...r, body: { ...(r.body as object), ...extra } };
    };
    const method = (extra: Record<string, unknown>) => {
      const b = patientBundle({ patient, prescription: null, records: [withBody(extra)], nowMs: T });
      const ranges = b
        .entry!.map((e) => e.resource as Observation)
        .filter((o) => o.resourceType === 'Observation' && o.code.coding?.[0]?.code === '364564000');
      expect(ranges).toHaveLength(2);
      return ranges[0]!.method!.text!;
    };
    expect(method({ sensor: 'phone', degrees: { kind: 'calibrated' } })).toBe(
      "Measured by phone motion sensors, phone on the foot, median of the session's reps; neutral and range measured before the session",
    );
    expect(method({ sensor: 'camera', degrees: { kind: 'uncalibrated' } })).toBe(
      "Measured by camera pose estimation on the device, median of the session's reps; neutral and range learned from the session's reps; camera degrees are estimates",
    );
    expect(
      method({ sensor: 'camera', degrees: { kind: 'view-changed', atMs: T + 120_000, calibrated: true } }),
    ).toContain(
      'neutral and range measured before the session; the camera view changed at 2026-11-02T09:02:00.000Z: degrees after it are from another view',
    );
    // A phone check scaled the camera's degrees: said (they stay estimates: the scale is fitted, not each reading).
    expect(method({ sensor: 'camera', degrees: { kind: 'calibrated', phoneGain: 1.35 } })).toBe(
      "Measured by camera pose estimation on the device, median of the session's reps; neutral and range measured before the session; camera degrees scaled by 1.35, fitted against the phone on the foot for the camera's view; camera degrees are estimates",
    );
    // An older app that said neither: nothing is claimed.
    expect(method({})).toContain('the app did not say which');
    expect(method({})).toContain('calibration not reported');
    expect(method({ mode: 'timing' })).toBe('Not sensor-verified');
  });

  it('round-trips: export, serialise, parse, read back gives the same values', () => {
    const rangeArb = fc.array(fc.integer({ min: 0, max: 70 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), rangeArb, rangeArb), { maxLength: 6 }),
        fc.integer({ min: 0, max: 10 }),
        (sessions, level) => {
          const records = [
            ...sessions.map(([dt, l, r], i) => session(`s${i}`, T + dt * 1000, l, r)),
            { ...pain, body: { atMs: T, level, sharp: false } },
            screening,
          ];
          const back = readPatientBundle(
            JSON.parse(JSON.stringify(patientBundle({ patient, prescription: rx, records, nowMs: T }))),
          );
          expect(back.patientName).toBe('Ada Lovelace');
          expect(back.regimen).toEqual(rx.regimen);
          expect(back.pain).toEqual([{ key: 'pain-1', level, atMs: T }]);
          expect(back.screenings).toEqual([
            { key: 'scr-1', answers: (screening.body as { answers: unknown }).answers, atMs: T },
          ]);
          const med = (xs: number[]) => {
            const s = [...xs].sort((a, b) => a - b);
            const m = s.length >> 1;
            return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 10) / 10;
          };
          expect(back.sessions).toEqual(
            sessions.map(([, l, r], i) => ({
              key: `s${i}`,
              durationMin: 9,
              rangeDeg: { left: med(l), right: med(r) },
            })),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
