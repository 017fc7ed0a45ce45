// The real patient app end to end with the clinic: a timing-only session on the page's fake clock,
// stopped with the pain button; then the phone joins the clinic and sends its outbox (the session
// and the screening). The clinician's portal shows the stop, the alert and the screening history.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, DESKTOP, describeViolations, launch, PHONE, readStore, shot } from './support/browser.ts';
import { type ClinicWorld, startClinicWorld } from './support/clinic-world.ts';
import { answerScreening, firstRun, startSession } from './support/flow.ts';

let world: ClinicWorld;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(viewport: { width: number; height: number }): Promise<Page> {
  const c = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  contexts.push(c);
  return c.newPage();
}

beforeAll(async () => {
  world = await startClinicWorld({ withApp: true });
  browser = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await world?.stop();
});

/** A clinician (created on first use), a new patient of theirs, and an invite for that patient. */
async function patientWithInvite(clinicianName: string, displayName: string) {
  const clinician = await world.clinician(clinicianName);
  const created = await clinician.client.post('/api/patients', { displayName });
  const patientId = created.body.patient.id as string;
  const invite = await clinician.client.post(`/api/patients/${patientId}/invites`);
  return { clinician, patientId, invite };
}

describe('patient app → clinic', () => {
  it("a real session stopped for sharp pain reaches the clinician's alert inbox with its screening", async () => {
    const { clinician: ann, patientId, invite } = await patientWithInvite('cara', 'Gamma Patient');

    // The patient's own phone: first run, screening, a timing-only session, the pain button.
    const phone = await page(PHONE);
    await phone.clock.install({ time: new Date('2026-03-02T09:00:00') });
    await startSession(phone, `${world.url}/`, 'timing', { painNow: 1 });
    await phone.waitForSelector('#instruction:not(:empty)');
    await phone.clock.runFor(12_000);
    await phone.click('#pain');
    await phone.click('#pain-dialog [data-level="7"]');
    await phone.waitForSelector('#summary-table');
    const outbox = await readStore(phone, 'outbox');
    expect(outbox.map((o) => o.kind).sort()).toEqual(['screening', 'session']);

    // Same origin, same IndexedDB: the clinic panel links the phone and sends the outbox.
    await phone.goto(`${world.url}/clinic-test.html`);
    await phone.waitForSelector('body[data-ready=true]');
    await phone.fill('#clinic-code', invite.body.link);
    await phone.click('#clinic-join button[type=submit]');
    await phone.waitForSelector('#clinic-status:text("Everything has reached your clinic")');
    expect(await readStore(phone, 'outbox')).toEqual([]);

    const records = await ann.client.get(`/api/patients/${patientId}/records`);
    const kinds = records.body.records.map((r: { kind: string }) => r.kind).sort();
    expect(kinds).toEqual(['screening', 'session']);
    const session = records.body.records.find((r: { kind: string }) => r.kind === 'session').data;
    expect(session.stopReason).toEqual({ code: 'sharp-pain', level: 7 });
    expect(session.mode).toBe('timing');

    // The clinician, in their own browser.
    const desk = await page(DESKTOP);
    await desk.goto(`${world.url}/portal.html`);
    await desk.fill('#email', ann.email);
    await desk.fill('#password', ann.password);
    await desk.click('#signin button[type=submit]');
    await desk.waitForSelector(`tr[data-patient="${patientId}"].attention`);
    await desk.goto(`${world.url}/portal.html#/alerts`);
    await desk.waitForSelector('#alerts [data-alert]');
    expect(await desk.textContent('#alerts')).toMatch(/Sharp pain was reported/);
    await desk.goto(`${world.url}/portal.html#/patient/${patientId}`);
    await desk.waitForSelector('#screenings');
    expect(await desk.textContent('#screenings tbody')).toContain('May exercise');
    expect(await desk.textContent('#sessions tbody')).toContain('timing only (not checked)');
    // A timing-only session measured nothing, so no range is claimed for it.
    expect(await desk.textContent('main')).toContain('No checked sessions yet');
    const v = await axe(desk);
    expect(v, describeViolations(v)).toEqual([]);
    await shot(desk, 'portal-patient-timing-desktop');
  });

  it('an invite link opens My clinic with the code filled in, and later sessions reach the clinic unasked', async () => {
    const { clinician: dora, patientId, invite } = await patientWithInvite('dora', 'Delta Patient');

    const phone = await page(PHONE);
    await phone.clock.install({ time: new Date('2026-03-02T09:00:00') });
    // The link the clinician hands over: the app opens on My clinic and forgets the code in the address.
    // Without PUBLIC_URL the server gives a path; the portal shows it on its own origin.
    await phone.goto(new URL(invite.body.link, world.url).href);
    await phone.waitForSelector('#clinic-code');
    expect(new URL(phone.url()).search).toBe('');
    expect(new URL(phone.url()).hash).toBe('#/clinic');
    expect(await phone.inputValue('#clinic-code')).toBe(invite.body.code);
    await phone.click('#clinic-join button[type=submit]');
    // Linked: the code form goes away (the status line moves on to the first send at once).
    await phone.waitForSelector('#clinic-join', { state: 'hidden' });

    // A session after linking: nobody opens My clinic again.
    await startSession(phone, `${world.url}/`, 'timing', { painNow: 2 });
    await phone.waitForSelector('#instruction:not(:empty)');
    await phone.clock.runFor(12_000);
    await phone.click('#pain');
    await phone.click('#pain-dialog [data-level="8"]');
    await phone.waitForSelector('#summary-table');

    // Opening the app again (or coming back online, or to the foreground) sends what is waiting.
    await phone.reload();
    await expect.poll(async () => (await readStore(phone, 'outbox')).length, { timeout: 30_000 }).toBe(0);
    const records = await dora.client.get(`/api/patients/${patientId}/records`);
    const sessions = records.body.records.filter((r: { kind: string }) => r.kind === 'session');
    expect(sessions).toHaveLength(1);
    expect(sessions[0].data.stopReason).toEqual({ code: 'sharp-pain', level: 8 });
  });

  it("a clinician's code typed in the first run's set-up links the phone at once, and says so", async () => {
    const { clinician: gil, patientId, invite } = await patientWithInvite('gil', 'Eta Patient');
    const phone = await page(PHONE);
    await phone.goto(`${world.url}/`);
    await phone.waitForSelector('.learn h1');
    await phone.click('a[href="#/setup/first"]');
    await phone.check('input[name=regimen][value=clinician]');
    await phone.fill('#code', invite.body.code);
    expect(await phone.textContent('#code-help')).toContain('Saving links this phone');
    // The same name as in the portal and on My clinic (it was "Clinician code" here).
    expect(await phone.textContent('label[for=code]')).toBe('Invite code from your clinic');
    await phone.check('input[name=voice][value=off]');
    await phone.click('form button[type=submit]');
    // My clinic, linked: before 2026-12-07 the code was only stored, and nothing linked the phone.
    await phone.waitForSelector('#clinic-unlink:not([hidden])');
    expect(await phone.isVisible('#clinic-join')).toBe(false);
    expect(await phone.textContent('h1')).toBe('My clinic');
    expect(await phone.textContent('#clinic-linked')).toContain('as patient Eta Patient');
    expect((await gil.client.get(`/api/patients/${patientId}/devices`)).body.devices).toHaveLength(1);
  });

  it('a code that cannot link says why on My clinic and is kept to try again', async () => {
    const phone = await page(PHONE);
    await phone.goto(`${world.url}/`);
    await phone.waitForSelector('.learn h1');
    await phone.click('a[href="#/setup/first"]');
    await phone.check('input[name=regimen][value=clinician]');
    await phone.fill('#code', 'ZZZZ-ZZZZ');
    await phone.click('form button[type=submit]');
    await phone.waitForSelector('#clinic-code[aria-invalid=true]');
    expect(await phone.inputValue('#clinic-code')).toBe('ZZZZ-ZZZZ');
    expect((await phone.textContent('#clinic')) ?? '').toMatch(/code/i);
  });

  it('pain after a session, answered once the session had reached the clinic, reaches it too and raises its alert', async () => {
    const { clinician: fay, patientId, invite } = await patientWithInvite('fay', 'Zeta Patient');
    const phone = await page(PHONE);
    await phone.clock.install({ time: new Date('2026-03-02T09:00:00') });
    await phone.goto(new URL(invite.body.link, world.url).href);
    await phone.waitForSelector('#clinic-code');
    await phone.click('#clinic-join button[type=submit]');
    await phone.waitForSelector('#clinic-join', { state: 'hidden' });

    // A whole timing-only session, then the summary, which asks for the pain after it.
    await startSession(phone, `${world.url}/`, 'timing', { painNow: 1 });
    await phone.waitForSelector('#instruction:not(:empty)');
    for (let i = 0; i < 60 && !phone.url().includes('#/summary/'); i++) await phone.clock.runFor(10_000);
    await phone.waitForSelector('#summary-table');
    const summaryUrl = phone.url();
    const sessionAtClinic = async () =>
      (await fay.client.get(`/api/patients/${patientId}/records?kind=session`)).body.records[0]?.data;
    const outboxEmpty = () =>
      expect.poll(async () => (await readStore(phone, 'outbox')).length, { timeout: 30_000 }).toBe(0);
    // The app opened again before the patient answered: the session went without it.
    await phone.reload();
    await outboxEmpty();
    expect((await sessionAtClinic()).painAfter).toBeNull();

    // The answer, later: the clinic takes it into the session it holds (it was refused as a
    // conflict before 2026-12-07, and the clinician never saw the pain after).
    await phone.goto(summaryUrl);
    await phone.click('fieldset.scale button:text-is("8")');
    await phone.waitForSelector('#pain-after:text-is("Pain after: 8/10")');
    await phone.reload();
    await outboxEmpty();
    expect(await sessionAtClinic()).toMatchObject({ painAfter: 8, painMax: 8 });
    const alerts = (await fay.client.get('/api/alerts')).body.alerts as { kind: string; message: string }[];
    expect(alerts.filter((a) => a.kind === 'pain-high').map((a) => a.message)).toEqual([
      expect.stringContaining('Pain of 8/10'),
    ]);
  });

  it.each([
    ['en', 'Unlink this phone', 'Yes, unlink', 'This phone is unlinked'],
    ['zh', '解除这部手机的连接', '确定解除', '这部手机已解除连接'],
  ] as const)(
    'in %s, the patient unlinks a lost phone from My clinic: the clinic revokes it at once',
    async (lang, unlink, yes, done) => {
      const { clinician: eve, patientId, invite } = await patientWithInvite(`eve-${lang}`, `Eve ${lang}`);
      const phone = await page(PHONE);
      await firstRun(phone, `${world.url}/`, { lang });
      await phone.goto(new URL(invite.body.link, world.url).href);
      await phone.waitForSelector('#clinic-code');
      await phone.click('#clinic-join button[type=submit]');
      await phone.waitForSelector('#clinic-unlink:not([hidden])');
      const devices = () => eve.client.get(`/api/patients/${patientId}/devices`);
      expect((await devices()).body.devices).toHaveLength(1);
      expect(await phone.textContent('#clinic-unlink')).toBe(unlink);
      await phone.click('#clinic-unlink');
      await phone.waitForSelector('#clinic-unlink-confirm:not([hidden])');
      expect(await phone.textContent('#clinic-unlink-yes')).toBe(yes);
      const v = await axe(phone);
      expect(v, describeViolations(v)).toEqual([]);
      await shot(phone, `web-clinic-unlink-${lang}-phone`);
      await phone.click('#clinic-unlink-yes');
      await phone.waitForSelector(`#clinic-status:text("${done}")`);
      expect((await devices()).body.devices).toEqual([]);
      expect(await phone.isVisible('#clinic-join')).toBe(true);
      await phone.setViewportSize(DESKTOP);
      await shot(phone, `web-clinic-unlink-${lang}-desktop`);
    },
  );
  it("linking switches Home and the session to the clinician's plan, shows the note and the link, and unlinks", async () => {
    const eve = await world.clinician('eve');
    const created = await eve.client.post('/api/patients', { displayName: 'Epsilon Patient' });
    const patientId = created.body.patient.id as string;
    const note = 'Keep the knee straight; stop if the calf hurts.';
    const rx = await eve.client.put(`/api/patients/${patientId}/prescription`, { preset: 'post-op', note });
    expect(rx.status).toBe(200);
    const invite = await eve.client.post(`/api/patients/${patientId}/invites`);

    const phone = await page(PHONE);
    await phone.clock.install({ time: new Date('2026-03-02T09:00:00') });
    // The patient chose the hourly preset (10 pumps, 1 set) before the clinic came in.
    await firstRun(phone, `${world.url}/`, { regimen: 'hourly' });
    await phone.goto(new URL(invite.body.link, world.url).href);
    await phone.waitForSelector('#clinic-code');
    await phone.click('#clinic-join button[type=submit]');
    await phone.waitForSelector('#clinic-plan:text("version 1")');
    expect(await phone.textContent('#clinic-plan-applied')).toBe(
      'Home and your sessions now follow this plan: 15 pumps per foot, 3 sets.',
    );
    expect(await phone.textContent('#clinic-note')).toBe(`Note from your clinician: ${note}`);
    expect(await phone.textContent('#clinic-linked')).toContain('as patient Epsilon Patient');
    const v = await axe(phone);
    expect(v, describeViolations(v)).toEqual([]);
    await shot(phone, 'clinic-linked-phone');
    await phone.setViewportSize(DESKTOP);
    await shot(phone, 'clinic-linked-desktop');
    await phone.setViewportSize(PHONE);

    // Home and the session follow the prescription, not the preset chosen before.
    await phone.goto(`${world.url}/#/`);
    await phone.waitForSelector('#today-count');
    expect(await phone.textContent('#today-count')).toMatch(/of 4 sessions/);
    await answerScreening(phone, { painNow: 1 });
    await phone.click('.decision button.primary');
    await phone.click('#method-timing');
    await phone.waitForSelector('#count-left:not(:empty)');
    expect(await phone.textContent('#count-left')).toMatch(/0 of 15/);
    expect(await phone.textContent('#set-label')).toMatch(/of 3/);
    await phone.click('#end');
    await phone.waitForSelector('#summary-table');

    // Unlinking says so, and the patient's own plan applies again.
    await phone.goto(`${world.url}/#/clinic`);
    await phone.click('#clinic-unlink');
    await phone.click('#clinic-unlink-yes');
    await phone.waitForSelector('#clinic-join:not([hidden])');
    expect(await phone.textContent('#clinic-status')).toContain('your own plan applies again');
    await phone.goto(`${world.url}/#/`);
    await phone.waitForSelector('#today-count');
    expect(await phone.textContent('#today-count')).not.toMatch(/of 4 sessions/);
  });
});
