// A patient's data as a FHIR R4 Bundle (Patient, ActivityDefinition + CarePlan for the current
// prescription, Observations for sessions, ankle range and pain, QuestionnaireResponse for
// screenings), and the reverse mapping used to check that an export round-trips.
import type {
  ActivityDefinition,
  Bundle,
  BundleEntry,
  CarePlan,
  FhirResource,
  Observation,
  Patient,
  QuestionnaireResponse,
} from 'fhir/r4';
import { degreesMethodText, sessionRangeDeg } from '../domain/session-range.ts';
import type { Prescription, StoredRecord, User } from '../store/store.ts';
import {
  ACTIVITY_CATEGORY,
  ANKLE_JOINT,
  EXERCISE_DURATION,
  EXERCISE_THERAPY,
  LATERALITY,
  LATERALITY_EXT,
  PAIN_SEVERITY,
  QUESTIONNAIRE_URL,
  RANGE_OF_JOINT_MOVEMENT,
  RECORD_ID_SYSTEM,
  REGIMEN_EXT,
  UCUM,
} from './fhir-codes.ts';

type Obj = Record<string, unknown>;
const iso = (ms: number) => new Date(ms).toISOString();
const entry = (resource: FhirResource): BundleEntry => ({ fullUrl: `urn:uuid:${resource.id}`, resource });

const fullReps = (d: Obj, side: 'left' | 'right') => Number(((d.feet as Obj)[side] as Obj).full);

function sessionObservations(r: StoredRecord, subject: string): Observation[] {
  const d = r.body as Obj;
  const start = d.startedAtMs as number;
  const end = d.endedAtMs as number;
  const base = {
    resourceType: 'Observation' as const,
    status: 'final' as const,
    category: [ACTIVITY_CATEGORY],
    subject: { reference: subject },
    effectivePeriod: { start: iso(start), end: iso(end) },
  };
  const out: Observation[] = [
    {
      ...base,
      id: `${r.id}-duration`,
      identifier: [{ system: RECORD_ID_SYSTEM, value: r.idempotencyKey }],
      code: EXERCISE_DURATION,
      valueQuantity: { value: Math.round((end - start) / 600) / 100, unit: 'min', system: UCUM, code: 'min' },
      note: [
        {
          text: `Ankle pumps, ${String(d.outcome)}; full reps left ${fullReps(d, 'left')}, right ${fullReps(d, 'right')}.`,
        },
      ],
    },
  ];
  for (const side of ['left', 'right'] as const) {
    const rangeDeg = sessionRangeDeg(d, side);
    if (rangeDeg === null) continue;
    out.push({
      ...base,
      id: `${r.id}-range-${side}`,
      identifier: [{ system: RECORD_ID_SYSTEM, value: `${r.idempotencyKey}#range-${side}` }],
      code: RANGE_OF_JOINT_MOVEMENT,
      bodySite: {
        coding: [ANKLE_JOINT],
        extension: [{ url: LATERALITY_EXT, valueCoding: LATERALITY[side] }],
      },
      valueQuantity: { value: Math.round(rangeDeg * 10) / 10, unit: 'deg', system: UCUM, code: 'deg' },
      method: { text: degreesMethodText(d) },
    });
  }
  return out;
}

function painObservation(r: StoredRecord, subject: string): Observation {
  const d = r.body as Obj;
  return {
    resourceType: 'Observation',
    id: r.id,
    identifier: [{ system: RECORD_ID_SYSTEM, value: r.idempotencyKey }],
    status: 'final',
    code: PAIN_SEVERITY,
    subject: { reference: subject },
    effectiveDateTime: iso(r.occurredMs),
    valueInteger: d.level as number,
    ...(d.sharp === true ? { interpretation: [{ text: 'sharp pain' }] } : {}),
    // The patient's own words about the pain: clinically the most telling part of the report.
    ...(typeof d.note === 'string' && d.note !== '' ? { note: [{ text: d.note }] } : {}),
  };
}

function screeningResponse(r: StoredRecord, subject: string): QuestionnaireResponse {
  const d = r.body as Obj;
  const answers = d.answers as Record<string, boolean | number>;
  const decision = d.decision as { outcome?: string; questionnaireVersion?: string } | undefined;
  return {
    resourceType: 'QuestionnaireResponse',
    id: r.id,
    identifier: { system: RECORD_ID_SYSTEM, value: r.idempotencyKey },
    questionnaire: `${QUESTIONNAIRE_URL}|${decision?.questionnaireVersion ?? '1.0.0'}`,
    status: 'completed',
    subject: { reference: subject },
    authored: iso(r.occurredMs),
    item: Object.entries(answers).map(([linkId, v]) => ({
      linkId,
      answer: [typeof v === 'boolean' ? { valueBoolean: v } : { valueInteger: v }],
    })),
    ...(decision?.outcome
      ? {
          extension: [{ url: 'urn:anklepump:fhir:extension:screening-outcome', valueCode: decision.outcome }],
        }
      : {}),
  };
}

/** The FHIR R4 Bundle (type collection) of one patient's data. */
export function patientBundle(p: {
  patient: User;
  prescription: Prescription | null;
  records: readonly StoredRecord[];
  nowMs: number;
}): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: iso(p.nowMs),
    entry: patientResources(p, `urn:uuid:${p.patient.id}`).map(entry),
  };
}

/**
 * One patient's resources, the patient first. `subject` is how they refer to the patient:
 * `urn:uuid:<id>` inside a Bundle, `Patient/<id>` in bulk NDJSON files.
 */
export function patientResources(
  p: { patient: User; prescription: Prescription | null; records: readonly StoredRecord[] },
  subject: string,
): FhirResource[] {
  const resources: FhirResource[] = [
    {
      resourceType: 'Patient',
      id: p.patient.id,
      name: [{ text: p.patient.displayName }],
      active: true,
    } satisfies Patient,
  ];
  if (p.prescription) {
    const rx = p.prescription;
    const reg = rx.regimen as Obj;
    const ad: ActivityDefinition = {
      resourceType: 'ActivityDefinition',
      id: `${p.patient.id}-rx-${rx.version}`,
      status: 'active',
      version: String(rx.version),
      name: 'AnklePumps',
      title: String(reg.name ?? 'Ankle pumps'),
      kind: 'ServiceRequest',
      code: EXERCISE_THERAPY,
      date: iso(rx.changedMs),
      description: rx.note || undefined,
      extension: [{ url: REGIMEN_EXT, valueString: JSON.stringify(rx.regimen) }],
    };
    const cp: CarePlan = {
      resourceType: 'CarePlan',
      id: `${p.patient.id}-careplan`,
      status: 'active',
      intent: 'plan',
      subject: { reference: subject },
      created: iso(rx.changedMs),
      activity: [
        {
          detail: {
            kind: 'ServiceRequest',
            instantiatesCanonical: [`urn:uuid:${ad.id}`],
            code: EXERCISE_THERAPY,
            status: 'in-progress',
            description: String(reg.name ?? ''),
          },
        },
      ],
    };
    resources.push(ad, cp);
  }
  for (const r of p.records) {
    if (r.kind === 'session') resources.push(...sessionObservations(r, subject));
    else if (r.kind === 'pain') resources.push(painObservation(r, subject));
    else resources.push(screeningResponse(r, subject));
  }
  return resources;
}

/** What an exported bundle says, read back: used to prove the export loses nothing it claims to carry. */
export interface BundleSummary {
  patientName: string | null;
  regimen: unknown | null;
  sessions: { key: string; durationMin: number; rangeDeg: { left?: number; right?: number } }[];
  pain: { key: string; level: number; atMs: number; note?: string }[];
  screenings: { key: string; answers: Record<string, boolean | number>; atMs: number }[];
}

/** Reads a bundle produced by patientBundle back into plain values. */
export function readPatientBundle(b: Bundle): BundleSummary {
  const out: BundleSummary = { patientName: null, regimen: null, sessions: [], pain: [], screenings: [] };
  const sessions = new Map<string, BundleSummary['sessions'][number]>();
  for (const e of b.entry ?? []) {
    const r = e.resource;
    if (!r) continue;
    if (r.resourceType === 'Patient') out.patientName = r.name?.[0]?.text ?? null;
    else if (r.resourceType === 'ActivityDefinition') {
      const ext = r.extension?.find((x) => x.url === REGIMEN_EXT)?.valueString;
      out.regimen = ext ? JSON.parse(ext) : null;
    } else if (r.resourceType === 'Observation') {
      const code = r.code.coding?.[0]?.code;
      const id = r.identifier?.[0]?.value ?? '';
      if (code === EXERCISE_DURATION.coding![0]!.code) {
        const s = sessions.get(id) ?? { key: id, durationMin: 0, rangeDeg: {} };
        s.durationMin = r.valueQuantity?.value ?? 0;
        sessions.set(id, s);
      } else if (code === RANGE_OF_JOINT_MOVEMENT.coding![0]!.code) {
        const [key, tag] = id.split('#');
        const side = tag === 'range-left' ? 'left' : 'right';
        const s = sessions.get(key!) ?? { key: key!, durationMin: 0, rangeDeg: {} };
        s.rangeDeg[side] = r.valueQuantity?.value ?? 0;
        sessions.set(key!, s);
      } else if (code === PAIN_SEVERITY.coding![0]!.code) {
        const note = r.note?.[0]?.text;
        out.pain.push({
          key: id,
          level: r.valueInteger ?? -1,
          atMs: Date.parse(r.effectiveDateTime ?? ''),
          ...(note !== undefined ? { note } : {}),
        });
      }
    } else if (r.resourceType === 'QuestionnaireResponse') {
      const answers: Record<string, boolean | number> = {};
      for (const it of r.item ?? []) {
        const a = it.answer?.[0];
        if (a?.valueBoolean !== undefined) answers[it.linkId] = a.valueBoolean;
        else if (a?.valueInteger !== undefined) answers[it.linkId] = a.valueInteger;
      }
      out.screenings.push({ key: r.identifier?.value ?? '', answers, atMs: Date.parse(r.authored ?? '') });
    }
  }
  out.sessions = [...sessions.values()];
  return out;
}
