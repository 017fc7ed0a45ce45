// A whole camera session end to end: a rendered ankle-pump clip is Chromium's fake camera; the
// set-up wizard accepts the view, and during the session the on-device pose model and the pixel
// foot tracker (in a Worker) follow the foot, and the motion engine counts the clip's reps from the
// tracked angle into the counter, the summary and the IndexedDB record.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppBrowser, openAppBrowser } from './support/app-browser.ts';
import { axe, DESKTOP, describeViolations, readStore, shot } from './support/browser.ts';
import { type Clip, ensureClipWithRest, fakeCameraArgs } from './support/clip.ts';
import { answerScreening, firstRun } from './support/flow.ts';

let app: AppBrowser;
let page: Page;
let clip: Clip;

beforeAll(async () => {
  // The clip loops from wherever it was when the camera opened, not from the session's start: each
  // pass begins with 4 s at rest, as a person rests during the session's "relax" cue, so that a
  // session that began mid-pump finds the person's neutral at the next rest (the engine's
  // neutral-doubt.ts). The clip alone rests 2.1 s across its loop point (its tail and lead-in),
  // less than the engine's 2.5 s: a neutral learned in a toes-down hold stayed for good, and this
  // test counted fewer than 3 reps in eight passes in CI.
  clip = await ensureClipWithRest(4);
  app = await openAppBrowser(fakeCameraArgs(clip.y4mPath));
  ({ page } = await app.newPage({ viewport: DESKTOP, permissions: ['camera'] }));
  // The first run renders the clip (CPU-bound: about 100 s on a quiet 2-core machine, over 300 s
  // under load); later runs read it from .cache/render. Slow under load is fine, failing is not.
}, 30 * 60_000);

afterAll(async () => {
  await app?.close();
});

describe('camera session', () => {
  it('counts the rendered clip reps on the visible foot from the tracked angle and saves the record', async () => {
    const side = clip.truth.visibleSide;
    const truthReps = clip.truth.feet.find((f) => f.side === side)!.reps;
    const clipMs = clip.truth.durationS * 1000;
    // Counts the cameras and workers the page opens: the wizard's camera must be the session's.
    await page.addInitScript(() => {
      const w = window as unknown as { __cameras: number; __workers: number };
      w.__cameras = 0;
      w.__workers = 0;
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c) => {
        w.__cameras++;
        return open(c);
      };
      const Base = window.Worker;
      window.Worker = class extends Base {
        constructor(url: string | URL, o?: WorkerOptions) {
          super(url, o);
          w.__workers++;
        }
      };
    });
    await firstRun(page, app.url, {
      regimen: 'hourly',
      feet: side === 'right' ? 'right-first' : 'left-first',
    });
    // Yesterday's camera calibration, made with the camera somewhere else: a neutral 20 deg off and
    // a range this clip never reaches. It must not be used for today's view.
    const dayMs = 24 * 3600 * 1000;
    await page.evaluate(
      ([atMs]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('anklepump');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
            const get = store.get('settings');
            get.onsuccess = () => {
              const calibration = { method: 'camera', neutralDeg: 20, downDeg: -60, upDeg: 30, atMs };
              const put = store.put({ ...get.result, calibration: { camera: calibration } }, 'settings');
              put.onsuccess = () => {
                open.result.close();
                resolve();
              };
              put.onerror = () => reject(put.error);
            };
          };
        }),
      [Date.now() - dayMs] as const,
    );
    await page.reload();
    await page.waitForSelector('#today-count');
    await answerScreening(page, { painNow: 0 });
    await page.click('.decision button.primary');
    await page.click('#method-camera');

    await page.click('#camera-start');
    await page.waitForSelector('#camera-continue:not([hidden])', { timeout: 60_000 });
    // The camera films the side of the foot the session starts with: a good view, no "other side".
    expect(await page.textContent('#camera-status')).toBe('Good view. Keep the camera still.');
    await shot(page, 'camera-setup-desktop');
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);
    await page.click('#camera-continue');

    // The looping clip does not follow the calibration prompts, so the engine learns the range
    // from the reps instead (calibration itself is covered by the phone-on-foot test).
    await page.waitForSelector('#calib-start');
    // The calibrate screen says why yesterday's measurement is not used.
    await page.waitForSelector('#calib-stale:not([hidden])');
    expect(await page.textContent('#calib-stale')).toContain('camera in another place');
    await shot(page, 'calibrate-camera-desktop');
    await page.click('#calib-skip');

    const counter = `#count-${side}`;
    await page.waitForSelector(`${counter}:not(:empty)`);
    // One camera and one pose worker from the wizard into the session: a second pair running
    // unseen halves the frames each gets (it did, until the session kept the wizard's camera).
    const opened = await page.evaluate(() => {
      const w = window as unknown as { __cameras: number; __workers: number };
      return { cameras: w.__cameras, workers: w.__workers };
    });
    expect(opened).toEqual({ cameras: 1, workers: 1 });
    // Where the angle comes from, sampled every 100 ms, and at each change of the counter.
    await page.evaluate((sel) => {
      const w = window as unknown as { __follow: string[]; __followAtRep: string[] };
      w.__follow = [];
      w.__followAtRep = [];
      const wrap = document.querySelector<HTMLElement>('.video-wrap')!;
      setInterval(() => w.__follow.push(wrap.dataset.follow ?? 'none'), 100);
      const el = document.querySelector(sel)!;
      let last = el.textContent;
      new MutationObserver(() => {
        if (el.textContent === last) return;
        last = el.textContent;
        w.__followAtRep.push(wrap.dataset.follow ?? 'none');
      }).observe(el, { childList: true, characterData: true, subtree: true });
    }, counter);
    // Once a second: the counter, the frames analysed a second and where the angle came from, so a
    // wait that times out says how far the session got and how fast this machine analysed.
    await page.evaluate((sel) => {
      const w = window as unknown as { __trace: string[]; __traceTimer: number };
      w.__trace = [];
      const t0 = performance.now();
      const wrap = document.querySelector<HTMLElement>('.video-wrap')!;
      w.__traceTimer = window.setInterval(() => {
        const s = ((performance.now() - t0) / 1000).toFixed(0);
        const count = document.querySelector(sel)?.textContent?.trim() ?? '';
        const d = wrap.dataset;
        const warning = document.querySelector('#warning')?.textContent?.trim() ?? '';
        w.__trace.push(
          `${s}s ${count} fps=${d.fps} ${d.follow} rough=${d.roughReps} dropped=${d.droppedReps} ${warning}`,
        );
      }, 1000);
    }, counter);
    const waitedMs = clipMs * 8;
    await page
      .waitForFunction(
        ([sel, n]) =>
          new RegExp(`\\b${n} of 10`).test(document.querySelector(sel as string)?.textContent ?? ''),
        [counter, truthReps.length] as const,
        { timeout: waitedMs, polling: 100 },
      )
      .catch(async (err: Error) => {
        const trace = await page.evaluate(() => (window as unknown as { __trace: string[] }).__trace);
        throw new Error(
          `${truthReps.length} reps not counted in ${waitedMs / 1000} s (${err.message.split('\n')[0]}); once a second:\n${trace.join('\n')}`,
        );
      });
    await page.evaluate(() => clearInterval((window as unknown as { __traceTimer: number }).__traceTimer));
    // The clip loops; its reps are counted within eight passes (the wait above). Read here: 3 reps
    // in 15-16 s over six runs (four beside two busy processes, two beside eight), against 17-48 s
    // over four (and a CI failure at 125 s) before each pass began at rest and the engine could
    // learn neutral again.
    // The tracker needs frames close enough to follow a 0.45 s movement, and at load 10-14 the app
    // analyses 5-8 a second, so some passes lose a rep. How many pumps the live path counts at a
    // given frame rate is checked on frames stepped at fixed rates (camera-live-path.int.test.ts);
    // this test checks the wiring, so it waits as long as it must.
    expect(await page.isVisible('canvas')).toBe(true);
    expect(await page.textContent('.gauge')).toContain('estimate');
    // The worker's pixel tracker followed the foot (the screen says how much of the time); a pump
    // done while it had lost the foot is counted from the pose model with no degrees. How much of
    // the time depends on how many frames a second this machine analyses in real time (a share of
    // 0.45-0.95 was read here, lowest in CI beside other work), so the share itself is checked on
    // frames stepped at fixed rates in camera-live-path.int.test.ts; here, only that the browser's
    // tracker is wired in and followed the foot at all.
    const follow = await page.evaluate(() => {
      const w = window as unknown as { __follow: string[]; __followAtRep: string[] };
      return { samples: w.__follow, atRep: w.__followAtRep };
    });
    expect(follow.atRep.length).toBeGreaterThanOrEqual(truthReps.length);
    const roughReps = Number(await page.getAttribute('.video-wrap', 'data-rough-reps'));
    expect(follow.samples).toContain('tracked');
    await page.waitForSelector('#tracking:not(:empty)');
    expect(await page.textContent('#tracking')).toMatch(/foot followed \d+%/);
    await shot(page, 'session-camera-desktop');
    await page.click('#end');
    await page.waitForSelector('#summary-table');
    const [stored] = await readStore(page, 'sessions');
    expect(stored!.context.method).toBe('camera');
    // The record says the degrees were not calibrated: yesterday's view was not this one.
    expect(stored!.context.calibration).toBeNull();
    expect(stored!.record.degrees).toEqual({ kind: 'uncalibrated' });
    expect(stored!.record.mode).toBe('verified');
    expect(stored!.record.feet[side].full).toBeGreaterThanOrEqual(truthReps.length);
    // Camera degrees are estimates: the measured range must still be near the rendered one. Live,
    // from the foot tracker with no hindsight, this clip's reps read 46-70 deg for a true 45 (a
    // median 5-19 deg off over five runs): after the tracker finds the foot again its angle can be
    // 16 deg off (packages/web/README.md, Known limits). 25 deg catches only gross errors (a doubled
    // swing reads 45 deg off); reps counted from the pose model carry no degrees. Tighten
    // it when the tracker's offset after a loss is fixed.
    const trueRange =
      truthReps.reduce((a, r) => a + r.plantarflexionDeg + r.dorsiflexionDeg, 0) / truthReps.length;
    const ranges = stored!.record.feet[side].rangesDeg;
    // Each counted rep either has degrees from the tracked angle or was counted without them. Under
    // load the tracker can lose the foot in every counted rep (a fresh-clone CI run had none with
    // degrees), so the degrees below are checked when there are some.
    expect(ranges.length + roughReps).toBeGreaterThanOrEqual(truthReps.length);
    if (ranges.length > 0) {
      const median = [...ranges].sort((a, b) => a - b)[Math.floor(ranges.length / 2)]!;
      expect(Math.abs(median - trueRange)).toBeLessThan(25);
    }
    await shot(page, 'summary-camera-desktop');

    // A session in which the camera was moved: its summary says the degrees after that are from
    // another view (the record carries when; the range over time leaves it out).
    const movedId = `${stored!.record.sessionId}-moved`;
    await page.evaluate(
      ([s, id]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('anklepump');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const r = s.record;
            const record = {
              ...r,
              sessionId: id,
              degrees: { kind: 'view-changed', atMs: r.startedAtMs, calibrated: false },
            };
            const put = open.result
              .transaction('sessions', 'readwrite')
              .objectStore('sessions')
              .put({ ...s, record }, id);
            put.onsuccess = () => {
              open.result.close();
              resolve();
            };
            put.onerror = () => reject(put.error);
          };
        }),
      [stored!, movedId] as const,
    );
    await page.goto(`${app.url}#/summary/${movedId}`);
    await page.waitForSelector('#degrees-note');
    expect(await page.textContent('#degrees-note')).toContain('The camera moved during this session');
    const moved = await axe(page);
    expect(moved, describeViolations(moved)).toEqual([]);
    await shot(page, 'summary-camera-moved-desktop');
    // History: the range chart draws the session whose camera stayed, and says one was left out.
    await page.goto(`${app.url}#/history`);
    await page.waitForSelector('#range-left-out');
    expect(await page.textContent('#range-left-out')).toBe(
      'Sessions in which the camera moved are left out of this chart: 1.',
    );
    // A foot with no degrees reads "–", not "–°".
    const summary = (await page.textContent('#range-chart-sum'))!;
    expect(summary).toContain('with a sensor (1)');
    expect(summary).not.toContain('–°');
    await shot(page, 'history-camera-moved-desktop');
    // Up to eight loops of the clip in real time, on top of the wizard and the summary.
    // Its waits add up to about 4 minutes at worst (the view 60 s, the reps eight passes of 19.6 s):
    // the limit leaves room for them, so a slow run ends with the wait's own message.
  }, 420_000);
});
