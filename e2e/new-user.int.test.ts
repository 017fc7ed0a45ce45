// What a new user saw on a fresh clone (issue 12, items 2, 4, 6, 7, 16), each as the browser shows
// it: the day blocked after a pain stop, gates that stay closed until their check passes, honest
// times and summaries, a numbered safety check, a labelled calendar, the Learn drawing in step
// with its caption, and Chinese text in a real font. Screenshots of the changed screens, phone and
// desktop, English and Chinese, go to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axe, DESKTOP, describeViolations, launch, PHONE, readStore } from './support/browser.ts';
import { answerScreening, firstRun, startSession } from './support/flow.ts';
import { ensureBuilt, repoRoot, type StaticServer, startStaticServer } from './support/static-server.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ensureBuilt();
  server = await startStaticServer();
  browser = await launch();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const MONDAY_9AM = new Date('2026-03-02T09:00:00');

async function freshPage(o: { lang?: 'en' | 'zh'; reduce?: boolean; at?: Date } = {}): Promise<Page> {
  context = await browser.newContext({
    viewport: PHONE,
    reducedMotion: o.reduce === false ? 'no-preference' : 'reduce',
    locale: o.lang === 'zh' ? 'zh-CN' : 'en-GB',
  });
  const page = await context.newPage();
  await page.clock.install({ time: o.at ?? MONDAY_9AM });
  return page;
}

const docsDir = join(repoRoot, 'docs', 'screenshots');

/** The screen at phone (360 px) and desktop (1280 px) width, into docs/screenshots/web-<name>-*.png. */
async function docShots(page: Page, name: string): Promise<void> {
  mkdirSync(docsDir, { recursive: true });
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(docsDir, `web-${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(PHONE);
}

/** Every element with the hidden attribute that is nevertheless on screen. */
function visibleHidden(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[hidden]')]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .map((el) => el.id || el.className || el.tagName),
  );
}

async function painStopSession(page: Page, level: number, lang: 'en' | 'zh' = 'en'): Promise<void> {
  await startSession(page, server.url, 'timing', { painNow: 1, regimen: 'general', lang });
  await page.waitForSelector('#instruction:not(:empty)');
  await page.clock.runFor(12_000);
  await page.click('#pain');
  await page.click(`#pain-dialog [data-level="${level}"]`);
  await page.waitForSelector('#summary-table');
}

describe('after a pain stop the rest of the day is blocked (12.2)', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`says so on the summary, on home and in the safety check, in ${lang}`, async () => {
      const page = await freshPage({ lang });
      await painStopSession(page, 6, lang);
      expect(await page.isVisible('#pain-stop-today')).toBe(true);
      if (lang === 'en') {
        expect(await page.textContent('#pain-stop-today')).toContain('no more ankle pumps today');
        // The pain given at the stop is the pain after: the picker does not ask again (12.6).
        expect(await page.textContent('#pain-after')).toBe('Pain after: 6/10');
        expect(await page.isVisible('fieldset.scale')).toBe(false);
        // Which warning, not just how many; and that it is the session's, under feet whose own
        // cells say none (it read "Warnings: ..." under a table saying "none / none").
        expect(await page.textContent('#summary-warnings')).toBe(
          'Warnings for the session as a whole: 1 × pain reported',
        );
        // A timing-only session paced its reps: they are not called full.
        expect(await page.textContent('#summary-table')).toContain('Reps paced by the timer (not checked)');
        expect(await page.textContent('#summary-table')).not.toContain('Full reps');
      }
      await docShots(page, `summary-pain-stop${lang === 'zh' ? '-zh' : ''}`);

      await page.click('a.brand');
      await page.waitForSelector('#today-count');
      expect(await page.isVisible('#pain-stop-today')).toBe(true);
      expect(await page.$('a[href="#/screen"].button')).toBeNull();
      await docShots(page, `home-pain-stop${lang === 'zh' ? '-zh' : ''}`);

      await page.goto(`${server.url}#/screen`);
      await page.waitForSelector('#pain-stop-reason');
      expect(await page.isVisible('form')).toBe(false);
      expect(await page.$('.decision button.primary')).toBeNull();
      if (lang === 'en') {
        expect(await page.textContent('.decision h2')).toBe('Do not exercise now. See a doctor first.');
        expect(await page.textContent('#pain-stop-reason')).toContain('Do not do ankle pumps again today');
      }
      const v = await axe(page);
      expect(v, describeViolations(v)).toEqual([]);
      await docShots(page, `screening-pain-stop${lang === 'zh' ? '-zh' : ''}`);
      // The session address does not get round it.
      await page.goto(`${server.url}#/session`);
      await page.waitForSelector('#pain-stop-reason');
    });
  }

  it('still blocks a moderate pain answer (5) that would otherwise pass, and lifts the next day', async () => {
    const page = await freshPage();
    await painStopSession(page, 5);
    await page.goto(`${server.url}#/screen`);
    await page.waitForSelector('#pain-stop-reason');
    // The next morning the questions are asked again and pain 5 may go (with a caution).
    await page.clock.setSystemTime(new Date('2026-03-03T09:00:00'));
    await page.goto(server.url);
    await page.waitForSelector('a[href="#/screen"].button');
    await answerScreening(page, { painNow: 5 });
    expect(await page.textContent('.decision h2')).toBe('You can exercise now.');
    // The screening queued for the clinic carries the answers (the clinic recomputes the decision).
    const outbox = await readStore(page, 'outbox');
    const pains = outbox.flatMap((r) => (r.kind === 'screening' ? [r.data.answers.painNow] : []));
    expect(pains).toContain(5);
  });
});

describe('gates and hidden things stay hidden (12.4)', () => {
  it('the phone check keeps "Continue to calibration" hidden until the foot has been still', async () => {
    const page = await freshPage();
    await startSession(page, server.url, 'phone');
    await page.click('#phone-allow');
    await page.waitForSelector('#phone-status:not(:empty)');
    expect(await page.isVisible('#phone-continue')).toBe(false);
    expect(await visibleHidden(page)).toEqual([]);
  });

  it('the clinician code shows only with the clinician plan', async () => {
    const page = await freshPage();
    await page.goto(server.url);
    await page.click('a[href="#/setup/first"]');
    await page.check('input[name=regimen][value=general]');
    expect(await page.isVisible('#code')).toBe(false);
    expect(await visibleHidden(page)).toEqual([]);
    await docShots(page, 'setup');
    await page.check('input[name=regimen][value=clinician]');
    expect(await page.isVisible('#code')).toBe(true);
    await page.click('form button[type=submit]');
    expect(await page.textContent('#setup-error')).toContain('Enter the code');
    await page.check('input[name=regimen][value=hourly]');
    expect(await page.isVisible('#code')).toBe(false);
    expect(await page.isVisible('#setup-error')).toBe(false);
  });

  it('the pain-after picker goes away once answered', async () => {
    const page = await freshPage();
    await startSession(page, server.url, 'timing', { painNow: 2 });
    await page.waitForSelector('#instruction:not(:empty)');
    await page.click('#end');
    await page.waitForSelector('#summary-table');
    expect(await page.isVisible('fieldset.scale')).toBe(true);
    await page.click('fieldset.scale button:text-is("3")');
    await page.waitForSelector('#pain-after:not(:empty)');
    expect(await page.textContent('#pain-after')).toBe('Pain after: 3/10');
    expect(await page.isVisible('fieldset.scale')).toBe(false);
    expect(await visibleHidden(page)).toEqual([]);
  });
});

describe('smaller things a new user saw (12.6)', () => {
  it('an overdue session says "now", never a time already past', async () => {
    const page = await freshPage({ at: new Date('2026-03-02T16:21:00') });
    await firstRun(page, server.url, { regimen: 'general' });
    const next = (await page.textContent('#next'))!;
    expect(next).toMatch(/^Next session: now \(planned for /);
    await docShots(page, 'home-overdue');
  });

  it('numbers the safety questions, so "Not answered: 1, 3, 4" can be found', async () => {
    const page = await freshPage();
    await firstRun(page, server.url);
    await page.goto(`${server.url}#/screen`);
    await page.waitForSelector('input[name=swelling]');
    const legends = await page.$$eval('form legend', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(legends.map((l) => l.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ']);
    await page.check('input[name=swelling][value=no]');
    await page.click('form button[type=submit]');
    expect(await page.textContent('form [role=alert]')).toMatch(/Not answered: 1, 3, 4/);
    // Question 2 is the one answered.
    expect(legends[1]).toContain('swollen');
    await docShots(page, 'screening-numbered');
  });

  it('the calendar names the weekdays and months; with no clinic linked nothing is "waiting to be sent"', async () => {
    const page = await freshPage();
    await startSession(page, server.url, 'timing', { painNow: 0, regimen: 'general' });
    await page.waitForSelector('#instruction:not(:empty)');
    await page.click('#end');
    await page.waitForSelector('#summary-table');
    expect((await readStore(page, 'outbox')).length).toBeGreaterThan(0);
    await page.goto(`${server.url}#/history`);
    await page.waitForSelector('.calendar li');
    expect(await page.$$eval('.calendar-head span', (s) => s.map((x) => x.textContent))).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);
    // Four Monday-first weeks ending this week: 9 February to 8 March 2026.
    expect(await page.textContent('#calendar-months')).toBe('February 2026 – March 2026');
    const cells = await page.$$eval('.calendar li', (ls) => ls.map((l) => l.textContent));
    expect(cells[0]).toBe('Feb9');
    expect(cells[20]).toBe('Mar1');
    expect(await page.getAttribute('.calendar li.today', 'aria-label')).toBe('Monday, March 2: 0 of 2');
    expect(await page.$('#outbox')).toBeNull();
    expect(await page.textContent('main')).not.toContain('waiting to be sent');
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);
    await docShots(page, 'history');
  });
});

describe('Learn: the drawing and its caption (12.7)', () => {
  it('changes the caption only as the foot starts to move there', async () => {
    const page = await freshPage({ reduce: false });
    await firstRun(page, server.url);
    await page.goto(`${server.url}#/learn`);
    await page.waitForSelector('.leg-drawing[data-phase]');
    const read = () =>
      page.evaluate(() => ({
        caption: document.querySelector('#demo-caption')!.textContent!,
        phase: document.querySelector('.leg-drawing')!.getAttribute('data-phase')!,
        angle: Number(document.querySelector('.leg-drawing')!.getAttribute('data-angle-deg')),
      }));
    const captions = new Set<string>();
    let prev = await read();
    let changes = 0;
    for (let ms = 0; ms < 7000; ms += 50) {
      await page.clock.runFor(50);
      const now = await read();
      captions.add(now.caption);
      if (now.caption !== prev.caption) {
        changes++;
        // Within a tenth of a second of the new words the foot has visibly moved.
        await page.clock.runFor(100);
        const later = await read();
        expect(Math.abs(later.angle - prev.angle), `${prev.caption} -> ${now.caption}`).toBeGreaterThan(5);
        prev = later;
        ms += 100;
        continue;
      }
      prev = now;
    }
    expect(changes).toBeGreaterThanOrEqual(3);
    expect([...captions].sort()).toEqual([
      'Point the toes down and hold',
      'Pull the toes up and hold',
      'Relax: foot at rest',
    ]);
  });

  it('stands still under reduced motion until asked to play', async () => {
    const page = await freshPage();
    await firstRun(page, server.url);
    await page.goto(`${server.url}#/learn`);
    await page.waitForSelector('.leg-drawing[data-phase]');
    const angle = () => page.getAttribute('.leg-drawing', 'data-angle-deg');
    const before = await angle();
    await page.clock.runFor(3000);
    expect(await angle()).toBe(before);
    expect(await page.textContent('#demo-toggle')).toBe('Play animation');
  });

  it('draws rest, toes down and toes up as three clearly different feet (screenshot)', async () => {
    const page = await freshPage();
    await firstRun(page, server.url);
    await page.goto(`${server.url}#/learn`);
    await page.waitForSelector('.leg-drawing');
    await docShots(page, 'learn');
    // The three positions side by side, from the app's own drawing.
    const svg = await page.$eval('.leg-drawing', (el) => el.outerHTML);
    await page.setViewportSize({ width: 1140, height: 300 });
    await page.evaluate(
      ({ svg, poses }) => {
        const row = document.createElement('div');
        row.style.cssText = 'display:flex;gap:8px;background:#fff;padding:8px';
        for (const [label, deg] of poses) {
          const cell = document.createElement('div');
          cell.style.cssText = 'width:370px;font:bold 20px sans-serif;text-align:center';
          cell.innerHTML = `${svg}<p>${label}</p>`;
          const el = cell.querySelector('svg')!;
          el.querySelector('.demo-foot')!.setAttribute('transform', `rotate(${-deg} 236 118)`);
          for (const g of el.querySelectorAll('[visibility]')) g.setAttribute('visibility', 'hidden');
          row.append(cell);
        }
        document.body.replaceChildren(row);
      },
      {
        svg,
        poses: [
          ['Relax', -15],
          ['Toes down', -45],
          ['Toes up', 20],
        ] as [string, number][],
      },
    );
    await page.screenshot({ path: join(docsDir, 'web-learn-positions.png') });
  });
});

describe('Chinese screens (12.16)', () => {
  it('render in a real CJK font, not empty boxes', async () => {
    const page = await freshPage({ lang: 'zh' });
    await firstRun(page, server.url, { lang: 'zh', regimen: 'general' });
    // Two different characters draw differently only when a font has them (missing glyphs are
    // all the same box).
    const differ = await page.evaluate(() => {
      const draw = (ch: string) => {
        const c = document.createElement('canvas');
        c.width = 64;
        c.height = 64;
        const g = c.getContext('2d')!;
        g.font = '48px sans-serif';
        g.fillText(ch, 4, 52);
        return g.getImageData(0, 0, 64, 64).data.join(',');
      };
      return draw('安') !== draw('全');
    });
    expect(differ).toBe(true);
    await docShots(page, 'home-zh');
    await page.goto(`${server.url}#/learn`);
    await page.waitForSelector('.leg-drawing');
    await docShots(page, 'learn-zh');
    await page.goto(`${server.url}#/screen`);
    await page.waitForSelector('input[name=swelling]');
    await docShots(page, 'screening-zh');
    await page.goto(`${server.url}#/history`);
    await page.waitForSelector('.calendar li');
    expect(await page.$$eval('.calendar-head span', (s) => s.map((x) => x.textContent))).toEqual([
      '周一',
      '周二',
      '周三',
      '周四',
      '周五',
      '周六',
      '周日',
    ]);
    await docShots(page, 'history-zh');
  });
});
