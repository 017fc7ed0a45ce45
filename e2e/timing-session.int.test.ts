// A whole timing-only session in the browser with the page clock sped up: the counters reach the
// plan's reps on each foot, the summary says so, and the record is in IndexedDB and the outbox.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppBrowser, openAppBrowser } from './support/app-browser.ts';
import { axe, describeViolations, PHONE, readStore, shot } from './support/browser.ts';
import { answerScreening, firstRun } from './support/flow.ts';

let app: AppBrowser;
let page: Page;

beforeAll(async () => {
  app = await openAppBrowser();
  ({ page } = await app.newPage({ viewport: PHONE, clockAt: '2026-03-02T09:00:00' }));
});

afterAll(async () => {
  await app?.close();
});

describe('timing-only session', () => {
  it('guides the hourly plan to the end on both feet and saves the record', async () => {
    await firstRun(page, app.url, { regimen: 'hourly' });
    await answerScreening(page, { painNow: 2 });
    expect(await page.textContent('.decision h2')).toContain('You can exercise now');
    await page.click('.decision button.primary');
    await page.click('#method-timing');
    await page.waitForSelector('#instruction:not(:empty)');
    const first = await page.textContent('#instruction');
    expect(['Relax', 'Point the toes down']).toContain(first);
    await page.clock.runFor(8_000);
    await shot(page, 'session-timing-phone');
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);
    // 10 reps a foot, one set, a few seconds each: 4 minutes of page time covers both feet.
    for (let i = 0; i < 24 && !page.url().includes('#/summary/'); i++) await page.clock.runFor(10_000);
    await page.waitForSelector('#summary-table');
    expect(await page.textContent('#outcome')).toContain('Completed');
    expect(await page.textContent('[data-col=full][data-foot=left]')).toBe('10 / 10');
    expect(await page.textContent('[data-col=full][data-foot=right]')).toBe('10 / 10');
    const sessions = await readStore(page, 'sessions');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.record.outcome).toBe('completed');
    expect(sessions[0]!.record.feet.left.full).toBe(10);
    expect(sessions[0]!.record.painBefore).toBe(2);
    const outbox = await readStore(page, 'outbox');
    expect(outbox.map((o) => o.kind).sort()).toEqual(['screening', 'session']);
    await shot(page, 'summary-phone');
  });
});
