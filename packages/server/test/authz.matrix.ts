// The authorization matrix: every endpoint x every kind of caller x ownership, asserting both the
// allowed and the refused answers. Run on SQLite (unit) and PostgreSQL (int).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, makeWorld, sessionData, T0, type World } from './harness.ts';

type Actor =
  | 'anon'
  | 'patientSelf'
  | 'patientOther'
  | 'clinicianTeam'
  | 'clinicianOther'
  | 'admin'
  | 'adminWithReason';
const ACTORS: Actor[] = [
  'anon',
  'patientSelf',
  'patientOther',
  'clinicianTeam',
  'clinicianOther',
  'admin',
  'adminWithReason',
];

interface Ids {
  patient: string;
  alert: string;
  clinicianTeam: string;
  clinicianOther: string;
}

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (ids: Ids) => string;
  body?: (ids: Ids, actor: Actor) => unknown;
  allowed: Actor[];
  /** Status for a refused signed-in caller (default 403). */
  refused?: Partial<Record<Actor, number>>;
  /** Checks on an allowed answer that ownership was respected (e.g. a list leaves out others' patients). */
  check?: (body: any, text: string, ids: Ids, actor: Actor) => void;
}

const READERS: Actor[] = ['patientSelf', 'clinicianTeam', 'adminWithReason'];
const CLINICAL: Actor[] = ['clinicianTeam', 'adminWithReason'];
const SIGNED_IN = ACTORS.filter((a) => a !== 'anon');
const P = (suffix: string) => (ids: Ids) => `/api/patients/${ids.patient}${suffix}`;

export const ENDPOINTS: Endpoint[] = [
  {
    method: 'GET',
    path: P(''),
    allowed: READERS,
    check: (b, _t, ids) => expect(b.patient.id).toBe(ids.patient),
  },
  {
    method: 'GET',
    path: P('/records'),
    allowed: READERS,
    check: (b) => expect(b.records.length).toBeGreaterThan(0),
  },
  { method: 'GET', path: P('/prescription'), allowed: READERS },
  { method: 'GET', path: P('/prescriptions'), allowed: READERS },
  {
    method: 'PUT',
    path: P('/prescription'),
    body: () => ({ preset: 'general' }),
    allowed: ['clinicianTeam'],
  },
  { method: 'POST', path: P('/invites'), allowed: ['clinicianTeam'] },
  {
    method: 'POST',
    path: P('/care-team'),
    body: (ids) => ({ clinicianId: ids.clinicianTeam }),
    allowed: ['clinicianTeam'],
  },
  { method: 'GET', path: P('/alerts'), allowed: CLINICAL },
  {
    method: 'GET',
    path: P('/export/fhir'),
    allowed: READERS,
    check: (b) => expect(b.resourceType).toBe('Bundle'),
  },
  { method: 'GET', path: P('/export/csv'), allowed: READERS },
  { method: 'GET', path: P('/schedule.ics'), allowed: READERS },
  {
    method: 'GET',
    path: () => '/api/patients',
    allowed: ['clinicianTeam', 'clinicianOther', 'adminWithReason'],
    check: (b, _t, ids, actor) => {
      const has = b.patients.some((p: { id: string }) => p.id === ids.patient);
      expect(has).toBe(actor !== 'clinicianOther');
    },
  },
  {
    method: 'POST',
    path: () => '/api/patients',
    body: () => ({ displayName: 'New' }),
    allowed: ['clinicianTeam', 'clinicianOther'],
  },
  {
    method: 'POST',
    path: () => '/api/sync',
    body: (_ids, actor) => ({
      records: [
        {
          idempotencyKey: `matrix-${actor}-${Math.random()}`.replace('0.', ''),
          kind: 'pain',
          data: { atMs: T0, level: 1, sharp: false },
        },
      ],
    }),
    allowed: ['patientSelf', 'patientOther'],
  },
  {
    method: 'GET',
    path: () => '/api/alerts',
    allowed: ['clinicianTeam', 'clinicianOther'],
    check: (b, _t, ids, actor) => {
      expect(b.alerts.some((a: { patientId: string }) => a.patientId === ids.patient)).toBe(
        actor === 'clinicianTeam',
      );
    },
  },
  {
    method: 'POST',
    path: (ids) => `/api/alerts/${ids.alert}/ack`,
    allowed: ['clinicianTeam'],
    refused: { clinicianOther: 404 },
  },
  {
    method: 'GET',
    path: () => '/api/clinic/export.ndjson',
    allowed: ['clinicianTeam', 'clinicianOther', 'adminWithReason'],
    check: (_b, text, ids, actor) => expect(text.includes(ids.patient)).toBe(actor !== 'clinicianOther'),
  },
  {
    method: 'GET',
    path: () => '/api/clinic/export.csv',
    allowed: ['clinicianTeam', 'clinicianOther', 'adminWithReason'],
    check: (_b, text, ids, actor) => expect(text.includes(ids.patient)).toBe(actor !== 'clinicianOther'),
  },
  {
    method: 'GET',
    path: () => '/api/clinic/fhir/$export',
    allowed: ['clinicianTeam', 'clinicianOther', 'adminWithReason'],
  },
  {
    method: 'GET',
    path: () => `/api/clinic/fhir/export/${T0}`,
    allowed: ['clinicianTeam', 'clinicianOther', 'adminWithReason'],
    check: (body) => expect(body.output.map((o: { type: string }) => o.type)).toContain('Patient'),
  },
  {
    method: 'GET',
    path: () => `/api/clinic/fhir/export/${T0}/Patient.ndjson`,
    allowed: ['clinicianTeam', 'clinicianOther', 'adminWithReason'],
    check: (_b, text, ids, actor) => expect(text.includes(ids.patient)).toBe(actor !== 'clinicianOther'),
  },
  { method: 'GET', path: () => '/api/admin/clinicians', allowed: ['admin', 'adminWithReason'] },
  {
    method: 'POST',
    path: () => '/api/admin/clinicians',
    body: (_i, actor) => ({
      email: `m-${actor}-${Math.random().toString(36).slice(2)}@x.test`,
      password: 'matrix-password-1',
      displayName: 'M',
    }),
    allowed: ['admin', 'adminWithReason'],
  },
  {
    method: 'POST',
    path: (ids) => `/api/admin/users/${ids.clinicianOther}/disable`,
    body: () => ({ disabled: false }),
    allowed: ['admin', 'adminWithReason'],
  },
  { method: 'GET', path: () => '/api/admin/audit', allowed: ['admin', 'adminWithReason'] },
  { method: 'GET', path: () => '/api/me', allowed: SIGNED_IN },
  // Issue 12: linked phones, the web session after a reload, the admin's newest-first audit.
  {
    method: 'GET',
    path: P('/devices'),
    allowed: READERS,
    check: (b) => expect(b.devices.length).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    path: () => '/api/auth/session',
    allowed: ['clinicianTeam', 'clinicianOther', 'admin', 'adminWithReason'],
    check: (b) => expect(typeof b.csrfToken).toBe('string'),
  },
  { method: 'GET', path: () => '/api/admin/audit/latest', allowed: ['admin', 'adminWithReason'] },
  { method: 'GET', path: () => '/api/admin/staff', allowed: ['admin', 'adminWithReason'] },
];

/** Registers the matrix against a server started by `start`. */
export function describeAuthzMatrix(
  name: string,
  start: () => Promise<{ url: string; stop: () => Promise<void> }>,
): void {
  describe(`authorization matrix: ${name}`, () => {
    let srv: { url: string; stop: () => Promise<void> };
    let w: World;
    let ids: Ids;
    let clients: Record<Actor, Client>;
    beforeAll(async () => {
      srv = await start();
      w = await makeWorld(srv.url);
      await w.clinicianA.put(`/api/patients/${w.ids.patientA}/prescription`, { preset: 'post-op' });
      const up = await w.patientA.post('/api/sync', {
        records: [
          {
            idempotencyKey: 'matrix-sharp-1',
            kind: 'session',
            data: sessionData(T0 - 60_000, { sharpPain: true }),
          },
        ],
      });
      const alerts = await w.clinicianA.get(`/api/patients/${w.ids.patientA}/alerts`);
      if (up.status !== 200 || !alerts.body.alerts[0]) throw new Error('matrix set-up failed');
      ids = {
        patient: w.ids.patientA,
        alert: alerts.body.alerts[0].id,
        clinicianTeam: w.ids.clinicianA,
        clinicianOther: w.ids.clinicianB,
      };
      const withReason = new Client(srv.url);
      withReason.cookie = w.admin.cookie;
      withReason.csrf = w.admin.csrf;
      withReason.reason = 'audit of ward 7 records (ticket 123)';
      clients = {
        anon: w.anon,
        patientSelf: w.patientA,
        patientOther: w.patientB,
        clinicianTeam: w.clinicianA,
        clinicianOther: w.clinicianB,
        admin: w.admin,
        adminWithReason: withReason,
      };
    });
    afterAll(() => srv?.stop());

    for (const ep of ENDPOINTS) {
      for (const actor of ACTORS) {
        const ok = ep.allowed.includes(actor);
        it(`${ep.method} ${ep.path({ patient: ':patient', alert: ':alert', clinicianTeam: ':c', clinicianOther: ':c2' })} as ${actor}: ${ok ? 'allowed' : 'refused'}`, async () => {
          const c = clients[actor];
          const body =
            ep.body?.(ids, actor) ?? (ep.method === 'POST' || ep.method === 'PUT' ? {} : undefined);
          const r = await c.req(ep.method, ep.path(ids), body);
          if (ok) {
            expect(r.status, r.text).toBeLessThan(300);
            ep.check?.(r.body, r.text, ids, actor);
          } else {
            const want = actor === 'anon' ? 401 : (ep.refused?.[actor] ?? 403);
            expect(r.status, r.text).toBe(want);
            expect(r.body.error.code).toMatch(/^(unauthenticated|forbidden|reason_required|not_found)$/);
            expect(r.text).not.toContain('Pat A');
          }
        });
      }
    }

    it('DELETE /api/patients/:patient (all their data): only the patient themself; everyone else refused', async () => {
      for (const actor of ACTORS.filter((a) => a !== 'patientSelf')) {
        const r = await clients[actor].del(`/api/patients/${ids.patient}`);
        expect(r.status, `${actor}: ${r.text}`).toBe(actor === 'anon' ? 401 : 403);
      }
      expect((await w.clinicianA.get(`/api/patients/${ids.patient}`)).status).toBe(200);
      const c = await w.clinicianA.post('/api/patients', { displayName: 'Self delete' });
      const inv = await w.clinicianA.post(`/api/patients/${c.body.patient.id}/invites`);
      const dev = new Client(srv.url);
      dev.bearer = (await dev.post('/api/invites/redeem', { code: inv.body.code })).body.deviceToken;
      expect((await dev.del(`/api/patients/${c.body.patient.id}`)).status).toBe(200);
      expect((await w.clinicianA.get(`/api/patients/${c.body.patient.id}`)).status).toBe(403);
    });

    it('an account that is not a patient is never read as one: clinician 403, admin 404', async () => {
      for (const target of [ids.clinicianOther, ids.clinicianTeam]) {
        const r = await w.clinicianA.get(`/api/patients/${target}/records`);
        expect(r.status, r.text).toBe(403);
        const a = await clients.adminWithReason.get(`/api/patients/${target}/records`);
        expect(a.status, a.text).toBe(404);
        const log = await w.admin.get(`/api/admin/audit?patientId=${target}&limit=10000`);
        expect(log.body.entries.at(-1)).toMatchObject({ actorRole: 'admin', outcome: 'denied' });
      }
    });

    it('an admin asking for many patients without a reason is refused, and the refusal is audited', async () => {
      for (const [path, resource] of [
        ['/api/patients', 'patient-list'],
        ['/api/clinic/export.csv', 'clinic-export'],
      ] as const) {
        const r = await w.admin.get(path);
        expect(r.body.error.code).toBe('reason_required');
        const log = await w.admin.get('/api/admin/audit?limit=10000');
        const last = log.body.entries.at(-1);
        expect(last).toMatchObject({ actorRole: 'admin', resource, outcome: 'denied' });
      }
    });
  });
}
