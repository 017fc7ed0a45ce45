// The camera's half of a phone check: Chromium's fake camera plays the rendered pump clip and then
// a phone's QR code held up to it (the code carries the clip's true pumps, as the phone on the foot
// would have measured them). The calibrate screen counts the pumps from the tracked angle, reads
// the code from its own picture, fits this view's degree gain and saves it with the calibration.

import { encodePhoneCheck } from '@anklepump/web/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppBrowser, openAppBrowser } from './support/app-browser.ts';
import { axe, DESKTOP, describeViolations, readStore, shot } from './support/browser.ts';
import { type Clip, CODE_SHOWN_S, ensureClip, ensureClipWithCode, fakeCameraArgs } from './support/clip.ts';
import { answerScreening, firstRun } from './support/flow.ts';

let app: AppBrowser;
let page: Page;
let clip: Clip;
/** The clip's true pumps on the filmed foot: the range each really had (toes down + toes up). */
let trueRangesDeg: number[];

beforeAll(async () => {
  const base = await ensureClip();
  const side = base.truth.visibleSide;
  const reps = base.truth.feet.find((f) => f.side === side)!.reps;
  trueRangesDeg = reps.map((r) => r.plantarflexionDeg + r.dorsiflexionDeg);
  // The phone lay on the foot for four passes of the clip (the camera may start watching in any
  // pass, and sees the code at the end of each). Its clock is its own (an epoch months off); a
  // pump is when its middle was.
  const phoneEpochMs = Date.UTC(2026, 2, 1, 9);
  const passS = base.truth.durationS + CODE_SHOWN_S;
  const code = encodePhoneCheck({
    side,
    reps: [0, 1, 2, 3].flatMap((pass) =>
      reps.map((r, i) => ({
        atMs: phoneEpochMs + (pass * passS + (r.startS + r.endS) / 2) * 1000,
        rangeDeg: trueRangesDeg[i]!,
      })),
    ),
  });
  clip = await ensureClipWithCode(code);
  app = await openAppBrowser(fakeCameraArgs(clip.y4mPath));
  ({ page } = await app.newPage({ viewport: DESKTOP, permissions: ['camera'] }));
}, 30 * 60_000);

afterAll(async () => {
  await app?.close();
});

describe('phone check of a camera, on the camera', () => {
  it("reads the phone's code and makes this view's degrees the phone's", async () => {
    const side = clip.truth.visibleSide;
    await firstRun(page, app.url, { feet: side === 'right' ? 'right-first' : 'left-first' });
    await answerScreening(page, { painNow: 0 });
    await page.click('.decision button.primary');
    await page.click('#method-camera');
    await page.click('#camera-start');
    await page.waitForSelector('#camera-continue:not([hidden])', { timeout: 120_000 });
    await page.click('#camera-continue');

    // No range measured first: the check makes this view's calibration from its own pumps.
    await page.waitForSelector('#calib-phone-start');
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);
    await page.click('#calib-phone-start');
    await page.waitForSelector('#calib-phone-status:not(:empty)');
    // The clip loops: pumps, then the code. A code seen before three pumps asks for more and the
    // camera keeps watching; a busy machine analyses fewer frames, so this may take a few passes.
    await page.waitForSelector('#calib-phone-continue:not([hidden]), #calib-phone-status.error', {
      timeout: 240_000,
    });
    const said = (await page.textContent('#calib-phone-status'))!;
    await shot(page, 'calibrate-camera-phone-check');
    const kv = (await readStore(page, 'kv')) as { calibration?: { camera?: Record<string, unknown> } }[];
    const cal = kv.find((x) => x?.calibration?.camera)?.calibration?.camera as
      | { downDeg: number; upDeg: number; phone?: { gain: number; reps: number } }
      | undefined;
    // The live camera's degrees vary from rep to rep, the more so on a loaded machine (a 45-degree
    // pump read 28-56): then the check may refuse. It must say why and change nothing. At a load
    // of 9 (a benchmark stepping the pose model beside the suite) it once refused with a gain out of
    // bounds ("too unlike ... to be the same foot"); on a quiet machine it calibrates (x0.75). At a
    // load of 3-4 it once gave up after 3 minutes saying it had not seen the code, which is what it
    // also said when it had read the code before the camera counted 3 pumps and no more came; that
    // case now says too few pumps were counted. "Did not see the code" stays a failure here: the
    // clip shows the code for 3 s every pass.
    if (!said.startsWith('Done')) {
      expect(said).toMatch(
        /^The degrees were not changed: the (phone and the camera disagreed|pumps the phone and the camera counted were not the same|phone's pumps are too unlike the camera's|camera or the phone counted fewer than 3 pumps)/,
      );
      expect(cal?.phone).toBeUndefined();
      expect(await page.isVisible('#calib-phone-start')).toBe(true);
      return;
    }
    expect(said).toMatch(
      /^Done: this camera's degrees now match your phone's \(×\d\.\d\d, from \d+ pumps both saw\)/,
    );
    expect(cal?.phone?.reps).toBeGreaterThanOrEqual(3);
    expect(said).toContain(`×${cal!.phone!.gain.toFixed(2)}`);
    // The saved range, in the phone's degrees, is the clip's within what the check accepts (the
    // pumps' phone/camera ratios within 35% of their median).
    const trueMeanDeg = trueRangesDeg.reduce((a, b) => a + b, 0) / trueRangesDeg.length;
    expect(
      Math.abs(cal!.upDeg - cal!.downDeg - trueMeanDeg) / trueMeanDeg,
      JSON.stringify(cal),
    ).toBeLessThanOrEqual(0.35);

    // The session after it uses the check, and its record names the gain (the looping clip's code
    // card hides the leg each pass, so the view may also be said to have changed).
    await page.click('#calib-phone-continue');
    await page.waitForSelector(`#count-${side}:not(:empty)`);
    await page.click('#end');
    await page.waitForSelector('#summary-table');
    const [stored] = await readStore(page, 'sessions');
    expect(stored!.context.calibration?.phone?.gain).toBe(cal!.phone!.gain);
    const degrees = stored!.record.degrees;
    expect(degrees?.kind === 'calibrated' || (degrees?.kind === 'view-changed' && degrees.calibrated)).toBe(
      true,
    );
    expect(degrees?.kind !== 'uncalibrated' && degrees?.phoneGain).toBe(cal!.phone!.gain);
    // Its own waits allow the camera 2 min to start and the check 4 min of passes: the suite's 3-min
    // default ended it first once, in a CI run with every other browser and pose test beside it (the
    // test takes 40-60 s alone, with four busy processes beside it or not).
  }, 420_000);
});
