// Two server instances on one PostgreSQL behind a round-robin client, as a hospital runs them:
// whatever one instance learns (a session, a failed password, an address's attempts, an alert, a
// sweep) the other knows at once, and killing one in the middle of uploads loses nothing that
// was acknowledged and duplicates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, killed, spawnServer } from './child.ts';
import { ADMIN, Client, sessionData, startTestServer, type TestServer } from './harness.ts';
import { type PgServer, startPgServer } from './pg-server.ts';

let pg: PgServer;
beforeAll(async () => {
  pg = await startPgServer();
});
afterAll(() => pg?.stop());

describe('two instances on one PostgreSQL (in process, hand-moved clocks)', () => {
  let one: TestServer;
  let two: TestServer;
  /** A round-robin client: request n goes to instance n mod 2. */
  const rr = (addr: string) => {
    const c = new Client(one.url, [two.url]);
    return { c, h: { 'x-forwarded-for': addr } };
  };
  const moveClocks = (ms: number) => {
    one.clock.now += ms;
    two.clock.now += ms;
  };

  beforeAll(async () => {
    const url = await pg.freshDatabase();
    const env = { TRUST_PROXY: 'true', LOGIN_PER_MINUTE: '20' };
    one = await startTestServer({ databaseUrl: url, env });
    two = await startTestServer({ databaseUrl: url, env });
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
  });

  async function login(c: Client, email: string, password: string, h: Record<string, string>) {
    const r = await c.post('/api/auth/login', { email, password }, h);
    if (r.status === 200) c.csrf = r.body.csrfToken;
    return r;
  }

  it('signs in on one instance and writes on the other', async () => {
    const { c, h } = rr('10.0.0.1');
    expect((await login(c, ADMIN.email, ADMIN.password, h)).status).toBe(200);
    expect(c.lastBase).toBe(one.url);
    const made = await c.post(
      '/api/admin/clinicians',
      { email: 'rr@clinic.test', password: 'rr-password-123', displayName: 'Dr RR' },
      h,
    );
    expect(c.lastBase).toBe(two.url);
    expect(made.status, made.text).toBe(201);
    const list = await c.get('/api/admin/clinicians', h);
    expect(c.lastBase).toBe(one.url);
    expect(list.body.clinicians.map((u: { email: string }) => u.email)).toContain('rr@clinic.test');
    // Signing out on one instance ends the session on both.
    expect((await c.post('/api/auth/logout', {}, h)).status).toBe(200);
    const saved = c.cookie;
    expect((await c.get('/api/me', h)).status).toBe(401);
    c.cookie = saved;
    expect((await c.get('/api/me', h)).status).toBe(401);
  });

  it('shares the sign-in throttle: failures on both instances add up, identically for an unknown e-mail', async () => {
    const a = rr('10.0.0.2');
    const b = rr('10.0.0.3');
    const seen: { known: number; unknown: number; where: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const known = await a.c.post(
        '/api/auth/login',
        { email: 'rr@clinic.test', password: `nope-${i}-xxxxxx` },
        a.h,
      );
      const where = a.c.lastBase;
      const unknown = await b.c.post(
        '/api/auth/login',
        { email: 'ghost@clinic.test', password: `nope-${i}-xxxxxx` },
        b.h,
      );
      seen.push({ known: known.status, unknown: unknown.status, where });
      expect(known.body).toEqual(unknown.body);
    }
    expect(new Set(seen.map((s) => s.where)).size).toBe(2);
    // 5 failures in all (on two instances) throttle the e-mail on both.
    expect(seen.map((s) => s.known)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(seen.map((s) => s.unknown)).toEqual(seen.map((s) => s.known));
    moveClocks(60_000);
  });

  it('shares the per-address rate limit across instances', async () => {
    const { c, h } = rr('10.0.0.4');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (await c.post('/api/auth/login', { email: `x${i}@clinic.test`, password: 'pw-pw-pw-pw-pw' }, h))
          .status,
      );
    // 20 per minute for the address in all: each instance alone saw only 11.
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    moveClocks(60_000);
    expect(
      (await c.post('/api/auth/login', { email: 'x@clinic.test', password: 'pw-pw-pw-pw-pw' }, h)).status,
    ).toBe(401);
  });

  it('raises each alert once, whichever instances the upload and the sweeps run on', async () => {
    const { c, h } = rr('10.0.0.5');
    await login(c, 'rr@clinic.test', 'rr-password-123', h);
    const patientId = (await c.post('/api/patients', { displayName: 'Pat RR' }, h)).body.patient.id as string;
    expect((await c.put(`/api/patients/${patientId}/prescription`, { preset: 'post-op' })).status).toBe(200);
    const code = (await c.post(`/api/patients/${patientId}/invites`, {}, h)).body.code as string;
    const dev = new Client(one.url, [two.url]);
    dev.bearer = (
      await dev.post('/api/invites/redeem', { code }, { 'x-forwarded-for': '10.0.0.6' })
    ).body.deviceToken;

    // The same sharp-pain session sent to both instances at once (an outbox retry racing itself).
    const sharp = {
      records: [
        {
          idempotencyKey: 'rr-sharp-0001',
          kind: 'session',
          data: sessionData(one.clock.now - 60_000, { sharpPain: true }),
        },
      ],
    };
    const [r1, r2] = await Promise.all([dev.post('/api/sync', sharp), dev.post('/api/sync', sharp)]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect([r1.body.results[0].status, r2.body.results[0].status].sort()).toEqual(['created', 'duplicate']);
    expect(r1.body.alertsRaised + r2.body.alertsRaised).toBe(1);
    // A note with characters outside the BMP comes back exactly, whichever instance stored it.
    const note = 'calf 🦶 tight';
    await dev.post('/api/sync', {
      records: [
        {
          idempotencyKey: 'rr-note-0001',
          kind: 'pain',
          data: { atMs: one.clock.now - 1, level: 2, sharp: false, note },
        },
      ],
    });
    const notes = await c.get(`/api/patients/${patientId}/records?kind=pain`, h);
    expect(notes.body.records[0].data.note).toBe(note);

    // Three days without sessions: both instances' sweeps fire in the same period; one runs it.
    moveClocks(3 * 86_400_000);
    await login(c, 'rr@clinic.test', 'rr-password-123', h); // the web session idled out meanwhile
    const runs = await Promise.all([
      one.server.sweep!.runOnce(one.clock.now),
      two.server.sweep!.runOnce(two.clock.now),
      one.server.sweep!.runOnce(one.clock.now),
    ]);
    expect(runs.filter((x) => x !== null)).toHaveLength(1);
    const alerts = (await c.get(`/api/patients/${patientId}/alerts?status=all`, h)).body.alerts as {
      kind: string;
    }[];
    const kinds = alerts.map((a) => a.kind).sort();
    expect(kinds.filter((k) => k === 'sharp-pain')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'low-adherence')).toHaveLength(1);
    // The next period is swept again, by one instance, and raises nothing new.
    moveClocks(60 * 60_000);
    const again = await Promise.all([
      two.server.sweep!.runOnce(two.clock.now),
      one.server.sweep!.runOnce(one.clock.now),
    ]);
    expect(again.filter((x) => x !== null)).toEqual([0]);
  });
});

describe('two instance processes on one PostgreSQL, one killed in the middle of uploads', () => {
  let a: Child;
  let b: Child;
  afterAll(async () => {
    if (a) await killed(a);
    if (b) await killed(b);
  });

  it('keeps every acknowledged upload exactly once', async () => {
    const env = {
      DATABASE_URL: await pg.freshDatabase(),
      PORT: '0',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOGIN_PER_MINUTE: '1000',
    };
    a = await spawnServer(env);
    b = await spawnServer(env);
    const admin = new Client(a.url, [b.url]);
    await admin.login(ADMIN.email, ADMIN.password);
    await admin.post('/api/admin/clinicians', {
      email: 'k@clinic.test',
      password: 'kill-password-1',
      displayName: 'K',
    });
    const clin = new Client(b.url, [a.url]);
    await clin.login('k@clinic.test', 'kill-password-1');
    const patientId = (await clin.post('/api/patients', { displayName: 'Kill' })).body.patient.id as string;
    const code = (await clin.post(`/api/patients/${patientId}/invites`)).body.code as string;
    const token = (await new Client(a.url).post('/api/invites/redeem', { code })).body.deviceToken as string;

    const base = Date.now() - 60_000;
    const rec = (key: string, i: number) => ({
      idempotencyKey: key,
      kind: 'pain',
      data: { atMs: base - i, level: i % 8, sharp: false, note: `n${i}` },
    });
    const acked = new Set<string>();
    const sent = new Set<string>();
    let stop = false;
    let seq = 0;
    let turn = 0;
    let bDead = false;
    const post = (url: string, records: unknown[]) =>
      fetch(`${url}/api/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ records }),
      });
    // Four devices' worth of outbox traffic, round-robin over the instances still up.
    const worker = async (w: number) => {
      while (!stop) {
        const batch = Array.from({ length: 5 }, () => {
          const i = seq++;
          return rec(`kill-${w}-${i}-xxxxxxxx`, i);
        });
        for (const r of batch) sent.add(r.idempotencyKey);
        const url = !bDead && turn++ % 2 === 1 ? b.url : a.url;
        try {
          const res = await post(url, batch);
          if (res.status === 200) {
            const body = (await res.json()) as { results: { idempotencyKey: string; status: string }[] };
            for (const r of body.results)
              if (r.status === 'created' || r.status === 'duplicate') acked.add(r.idempotencyKey);
          }
        } catch {
          // the killed instance reset the connection: the outbox keeps these for the retry
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await new Promise((r) => setTimeout(r, 800));
    const ackedBeforeKill = acked.size;
    await killed(b);
    bDead = true;
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(workers);
    expect(ackedBeforeKill).toBeGreaterThan(10);
    expect(acked.size).toBeGreaterThan(ackedBeforeKill);

    // The outbox re-sends everything it ever sent to the surviving instance.
    const all = [...sent];
    for (let i = 0; i < all.length; i += 100) {
      const chunk = all.slice(i, i + 100).map((k) => rec(k, Number(k.split('-')[2])));
      const body = (await (await post(a.url, chunk)).json()) as {
        results: { idempotencyKey: string; status: string }[];
      };
      for (const x of body.results) {
        if (acked.has(x.idempotencyKey)) expect(x.status).toBe('duplicate');
        else expect(['created', 'duplicate']).toContain(x.status);
      }
    }
    const reader = new Client(a.url);
    await reader.login('k@clinic.test', 'kill-password-1');
    const keys: string[] = (
      await reader.get(`/api/patients/${patientId}/records?limit=10000`)
    ).body.records.map((r: { idempotencyKey: string }) => r.idempotencyKey);
    expect(sent.size).toBeLessThan(10_000);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(sent.size);
    for (const k of acked) expect(keys).toContain(k);
  });
});
