// FHIR Bulk Data export as a hospital's bulk client runs it: kick-off (202 + status URL), the
// manifest, then one NDJSON file per resource type, every line valid under the official R4 JSON
// schema, every reference resolvable within the export, and the files frozen at the export's
// transaction time however late they are downloaded.
import { beforeAll, describe, expect, it } from 'vitest';
import { r4SchemaErrors } from '../test/fhir-schema.ts';
import { sessionData, T0 } from '../test/harness.ts';
import { serverPerFile } from '../test/server-per-file.ts';

// Compiles the schema before any connection is open.
beforeAll(() => void r4SchemaErrors({ resourceType: 'Basic' }));
const t = serverPerFile();
beforeAll(async () => {
  await t.w.clinicianA.put(`/api/patients/${t.w.ids.patientA}/prescription`, { preset: 'post-op' });
  const up = await t.w.patientA.post('/api/sync', {
    records: [
      { idempotencyKey: 'bulk-s-0001', kind: 'session', data: sessionData(T0 - 2 * 86_400_000) },
      {
        idempotencyKey: 'bulk-s-0002',
        kind: 'session',
        data: sessionData(T0 - 86_400_000, { rangesDeg: [30, 33, 35], painMax: 8 }),
      },
      {
        idempotencyKey: 'bulk-p-0001',
        kind: 'pain',
        data: { atMs: T0 - 3_600_000, level: 5, sharp: true, note: 'calf 🦶 "tight"' },
      },
      {
        idempotencyKey: 'bulk-q-0001',
        kind: 'screening',
        data: {
          atMs: T0 - 7_200_000,
          answers: { severeInjury: false, swelling: false, clotHistory: false, painNow: 2 },
        },
      },
    ],
  });
  if (up.status !== 200) throw new Error(up.text);
}, 120_000);

async function runExport(query = '') {
  const kick = await t.w.clinicianA.get(`/api/clinic/fhir/$export${query}`, {
    accept: 'application/fhir+json',
    prefer: 'respond-async',
  });
  expect(kick.status, kick.text).toBe(202);
  const status = kick.headers.get('content-location')!;
  expect(status).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/clinic\/fhir\/export\/\d+/);
  const manifest = await t.w.clinicianA.get(status.replace(t.srv.url, ''));
  expect(manifest.status).toBe(200);
  return manifest.body as {
    transactionTime: string;
    requiresAccessToken: boolean;
    output: { type: string; url: string; count: number }[];
    error: unknown[];
  };
}

async function download(url: string) {
  const r = await t.w.clinicianA.get(url.replace(t.srv.url, ''), { accept: 'application/fhir+ndjson' });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/fhir+ndjson');
  return r.text;
}

/** Compiling the 3 MB R4 schema and validating every line is real CPU time: seconds on a busy machine. */
describe('FHIR Bulk Data export', { timeout: 120_000 }, () => {
  it('writes one NDJSON file per resource type, every line valid R4 and every reference resolvable', async () => {
    const m = await runExport();
    expect(m.requiresAccessToken).toBe(true);
    expect(m.error).toEqual([]);
    expect(Date.parse(m.transactionTime)).toBe(T0);
    expect(m.output.map((o) => o.type)).toEqual([
      'Patient',
      'ActivityDefinition',
      'CarePlan',
      'Observation',
      'QuestionnaireResponse',
    ]);
    const ids = new Map<string, Set<string>>();
    const refs: string[] = [];
    const all: Record<string, unknown>[] = [];
    for (const o of m.output) {
      const text = await download(o.url);
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.trimEnd().split('\n');
      expect(lines).toHaveLength(o.count);
      for (const line of lines) {
        const res = JSON.parse(line) as Record<string, unknown>;
        expect(res.resourceType).toBe(o.type);
        expect(r4SchemaErrors(res), line.slice(0, 200)).toEqual([]);
        if (!ids.has(o.type)) ids.set(o.type, new Set());
        ids.get(o.type)!.add(String(res.id));
        const subject = (res.subject as { reference?: string } | undefined)?.reference;
        if (subject) refs.push(subject);
        all.push(res);
      }
    }
    // Only the clinician's own patient, and every subject reference points at an exported Patient.
    expect([...ids.get('Patient')!]).toEqual([t.w.ids.patientA]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const [type, id] = ref.split('/');
      expect(ids.get(type!)?.has(id!), ref).toBe(true);
    }
    // What was uploaded is all there: 2 sessions (duration + range per foot), the pain note, the screening.
    const obs = all.filter((r) => r.resourceType === 'Observation');
    expect(obs).toHaveLength(2 * 3 + 1);
    const pain = obs.find((r) => (r.code as { coding: { code: string }[] }).coding[0]!.code === '72514-3')!;
    expect(pain.note).toEqual([{ text: 'calf 🦶 "tight"' }]);
    expect(ids.get('QuestionnaireResponse')!.size).toBe(1);
  });

  it('keeps the files at the transaction time: data arriving later is not in them', async () => {
    const m = await runExport();
    const url = m.output.find((o) => o.type === 'Observation')!.url;
    const before = await download(url);
    t.srv.clock.now += 60_000;
    await t.w.patientA.post('/api/sync', {
      records: [
        { idempotencyKey: 'bulk-late-0001', kind: 'pain', data: { atMs: T0, level: 1, sharp: false } },
      ],
    });
    expect(await download(url)).toBe(before);
    const fresh = await runExport();
    expect(fresh.output.find((o) => o.type === 'Observation')!.count).toBe(
      m.output.find((o) => o.type === 'Observation')!.count + 1,
    );
    t.srv.clock.now -= 60_000;
  });

  it('takes _type, refuses what it cannot do, and forgets exports after a day', async () => {
    const m = await runExport('?_type=Patient,Observation');
    expect(m.output.map((o) => o.type)).toEqual(['Patient', 'Observation']);
    const badType = await t.w.clinicianA.get('/api/clinic/fhir/$export?_type=Encounter');
    expect(badType.status).toBe(400);
    expect(badType.body.error.where).toBe('_type');
    const badParam = await t.w.clinicianA.get('/api/clinic/fhir/$export?_since=2020-01-01');
    expect(badParam.status).toBe(400);
    expect(badParam.body.error.where).toBe('_since');
    const badFormat = await t.w.clinicianA.get('/api/clinic/fhir/$export?_outputFormat=text/csv');
    expect(badFormat.status).toBe(400);
    expect((await t.w.clinicianA.get('/api/clinic/fhir/export/abc')).status).toBe(404);
    expect((await t.w.clinicianA.get(`/api/clinic/fhir/export/${T0 + 10 * 60_000}`)).status).toBe(404);
    expect((await t.w.clinicianA.get(`/api/clinic/fhir/export/${T0}/Encounter.ndjson`)).status).toBe(404);
    t.srv.clock.now += 25 * 3_600_000;
    const old = await t.w.clinicianA.get(`/api/clinic/fhir/export/${T0}`);
    t.srv.clock.now -= 25 * 3_600_000;
    expect(old.status).toBe(404);
    expect(old.body.error.message).toContain('expired');
  });

  it("the patient's Bundle and the audit Bundle are valid R4 too, and the schema check does catch faults", async () => {
    const bundle = (await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/export/fhir`)).body;
    expect(bundle.entry.length).toBeGreaterThan(5);
    expect(r4SchemaErrors(bundle)).toEqual([]);
    const audit = (await t.w.admin.get('/api/admin/audit?format=fhir&limit=50')).body;
    expect(audit.entry.length).toBeGreaterThan(5);
    expect(r4SchemaErrors(audit)).toEqual([]);
    const broken = { ...bundle.entry[0].resource, gender: 'sometimes' };
    expect(r4SchemaErrors(broken).join()).toContain('.gender');
  });
});
