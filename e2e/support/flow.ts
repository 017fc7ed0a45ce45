// Steps of the patient flow that several e2e tests walk through.
import type { Page } from 'playwright-core';
import { scheduleMotion, stillPayloads } from './motion-replay.ts';

export interface FirstRunChoices {
  regimen?: 'general' | 'postop' | 'hourly' | 'clinician';
  feet?: 'left-first' | 'right-first' | 'both-together';
  lang?: 'en' | 'zh' | 'es';
  voice?: 'on' | 'off';
}

/** From a fresh profile: the learn page shows first, then set-up; ends on home. */
export async function firstRun(page: Page, url: string, c: FirstRunChoices = {}): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.learn h1');
  await page.click('a[href="#/setup/first"]');
  await page.waitForSelector('input[name=regimen]');
  await page.check(`input[name=regimen][value=${c.regimen ?? 'hourly'}]`);
  await page.check(`input[name=feet][value=${c.feet ?? 'left-first'}]`);
  await page.check(`input[name=lang][value=${c.lang ?? 'en'}]`);
  await page.check(`input[name=voice][value=${c.voice ?? 'off'}]`);
  await page.click('form button[type=submit]');
  await page.waitForSelector('#today-count');
}

export interface Answers {
  severeInjury?: boolean;
  swelling?: boolean;
  clotHistory?: boolean;
  painNow?: number;
}

/** Fills in and submits the safety check; leaves the decision on screen. */
export async function answerScreening(page: Page, a: Answers = {}): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}#/screen`);
  await page.waitForSelector('input[name=swelling]');
  for (const q of ['severeInjury', 'swelling', 'clotHistory'] as const) {
    await page.check(`input[name=${q}][value=${a[q] ? 'yes' : 'no'}]`);
  }
  await page.check(`input[name=painNow][value="${a.painNow ?? 1}"]`);
  await page.click('form button[type=submit]');
  await page.waitForSelector('.decision h2');
}

/**
 * From a fresh profile to a session started with `method`: first run, a safety check that lets
 * the patient go, then the method screen.
 */
export async function startSession(
  page: Page,
  url: string,
  method: 'timing' | 'phone' | 'camera',
  o: FirstRunChoices & { painNow?: number } = {},
): Promise<void> {
  const { painNow, ...choices } = o;
  await firstRun(page, url, { regimen: 'hourly', ...choices });
  await answerScreening(page, { painNow: painNow ?? 0 });
  await page.click('.decision button.primary');
  await page.click(`#method-${method}`);
}

/**
 * A phone session running, its cue on screen: motion allowed, the phone's still check passed on 2 s
 * of replayed stillness, calibration skipped. The page's clock must be installed (`clockAt`).
 */
export async function runPhoneSession(page: Page, url: string, o: FirstRunChoices = {}): Promise<void> {
  await startSession(page, url, 'phone', o);
  await page.click('#phone-allow');
  await page.waitForSelector('#phone-status:not(:empty)');
  await scheduleMotion(page, stillPayloads(2000));
  await page.clock.runFor(2000);
  await page.waitForSelector('#phone-continue:not([hidden])');
  await page.click('#phone-continue');
  await page.click('#calib-skip');
  await page.waitForSelector('#instruction:not(:empty)');
}
