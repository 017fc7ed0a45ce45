// Issue 12 items 8-13 as a stranger walks them, in real Chromium against a real server (SQLite temp
// file): the admin's first sign-in and screens, a clinician whose saves survive a reload and a new
// tab, adherence that counts only done sessions, alerts and sessions in words, exports, lost
// phones revoked from the portal and from the phone, password changes, and admin reads of patient
// data only with a stated reason. axe-core on every new screen; screenshots at phone and desktop.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { SessionRecord } from '@anklepump/exercise';
import { ADMIN, Client } from '@anklepump/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, DESKTOP, describeViolations, launch, PHONE, shot } from './support/browser.ts';
import { type ClinicWorld, startClinicWorld } from './support/clinic-world.ts';

interface PatientHooks {
  clinicTest: { saveSession(r: SessionRecord, method?: 'camera' | 'phone' | 'timing'): Promise<void> };
}

let world: ClinicWorld;
let browser: Browser;
const contexts: BrowserContext[] = [];
const CLIN = { email: 'cara@clinic.test', password: 'cara-first-pass-1', name: 'Dr Cara' };

async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const c = await browser.newContext({ viewport, reducedMotion: 'reduce', acceptDownloads: true });
  contexts.push(c);
  return c;
}
const newPage = async (viewport: { width: number; height: number }) => (await newContext(viewport)).newPage();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const v = await axe(page);
  expect(v, `${where}:\n${describeViolations(v)}`).toEqual([]);
}

/** Desktop and phone screenshots of the page as it is now. */
async function shots(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize(DESKTOP);
  await shot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${name} at 360 px`);
  // Anything sticking out past the phone's width that no scrolling box around it contains.
  const wide = await page.evaluate(() => {
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (a === document.body) return false;
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`)
      .slice(0, 8);
  });
  expect(wide, `${name}: wider than the phone`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, `${name}-phone`);
  await page.setViewportSize(size);
}

async function signIn(page: Page, email: string, password: string, heading: string): Promise<void> {
  await page.goto(`${world.url}/portal.html`);
  await page.waitForSelector('#signin');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector(`#main h1:text("${heading}")`);
}

/** A camera-checked session; `outcome` decides whether it counts as done. */
function session(
  startMs: number,
  outcome: 'completed' | 'stopped' | 'aborted',
  regimenId = 'post-op',
): SessionRecord {
  const foot = {
    target: 20,
    full: 10,
    shallow: 1,
    manual: 0,
    holdsMet: 8,
    holdsShort: 2,
    legMoved: 1,
    rangesDeg: [40, 42, 38],
  };
  return {
    sessionId: `acc-${startMs}`,
    regimenId,
    regimenVersion: 1,
    mode: 'verified',
    outcome,
    stopReason: outcome === 'stopped' ? { code: 'sharp-pain', level: 7 } : null,
    startedAtMs: startMs,
    endedAtMs: startMs + 120_000,
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
    setsCompleted: outcome === 'completed' ? 2 : 1,
    setsSkipped: 0,
    feet: { left: foot, right: foot },
    painBefore: 1,
    painAfter: 2,
    painMax: outcome === 'stopped' ? 7 : 2,
    sharpPain: outcome === 'stopped',
    tempoFactor: 1,
    warnings: [
      { code: 'leg-moved', tMs: startMs + 10_000, side: 'left' },
      { code: 'leg-moved', tMs: startMs + 20_000, side: 'right' },
      { code: 'hold-short', tMs: startMs + 30_000, side: 'left' },
    ],
  } as unknown as SessionRecord;
}

beforeAll(async () => {
  world = await startClinicWorld();
  browser = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await world?.stop();
});

describe('the admin and the clinician, from a fresh start', () => {
  let admin: Page;
  let clinician: Page;
  let clinicianCtx: BrowserContext;
  let phone: Page;
  let patientId = '';
  let spare: Client;

  it('the admin signs in to their own screens (not an error) and creates a clinician account', async () => {
    admin = await newPage(DESKTOP);
    await signIn(admin, ADMIN.email, ADMIN.password, 'Clinician accounts');
    expect(await admin.textContent('#main')).not.toMatch(/Something went wrong|reason/);
    expect(await admin.textContent('#no-clinicians')).toContain('No clinician accounts yet');
    await admin.fill('#new-clinician-name', CLIN.name);
    // A mistyped address is named in words, with the field's label (it read "body.email: has an
    // invalid format (expected ^[^@\s]+@...$)").
    await admin.fill('#new-clinician-email', 'cara.clinic.example');
    await admin.fill('#new-clinician-password', CLIN.password);
    await admin.click('#create-clinician button[type=submit]');
    await admin.waitForSelector('#new-clinician-email[aria-invalid=true]');
    expect(await admin.textContent('#create-error')).toBe(
      'E-mail: must be an e-mail address, such as name@clinic.example',
    );
    await admin.fill('#new-clinician-email', CLIN.email);
    await admin.fill('#new-clinician-password', 'short');
    await admin.click('#create-clinician button[type=submit]');
    await admin.waitForSelector('#new-clinician-password[aria-invalid=true]');
    expect(await admin.textContent('#create-error')).toContain('12 characters');
    await admin.fill('#new-clinician-password', CLIN.password);
    await admin.click('#create-clinician button[type=submit]');
    await admin.waitForSelector(`#clinicians th:text("${CLIN.name}")`);
    expect(await admin.textContent('#create-status')).toContain('Account created for Dr Cara');
    await expectAccessible(admin, 'admin clinicians');
  });

  it("the clinician's saves work after a reload and in a second tab (the CSRF token is restored)", async () => {
    clinicianCtx = await newContext(DESKTOP);
    clinician = await clinicianCtx.newPage();
    await signIn(clinician, CLIN.email, CLIN.password, 'Patients');
    await clinician.fill('#new-name', 'Dora Patient');
    await clinician.click('#add-patient button[type=submit]');
    await clinician.waitForSelector('#invite-code');
    const code = (await clinician.getAttribute('#invite-code', 'data-code'))!;
    const list = await clinician.evaluate(() => fetch('/api/patients').then((r) => r.json()));
    patientId = list.patients[0].id;

    await clinician.reload();
    await clinician.waitForSelector('#main h1:text("Patients")');
    await clinician.fill('#new-name', 'After Reload');
    await clinician.click('#add-patient button[type=submit]');
    await clinician.waitForSelector('#invite-code');
    expect(await clinician.textContent('#main')).not.toContain('X-CSRF-Token');

    const tab = await clinicianCtx.newPage(); // shares the cookie, not sessionStorage
    await tab.goto(`${world.url}/portal.html`);
    await tab.waitForSelector('#main h1:text("Patients")');
    await tab.fill('#new-name', 'Second Tab');
    await tab.click('#add-patient button[type=submit]');
    await tab.waitForSelector('#invite-code');
    expect(await tab.textContent('#main')).not.toContain('X-CSRF-Token');
    await tab.close();

    // The patient's phone joins (the invite from before the reload still works).
    phone = await newPage(PHONE);
    await phone.goto(`${world.url}/`);
    await phone.waitForSelector('body[data-ready=true]');
    await phone.fill('#clinic-code', code);
    await phone.click('#clinic-join button[type=submit]');
    await phone.waitForSelector('#clinic-status:text("Everything has reached your clinic")');
  });

  it('without a prescription the page names the plan the patient chose, and today counts only done sessions', async () => {
    const now = Date.now();
    const dayStart = new Date(now).setHours(0, 0, 0, 0);
    const t0 = Math.max(dayStart + 60_000, now - 40 * 60_000);
    const outcomes = ['completed', 'stopped', 'aborted', 'aborted', 'stopped', 'aborted'] as const;
    for (const [i, o] of outcomes.entries()) {
      const r = session(t0 + i * 5 * 60_000, o);
      // What the degrees rest on: the second session's camera was moved a minute in.
      const degrees =
        i === 1
          ? { kind: 'view-changed' as const, atMs: r.startedAtMs + 60_000, calibrated: false }
          : { kind: 'uncalibrated' as const };
      await phone.evaluate(([r, m]) => (window as unknown as PatientHooks).clinicTest.saveSession(r, m), [
        { ...r, degrees },
        'camera',
      ] as const);
    }
    await phone.click('#clinic-send');
    await phone.waitForSelector('#clinic-status:text("Everything has reached your clinic")');

    await clinician.goto(`${world.url}/portal.html#/patient/${patientId}`);
    await clinician.waitForSelector('#rx-current');
    expect(await clinician.textContent('#rx-current')).toContain(
      'the plan they chose in the app (after surgery',
    );
    expect(await clinician.textContent('#rx-current')).not.toContain('general plan');
    await clinician.selectOption('#rx-preset', 'post-op');
    await clinician.click('#rx-form button[type=submit]');
    await clinician.waitForSelector('#rx-status:text("Saved as version 1")');

    await clinician.goto(`${world.url}/portal.html#/`);
    await clinician.waitForSelector(`tr[data-patient="${patientId}"]`);
    expect(await clinician.textContent(`tr[data-patient="${patientId}"] [data-col="today"]`)).toBe('1 of 4');
    // The plan was set a moment ago: today's 4 sessions, not a week's 28 (before 2026-12-07: "4% (1 of 28)").
    expect(await clinician.textContent(`tr[data-patient="${patientId}"] [data-col="7d"]`)).toBe(
      '25% (1 of 4)',
    );
  });

  it('alerts say what and when it happened in words; sessions say which sensor, holds and warnings', async () => {
    // A second phone sends a screening from two days ago that said "see a doctor first".
    const inv = await world.admin.get('/api/me'); // keeps the admin client warm; the invite is the clinician's
    expect(inv.status).toBe(200);
    const c = new Client(world.url);
    await c.login(CLIN.email, CLIN.password);
    const invite = await c.post(`/api/patients/${patientId}/invites`);
    spare = new Client(world.url);
    const red = await spare.post('/api/invites/redeem', {
      code: invite.body.code,
      deviceLabel: 'Old tablet',
    });
    spare.bearer = red.body.deviceToken;
    const happened = Date.now() - 2 * 86_400_000;
    const up = await spare.post('/api/sync', {
      records: [
        {
          idempotencyKey: 'acc-screening-1',
          kind: 'screening',
          data: {
            atMs: happened,
            answers: { severeInjury: false, swelling: true, clotHistory: false, painNow: 2 },
          },
        },
      ],
    });
    expect(up.status, up.text).toBe(200);

    await clinician.goto(`${world.url}/portal.html#/alerts`);
    await clinician.waitForSelector('#alerts [data-alert]');
    const table = (await clinician.textContent('#alerts'))!;
    expect(table).not.toMatch(/see-doctor-first|supervised-only|screening-red-flag|sharp-pain/);
    expect(table).toContain('Safety check');
    expect(table).toContain('see a doctor before exercising');
    expect(table).toContain('Sharp pain');
    const when = new Date(happened).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    expect(table).toContain(`Happened ${when}`);
    expect(table).toMatch(/received /);
    await expectAccessible(clinician, 'alert inbox');
    await shots(clinician, 'portal-alert-words');

    await clinician.goto(`${world.url}/portal.html#/patient/${patientId}`);
    await clinician.waitForSelector('#sessions');
    const sessions = (await clinician.textContent('#sessions'))!;
    expect(sessions).toContain('camera (degrees are estimates), range learned from the reps');
    // The session whose camera was moved says when, and that its degrees are not charted.
    expect(sessions).toMatch(
      /range learned from the reps; camera moved at [^:]+\d\d:\d\d: degrees after it are from another view/,
    );
    expect(sessions).not.toContain('camera or phone sensor');
    // Six sessions, and the range chart draws the five whose camera stayed where it was.
    expect(await clinician.locator('#sessions tbody tr').count()).toBe(6);
    expect(await clinician.textContent('section[aria-labelledby="range-h"]')).toContain('5 sessions,');
    expect(sessions).toContain('16 / 4'); // holds met / short over both feet
    expect(sessions).toContain('leg moved (2), short holds (1)');
    expect(sessions).toContain('stopped (sharp pain)');
    expect(sessions).toContain('ended early');
    expect(await clinician.textContent('#patient-alerts')).toContain(`Happened ${when}`);
  });

  it('the patient page exports FHIR R4, CSV and .ics files', async () => {
    const files: Record<string, string> = {};
    for (const id of ['export-fhir', 'export-csv', 'export-ics']) {
      const [dl] = await Promise.all([clinician.waitForEvent('download'), clinician.click(`#${id}`)]);
      files[id] = readFileSync((await dl.path())!, 'utf8');
      expect(dl.suggestedFilename()).toMatch(/^Dora-Patient/);
    }
    const bundle = JSON.parse(files['export-fhir']!);
    expect(bundle.resourceType).toBe('Bundle');
    expect(
      bundle.entry.some((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient'),
    ).toBe(true);
    expect(files['export-csv']!.split('\n').length).toBeGreaterThan(6);
    expect(files['export-ics']).toContain('BEGIN:VCALENDAR');
    expect(await clinician.textContent('.export-status')).toContain('Downloaded');
    await expectAccessible(clinician, 'patient page with exports and phones');
    await shots(clinician, 'portal-patient-exports');
  });

  it('the clinician revokes a lost phone: its link stops working at once', async () => {
    expect((await spare.get(`/api/patients/${patientId}/prescription`)).status).toBe(200);
    const row = clinician.locator('#device-table tr', { hasText: 'Old tablet' });
    await row.locator('[data-revoke]').click();
    await clinician.waitForSelector('text=It stops sending to the clinic at once');
    await row.locator('[data-revoke-yes]').click();
    await clinician.waitForFunction(
      () => !document.querySelector('#device-table')?.textContent?.includes('Old tablet'),
    );
    expect((await spare.get(`/api/patients/${patientId}/prescription`)).status).toBe(401);
    expect(await clinician.textContent('#status')).toContain('Revoked Old tablet');
  });

  it('the patient unlinks their own phone from the app: the clinic revokes it, the history stays', async () => {
    await phone.click('#clinic-unlink');
    await phone.waitForSelector('#clinic-unlink-confirm:not([hidden])');
    await shot(phone, 'portal-patient-unlink-phone');
    await phone.click('#clinic-unlink-yes');
    await phone.waitForSelector('#clinic-status:text("This phone is unlinked")');
    expect(await phone.isVisible('#clinic-join')).toBe(true);
    const devices = await new Client(world.url).login(CLIN.email, CLIN.password).then(async () => {
      const c = new Client(world.url);
      await c.login(CLIN.email, CLIN.password);
      return c.get(`/api/patients/${patientId}/devices`);
    });
    expect(devices.body.devices).toEqual([]);
  });

  it('the clinician changes their password; the old one stops working', async () => {
    await clinician.goto(`${world.url}/portal.html#/account`);
    await clinician.waitForSelector('#change-password');
    await clinician.fill('#current-password', 'not-my-password');
    await clinician.fill('#new-password', 'cara-second-pass-2');
    await clinician.fill('#repeat-password', 'cara-second-pass-2');
    await clinician.click('#change-password button[type=submit]');
    await clinician.waitForSelector('#current-password[aria-invalid=true]');
    expect(await clinician.textContent('#current-password-msg')).toContain('not your current password');
    await clinician.fill('#current-password', CLIN.password);
    await clinician.fill('#new-password', 'cara-second-pass-2');
    await clinician.fill('#repeat-password', 'cara-second-pass-2');
    await clinician.click('#change-password button[type=submit]');
    await clinician.waitForSelector('#password-status:text("Password changed")');
    await expectAccessible(clinician, 'account');
    await shots(clinician, 'portal-account');
    expect((await new Client(world.url).login(CLIN.email, CLIN.password)).status).toBe(401);
    expect((await new Client(world.url).login(CLIN.email, 'cara-second-pass-2')).status).toBe(200);
  });

  it('the admin reads patient data only after stating a reason, which the audit trail shows', async () => {
    await admin.goto(`${world.url}/portal.html#/patient/${patientId}`);
    await admin.waitForSelector('#reason-form');
    expect(await admin.textContent('#main')).not.toContain('Dora Patient');
    await admin.fill('#access-reason', 'short');
    await admin.click('#reason-form button[type=submit]');
    expect(await admin.textContent('#reason-msg')).toContain('at least 10 characters');
    await expectAccessible(admin, 'admin reason');
    await shots(admin, 'portal-admin-reason');
    await admin.fill('#access-reason', 'Complaint review, ticket 881');
    await admin.click('#reason-form button[type=submit]');
    await admin.waitForSelector('#main h1:text("Dora Patient")');
    expect(await admin.textContent('#reason-banner')).toContain('Complaint review, ticket 881');
    expect(await admin.isVisible('#sessions')).toBe(true);
    expect(await admin.locator('[data-ack], #prescription, #new-invite').count()).toBe(0);
    await expectAccessible(admin, 'admin patient page');
    await shots(admin, 'portal-admin-patient');

    await admin.goto(`${world.url}/portal.html#/records`);
    await admin.waitForSelector('#all-patients');
    const [dl] = await Promise.all([admin.waitForEvent('download'), admin.click('#export-clinic-csv')]);
    expect(readFileSync((await dl.path())!, 'utf8')).toContain(patientId);
    await shots(admin, 'portal-admin-records');

    // The whole trail names each patient by id, a link to that patient's entries alone.
    await admin.goto(`${world.url}/portal.html#/audit`);
    await admin.waitForSelector('#audit');
    expect(await admin.textContent('#audit-patient-hint')).toContain('select a patient in the list');
    await admin.locator(`#audit a[data-patient="${patientId}"]`).first().click();
    // The filtered screen replaces the whole one: its filter holds the id once it is drawn.
    await admin.waitForFunction(
      (id) => document.querySelector<HTMLInputElement>('#audit-patient')?.value === id,
      patientId,
    );
    await admin.waitForSelector('#audit');
    expect(await admin.locator('#audit a[data-patient]').count()).toBe(0);
    const audit = (await admin.textContent('#audit'))!;
    expect(audit).toContain('Complaint review, ticket 881');
    expect(audit).toContain('Administrator (admin)');
    expect(audit).toContain('revoke');
    await expectAccessible(admin, 'audit');
    await shots(admin, 'portal-admin-audit');

    await admin.goto(`${world.url}/portal.html#/records`);
    await admin.click('#reason-end');
    await admin.waitForSelector('#reason-form');
  });

  it('the admin resets a password and disables an account; the clinician is signed out', async () => {
    await admin.goto(`${world.url}/portal.html#/`);
    await admin.waitForSelector('#clinicians');
    const row = admin.locator('#clinicians tr', { hasText: CLIN.name });
    await row.locator('[data-reset]').click();
    await row.locator('input[type=password]').fill('cara-temporary-3');
    await row.locator('.reset-form button[type=submit]').click();
    await admin.waitForSelector('[data-reset-done]');
    await shots(admin, 'portal-admin-clinicians');
    // The clinician's browser was signed out by the reset: the next action says so.
    await clinician.goto(`${world.url}/portal.html#/`);
    await clinician.waitForSelector('#signin');
    expect((await new Client(world.url).login(CLIN.email, 'cara-temporary-3')).status).toBe(200);

    await row.locator('[data-toggle]').click();
    await admin.waitForFunction(
      (name) =>
        [...document.querySelectorAll('#clinicians tr')].some(
          (r) => r.textContent?.includes(name) && r.textContent.includes('disabled'),
        ),
      CLIN.name,
    );
    expect((await new Client(world.url).login(CLIN.email, 'cara-temporary-3')).status).toBe(401);
  });
});

describe('README: a phone needs HTTPS for the camera and the motion sensors', () => {
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

  it.skipIf(!lan)(
    'over plain http on the network address the page gets no camera and no sensor API',
    async () => {
      const srv = createServer((_req, res) => res.end('<!doctype html><title>t</title>'));
      await new Promise<void>((r) => srv.listen(0, '0.0.0.0', r));
      const port = (srv.address() as AddressInfo).port;
      try {
        const page = await newPage(PHONE);
        const probe = () =>
          page.evaluate(() => ({
            secure: window.isSecureContext,
            camera: typeof navigator.mediaDevices?.getUserMedia === 'function',
            motion: 'DeviceMotionEvent' in window,
          }));
        await page.goto(`http://${lan}:${port}/`);
        expect(await probe()).toEqual({ secure: false, camera: false, motion: false });
        await page.goto(`http://127.0.0.1:${port}/`); // the same page on the machine itself is secure
        expect(await probe()).toEqual({ secure: true, camera: true, motion: true });
      } finally {
        srv.close();
      }
    },
  );
});
