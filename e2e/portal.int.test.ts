// Issue 6's done-criterion in real Chromium against a real server (SQLite temp file): a clinician
// invites a patient, the patient's phone joins and syncs a session that stopped for sharp pain,
// the alert reaches the clinician, who acknowledges it; other patients and clinicians see nothing.
import type { SessionRecord } from '@anklepump/exercise';
import { Client } from '@anklepump/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, DESKTOP, describeViolations, edgeShade, launch, PHONE, shot } from './support/browser.ts';
import { type ClinicWorld, startClinicWorld } from './support/clinic-world.ts';

/** What the patient test page (support/clinic-patient-page.ts) exposes. */
interface PatientHooks {
  clinicTest: { saveSession(r: SessionRecord): Promise<void>; outboxKeys(): Promise<string[]> };
}

let world: ClinicWorld;
let browser: Browser;
let ann: { email: string; password: string; client: Client; id: string };
let bob: { email: string; password: string; client: Client; id: string };
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const c = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  contexts.push(c);
  return c.newPage();
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const v = await axe(page);
  expect(v, `${where}:\n${describeViolations(v)}`).toEqual([]);
}

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${world.url}/portal.html`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#main h1:text("Patients")');
}

/** A session as the exercise package records it: stopped on the left foot for sharp pain. */
function sharpPainSession(startMs: number): SessionRecord {
  const foot = (full: number, rangesDeg: number[]) => ({
    target: 10,
    full,
    shallow: 0,
    manual: 0,
    holdsMet: full,
    holdsShort: 0,
    legMoved: 0,
    rangesDeg,
  });
  return {
    sessionId: `e2e-${startMs}`,
    regimenId: 'general',
    regimenVersion: 1,
    mode: 'verified',
    outcome: 'stopped',
    stopReason: { code: 'sharp-pain', level: 8 },
    startedAtMs: startMs,
    endedAtMs: startMs + 90_000,
    dose: {
      repsPerFoot: 10,
      sets: 2,
      plantarHoldS: 2,
      dorsiHoldS: 1,
      moveS: 1,
      restBetweenSetsS: 30,
      footOrder: 'left-then-right',
    },
    setsPlanned: 2,
    setsCompleted: 0,
    setsSkipped: 0,
    feet: { left: foot(4, [38, 41, 40, 36]), right: foot(0, []) },
    painBefore: 1,
    painAfter: null,
    painMax: 8,
    sharpPain: true,
    tempoFactor: 1,
    warnings: [],
  } as unknown as SessionRecord;
}

beforeAll(async () => {
  world = await startClinicWorld();
  ann = await world.clinician('ann');
  bob = await world.clinician('bob');
  browser = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await world?.stop();
});

describe('clinic portal and patient link', () => {
  let alphaId = '';
  let clinician: Page;
  let phone: Page;

  it('a clinician signs in and invites a new patient', async () => {
    clinician = await newPage(DESKTOP);
    await clinician.goto(`${world.url}/portal.html`);
    await clinician.waitForSelector('#signin');
    await expectAccessible(clinician, 'sign-in');
    await shot(clinician, 'portal-signin-desktop');
    await clinician.fill('#email', ann.email);
    await clinician.fill('#password', 'wrong-password-000');
    await clinician.click('#signin button[type=submit]');
    await clinician.waitForSelector('#signin-error:text("wrong")');
    await signIn(clinician, ann);
    expect(await clinician.textContent('#no-patients')).toContain('No patients yet');
    await clinician.fill('#new-name', 'Alpha Patient');
    await clinician.click('#add-patient button[type=submit]');
    await clinician.waitForSelector('#invite-code');
    // Focus moves to the invite so a screen reader reads the code out.
    expect(await clinician.evaluate(() => document.activeElement?.id)).toBe('invite');
    // This test's server has no PUBLIC_URL and the portal is on 127.0.0.1: the link is on an
    // address a phone cannot open, and the panel says so (it said nothing before 2026-12-07).
    expect(await clinician.textContent('#invite-loopback')).toContain('a phone cannot open');
    await clinician.waitForSelector('#patients a:text("Alpha Patient")');
    await expectAccessible(clinician, 'invite');
    await shot(clinician, 'portal-invite-desktop');
    const list = await ann.client.get('/api/patients');
    alphaId = list.body.patients.find((p: { displayName: string }) => p.displayName === 'Alpha Patient').id;
    expect(alphaId).toBeTruthy();
  });

  it('the patient joins with the code, and a session stopped for sharp pain reaches the clinic once', async () => {
    const code = (await clinician.getAttribute('#invite-code', 'data-code'))!;
    const shown = (await clinician.textContent('#invite-code'))!;
    expect(shown.replace(/\s/g, '')).toBe(code);
    phone = await newPage(PHONE);
    await phone.goto(`${world.url}/`);
    await phone.waitForSelector('body[data-ready=true]');
    await phone.fill('#clinic-code', 'WRONG');
    await phone.click('#clinic-join button[type=submit]');
    expect(await phone.textContent('#clinic-error')).toContain('10 letters and digits');
    // Typed the way people read it aloud: lower case, in groups.
    await phone.fill('#clinic-code', `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`);
    await phone.click('#clinic-join button[type=submit]');
    await phone.waitForSelector('#clinic-status:text("Everything has reached your clinic")');
    expect(await phone.textContent('#clinic-plan')).toContain('not set a plan yet');
    // The same code cannot link a second phone.
    const again = await new Client(world.url).post('/api/invites/redeem', { code });
    expect(again.body.error.code).toBe('invite_invalid');

    const startMs = Date.now() - 10 * 60_000;
    await phone.evaluate(
      (r) => (window as unknown as PatientHooks).clinicTest.saveSession(r),
      sharpPainSession(startMs),
    );
    expect(await phone.evaluate(() => (window as unknown as PatientHooks).clinicTest.outboxKeys())).toEqual([
      `session-e2e-${startMs}`,
    ]);
    await phone.click('#clinic-send');
    await phone.waitForSelector('#clinic-status:text("Everything has reached your clinic")');
    expect(await phone.evaluate(() => (window as unknown as PatientHooks).clinicTest.outboxKeys())).toEqual(
      [],
    );
    // Sending the same session again (a lost answer, a second tap) stores nothing new.
    await phone.evaluate(
      (r) => (window as unknown as PatientHooks).clinicTest.saveSession(r),
      sharpPainSession(startMs),
    );
    await phone.click('#clinic-send');
    await phone.waitForSelector('#clinic-status:text("Everything has reached your clinic")');
    const recs = await ann.client.get(`/api/patients/${alphaId}/records?kind=session`);
    expect(recs.body.records).toHaveLength(1);
    expect(recs.body.records[0].data.sharpPain).toBe(true);
    await shot(phone, 'portal-patient-link-phone');
  });

  it('the sharp-pain alert appears on the clinician screen and can be acknowledged', async () => {
    await clinician.goto(`${world.url}/portal.html#/alerts`);
    await clinician.waitForSelector('#alerts [data-alert]');
    const row = clinician.locator('#alerts tbody tr').first();
    expect(await row.textContent()).toContain('Alpha Patient');
    // The count in the navigation is refreshed after each page change; wait for this page's answer.
    await clinician.waitForFunction(() =>
      /Alerts \([1-9]\)/.test(document.querySelector('#alert-count')?.textContent ?? ''),
    );
    await expectAccessible(clinician, 'alert inbox');
    await shot(clinician, 'portal-alerts-desktop');
    const open = await ann.client.get('/api/alerts?status=open');
    const sharp = open.body.alerts.find((a: { kind: string }) => a.kind === 'sharp-pain');
    expect(sharp?.patientId).toBe(alphaId);
    // Keyboard only: tab to the button and press Enter.
    await clinician.focus(`[data-ack="${sharp.id}"]`);
    await clinician.keyboard.press('Enter');
    await clinician.waitForSelector(`tr[data-alert="${sharp.id}"] .ack span:text("Acknowledged")`);
    expect(await clinician.textContent('#status')).toContain('Acknowledged');
    const after = await ann.client.get('/api/alerts?status=acknowledged');
    expect(after.body.alerts.map((a: { id: string }) => a.id)).toContain(sharp.id);
  });

  it('the patient page shows the session, range and pain with tables, and the prescription editor checks fields', async () => {
    await clinician.goto(`${world.url}/portal.html#/`);
    await clinician.waitForSelector(`tr[data-patient="${alphaId}"]`);
    expect(await clinician.textContent(`tr[data-patient="${alphaId}"] [data-col=last]`)).not.toContain(
      'never',
    );
    await expectAccessible(clinician, 'patient list');
    await shot(clinician, 'portal-patients-desktop');
    await clinician.click(`tr[data-patient="${alphaId}"] a`);
    await clinician.waitForSelector('#sessions');
    expect(await clinician.textContent('#sessions tbody')).toContain('stopped (sharp pain)');
    expect(await clinician.textContent('#sessions tbody')).toContain('4 / 0');
    // Mean of 38, 41, 40, 36 on the left; nothing measured on the right.
    expect(await clinician.textContent('#range-table tbody')).toContain('39°');
    expect(await clinician.textContent('#pain-table tbody')).toContain('8');
    await clinician.fill('#rx-sets', '9');
    await clinician.fill('#rx-repsPerFoot', '');
    await clinician.click('#rx-form button[type=submit]');
    expect(await clinician.textContent('#rx-sets-msg')).toBe('Sets must be at most 5, got 9.');
    expect(await clinician.textContent('#rx-repsPerFoot-msg')).toBe('Reps per foot is required.');
    expect(await clinician.getAttribute('#rx-repsPerFoot', 'aria-invalid')).toBe('true');
    expect(await clinician.evaluate(() => document.activeElement?.id)).toBe('rx-repsPerFoot');
    await expectAccessible(clinician, 'patient page with field errors');
    await clinician.fill('#rx-sets', '3');
    await clinician.fill('#rx-repsPerFoot', '12');
    await clinician.click('#rx-form button[type=submit]');
    // A dose of its own under the general plan's name would tell the patient "General health and
    // mobility (1-2 sessions a day)" beside 12 pumps, 3 sets: the name must change too.
    expect(await clinician.textContent('#rx-name-msg')).toContain('give this plan a name of its own');
    expect(await clinician.evaluate(() => document.activeElement?.id)).toBe('rx-name');
    await clinician.fill('#rx-name', 'After the knee operation');
    await clinician.click('#rx-form button[type=submit]');
    await clinician.waitForSelector('#rx-status:text("Saved as version 1")');
    expect(await clinician.inputValue('#rx-preset')).toBe('custom');
    const rx = await ann.client.get(`/api/patients/${alphaId}/prescription`);
    expect(rx.body.prescription.regimen.dose).toMatchObject({ repsPerFoot: 12, sets: 3 });
    expect(rx.body.prescription.regimen.name).toBe('After the knee operation');
    await shot(clinician, 'portal-patient-desktop');
    await clinician.setViewportSize(PHONE);
    await expectAccessible(clinician, 'patient page at 360 px');
    const overflow = await clinician.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // A table wider than the phone scrolls on its own, and shows it: a shadow at the edge it
    // continues past, on the right at first and on the left once scrolled to its end.
    const wide = await clinician.evaluate(() => {
      const wraps = [...document.querySelectorAll<HTMLElement>('.table-wrap')];
      const w = wraps.find((el) => el.scrollWidth > el.clientWidth + 20);
      w?.setAttribute('data-e2e-wide', '');
      return w?.getAttribute('aria-label') ?? null;
    });
    expect(wide).not.toBeNull();
    const atStart = await edgeShade(clinician, '[data-e2e-wide]');
    await clinician.$eval('[data-e2e-wide]', (el) => {
      el.scrollLeft = el.scrollWidth;
    });
    const atEnd = await edgeShade(clinician, '[data-e2e-wide]');
    // Darkness 0-255 over a 6-px strip; read 0 / 37 and 38 / 0 here, 0 at both edges with no cue.
    expect(atStart.right).toBeGreaterThan(15);
    expect(atStart.left).toBeLessThan(3);
    expect(atEnd.left).toBeGreaterThan(15);
    expect(atEnd.right).toBeLessThan(3);
    await clinician.$eval('[data-e2e-wide]', (el) => {
      el.scrollLeft = 0;
    });
    await shot(clinician, 'portal-patient-phone');
    // The phone picks up the new plan.
    await phone.reload();
    await phone.waitForSelector('#clinic-plan:text("version 1")');
  });

  it("keeps a patient's data from other patients and from other clinicians", async () => {
    // A second patient of the same clinician, with their own phone.
    const beta = await ann.client.post('/api/patients', { displayName: 'Beta Patient' });
    const inv = await ann.client.post(`/api/patients/${beta.body.patient.id}/invites`);
    const betaPhone = new Client(world.url);
    const red = await betaPhone.post('/api/invites/redeem', { code: inv.body.code });
    betaPhone.bearer = red.body.deviceToken;
    for (const path of [
      `/api/patients/${alphaId}/records`,
      `/api/patients/${alphaId}/prescription`,
      `/api/patients/${alphaId}`,
    ]) {
      const r = await betaPhone.get(path);
      expect([403, 404], `${path} for another patient`).toContain(r.status);
    }
    // Another clinician, in their own browser context.
    const other = await newPage(PHONE);
    await signIn(other, bob);
    expect(await other.textContent('#main')).not.toContain('Alpha Patient');
    await other.goto(`${world.url}/portal.html#/patient/${alphaId}`);
    await other.waitForSelector('#refused');
    expect(await other.textContent('#refused')).toContain('not among yours');
    expect(await other.textContent('#main')).not.toContain('39°');
    await expectAccessible(other, 'refused patient page');
    for (const path of [`/api/patients/${alphaId}/records`, `/api/patients/${alphaId}/alerts`]) {
      const r = await bob.client.get(path);
      expect([403, 404], `${path} for another clinician`).toContain(r.status);
    }
    const bobAlerts = await bob.client.get('/api/alerts?status=all');
    expect(bobAlerts.body.alerts).toEqual([]);
    await other.goto(`${world.url}/portal.html#/alerts/all`);
    await other.waitForSelector('#no-alerts');
  });

  it('signs out on request and after the idle limit, saying why', async () => {
    await clinician.setViewportSize(DESKTOP);
    await clinician.click('#sign-out');
    await clinician.waitForSelector('#signin-notice:text("You have signed out")');
    expect((await ann.client.get('/api/me')).status).toBe(200); // the API client's own session is separate
    const idle = await newPage(DESKTOP);
    await idle.clock.install();
    await signIn(idle, ann);
    await idle.clock.runFor(29 * 60_000 + 1000);
    expect(await idle.isVisible('#idle-warning')).toBe(true);
    await idle.clock.runFor(60_000);
    await idle.waitForSelector('#signin-notice:text("without activity")');
    await expectAccessible(idle, 'idle sign-out');
    await shot(idle, 'portal-idle-desktop');
    expect(await idle.textContent('body')).not.toContain('Alpha Patient');
  });
});
