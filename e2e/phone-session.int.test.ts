// A phone-on-foot session in the browser: a synthetic IMU trace with known truth is replayed as
// DeviceMotionEvents; set-up, calibration and the session run on the page's fake clock, and the
// counters, the summary and the saved record must match the truth.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImuSessionSpec, synthImuSession } from '../tools/synth/src/index.ts';
import { axe, describeViolations, launch, PHONE, readStore, shot } from './support/browser.ts';
import { answerScreening, firstRun } from './support/flow.ts';
import { scheduleMotion, stillPayloads, toMotionPayloads } from './support/motion-replay.ts';
import { ensureBuilt, type StaticServer, startStaticServer } from './support/static-server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;

const spec = (side: 'left' | 'right', reps: number): ImuSessionSpec => ({
  hz: 50,
  side,
  program: {
    reps,
    tempo: 'normal',
    plantarDeg: -32,
    dorsiDeg: 14,
    partialShare: 0,
    pauseChance: 0,
    fidget: false,
    legMoveChance: 0,
    gettingIntoPosition: false,
    restS: 1.5,
  },
  mounting: 'aligned',
  noise: true,
  bias: false,
  quaternion: false,
  shank: false,
  dropouts: 'none',
  timeJitter: 0,
});

beforeAll(async () => {
  ensureBuilt();
  server = await startStaticServer();
  browser = await launch();
  const context = await browser.newContext({ viewport: PHONE, reducedMotion: 'reduce' });
  page = await context.newPage();
  await page.clock.install({ time: new Date('2026-03-02T10:00:00') });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Stored {
  record: {
    mode: string;
    outcome: string;
    feet: Record<'left' | 'right', { full: number; shallow: number; rangesDeg: number[] }>;
  };
  context: { method: string };
}

describe('phone resting on the foot', () => {
  it('counts the replayed reps on each foot and saves a verified record', async () => {
    await firstRun(page, server.url, { regimen: 'hourly' });
    await answerScreening(page, { painNow: 0 });
    await page.click('.decision button.primary');
    await page.click('#method-phone');

    await page.click('#phone-allow');
    await scheduleMotion(page, stillPayloads(2000));
    await page.clock.runFor(2000);
    await page.waitForSelector('#phone-continue:not([hidden])');
    await shot(page, 'phone-setup-phone');
    await page.click('#phone-continue');

    const calib = synthImuSession(spec('left', 3), 11);
    await page.click('#calib-start');
    await scheduleMotion(page, toMotionPayloads(calib.samples));
    await page.clock.runFor(9500);
    await page.waitForSelector('#calib-range');
    expect(await page.textContent('#calib-range')).toMatch(/toes down -\d+°, toes up \d+°/);
    await shot(page, 'calibrate-phone');
    await page.click('#calib-continue');

    // Each foot: its trace, then enough page time for the reducer to move on.
    for (const [i, side] of (['left', 'right'] as const).entries()) {
      await page.waitForSelector('#instruction:not(:empty)');
      const trace = synthImuSession(spec(side, 10), 20 + i);
      expect(trace.truth.expectedFull).toBe(10);
      await scheduleMotion(page, toMotionPayloads(trace.samples));
      const durationMs = trace.samples.at(-1)!.tMs - trace.samples[0]!.tMs;
      if (side === 'left') {
        await page.clock.runFor(Math.round(durationMs * 0.5));
        await shot(page, 'session-phone-phone');
        const v = await axe(page);
        expect(v, describeViolations(v)).toEqual([]);
        await page.clock.runFor(Math.round(durationMs * 0.5) + 500);
        expect(await page.textContent('#count-left')).toContain('10 of 10');
        // Switching feet takes a few seconds; the right trace starts once the switch is over.
        await page.clock.runFor(3500);
      } else {
        await page.clock.runFor(durationMs + 2000);
      }
    }
    await page.waitForSelector('#summary-table');
    expect(await page.textContent('[data-col=full][data-foot=left]')).toBe('10 / 10');
    expect(await page.textContent('[data-col=full][data-foot=right]')).toBe('10 / 10');
    expect(await page.textContent('[data-col=shallow][data-foot=left]')).toBe('0');
    const [stored] = await readStore<Stored>(page, 'sessions');
    expect(stored!.record.mode).toBe('verified');
    expect(stored!.context.method).toBe('phone');
    expect(stored!.record.feet.left.rangesDeg).toHaveLength(10);
    // The synthetic person moves 32 deg down and 14 up: 46 deg of range per rep.
    for (const r of stored!.record.feet.left.rangesDeg) expect(Math.abs(r - 46)).toBeLessThan(8);
    await shot(page, 'summary-phone-phone');
  });
});
