// End-to-end behaviour over real HTTP and a real SQLite file: sign-in, invites, prescriptions,
// sync idempotency, alerts, exports, audit and deletion, as a clinician and a patient see them.
import { describe, expect, it } from 'vitest';
import { ADMIN, Client, sessionData, T0 } from '../test/harness.ts';
import { serverPerFile, syncRecord } from '../test/server-per-file.ts';

const t = serverPerFile();

const upload = (c: Client, records: unknown[]) => c.post('/api/sync', { records });

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Strict cookie and refuses writes without the CSRF token', async () => {
    const c = new Client(t.srv.url);
    const r = await c.login(ADMIN.email, ADMIN.password);
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    c.csrf = null;
    const denied = await c.post('/api/admin/clinicians', {
      email: 'x@y.zz',
      password: 'long-enough-pass',
      displayName: 'X',
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('csrf_failed');
  });

  it('says nothing about which part was wrong, and slows guessing after 5 wrong passwords', async () => {
    const admin = new Client(t.srv.url);
    await admin.login(ADMIN.email, ADMIN.password);
    await admin.post('/api/admin/clinicians', {
      email: 'lock@clinic.test',
      password: 'right-password-1',
      displayName: 'L',
    });
    const c = new Client(t.srv.url);
    const unknown = await c.login('nobody@clinic.test', 'whatever-password');
    const wrong = await c.login('lock@clinic.test', 'wrong-password-0');
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    for (let i = 1; i < 5; i++)
      expect((await c.login('lock@clinic.test', `wrong-password-${i}`)).status).toBe(401);
    const waiting = await c.login('lock@clinic.test', 'right-password-1');
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('retry-after'))).toBe(15);
    t.srv.clock.now += 16_000;
    expect((await c.login('lock@clinic.test', 'right-password-1')).status).toBe(200);
    t.srv.clock.now -= 16_000;
  });

  it('ends a web session after 30 idle minutes, but not a device token', async () => {
    const c = new Client(t.srv.url);
    await c.login(ADMIN.email, ADMIN.password);
    expect((await c.get('/api/me')).status).toBe(200);
    t.srv.clock.now += 31 * 60_000;
    expect((await c.get('/api/me')).status).toBe(401);
    expect((await t.w.patientA.get('/api/me')).status).toBe(200);
    t.srv.clock.now -= 31 * 60_000;
  });

  it('logs out: the cookie no longer works', async () => {
    const c = new Client(t.srv.url);
    await c.login(ADMIN.email, ADMIN.password);
    const saved = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    c.cookie = saved;
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('an invite code works once', async () => {
    const p = await t.w.clinicianA.post('/api/patients', { displayName: 'Once' });
    const inv = await t.w.clinicianA.post(`/api/patients/${p.body.patient.id}/invites`);
    const d = new Client(t.srv.url);
    expect((await d.post('/api/invites/redeem', { code: inv.body.code.toLowerCase() })).status).toBe(201);
    const again = await d.post('/api/invites/redeem', { code: inv.body.code });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invite_invalid');
  });

  it('a new invite code ends the earlier unused one, which then links no phone', async () => {
    const p = await t.w.clinicianA.post('/api/patients', { displayName: 'Twice' });
    const first = await t.w.clinicianA.post(`/api/patients/${p.body.patient.id}/invites`);
    const second = await t.w.clinicianA.post(`/api/patients/${p.body.patient.id}/invites`);
    const d = new Client(t.srv.url);
    const old = await d.post('/api/invites/redeem', { code: first.body.code });
    expect(old.status).toBe(400);
    expect(old.body.error.code).toBe('invite_invalid');
    expect((await d.post('/api/invites/redeem', { code: second.body.code })).status).toBe(201);
  });
});

describe('prescriptions', () => {
  it('versions every change with who and when; the patient app reads the current one', async () => {
    const id = t.w.ids.patientA;
    const v1 = await t.w.clinicianA.put(`/api/patients/${id}/prescription`, { preset: 'general' });
    expect(v1.status).toBe(200);
    expect(v1.body.prescription.version).toBe(1);
    const custom = {
      ...v1.body.prescription.regimen,
      id: 'ward-7',
      kind: 'custom',
      name: 'Ward 7',
      frequency: { type: 'daily', sessionsPerDay: 4 },
    };
    t.srv.clock.now += 1000;
    const v2 = await t.w.clinicianA.put(`/api/patients/${id}/prescription`, {
      regimen: custom,
      note: 'after surgery',
    });
    t.srv.clock.now -= 1000;
    expect(v2.status).toBe(200);
    expect(v2.body.prescription.version).toBe(2);
    expect(v2.body.prescription.regimen.version).toBe(2);
    const cur = await t.w.patientA.get(`/api/patients/${id}/prescription`);
    expect(cur.body.prescription.regimen.name).toBe('Ward 7');
    expect(cur.body.prescription.changedBy).toBe(t.w.ids.clinicianA);
    const hist = await t.w.clinicianA.get(`/api/patients/${id}/prescriptions`);
    expect(hist.body.prescriptions.map((p: { version: number }) => p.version)).toEqual([1, 2]);
    expect(hist.body.prescriptions[1].changedAtMs).toBe(T0 + 1000);
  });

  it('refuses a dose outside the limits and says where', async () => {
    const r = await t.w.clinicianA.put(`/api/patients/${t.w.ids.patientA}/prescription`, {
      regimen: {
        id: 'x',
        kind: 'custom',
        name: 'X',
        dose: { repsPerFoot: 5000 },
        frequency: { type: 'daily', sessionsPerDay: 2 },
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.where).toMatch(/^body\.regimen\.dose/);
  });
});

describe('sync', () => {
  it('stores each record once, whatever the replays and order', async () => {
    const older = syncRecord('key-older-0001', 'session', sessionData(T0 - 5 * 86_400_000));
    const newer = syncRecord('key-newer-0001', 'session', sessionData(T0 - 3_600_000));
    const first = await upload(t.w.patientA, [newer]);
    expect(first.body.results[0].status).toBe('created');
    const second = await upload(t.w.patientA, [older, newer, newer]);
    expect(second.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'duplicate',
      'duplicate',
    ]);
    expect(second.body.results[1].id).toBe(first.body.results[0].id);
    const list = await t.w.clinicianA.get(`/api/patients/${t.w.ids.patientA}/records?kind=session`);
    const keys = list.body.records.map((r: { idempotencyKey: string }) => r.idempotencyKey);
    expect(keys.filter((k: string) => k === 'key-newer-0001')).toHaveLength(1);
    expect(keys.indexOf('key-older-0001')).toBeLessThan(keys.indexOf('key-newer-0001'));
  });

  it('answers conflict when a key is reused for other content, and keeps the original', async () => {
    await upload(t.w.patientA, [
      syncRecord('key-conflict-1', 'pain', { atMs: T0 - 1000, level: 2, sharp: false }),
    ]);
    const r = await upload(t.w.patientA, [
      syncRecord('key-conflict-1', 'pain', { atMs: T0 - 1000, level: 3, sharp: false }),
    ]);
    expect(r.body.results[0].status).toBe('conflict');
    const list = await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/records?kind=pain`);
    expect(
      list.body.records.find((x: { idempotencyKey: string }) => x.idempotencyKey === 'key-conflict-1').data
        .level,
    ).toBe(2);
  });

  it('takes the pain after a session the patient answered once the session had been sent, and alerts on it', async () => {
    const sent = {
      ...sessionData(T0 - 10 * 86_400_000, { id: 's-pain-after' }),
      painAfter: null,
      painMax: 1,
    };
    expect(
      (await upload(t.w.patientA, [syncRecord('session-s-pain-after', 'session', sent)])).body.results[0]
        .status,
    ).toBe('created');
    const amended = { ...sent, painAfter: 8, painMax: 8 };
    const r = await upload(t.w.patientA, [syncRecord('session-s-pain-after', 'session', amended)]);
    expect(r.body.results[0].status).toBe('amended');
    expect(r.body.alertsRaised).toBe(1);
    const list = await t.w.clinicianA.get(`/api/patients/${t.w.ids.patientA}/records?kind=session`);
    const kept = list.body.records.find(
      (x: { idempotencyKey: string }) => x.idempotencyKey === 'session-s-pain-after',
    );
    expect(kept.data.painAfter).toBe(8);
    const alerts = (await t.w.clinicianA.get('/api/alerts')).body.alerts;
    expect(
      alerts.some(
        (a: { kind: string; message: string }) => a.kind === 'pain-high' && a.message.includes('8/10'),
      ),
    ).toBe(true);
  });

  it('refuses a record with an impossible value, naming it, and stores nothing from that batch', async () => {
    const bad = await upload(t.w.patientA, [
      syncRecord('key-batch-ok-1', 'pain', { atMs: T0, level: 1, sharp: false }),
      syncRecord('key-batch-bad-1', 'pain', { atMs: T0, level: 11, sharp: false }),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.where).toBe('body.records[1].data.level');
    const list = await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/records?kind=pain`);
    expect(
      list.body.records.some((x: { idempotencyKey: string }) => x.idempotencyKey === 'key-batch-ok-1'),
    ).toBe(false);
  });

  it('accepts records from a device that was offline for days', async () => {
    const days = [9, 8, 7].map((d) =>
      syncRecord(`key-offline-${d}`, 'pain', { atMs: T0 - d * 86_400_000, level: 1, sharp: false }),
    );
    const r = await upload(t.w.patientA, days);
    expect(r.body.results.every((x: { status: string }) => x.status === 'created')).toBe(true);
  });
});

describe('alerts', () => {
  it('raises sharp pain, pain >= 7 and screening red flags for the clinician, who acknowledges them', async () => {
    const r = await upload(t.w.patientB, [
      syncRecord('alert-sharp-01', 'pain', { atMs: T0 - 60_000, level: 5, sharp: true }),
      syncRecord('alert-high-001', 'pain', { atMs: T0 - 50_000, level: 8, sharp: false }),
      syncRecord('alert-scr-0001', 'screening', {
        atMs: T0 - 40_000,
        answers: { swelling: true, clotHistory: false, severeInjury: false, painNow: 2 },
      }),
      syncRecord('alert-calm-001', 'pain', { atMs: T0 - 30_000, level: 2, sharp: false }),
    ]);
    expect(r.body.alertsRaised).toBe(3);
    const open = await t.w.clinicianB.get('/api/alerts');
    const kinds = open.body.alerts.map((a: { kind: string }) => a.kind).sort();
    expect(kinds).toEqual(['pain-high', 'screening-red-flag', 'sharp-pain']);
    expect(
      (await t.w.clinicianA.get('/api/alerts')).body.alerts.some(
        (a: { patientId: string }) => a.patientId === t.w.ids.patientB,
      ),
    ).toBe(false);
    const ack = await t.w.clinicianB.post(`/api/alerts/${open.body.alerts[0].id}/ack`);
    expect(ack.body.alert.acknowledgedBy).toBe(t.w.ids.clinicianB);
    expect((await t.w.clinicianB.get('/api/alerts')).body.alerts).toHaveLength(2);
    expect((await t.w.clinicianA.post(`/api/alerts/${open.body.alerts[1].id}/ack`)).status).toBe(404);
    // A replay raises nothing new.
    const again = await upload(t.w.patientB, [
      syncRecord('alert-sharp-01', 'pain', { atMs: T0 - 60_000, level: 5, sharp: true }),
    ]);
    expect(again.body.alertsRaised).toBe(0);
  });

  it('raises pain-rising when a session was stopped because pain rose, though it stayed under 7', async () => {
    const data = {
      ...sessionData(T0 - 20_000, { painMax: 4, id: 's-pain-rising' }),
      outcome: 'stopped',
      stopReason: { code: 'pain-rising', before: 1, now: 4 },
    };
    // A patient of its own, so the session counts other tests read stay as they are.
    const c = await t.w.clinicianA.post('/api/patients', { displayName: 'Rising' });
    const inv = await t.w.clinicianA.post(`/api/patients/${c.body.patient.id}/invites`);
    const dev = new Client(t.srv.url);
    dev.bearer = (await dev.post('/api/invites/redeem', { code: inv.body.code })).body.deviceToken;
    const r = await upload(dev, [syncRecord('alert-rising-01', 'session', data)]);
    expect(r.status).toBe(200);
    const alerts = (await t.w.clinicianA.get(`/api/patients/${c.body.patient.id}/alerts`)).body.alerts;
    const rising = alerts.filter((a: { kind: string }) => a.kind === 'pain-rising');
    expect(rising).toHaveLength(1);
    expect(rising[0].severity).toBe('urgent');
    expect(rising[0].message).toContain('from 1/10 to 4/10');
    expect(alerts.some((a: { kind: string }) => a.kind === 'pain-high')).toBe(false);
  });

  it("raises range-falling when a day's median range is more than 5 degrees below the 7 days before", async () => {
    const c = await t.w.clinicianA.post('/api/patients', { displayName: 'Range' });
    const inv = await t.w.clinicianA.post(`/api/patients/${c.body.patient.id}/invites`);
    const dev = new Client(t.srv.url);
    dev.bearer = (await dev.post('/api/invites/redeem', { code: inv.body.code })).body.deviceToken;
    const day = (d: number, deg: number) =>
      syncRecord(
        `range-day-${d}-${deg}`,
        'session',
        sessionData(T0 - d * 86_400_000, { rangesDeg: [deg, deg, deg] }),
      );
    const week = [8, 7, 6, 5, 4, 3, 2].map((d) => day(d, 40));
    const rangeAlerts = async () => {
      await t.srv.server.deps.trends.flush(); // trend rules run just after the upload, off the request path
      const r = await t.w.clinicianA.get(`/api/patients/${c.body.patient.id}/alerts`);
      return r.body.alerts.filter((a: { kind: string }) => a.kind === 'range-falling');
    };
    await dev.post('/api/sync', { records: [...week, day(1, 36)], timeZone: 'Europe/Berlin' });
    expect(await rangeAlerts()).toHaveLength(0); // 4 degrees: within measurement noise
    await upload(dev, [day(0, 33)]);
    const fell = await rangeAlerts();
    expect(fell.map((a: { message: string }) => a.message.split(' ')[1]).sort()).toEqual(['left', 'right']);
    await upload(dev, [day(0, 33)]);
    expect(await rangeAlerts()).toHaveLength(2);
  });

  it('the sweep raises low adherence for a patient who stopped uploading, once', async () => {
    const { sweepTrendAlerts } = await import('./domain/alert-sweep.ts');
    const c = await t.w.clinicianB.post('/api/patients', { displayName: 'Quiet' });
    await t.w.clinicianB.put(`/api/patients/${c.body.patient.id}/prescription`, { preset: 'general' });
    const deps = t.srv.server.deps;
    const lowOf = async () =>
      (await t.w.clinicianB.get(`/api/patients/${c.body.patient.id}/alerts`)).body.alerts.filter(
        (a: { kind: string }) => a.kind === 'low-adherence',
      );
    await sweepTrendAlerts(deps, T0 + 86_400_000);
    expect(await lowOf()).toHaveLength(0); // too soon to judge two full days
    await sweepTrendAlerts(deps, T0 + 4 * 86_400_000);
    await sweepTrendAlerts(deps, T0 + 4 * 86_400_000);
    const low = await lowOf();
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ severity: 'warning' });
  });
});

describe('patient list, exports, audit, deletion', () => {
  it("lists only the clinician's patients with sessions in the last 7 days", async () => {
    const r = await t.w.clinicianA.get('/api/patients');
    const a = r.body.patients.find((p: { id: string }) => p.id === t.w.ids.patientA);
    expect(a.sessionsLast7Days).toBe(2);
    expect(a.prescriptionVersion).toBe(2);
    expect(r.body.patients.some((p: { id: string }) => p.id === t.w.ids.patientB)).toBe(false);
  });

  it('exports CSV with formulas defused and the .ics schedule for the prescription', async () => {
    await upload(t.w.patientA, [
      syncRecord('csv-inject-01', 'pain', { atMs: T0 - 10, level: 0, sharp: false, note: '=HYPERLINK("x")' }),
    ]);
    const csv = await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/export/csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
    const raw = await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/records?kind=pain`);
    expect(
      raw.body.records.find((x: { idempotencyKey: string }) => x.idempotencyKey === 'csv-inject-01').data
        .note,
    ).toBe('=HYPERLINK("x")');
    const ics = await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/schedule.ics`);
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(ics.text).toContain('RRULE:FREQ=DAILY');
  });

  it('carries what the degrees rest on into the CSV, and refuses a basis the contract does not know', async () => {
    const start = T0 - 2 * 3_600_000;
    const moved = {
      ...sessionData(start, { id: 'deg-moved-1' }),
      sensor: 'camera',
      degrees: { kind: 'view-changed', atMs: start + 120_000, calibrated: true },
    };
    const bad = await upload(t.w.patientA, [
      syncRecord('deg-bad-0001', 'session', { ...moved, sessionId: 'deg-bad-1', degrees: { kind: 'exact' } }),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.where).toBe('body.records[0].data.degrees.kind');
    const ok = await upload(t.w.patientA, [syncRecord('deg-moved-0001', 'session', moved)]);
    expect(ok.body.results[0].status).toBe('created');
    const csv = await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/export/csv`);
    const [header, ...lines] = csv.text.trim().split('\r\n');
    const cols = header!.split(',');
    const row = lines.find((l) => l.includes('deg-moved-0001'))!.split(',');
    expect(row[cols.indexOf('sensor')]).toBe('camera');
    expect(row[cols.indexOf('degrees_basis')]).toBe('view-changed');
    expect(row[cols.indexOf('view_changed_at')]).toBe(new Date(start + 120_000).toISOString());
    expect(lines.some((l) => l.includes('deg-bad-0001'))).toBe(false);
  });

  it('records every read of health data in the audit trail, viewable by admins only, as FHIR too', async () => {
    await t.w.clinicianA.get(`/api/patients/${t.w.ids.patientA}/records`);
    await t.w.clinicianB.get(`/api/patients/${t.w.ids.patientA}/records`);
    const log = await t.w.admin.get(`/api/admin/audit?patientId=${t.w.ids.patientA}`);
    const reads = log.body.entries.filter((e: { resource: string }) => e.resource === 'records');
    expect(
      reads.some(
        (e: { actorId: string; outcome: string }) =>
          e.actorId === t.w.ids.clinicianA && e.outcome === 'allowed',
      ),
    ).toBe(true);
    expect(
      reads.some(
        (e: { actorId: string; outcome: string }) =>
          e.actorId === t.w.ids.clinicianB && e.outcome === 'denied',
      ),
    ).toBe(true);
    expect(reads[0].ip).toBe('127.0.0.1');
    expect((await t.w.clinicianA.get('/api/admin/audit')).status).toBe(403);
    const fhir = await t.w.admin.get('/api/admin/audit?format=fhir&limit=5');
    expect(fhir.body.resourceType).toBe('Bundle');
    expect(fhir.body.entry[0].resource.resourceType).toBe('AuditEvent');
  });

  it('lets an admin read health data only with a stated reason, and records the reason', async () => {
    const no = await t.w.admin.get(`/api/patients/${t.w.ids.patientA}/records`);
    expect(no.body.error.code).toBe('reason_required');
    const yes = await t.w.admin.get(`/api/patients/${t.w.ids.patientA}/records`, {
      'x-access-reason': 'complaint #42 investigation',
    });
    expect(yes.status).toBe(200);
    const log = await t.w.admin.get(`/api/admin/audit?patientId=${t.w.ids.patientA}`);
    expect(
      log.body.entries.some((e: { reason: string | null }) => e.reason === 'complaint #42 investigation'),
    ).toBe(true);
  });

  it('lets a patient download and then delete all of their data', async () => {
    const p = await t.w.clinicianA.post('/api/patients', { displayName: 'Leaving' });
    const inv = await t.w.clinicianA.post(`/api/patients/${p.body.patient.id}/invites`);
    const dev = new Client(t.srv.url);
    dev.bearer = (await dev.post('/api/invites/redeem', { code: inv.body.code })).body.deviceToken;
    await upload(dev, [syncRecord('leaving-0001', 'pain', { atMs: T0, level: 8, sharp: false })]);
    const dl = await dev.get(`/api/patients/${p.body.patient.id}/export/fhir`);
    expect(
      dl.body.entry.some(
        (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Observation',
      ),
    ).toBe(true);
    expect((await dev.del(`/api/patients/${p.body.patient.id}`)).body.deleted).toBe(true);
    expect((await dev.get('/api/me')).status).toBe(401);
    const list = await t.w.clinicianA.get('/api/patients');
    expect(list.body.patients.some((x: { id: string }) => x.id === p.body.patient.id)).toBe(false);
    expect(
      (await t.w.clinicianA.get('/api/alerts')).body.alerts.some(
        (a: { patientId: string }) => a.patientId === p.body.patient.id,
      ),
    ).toBe(false);
  });

  it('serves a plain page when the web app is not built, and a health report', async () => {
    const page = await t.w.anon.get('/');
    expect(page.text).toContain('not built');
    const h = await t.w.anon.get('/api/health');
    expect(h.body).toMatchObject({ status: 'ok', database: 'sqlite' });
  });
});
