// Issue 12 over real HTTP and a real SQLite file: adherence counts only done sessions, the web
// session (and its CSRF token) survives a reload, passwords change and reset, lost phones are
// revoked, alerts say when things happened in plain words, the admin reads the newest audit first.
import { describe, expect, it } from 'vitest';
import { ADMIN, Client, makeWorld, sessionData, startTestServer, T0 } from '../test/harness.ts';
import { serverPerFile, syncRecord } from '../test/server-per-file.ts';
import { prescribedDaysOfWeek } from './routes/patients.ts';

const t = serverPerFile();

const session = (startMs: number, outcome: 'completed' | 'aborted' | 'stopped', id: string) => ({
  ...sessionData(startMs, { id, sharpPain: outcome === 'stopped' }),
  outcome,
});

describe('adherence in the patient list counts only sessions that count as done', () => {
  it('1 completed and 5 aborted or stopped today is 1 done of 4, not 6', async () => {
    await t.w.clinicianA.put(`/api/patients/${t.w.ids.patientA}/prescription`, { preset: 'post-op' });
    const day = T0 - 3 * 3_600_000;
    const outcomes = ['completed', 'aborted', 'stopped', 'aborted', 'aborted', 'stopped'] as const;
    const up = await t.w.patientA.post('/api/sync', {
      records: outcomes.map((o, i) =>
        syncRecord(`adh-${i}-xxxx`, 'session', session(day + i * 600_000, o, `adh-${i}`)),
      ),
    });
    expect(up.status, up.text).toBe(200);
    const list = await t.w.clinicianA.get('/api/patients');
    const row = list.body.patients.find((p: { id: string }) => p.id === t.w.ids.patientA);
    expect(row.sessionsLast7Days).toBe(1);
    // The plan was set just now: today's 4 sessions are what it asked for so far, not a week's 28.
    expect(row.prescribedPerDay).toBe(4);
    expect(row.prescribedLast7Days).toBe(4);
    expect(row.adherence7d).toBeCloseTo(1 / 4, 5);
  });
});

describe('the days of the week a prescription was in force', () => {
  it('counts today whole and nothing before the first prescription, up to 7', () => {
    const day = 86_400_000;
    expect(prescribedDaysOfWeek(null, T0)).toBe(0);
    expect(prescribedDaysOfWeek(T0 - 60_000, T0)).toBe(1);
    expect(prescribedDaysOfWeek(T0 - day - 60_000, T0)).toBe(2);
    expect(prescribedDaysOfWeek(T0 - 30 * day, T0)).toBe(7);
  });
});

describe('the web session after a reload', () => {
  it('GET /api/auth/session gives the same CSRF token to the same cookie, and a write with it works', async () => {
    const c = new Client(t.srv.url);
    const login = await c.login(ADMIN.email, ADMIN.password);
    const token = login.body.csrfToken;
    c.csrf = null; // the page reloaded: memory is gone, the cookie stays
    const denied = await c.post('/api/admin/clinicians', {
      email: 'reload@clinic.test',
      password: 'reload-password-1',
      displayName: 'R',
    });
    expect(denied.body.error.code).toBe('csrf_failed');
    const s = await c.get('/api/auth/session');
    expect(s.status).toBe(200);
    expect(s.body.csrfToken).toBe(token);
    expect(s.body.user.role).toBe('admin');
    expect(s.body.idleTimeoutMin).toBeGreaterThan(0);
    expect(s.headers.get('cache-control')).toBe('no-store');
    c.csrf = s.body.csrfToken;
    const ok = await c.post('/api/admin/clinicians', {
      email: 'reload@clinic.test',
      password: 'reload-password-1',
      displayName: 'R',
    });
    expect(ok.status, ok.text).toBe(201);
  });

  it('is 401 signed out and 403 for a device token', async () => {
    expect((await new Client(t.srv.url).get('/api/auth/session')).status).toBe(401);
    const r = await t.w.patientA.get('/api/auth/session');
    expect(r.status).toBe(403);
  });
});

describe('passwords', () => {
  it('a clinician changes their own: wrong current refused at the field, other browsers signed out', async () => {
    const admin = new Client(t.srv.url);
    await admin.login(ADMIN.email, ADMIN.password);
    await admin.post('/api/admin/clinicians', {
      email: 'pw@clinic.test',
      password: 'first-password-1',
      displayName: 'Dr Pw',
    });
    const here = new Client(t.srv.url);
    const there = new Client(t.srv.url);
    await here.login('pw@clinic.test', 'first-password-1');
    await there.login('pw@clinic.test', 'first-password-1');
    const wrong = await here.post('/api/account/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'second-password-2',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.where).toBe('body.currentPassword');
    const short = await here.post('/api/account/password', {
      currentPassword: 'first-password-1',
      newPassword: 'short',
    });
    expect(short.body.error).toMatchObject({ where: 'body.newPassword' });
    expect(short.body.error.message).toMatch(/12 characters/);
    const ok = await here.post('/api/account/password', {
      currentPassword: 'first-password-1',
      newPassword: 'second-password-2',
    });
    expect(ok.status, ok.text).toBe(200);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await there.get('/api/me')).status).toBe(401);
    expect((await new Client(t.srv.url).login('pw@clinic.test', 'first-password-1')).status).toBe(401);
    expect((await new Client(t.srv.url).login('pw@clinic.test', 'second-password-2')).status).toBe(200);
  });

  it("an admin resets a clinician's password: the old one stops working, sessions end; only admins may", async () => {
    const admin = new Client(t.srv.url);
    await admin.login(ADMIN.email, ADMIN.password);
    const c = await admin.post('/api/admin/clinicians', {
      email: 'reset@clinic.test',
      password: 'forgot-this-one-1',
      displayName: 'Dr Reset',
    });
    const id = c.body.user.id;
    const clin = new Client(t.srv.url);
    await clin.login('reset@clinic.test', 'forgot-this-one-1');
    expect(
      (await clin.post(`/api/admin/users/${id}/password`, { password: 'self-made-pass-1' })).status,
    ).toBe(403);
    const bad = await admin.post(`/api/admin/users/${id}/password`, { password: 'x' });
    expect(bad.body.error.where).toBe('body.password');
    expect(
      (await admin.post(`/api/admin/users/${t.w.ids.patientA}/password`, { password: 'patient-pass-12' }))
        .status,
    ).toBe(404);
    const r = await admin.post(`/api/admin/users/${id}/password`, { password: 'temporary-pass-1' });
    expect(r.status, r.text).toBe(200);
    expect((await clin.get('/api/me')).status).toBe(401);
    expect((await new Client(t.srv.url).login('reset@clinic.test', 'forgot-this-one-1')).status).toBe(401);
    expect((await new Client(t.srv.url).login('reset@clinic.test', 'temporary-pass-1')).status).toBe(200);
  });
});

describe('lost phones', () => {
  async function linkPhone(label: string): Promise<Client> {
    const inv = await t.w.clinicianA.post(`/api/patients/${t.w.ids.patientA}/invites`);
    const dev = new Client(t.srv.url);
    const r = await dev.post('/api/invites/redeem', { code: inv.body.code, deviceLabel: label });
    dev.bearer = r.body.deviceToken;
    return dev;
  }

  it("the clinician lists the patient's phones and revokes one: its token stops working at once", async () => {
    const lost = await linkPhone('Lost phone');
    expect((await lost.get(`/api/patients/${t.w.ids.patientA}/prescription`)).status).toBe(200);
    const list = await t.w.clinicianA.get(`/api/patients/${t.w.ids.patientA}/devices`);
    expect(list.status).toBe(200);
    const d = list.body.devices.find((x: { label: string }) => x.label === 'Lost phone');
    expect(d.id).toMatch(/^[0-9a-f]{16}$/);
    expect(list.text).not.toContain(lost.bearer!);
    expect((await t.w.clinicianB.del(`/api/patients/${t.w.ids.patientA}/devices/${d.id}`)).status).toBe(403);
    const del = await t.w.clinicianA.del(`/api/patients/${t.w.ids.patientA}/devices/${d.id}`);
    expect(del.status, del.text).toBe(200);
    expect((await lost.get(`/api/patients/${t.w.ids.patientA}/prescription`)).status).toBe(401);
    expect((await t.w.clinicianA.del(`/api/patients/${t.w.ids.patientA}/devices/${d.id}`)).status).toBe(404);
    expect(
      (await t.w.clinicianA.del(`/api/patients/${t.w.ids.patientA}/devices/nothex`)).body.error.where,
    ).toBe('deviceId');
    const log = await t.w.admin.get(`/api/admin/audit?patientId=${t.w.ids.patientA}&limit=10000`);
    expect(
      log.body.entries.some(
        (e: { action: string; resource: string }) => e.action === 'revoke' && e.resource === `device:${d.id}`,
      ),
    ).toBe(true);
  });

  it('the patient unlinks their own phone; an admin revokes only with a reason', async () => {
    const mine = await linkPhone('My phone');
    const own = await mine.get(`/api/patients/${t.w.ids.patientA}/devices`);
    expect(own.body.devices.filter((x: { current: boolean }) => x.current)).toHaveLength(1);
    expect((await mine.req('DELETE', '/api/me/device')).status).toBe(200);
    expect((await mine.get(`/api/patients/${t.w.ids.patientA}/prescription`)).status).toBe(401);

    const other = await linkPhone('Other phone');
    const list = await t.w.clinicianA.get(`/api/patients/${t.w.ids.patientA}/devices`);
    const d = list.body.devices.find((x: { label: string }) => x.label === 'Other phone');
    expect((await t.w.admin.del(`/api/patients/${t.w.ids.patientA}/devices/${d.id}`)).status).toBe(403);
    const admin = new Client(t.srv.url);
    admin.cookie = t.w.admin.cookie;
    admin.csrf = t.w.admin.csrf;
    admin.reason = 'patient called: phone stolen (ticket 42)';
    expect((await admin.del(`/api/patients/${t.w.ids.patientA}/devices/${d.id}`)).status).toBe(200);
    expect((await other.get(`/api/patients/${t.w.ids.patientA}/prescription`)).status).toBe(401);
  });
});

describe('alerts', () => {
  it('carry when the session happened (not the upload) and no internal codes', async () => {
    const happened = T0 - 2 * 86_400_000;
    await t.w.patientB.post('/api/sync', {
      records: [
        syncRecord('late-sharp-1', 'session', sessionData(happened, { sharpPain: true, id: 'late-1' })),
        syncRecord('late-screen-1', 'screening', {
          atMs: happened + 1000,
          answers: { severeInjury: false, swelling: true, clotHistory: false, painNow: 2 },
        }),
      ],
    });
    const a = await t.w.clinicianB.get('/api/alerts');
    const sharp = a.body.alerts.find((x: { kind: string }) => x.kind === 'sharp-pain');
    expect(sharp.occurredAtMs).toBe(happened);
    expect(sharp.createdAtMs).toBe(T0);
    const scr = a.body.alerts.find((x: { kind: string }) => x.kind === 'screening-red-flag');
    expect(scr.occurredAtMs).toBe(happened + 1000);
    expect(scr.message).not.toMatch(/see-doctor-first|supervised-only|not-suitable/);
    expect(scr.message).toMatch(/see a doctor/);
  });

  it('a session record names its sensor when sent, and a wrong one is refused at the field', async () => {
    const bad = await t.w.patientB.post('/api/sync', {
      records: [
        syncRecord('sensor-bad-1', 'session', { ...sessionData(T0 - 1000, { id: 'sb' }), sensor: 'radar' }),
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.where).toBe('body.records[0].data.sensor');
  });
});

describe('the audit trail for the admin', () => {
  it('newest first with actor names, paged with beforeSeq; clinicians refused', async () => {
    const first = await t.w.admin.get('/api/admin/audit/latest?limit=3');
    expect(first.status).toBe(200);
    const seqs = first.body.entries.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
    for (const e of first.body.entries as { actorId: string | null; actorRole: string | null }[])
      if (e.actorId && e.actorRole !== 'patient') expect(first.body.actors[e.actorId]).toMatch(/\w/);
    const next = await t.w.admin.get(`/api/admin/audit/latest?limit=3&beforeSeq=${first.body.nextBeforeSeq}`);
    expect(next.body.entries[0].seq).toBeLessThan(seqs.at(-1));
    expect((await t.w.clinicianA.get('/api/admin/audit/latest')).status).toBe(403);
    expect((await t.w.admin.get('/api/admin/audit/latest?limit=0')).body.error.where).toBe('limit');
  });
});

describe('account events in the audit trail', () => {
  it('records creating, disabling and resetting an account, and sign-ins refused and allowed', async () => {
    const made = await t.w.admin.post('/api/admin/clinicians', {
      email: 'audited@clinic.test',
      password: 'audited-pass-123',
      displayName: 'Dr Audited',
    });
    const id = made.body.user.id as string;
    const wrong = await new Client(t.srv.url).post('/api/auth/login', {
      email: 'audited@clinic.test',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    await new Client(t.srv.url).login('audited@clinic.test', 'audited-pass-123');
    await t.w.admin.post(`/api/admin/users/${id}/password`, { password: 'audited-pass-456' });
    await t.w.admin.post(`/api/admin/users/${id}/disable`, { disabled: true });
    const log = await t.w.admin.get('/api/admin/audit/latest?limit=20');
    const lines = (
      log.body.entries as { action: string; resource: string; outcome: string; actorId: string }[]
    ).map((e) => `${e.action} ${e.resource} ${e.outcome}${e.actorId === id ? ' (the account)' : ''}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        `create account:${id}:clinician allowed`,
        'sign-in session:web denied (the account)',
        'sign-in session:web allowed (the account)',
        `write account:${id}:password-reset allowed`,
        `write account:${id}:disabled allowed`,
      ]),
    );
  });
});

describe('a phone reaches the clinic at PUBLIC_URL (README: running it for a real clinic)', () => {
  it('invite links are built on PUBLIC_URL, and an https one makes the sign-in cookie Secure', async () => {
    const pub = await startTestServer({ env: { PUBLIC_URL: 'https://anklepump.clinic.example' } });
    try {
      const pw = await makeWorld(pub.url);
      const c = await pw.clinicianA.post('/api/patients', { displayName: 'Remote' });
      const inv = await pw.clinicianA.post(`/api/patients/${c.body.patient.id}/invites`);
      expect(inv.body.link).toBe(`https://anklepump.clinic.example/join?code=${inv.body.code}`);
      const login = await new Client(pub.url).login(ADMIN.email, ADMIN.password);
      expect(login.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await pub.stop();
    }
  });
});

describe('staff accounts and client addresses', () => {
  it('GET /api/admin/staff lists clinicians and admins (an admin made by an admin can be managed)', async () => {
    await t.w.admin.post('/api/admin/clinicians', {
      email: 'second-admin@clinic.test',
      password: 'second-admin-pass-1',
      displayName: 'Second Admin',
      role: 'admin',
    });
    const r = await t.w.admin.get('/api/admin/staff');
    expect(r.status).toBe(200);
    const roles = new Map(
      r.body.staff.map((u: { displayName: string; role: string }) => [u.displayName, u.role]),
    );
    expect(roles.get('Second Admin')).toBe('admin');
    expect(roles.get('Dr ann')).toBe('clinician');
    expect(r.body.staff.filter((u: { you: boolean }) => u.you)).toHaveLength(1);
    expect((await t.w.clinicianA.get('/api/admin/staff')).status).toBe(403);
  });

  it("behind a proxy with TRUST_PROXY=true the audit trail records the phone's address, not the proxy's", async () => {
    for (const [trust, want] of [
      ['true', '203.0.113.9'],
      ['false', '127.0.0.1'],
    ] as const) {
      const s = await startTestServer({ env: { TRUST_PROXY: trust } });
      try {
        const pw = await makeWorld(s.url);
        await pw.patientA.get(`/api/patients/${pw.ids.patientA}/records`, {
          'x-forwarded-for': '203.0.113.9',
        });
        const log = await pw.admin.get(`/api/admin/audit/latest?patientId=${pw.ids.patientA}&limit=1`);
        expect(log.body.entries[0]).toMatchObject({ resource: 'records', ip: want });
      } finally {
        await s.stop();
      }
    }
  });
});
