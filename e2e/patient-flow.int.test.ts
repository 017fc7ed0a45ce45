// The patient flow's safety and robustness in a real browser: screening blocks, supervised-only
// confirmation, the pain stop, ending early, a reload mid-session, and an offline start from the
// service worker. Timing-only sessions on the page's fake clock keep each test to seconds.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppBrowser, openAppBrowser } from './support/app-browser.ts';
import { axe, describeViolations, readStore, shot } from './support/browser.ts';
import { answerScreening, firstRun, startSession } from './support/flow.ts';

let app: AppBrowser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  app = await openAppBrowser();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await app?.close();
});

async function freshPage(clock = true): Promise<Page> {
  const fresh = await app.newPage(clock ? { clockAt: '2026-03-02T09:00:00' } : {});
  context = fresh.context;
  return fresh.page;
}

async function startTimingSession(page: Page): Promise<void> {
  await startSession(page, app.url, 'timing', { painNow: 1 });
  await page.waitForSelector('#instruction:not(:empty)');
}

describe('safety screening', () => {
  it('blocks the session on swelling and says to see a doctor first', async () => {
    const page = await freshPage(false);
    await firstRun(page, app.url);
    await answerScreening(page, { swelling: true });
    expect(await page.textContent('.decision h2')).toBe('Do not exercise now. See a doctor first.');
    expect(await page.textContent('.decision')).toContain('needs a doctor to look at it');
    expect(await page.$('.decision button.primary')).toBeNull();
    await shot(page, 'screening-blocked-phone');
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);
    // Going straight to the session address does not get round the check.
    await page.goto(`${app.url}#/session`);
    await page.waitForSelector('input[name=swelling]');
  });

  it('calls a serious ankle injury not suitable, even with other answers clear', async () => {
    const page = await freshPage(false);
    await firstRun(page, app.url);
    await answerScreening(page, { severeInjury: true, painNow: 0 });
    expect(await page.textContent('.decision h2')).toBe(
      'This exercise is not suitable for you. Ask your doctor.',
    );
    expect(await page.$('.decision button.primary')).toBeNull();
  });

  it('asks the supervisor to confirm after a past clot and keeps the name with the record', async () => {
    const page = await freshPage();
    await firstRun(page, app.url, { regimen: 'hourly' });
    await answerScreening(page, { clotHistory: true });
    expect(await page.textContent('.decision h2')).toBe('Only with a physiotherapist or nurse supervising.');
    await page.click('.decision button.primary');
    expect(await page.textContent('.decision [role=alert]')).toContain('must type their name');
    await page.fill('#supervisor', 'Ana Ruiz, PT');
    await page.check('#supervisor-ok');
    await page.click('.decision button.primary');
    await page.click('#method-timing');
    await page.waitForSelector('#instruction:not(:empty)');
    await page.click('#end');
    await page.waitForSelector('#summary-table');
    const [stored] = await readStore(page, 'sessions');
    expect(stored!.context.screening?.decision).toBe('supervised-only');
    expect(stored!.context.screening?.supervisor).toBe('Ana Ruiz, PT');
  });

  it('will not decide until every question is answered', async () => {
    const page = await freshPage(false);
    await firstRun(page, app.url);
    await page.goto(`${app.url}#/screen`);
    await page.check('input[name=swelling][value=no]');
    await page.click('form button[type=submit]');
    expect(await page.textContent('form [role=alert]')).toMatch(/Not answered: 1, 3, 4/);
    expect(await page.$('.decision h2')).toBeNull();
  });
});

describe('during a session', () => {
  it('stops at once on the pain button, asks the level and records the stop', async () => {
    const page = await freshPage();
    await startTimingSession(page);
    await page.clock.runFor(12_000);
    const before = await page.textContent('#count-left');
    await page.click('#pain');
    // Paused the moment the button is pressed: time passing changes nothing.
    await page.clock.runFor(10_000);
    expect(await page.textContent('#count-left')).toBe(before);
    expect(await page.isVisible('#pain-dialog')).toBe(true);
    await shot(page, 'pain-dialog-phone');
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);
    await page.click('#pain-dialog [data-level="6"]');
    await page.waitForSelector('#summary-table');
    expect(await page.textContent('#outcome')).toContain('Stopped because of pain');
    expect(await page.textContent('main')).toContain('call the emergency number');
    const [stored] = await readStore(page, 'sessions');
    expect(stored!.record.outcome).toBe('stopped');
    expect(stored!.record.stopReason).toEqual({ code: 'sharp-pain', level: 6 });
    expect(stored!.record.sharpPain).toBe(true);
  });

  it('ends early on request and keeps the reps done', async () => {
    const page = await freshPage();
    await startTimingSession(page);
    await page.clock.runFor(20_000);
    const done = Number((await page.textContent('#count-left'))!.match(/(\d+) of 10/)![1]);
    expect(done).toBeGreaterThan(0);
    await page.click('#end');
    await page.waitForSelector('#summary-table');
    expect(await page.textContent('#outcome')).toContain('Ended early');
    const [stored] = await readStore(page, 'sessions');
    expect(stored!.record.outcome).toBe('aborted');
    expect(stored!.record.feet.left.full).toBe(done);
  });

  it('survives a reload mid-session: the reps done are kept and it waits, paused, to go on', async () => {
    const page = await freshPage();
    await startTimingSession(page);
    await page.clock.runFor(20_000);
    const done = Number((await page.textContent('#count-left'))!.match(/(\d+) of 10/)![1]);
    expect(done).toBeGreaterThan(0);
    await page.reload();
    await page.waitForSelector('#count-left');
    expect(await page.textContent('#count-left')).toContain(`${done} of 10`);
    expect(await page.textContent('#pause')).toBe('Resume');
    await page.clock.runFor(10_000);
    expect(await page.textContent('#count-left')).toContain(`${done} of 10`);
    // Home offers the way back in too.
    await page.click('a.brand');
    await page.click('a[href="#/session/resume"]');
    await page.waitForSelector('#pause');
    expect(await page.textContent('#pause')).toBe('Resume');
    await page.click('#pause');
    for (let i = 0; i < 24 && !page.url().includes('#/summary/'); i++) await page.clock.runFor(10_000);
    await page.waitForSelector('#summary-table');
    const [stored] = await readStore(page, 'sessions');
    expect(stored!.record.outcome).toBe('completed');
    expect(stored!.record.feet.left.full).toBe(10);
    expect(stored!.record.feet.right.full).toBe(10);
  });

  it('counts reps by hand when the sensor gives none, and records them as manual', async () => {
    const page = await freshPage();
    await startSession(page, app.url, 'phone');
    await page.click('#phone-allow');
    await page.waitForSelector('#phone-status:not(:empty)');
    // No motion events at all: the still check says so instead of waiting forever.
    await page.clock.runFor(3500);
    expect(await page.textContent('#phone-status')).toContain('No motion data yet');
    await page.goto(`${app.url}#/session`);
    await page.waitForSelector('#manual-rep');
    await page.clock.runFor(4000);
    // A tap counts only once the session runs (a cue is on screen): on a busy machine the screen
    // could still be loading its sensor when the clock had already run, and the first tap was lost.
    await page.waitForSelector('#instruction:not(:empty)');
    await page.click('#manual-rep');
    await page.click('#manual-rep');
    expect(await page.textContent('#count-left')).toContain('2 of 10');
    await page.click('#end');
    await page.waitForSelector('#summary-table');
    expect(await page.textContent('[data-col=manual][data-foot=left]')).toBe('2');
    const [stored] = await readStore(page, 'sessions');
    expect(stored!.record.feet.left).toMatchObject({ full: 2, manual: 2 });
  });

  it('works from the keyboard alone, pain stop included', async () => {
    const page = await freshPage();
    await firstRun(page, app.url, { regimen: 'hourly' });
    // Home: the first Tab stop after the skip link and navigation is the start button.
    let guard = 0;
    do await page.keyboard.press('Tab');
    while (
      guard++ < 12 &&
      (await page.evaluate(() => document.activeElement?.getAttribute('href'))) !== '#/screen'
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('input[name=swelling]');
    for (const q of ['severeInjury', 'swelling', 'clotHistory']) {
      await page.focus(`input[name=${q}][value=no]`);
      await page.keyboard.press('Space');
    }
    await page.focus('input[name=painNow][value="0"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.decision h2');
    await page.focus('.decision button.primary');
    await page.keyboard.press('Enter');
    await page.focus('#method-timing');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#pain');
    await page.focus('#pain');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#pain-dialog')).toBe(true);
    // Escape must not dismiss the stop: the level is part of the record.
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#pain-dialog')).toBe(true);
    const focusedInDialog = await page.evaluate(() =>
      Boolean(document.activeElement?.closest('#pain-dialog')),
    );
    expect(focusedInDialog).toBe(true);
    await page.focus('#pain-dialog [data-level="4"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#summary-table');
    expect(await page.textContent('#outcome')).toContain('Stopped because of pain');
  });

  it('lets the patient slow the tempo down', async () => {
    const page = await freshPage();
    await startTimingSession(page);
    expect(await page.textContent('#tempo')).toBe('Tempo: 100%');
    await page.click('#slower');
    await page.click('#slower');
    expect(await page.textContent('#tempo')).toBe('Tempo: 156%');
    await page.click('#faster');
    expect(await page.textContent('#tempo')).toBe('Tempo: 125%');
  });
});

describe('offline', () => {
  it('starts and runs a session with no network once the service worker has cached the app', async () => {
    const page = await freshPage(false);
    await firstRun(page, app.url, { regimen: 'hourly' });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The model and the wasm are cached too, so camera checking works offline.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const c = await caches.open(names[0]!);
      const model = await c.match('pose/pose_landmarker_full.task');
      const wasm = await c.match('pose/wasm/vision_wasm_internal.wasm');
      return { model: model ? (await model.arrayBuffer()).byteLength : 0, wasm: Boolean(wasm) };
    });
    expect(cached.model).toBe(9_398_198);
    expect(cached.wasm).toBe(true);
    await context!.setOffline(true);
    const before = app.server.requests.length;
    await page.reload();
    await page.waitForSelector('#today-count');
    await answerScreening(page, { painNow: 0 });
    await page.click('.decision button.primary');
    await page.click('#method-timing');
    await page.waitForSelector('#instruction:not(:empty)');
    // The browser itself may ask for sw.js to look for an update after a navigation (a "soft
    // update", sooner or later depending on the machine's load); offline that check fails and
    // changes nothing. Every request the app makes must come from the cache.
    expect(app.server.requests.slice(before).filter((p) => p !== '/sw.js')).toEqual([]);
  });
});
