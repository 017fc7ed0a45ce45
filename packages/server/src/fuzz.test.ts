// Bad input, generated: arbitrary JSON bodies, raw bytes, query strings and path ids against every
// endpoint, as a caller allowed to use it. Never a 5xx; always a 4xx that says what was wrong.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../test/authz.matrix.ts';
import { type Client, T0 } from '../test/harness.ts';
import { serverPerFile } from '../test/server-per-file.ts';

let ids: { patient: string; alert: string; clinicianTeam: string; clinicianOther: string };
const t = serverPerFile({ env: { MAX_BODY_BYTES: '65536' } });
beforeAll(async () => {
  ids = {
    patient: t.w.ids.patientA,
    alert: 'no-such-alert',
    clinicianTeam: t.w.ids.clinicianA,
    clinicianOther: t.w.ids.clinicianB,
  };
});

const RUNS = 25;
/** Each property makes dozens of real HTTP requests: on a busy 2-core machine that takes seconds. */
const HTTP_PROPERTY_MS = 120_000;
const actorFor = (allowed: string[]): Client => {
  if (allowed.includes('clinicianTeam')) return t.w.clinicianA;
  if (allowed.includes('patientSelf')) return t.w.patientA;
  return t.w.admin;
};

function expectClear4xx(r: { status: number; body: any; text: string }) {
  expect(r.status, r.text).toBeLessThan(500);
  if (r.status >= 400) {
    expect(typeof r.body?.error?.code, r.text).toBe('string');
    expect(r.body.error.message.length).toBeGreaterThan(5);
  }
}

const bodyArb = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'records',
      'email',
      'password',
      'displayName',
      'preset',
      'regimen',
      'note',
      'code',
      'clinicianId',
      'disabled',
      'x',
    ),
    fc.jsonValue(),
  ),
  fc.record({
    records: fc.array(
      fc.record({
        idempotencyKey: fc.oneof(fc.string(), fc.uuid()),
        kind: fc.constantFrom('session', 'pain', 'screening', 'other'),
        data: fc.oneof(
          fc.jsonValue(),
          fc.record({
            atMs: fc.integer(),
            level: fc.integer(),
            sharp: fc.boolean(),
            answers: fc.jsonValue(),
          }),
        ),
      }),
      { maxLength: 5 },
    ),
  }),
);

describe('fuzzed bodies and queries', { timeout: HTTP_PROPERTY_MS }, () => {
  const writers = [
    ...ENDPOINTS.filter((e) => e.method !== 'GET'),
    { method: 'POST' as const, path: () => '/api/auth/login', allowed: ['anon'] },
    { method: 'POST' as const, path: () => '/api/invites/redeem', allowed: ['anon'] },
  ];
  for (const ep of writers) {
    it(`${ep.method} ${ep.path({ patient: ':patient', alert: ':alert', clinicianTeam: ':c', clinicianOther: ':c2' })}: any JSON body gets a clear answer, never a 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(bodyArb, async (body) => {
          const c = actorFor(ep.allowed as string[]);
          expectClear4xx(await c.req(ep.method, ep.path(ids), body));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('any bytes as a body: 400 or 415 naming the problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('application/json', 'text/plain', ''),
        async (raw, type) => {
          const r = await t.w.patientA.req('POST', '/api/sync', raw, {
            'content-type': type || 'application/octet-stream',
          });
          expect(r.status).toBeGreaterThanOrEqual(400);
          expectClear4xx(r);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('any query string on every GET endpoint: never a 5xx', async () => {
    const names = fc.constantFrom(
      'kind',
      'fromMs',
      'toMs',
      'limit',
      'status',
      'format',
      'afterSeq',
      'patientId',
      'x',
    );
    const gets = ENDPOINTS.filter((e) => e.method === 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...gets),
        fc.array(fc.tuple(names, fc.string({ maxLength: 30 })), { maxLength: 4 }),
        async (ep, pairs) => {
          const qs = new URLSearchParams(pairs).toString();
          expectClear4xx(await actorFor(ep.allowed as string[]).get(`${ep.path(ids)}?${qs}`));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any patient id in the path: refused or not found, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }), async (id) => {
        const r = await t.w.clinicianA.get(`/api/patients/${encodeURIComponent(id)}/records`);
        expectClear4xx(r);
        if (id !== ids.patient) expect([400, 403, 404]).toContain(r.status);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({
      records: [
        {
          idempotencyKey: 'big-body-001',
          kind: 'pain',
          data: { atMs: T0, level: 1, sharp: false, note: 'x'.repeat(70_000) },
        },
      ],
    });
    const r = await t.w.patientA.req('POST', '/api/sync', big);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
    const tooMany = {
      records: Array.from({ length: 201 }, (_, i) => ({
        idempotencyKey: `many-${i}-abcdef`,
        kind: 'pain',
        data: { atMs: T0, level: 1, sharp: false },
      })),
    };
    expect((await t.w.patientA.post('/api/sync', tooMany)).status).toBe(413);
  });

  it('stores any text verbatim (SQL, HTML, emoji, quotes) and returns it unchanged', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !s.includes('\0'));
    let i = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          text,
          fc.constantFrom(
            "'; DROP TABLE records;--",
            '<script>alert(1)</script>',
            '" OR 1=1 --',
            '=cmd|"/c calc"!A1',
          ),
        ),
        async (note) => {
          const key = `verbatim-${++i}-abcdef`;
          const up = await t.w.patientA.post('/api/sync', {
            records: [
              { idempotencyKey: key, kind: 'pain', data: { atMs: T0 - i, level: 1, sharp: false, note } },
            ],
          });
          expect(up.status, up.text).toBe(200);
          const list = await t.w.patientA.get(
            `/api/patients/${ids.patient}/records?kind=pain&fromMs=${T0 - i}&toMs=${T0 - i + 1}`,
          );
          expect(
            list.body.records.find((r: { idempotencyKey: string }) => r.idempotencyKey === key).data.note,
          ).toBe(note);
        },
      ),
      { numRuns: 30 },
    );
  });
});
