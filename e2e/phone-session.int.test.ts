// A phone-on-foot session in the browser: a synthetic IMU trace with known truth is replayed as
// DeviceMotionEvents; set-up, calibration and the session run on the page's fake clock, and the
// counters, the summary and the saved record must match the truth.
import { join } from 'node:path';
import { validateSessionRecord } from '@anklepump/exercise';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthImuSession } from '../tools/synth/src/index.ts';
import { type AppBrowser, openAppBrowser } from './support/app-browser.ts';
import {
  axe,
  describeViolations,
  PHONE,
  pauseClockSoon,
  readStore,
  recordVoiceAndVibration,
  shot,
  sideBySide,
  voiceAndVibration,
} from './support/browser.ts';
import { runPhoneSession, startSession } from './support/flow.ts';
import { phoneTrace, scheduleMotion, stillPayloads, toMotionPayloads } from './support/motion-replay.ts';
import { repoRoot } from './support/static-server.ts';

let app: AppBrowser;
let page: Page;

beforeAll(async () => {
  app = await openAppBrowser();
  ({ page } = await app.newPage({ viewport: PHONE, clockAt: '2026-03-02T10:00:00' }));
});

afterAll(async () => {
  await app?.close();
});

/**
 * Plays `ms` of page time in 250-ms steps, as a phone delivers its events: one long jump fires a
 * minute of motion events in one burst, and on a loaded machine the page's own async work (the
 * saved session after each rep) then falls behind the reps it should count.
 */
async function play(ms: number): Promise<void> {
  for (let done = 0; done < ms; done += 250) await page.clock.runFor(Math.min(250, Math.round(ms - done)));
}

/** Plays `p`'s clock in 250-ms steps until its warning contains `fragment` or `ms` have passed; the warning shown. */
async function playUntilWarning(p: Page, fragment: string, ms: number): Promise<string> {
  let shown = '';
  for (let t = 0; t < ms && !shown.includes(fragment); t += 250) {
    await p.clock.runFor(250);
    shown = (await p.textContent('#warning')) ?? '';
  }
  return shown;
}

/** The window's view from the top of the page (the app scrolls a screen's heading into view). */
async function topShot(p: Page): Promise<Buffer> {
  await p.evaluate(() => window.scrollTo(0, 0));
  return p.screenshot();
}

/** How far the angle gauge reads the toes pointed down ("31° toes down"), degrees; 0 otherwise. */
async function toesDownDeg(p: Page): Promise<number> {
  const m = /(\d+)° toes down/.exec((await p.textContent('.gauge-value')) ?? '');
  return m ? Number(m[1]) : 0;
}

describe('phone resting on the foot', () => {
  it('counts the replayed reps on each foot and saves a verified record', async () => {
    await startSession(page, app.url, 'phone');

    await page.click('#phone-allow');
    await page.waitForSelector('#phone-status:not(:empty)');
    // The way on to calibration stays closed until the still check has passed (issue 12.4: a CSS
    // display rule used to override the hidden attribute).
    expect(await page.isVisible('#phone-continue')).toBe(false);
    await scheduleMotion(page, stillPayloads(2000));
    await page.clock.runFor(2000);
    await page.waitForSelector('#phone-continue:not([hidden])');
    await shot(page, 'phone-setup-phone');
    await page.click('#phone-continue');

    // Calibration on a paused page clock: the trace plays exactly when the screen's steps ask for
    // it, however late the browser gets to each event on a loaded machine.
    await page.waitForSelector('#calib-start');
    await pauseClockSoon(page, 100);
    const calib = synthImuSession(phoneTrace('left', 3), 11);
    const first = calib.samples[0]!;
    const resting: [number, number, number] = [first.ax, first.ay, first.az];
    // The foot rests while the patient reads; the screen is already listening.
    await scheduleMotion(page, stillPayloads(2000, resting));
    await page.clock.runFor(2000);
    await page.click('#calib-start');
    await page.waitForSelector('#calib-step:not(:empty)');
    // Rest through the 3-s relax step, then the trace: 1.5 s more rest, its first rep points the
    // toes in the "point" step and pulls them up in the "pull" step.
    const moves = toMotionPayloads(calib.samples).map((p) => ({ ...p, t: p.t + 3000 }));
    await scheduleMotion(page, [...stillPayloads(3000, resting), ...moves]);
    // In 100-ms steps, so the page moves from one calibration step to the next between them, and
    // on until the trace is over, so none of it leaks into the session.
    const endMs = moves.at(-1)!.t + 100;
    for (let ms = 0; ms < endMs || !(await page.$('#calib-range, #calib-result .error')); ms += 100) {
      if (ms > endMs + 10_000) break;
      await page.clock.runFor(100);
    }
    await page.waitForSelector('#calib-range');
    const calibText = (await page.textContent('#calib-range'))!;
    // Unsigned degrees with the direction in words, measured from the foot at rest, against the
    // first rep's truth (about 31 down and 14 up).
    const m = calibText.match(/toes down (\d+)°, toes up (\d+)°/);
    expect(m, calibText).not.toBeNull();
    const rep1 = calib.truth.reps[0]!;
    expect(Math.abs(Number(m![1]) + rep1.peakPlantarDeg)).toBeLessThanOrEqual(4);
    expect(Math.abs(Number(m![2]) - rep1.peakDorsiDeg)).toBeLessThanOrEqual(4);
    await shot(page, 'calibrate-phone');
    // The session runs on the paused clock too: every rep's timing is the trace's, never the
    // machine's load.
    await page.click('#calib-continue');

    let leftTruth: readonly { rangeDeg: number }[] = [];
    /** The session screen halfway through the left foot's reps, for the README's picture. */
    let sessionShot: Buffer | undefined;
    // Each foot: its trace, then enough page time for the reducer to move on.
    for (const [i, side] of (['left', 'right'] as const).entries()) {
      for (let k = 0; k < 40 && !(await page.$('#instruction:not(:empty)')); k++) await play(100);
      await page.waitForSelector('#instruction:not(:empty)');
      const trace = synthImuSession(phoneTrace(side, 10), 20 + i);
      if (side === 'left') {
        leftTruth = trace.truth.reps;
        // The session opens at its own top, the header scrolled away and the foot and set in view:
        // focus scrolled it to its visually hidden heading, with "Left foot / Set 1 of 1" cut off.
        const top = await page.evaluate(
          () => document.querySelector('.session-top')!.getBoundingClientRect().top,
        );
        expect(top).toBeGreaterThanOrEqual(0);
        expect(top).toBeLessThan(40);
        // axe waits on timers of its own: it runs on the session screen before any motion is
        // scheduled, with time flowing, and the clock is paused again before the trace plays.
        await page.clock.resume();
        const v = await axe(page);
        await pauseClockSoon(page, 1000);
        expect(v, describeViolations(v)).toEqual([]);
      }
      expect(trace.truth.expectedFull).toBe(10);
      // The foot rests 2 s first, as a patient's does while the app says "get ready": the sensor
      // settles on the rest, so the first rep is not spent on it, however late listening starts.
      const t0 = trace.samples[0]!;
      const rest = stillPayloads(2000, [t0.ax, t0.ay, t0.az]);
      const reps = toMotionPayloads(trace.samples).map((p) => ({ ...p, t: p.t + 2000 }));
      // ...and rests after the last rep: the phone keeps reporting, which is how the end of the
      // last rep is seen.
      const last = trace.samples.at(-1)!;
      const after = stillPayloads(4000, [last.ax, last.ay, last.az]).map((p) => ({
        ...p,
        t: p.t + reps.at(-1)!.t + 20,
      }));
      await scheduleMotion(page, [...rest, ...reps, ...after]);
      const durationMs = 2000 + last.tMs - t0.tMs;
      if (side === 'left') {
        await play(durationMs * 0.5);
        await shot(page, 'session-phone-phone');
        // For the README: a moment a little later with the foot pointed down (the trace rests at
        // neutral between reps while the cue may be counting a hold).
        let laterMs = 0;
        for (; laterMs < 3000 && (await toesDownDeg(page)) < 20; laterMs += 100) await play(100);
        sessionShot = await topShot(page);
        // Play the rest of the trace; the last rep is recognised a moment after it ends.
        await play(durationMs * 0.5 - laterMs);
        for (let k = 0; k < 10 && !(await page.textContent('#count-left'))!.includes('10 of 10'); k++) {
          await play(500);
        }
        expect(await page.textContent('#count-left')).toContain('10 of 10');
        // Switching feet takes a few seconds; the right trace starts once the switch is over.
        await play(3500);
      } else {
        await play(durationMs);
        for (let k = 0; k < 10 && !page.url().includes('#/summary/'); k++) await play(500);
      }
    }
    await page.waitForSelector('#summary-table');
    expect(await page.textContent('[data-col=full][data-foot=left]')).toBe('10 / 10');
    expect(await page.textContent('[data-col=full][data-foot=right]')).toBe('10 / 10');
    expect(await page.textContent('[data-col=shallow][data-foot=left]')).toBe('0');
    // Holds are given out of the reps measured, and warnings by name, not as bare counts.
    expect(await page.textContent('[data-col=holds][data-foot=left]')).toMatch(/^\d+ of 10 reps$/);
    expect(await page.textContent('[data-col=warnings][data-foot=left]')).not.toMatch(/^\d+$/);
    const [stored] = await readStore(page, 'sessions');
    expect(stored!.record.mode).toBe('verified');
    expect(stored!.context.method).toBe('phone');
    // The range was measured before the session, so the record says its degrees were calibrated;
    // the copy queued for the clinic names the phone too and passes the clinic's own check.
    expect(stored!.record.degrees).toEqual({ kind: 'calibrated' });
    const queued = (await readStore(page, 'outbox')).find((o) => o.kind === 'session');
    expect(queued).toMatchObject({
      kind: 'session',
      data: { sensor: 'phone', degrees: { kind: 'calibrated' } },
    });
    const pageNowMs = await page.evaluate(() => Date.now());
    expect(validateSessionRecord(queued!.data, pageNowMs + 60_000).success).toBe(true);
    expect(stored!.record.feet.left.rangesDeg).toHaveLength(10);
    // Each rep's range against the trace's truth for that rep.
    const truthRanges = leftTruth.map((r) => r.rangeDeg);
    const errors = stored!.record.feet.left.rangesDeg
      .map((r, i) => Math.abs(r - truthRanges[i]!))
      .sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(2);
    // One early rep sometimes comes out 6-9 deg small (reported to the motion engine's owner).
    expect(errors.filter((e) => e < 3).length).toBeGreaterThanOrEqual(8);
    await shot(page, 'summary-phone-phone');

    // The README's first picture, the journey just walked at phone size: Learn, this session
    // halfway through the left foot, its summary, and the history with it saved.
    const summaryShot = await topShot(page);
    await page.goto(`${app.url}#/learn`);
    await page.waitForSelector('.learn h1');
    const learnShot = await topShot(page);
    await page.goto(`${app.url}#/history`);
    await page.waitForSelector('#history-today');
    expect(await page.textContent('#history-today')).toMatch(/^Today: 1 of \d+ sessions$/);
    const historyShot = await topShot(page);
    await sideBySide(
      app.browser,
      [learnShot, sessionShot!, summaryShot, historyShot],
      join(repoRoot, 'docs', 'screenshots', 'web-session-phone.png'),
    );
  });
  it('tells the patient on screen, aloud and by vibration when quick flicks with no holds go uncounted', async () => {
    const { page: flicks } = await app.newPage({ viewport: PHONE, clockAt: '2026-03-02T11:00:00' });
    await recordVoiceAndVibration(flicks);
    await runPhoneSession(flicks, app.url, { voice: 'on' });
    await pauseClockSoon(flicks, 1000);
    // Ten flicks of the foot, 5 deg down and 4 up, each move 0.12 s, no hold: no pump to count.
    const spec = phoneTrace('left', 10);
    const trace = synthImuSession(
      {
        ...spec,
        program: {
          ...spec.program,
          plantarDeg: -5,
          dorsiDeg: 4,
          timing: { moveS: 0.12, plantarHoldS: 0, dorsiHoldS: 0 },
        },
      },
      31,
    );
    const t0 = trace.samples[0]!;
    const moves = toMotionPayloads(trace.samples).map((p) => ({ ...p, t: p.t + 2000 }));
    await scheduleMotion(flicks, [...stillPayloads(2000, [t0.ax, t0.ay, t0.az]), ...moves]);
    const shown = await playUntilWarning(flicks, 'too quick', moves.at(-1)!.t + 500);
    expect(shown).toContain('Those movements were too quick to count as pumps');
    expect(await flicks.textContent('#count-left')).toContain('0 of 10');
    const { spoken, buzzed } = await voiceAndVibration(flicks);
    expect(spoken).toContain(shown);
    expect(buzzed).toContainEqual([150, 80, 150]);
    await shot(flicks, 'session-phone-uncounted');
  });

  it("says on screen when a pump was too quick for the phone's gyroscope to measure its degrees, and counts it", async () => {
    const { page: quick } = await app.newPage({ viewport: PHONE, clockAt: '2026-03-02T13:00:00' });
    await runPhoneSession(quick, app.url, { voice: 'on' });
    await pauseClockSoon(quick, 1000);
    // Four brisk pumps (0.2-s moves, short holds) from a sensor whose gyroscope tops out at
    // 2.5 rad/s (143 deg/s), as some wearables' do: every reading past it reads the limit.
    const spec = phoneTrace('left', 4);
    const trace = synthImuSession(
      {
        ...spec,
        clip: { gyroRadS: 2.5, accelMs2: 2 * 9.81 },
        program: { ...spec.program, timing: { moveS: 0.2, plantarHoldS: 0.3, dorsiHoldS: 0.3 } },
      },
      51,
    );
    const t0 = trace.samples[0]!;
    const moves = toMotionPayloads(trace.samples).map((p) => ({ ...p, t: p.t + 2000 }));
    const last = trace.samples.at(-1)!;
    const after = stillPayloads(3000, [last.ax, last.ay, last.az]).map((p) => ({
      ...p,
      t: p.t + moves.at(-1)!.t + 20,
    }));
    await scheduleMotion(quick, [...stillPayloads(2000, [t0.ax, t0.ay, t0.az]), ...moves, ...after]);
    const shown = await playUntilWarning(quick, 'too quick for the phone', after.at(-1)!.t + 500);
    expect(shown).toContain('That pump was too quick for the phone to measure its degrees (it still counts)');
    expect(await quick.textContent('#count-left')).toMatch(/[1-4] of 10/);
    await shot(quick, 'session-phone-sensor-limit');
  });

  /**
   * Plays a patient's start on `p`: `first` (3 brisk pumps at once, no rest first, no holds, one
   * into the next; or the leg slid 15-25 cm into place while the foot swings), 2.5 s at rest, then
   * three pumps with holds. Returns when the rest ends and when the last sample comes, ms.
   */
  async function startsWithoutRest(
    p: Page,
    first: 'pumps' | 'placing',
  ): Promise<{ restEndMs: number; endMs: number }> {
    const spec = phoneTrace('left', 3);
    const before = synthImuSession(
      {
        ...spec,
        program: {
          ...spec.program,
          reps: first === 'pumps' ? 3 : 0,
          gettingIntoPosition: first === 'placing',
          restS: 0.05,
          returnToNeutral: false,
          timing: { moveS: 0.4, plantarHoldS: 0, dorsiHoldS: 0 },
        },
      },
      41,
    );
    const after = synthImuSession(spec, 42);
    const a = toMotionPayloads(before.samples);
    const last = before.samples.at(-1)!;
    const rest = stillPayloads(2500, [last.ax, last.ay, last.az]).map((q) => ({
      ...q,
      t: q.t + a.at(-1)!.t + 20,
    }));
    const b = toMotionPayloads(after.samples).map((q) => ({ ...q, t: q.t + rest.at(-1)!.t + 20 }));
    await scheduleMotion(p, [...a, ...rest, ...b]);
    return { restEndMs: rest.at(-1)!.t, endMs: b.at(-1)!.t };
  }

  it('counts the pumps a patient does before resting when the phone feels the leg stay still', async () => {
    // The accelerometer shows the ankle did not move (ankle-translation.ts): these are the
    // patient's first pumps, not getting into position, and they count with the three after.
    const { page: first } = await app.newPage({ viewport: PHONE, clockAt: '2026-03-02T12:00:00' });
    await runPhoneSession(first, app.url, { voice: 'on' });
    await pauseClockSoon(first, 1000);
    const { endMs } = await startsWithoutRest(first, 'pumps');
    for (let ms = 0; ms < endMs + 3000; ms += 250) await first.clock.runFor(250);
    expect(await first.textContent('#count-left')).toContain('6 of 10');
    expect(await first.textContent('#warning')).not.toContain('Counting starts');
  });

  it('says on screen, aloud and by vibration that counting starts at the first rest when the leg was being put in place', async () => {
    const { page: early } = await app.newPage({ viewport: PHONE, clockAt: '2026-03-02T12:00:00' });
    await recordVoiceAndVibration(early);
    await runPhoneSession(early, app.url, { voice: 'on' });
    await pauseClockSoon(early, 1000);
    // The leg slides 15-25 cm into place while the foot swings, then rests: the phone feels the
    // ankle move (ankle-translation.ts), so those swings are not pumps, and the patient is told.
    const { restEndMs, endMs } = await startsWithoutRest(early, 'placing');
    const shown = await playUntilWarning(early, 'Counting starts', restEndMs + 500);
    expect(shown).toContain('Counting starts once the foot has rested for a moment');
    const { spoken, buzzed } = await voiceAndVibration(early);
    expect(spoken).toContain(shown);
    expect(buzzed).toContainEqual([150, 80, 150]);
    await shot(early, 'session-phone-moved-before-rest');
    // The pumps after the rest are counted.
    for (let ms = 0; ms < endMs - restEndMs + 3000; ms += 250) await early.clock.runFor(250);
    expect(await early.textContent('#count-left')).toContain('3 of 10');
  });
});
