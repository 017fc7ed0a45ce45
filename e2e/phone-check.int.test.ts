// The phone's half of a phone check of a camera's degrees: a synthetic IMU trace with known truth
// is replayed as DeviceMotionEvents on a phone-sized page; the phone counts the pumps, then shows
// a QR code. The code is read back from the page's own pixels, as the camera would read it, and
// must carry the foot, the pumps' rhythm and their ranges.

import { decodePhoneCheck, readQrCode } from '@anklepump/web/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthImuSession } from '../tools/synth/src/index.ts';
import { type AppBrowser, openAppBrowser } from './support/app-browser.ts';
import { axe, describeViolations, PHONE, pauseClockSoon, shot } from './support/browser.ts';
import { firstRun } from './support/flow.ts';
import { phoneTrace, scheduleMotion, stillPayloads, toMotionPayloads } from './support/motion-replay.ts';

let app: AppBrowser;
let page: Page;

beforeAll(async () => {
  app = await openAppBrowser();
  ({ page } = await app.newPage({ viewport: PHONE, clockAt: '2026-03-02T10:00:00' }));
});

afterAll(async () => {
  await app?.close();
});

/** The QR code on the page, drawn by the browser into pixels and read as a camera would. */
async function readShownCode(p: Page): Promise<string | null> {
  const px = await p.evaluate(async () => {
    const svg = document.querySelector('#phone-check-code svg')!;
    const size = 300;
    const img = new Image(size, size);
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, size, size);
    return { data: Array.from(ctx.getImageData(0, 0, size, size).data), size };
  });
  return readQrCode(new Uint8ClampedArray(px.data), px.size, px.size);
}

describe('phone check of a camera, on the phone', () => {
  it('counts the replayed pumps and shows them as a code the camera can read', async () => {
    await firstRun(page, app.url, { feet: 'right-first' });
    await page.click('#home-phone-check');
    await page.waitForSelector('#phone-check-start');
    // The foot the phone lies on is asked, set to the one this device's plan starts with.
    expect(await page.isChecked('input[name=phone-check-foot][value=right]')).toBe(true);
    await page.click('#phone-check-start');
    await page.waitForSelector('#phone-check-count:not(:empty)');
    expect(await page.textContent('#phone-check-count')).toBe('Pumps the phone counted: 0');
    // No code before three pumps: the camera needs three both saw.
    expect(await page.isVisible('#phone-check-show')).toBe(false);

    await pauseClockSoon(page, 100);
    const trace = synthImuSession(phoneTrace('right', 4), 31);
    const t0 = trace.samples[0]!;
    const last = trace.samples.at(-1)!;
    const reps = toMotionPayloads(trace.samples).map((p) => ({ ...p, t: p.t + 2000 }));
    const after = stillPayloads(3000, [last.ax, last.ay, last.az]).map((p) => ({
      ...p,
      t: p.t + reps.at(-1)!.t + 20,
    }));
    await scheduleMotion(page, [...stillPayloads(2000, [t0.ax, t0.ay, t0.az]), ...reps, ...after]);
    const endMs = after.at(-1)!.t + 100;
    for (let ms = 0; ms < endMs; ms += 250) await page.clock.runFor(250);

    const truth = trace.truth.reps;
    expect(truth).toHaveLength(4);
    expect(await page.textContent('#phone-check-count')).toBe(`Pumps the phone counted: ${truth.length}`);
    await page.click('#phone-check-show');
    await page.waitForSelector('#phone-check-code svg');
    await shot(page, 'phone-check-code');
    await page.clock.resume();
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);

    const text = await readShownCode(page);
    expect(text).toBe(await page.textContent('#phone-check-text'));
    const decoded = decodePhoneCheck(text ?? '');
    expect(decoded.ok, text ?? 'no code read').toBe(true);
    if (!decoded.ok) return;
    expect(decoded.check.side).toBe('right');
    // Each pump's range within 3 deg of the truth, and the rhythm kept (within 0.3 s): that is
    // what lines the pumps up with the camera's.
    const shown = decoded.check.reps;
    expect(shown).toHaveLength(truth.length);
    for (const [i, r] of shown.entries()) {
      expect(Math.abs(r.rangeDeg - truth[i]!.rangeDeg)).toBeLessThanOrEqual(3);
    }
    for (let i = 1; i < shown.length; i++) {
      const gotMs = shown[i]!.atMs - shown[i - 1]!.atMs;
      const mid = (r: (typeof truth)[number]) => (r.plantarTMs + r.dorsiTMs) / 2;
      const wantMs = mid(truth[i]!) - mid(truth[i - 1]!);
      expect(Math.abs(gotMs - wantMs)).toBeLessThanOrEqual(300);
    }
  });
});
