import { describe, expect, it } from 'vitest';
import type { App } from '../app/app.ts';
import { translator } from '../i18n/i18n.ts';
import { encodePhoneCheck } from '../sensors/phone-check-code.ts';
import { defaultSettings, type Settings } from '../store/settings.ts';
import { applyPhoneCode, createCodeWatch } from './phone-check-camera.ts';

const OPENED_MS = 1_764_590_000_000;

/** An app whose camera view opened at OPENED_MS, with `settings`; saveSettings keeps what it is given. */
function fakeApp(settings: Settings): App & { saved: Settings[] } {
  const saved: Settings[] = [];
  const app = {
    settings,
    t: translator('en'),
    flow: { camera: { openedAtMs: OPENED_MS } },
    saved,
    async saveSettings(next: Settings) {
      saved.push(next);
      app.settings = next;
    },
  };
  return app as unknown as App & { saved: Settings[] };
}

/** The camera saw 3 pumps at 0.6 of the phone's degrees; its clock is 2.5 s behind the phone's. */
const cameraReps = [40, 44, 38].map((r, i) => ({ atMs: OPENED_MS + 10_000 + 4_500 * i, rangeDeg: 0.6 * r }));
const phoneCode = encodePhoneCheck({
  side: 'left',
  reps: [40, 44, 38].map((r, i) => ({ atMs: OPENED_MS + 12_500 + 4_500 * i, rangeDeg: r })),
});
const feed = (reps = cameraReps) => ({
  reps: () => reps,
  range: () => ({ neutralDeg: 2, downDeg: -18, upDeg: 6 }),
});

describe("the camera reads the phone's code", () => {
  it("fits the view's gain and keeps the range measured for this view, in the phone's degrees", async () => {
    const measured = {
      method: 'camera' as const,
      neutralDeg: 3,
      downDeg: -20,
      upDeg: 8,
      atMs: OPENED_MS + 5_000,
    };
    const app = fakeApp({ ...defaultSettings('en'), calibration: { camera: measured } });
    const out = await applyPhoneCode(app, 'left', phoneCode, feed(), OPENED_MS + 30_000);
    expect(out).toEqual({
      kind: 'saved',
      text: "Done: this camera's degrees now match your phone's (×1.67, from 3 pumps both saw). This holds while the camera stays where it is.",
    });
    const cal = app.saved[0]!.calibration.camera!;
    expect(cal.phone).toMatchObject({ reps: 3, atMs: OPENED_MS + 30_000 });
    expect(cal.phone!.gain).toBeCloseTo(1 / 0.6, 5);
    expect(cal.downDeg).toBeCloseTo(-20 / 0.6, 5);
    expect(cal.atMs).toBe(measured.atMs);
  });

  it("makes this view's calibration from the check's own pumps when no range was measured", async () => {
    // Yesterday's calibration (another view) is not the base.
    const old = {
      method: 'camera' as const,
      neutralDeg: 20,
      downDeg: -60,
      upDeg: 30,
      atMs: OPENED_MS - 86_400_000,
    };
    const app = fakeApp({ ...defaultSettings('en'), calibration: { camera: old } });
    await applyPhoneCode(app, 'left', phoneCode, feed(), OPENED_MS + 30_000);
    const cal = app.saved[0]!.calibration.camera!;
    expect(cal.atMs).toBe(OPENED_MS + 30_000);
    expect(cal.downDeg).toBeCloseTo(-30, 5);
    expect(cal.upDeg).toBeCloseTo(10, 5);
  });

  it('asks for more pumps, saving nothing, while the camera has counted fewer than 2', async () => {
    const app = fakeApp(defaultSettings('en'));
    const out = await applyPhoneCode(
      app,
      'left',
      phoneCode,
      feed(cameraReps.slice(0, 1)),
      OPENED_MS + 30_000,
    );
    expect(out).toMatchObject({ kind: 'more-reps', text: expect.stringContaining('counted 1 pumps so far') });
    expect(app.saved).toEqual([]);
  });

  it('refuses, saying why, a phone set for the other foot or pumps that do not match', async () => {
    const app = fakeApp(defaultSettings('en'));
    const right = encodePhoneCheck({ side: 'right', reps: [{ atMs: 1, rangeDeg: 30 }] });
    expect(await applyPhoneCode(app, 'left', right, feed(), OPENED_MS)).toMatchObject({
      kind: 'refused',
      text: expect.stringContaining(
        'The phone was set for your right foot, but the camera watches your left foot',
      ),
    });
    const moved = encodePhoneCheck({
      side: 'left',
      reps: [40, 90, 20].map((r, i) => ({ atMs: OPENED_MS + 12_500 + 4_500 * i, rangeDeg: r })),
    });
    expect(await applyPhoneCode(app, 'left', moved, feed(), OPENED_MS)).toMatchObject({
      kind: 'refused',
      text: expect.stringContaining('disagreed from pump to pump'),
    });
    expect(app.saved).toEqual([]);
  });

  it('ignores a code that is not the phone check (the camera keeps looking)', async () => {
    const app = fakeApp(defaultSettings('en'));
    expect(await applyPhoneCode(app, 'left', 'https://example.org/menu', feed(), OPENED_MS)).toBeNull();
  });
});

describe('the camera gives up on the check after 3 minutes', () => {
  it("says it never saw the phone's code only when it did not", async () => {
    const app = fakeApp(defaultSettings('en'));
    const watch = createCodeWatch(app, 'left', feed(), OPENED_MS);
    expect(await watch.scan(null, OPENED_MS + 60_000)).toBeNull();
    expect(await watch.scan(null, OPENED_MS + 181_000)).toEqual({
      kind: 'refused',
      text: expect.stringMatching(/^The camera did not see the phone's code/),
    });
  });

  it('says too few pumps were counted when it read the code before the camera had 3', async () => {
    // A busy device: the camera counted 2 pumps when the code was shown, and no more came.
    const app = fakeApp(defaultSettings('en'));
    const watch = createCodeWatch(app, 'left', feed(cameraReps.slice(0, 2)), OPENED_MS);
    expect(await watch.scan(phoneCode, OPENED_MS + 30_000)).toMatchObject({ kind: 'more-reps' });
    expect(await watch.scan(null, OPENED_MS + 120_000)).toBeNull();
    const out = await watch.scan(null, OPENED_MS + 181_000);
    expect(out).toEqual({
      kind: 'refused',
      text: expect.stringMatching(
        /^The degrees were not changed: the camera or the phone counted fewer than 3/,
      ),
    });
    expect(app.saved).toEqual([]);
  });

  it('still saves a gain from a code read late, with enough pumps', async () => {
    const app = fakeApp(defaultSettings('en'));
    const watch = createCodeWatch(app, 'left', feed(), OPENED_MS);
    expect(await watch.scan(phoneCode, OPENED_MS + 179_000)).toMatchObject({ kind: 'saved' });
    expect(app.saved).toHaveLength(1);
  });
});
