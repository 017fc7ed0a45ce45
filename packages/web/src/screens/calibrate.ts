// Calibration: relax (neutral), point the toes, pull them up; shows the measured range and saves
// it, so the session's gauge and "shallow rep" judgement fit this person.
import type { Side } from '@anklepump/exercise';
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import type { AngleFeed } from '../sensors/angle-feed.ts';
import { measuredRange } from '../sensors/measured-range.ts';
import { calibrationForView, staleForView } from '../sensors/view-calibration.ts';
import { countdownRing } from '../ui/ring.ts';
import { cameraPhoneCheck } from './phone-check-camera.ts';

const STEPS: readonly { key: MessageKey; ms: number; kind: 'relax' | 'down' | 'up' }[] = [
  { key: 'calib.relax', ms: 3000, kind: 'relax' },
  { key: 'calib.down', ms: 3000, kind: 'down' },
  { key: 'calib.up', ms: 3000, kind: 'up' },
];

async function feedFor(app: Parameters<ScreenFactory>[0], side: Side): Promise<AngleFeed> {
  if (app.flow.method === 'phone')
    return (await import('../sensors/phone-source.ts')).phoneAngleFeed(app, side);
  return (await import('../sensors/camera-source.ts')).cameraAngleFeed(app, side);
}

export const calibrateScreen: ScreenFactory = (app) => {
  const { t } = app;
  const method = app.flow.method;
  if (!app.flow.screening || (method !== 'camera' && method !== 'phone')) {
    app.go('screen');
    return { title: t('screen.title'), el: h('p', null, t('screen.intro')) };
  }
  const side: Side = app.settings.feet === 'right-first' ? 'right' : 'left';
  const ring = countdownRing();
  const instruction = h('p', { class: 'instruction', id: 'calib-step', 'aria-live': 'polite' });
  const result = h('div', { id: 'calib-result', 'aria-live': 'polite' });
  let feed: AngleFeed | undefined;
  const skip = h('p', null, h('a', { href: '#/session', id: 'calib-skip' }, t('calib.skip')));
  /** A camera's phone check: its degrees fitted to the phone's on the foot (phone-check-camera.ts). */
  const phoneCheck =
    method === 'camera'
      ? cameraPhoneCheck(
          app,
          side,
          async () => (await import('../sensors/camera-source.ts')).cameraRepFeed(app, side),
          // The check saved a calibration: "learn my range from the first reps" no longer holds.
          () => {
            skip.hidden = true;
          },
        )
      : undefined;
  let timer = 0;
  let leaving = false;
  // Said before measuring, once the camera is open (this screen may be the one that opened it):
  // last time's camera measurement does not carry over to this view. Gone once a new one is saved.
  const stale = h('p', { class: 'note', id: 'calib-stale', hidden: true }, t('calib.staleCamera'));
  // Listen from the moment the screen opens, so the sensor has settled before the relax step.
  const feedReady = feedFor(app, side).then((f) => {
    stale.hidden = !(method === 'camera' && staleForView(app.settings.calibration.camera, app.flow.camera));
    if (leaving) f.stop();
    else feed = f;
    return f;
  });
  feedReady.catch(() => undefined);
  const startBtn = h('button', { type: 'button', class: 'primary', id: 'calib-start' }, t('calib.start'));
  const run = async () => {
    startBtn.hidden = true;
    result.replaceChildren();
    try {
      feed ??= await feedReady;
    } catch {
      startBtn.hidden = false;
      result.replaceChildren(
        h('p', { class: 'error' }, t(method === 'camera' ? 'camera.fix.foot' : 'phone.noData')),
      );
      return;
    }
    const seen: Record<'relax' | 'down' | 'up', number[]> = { relax: [], down: [], up: [] };
    for (const step of STEPS) {
      instruction.textContent = t(step.key);
      const start = Date.now();
      await new Promise<void>((resolve) => {
        timer = window.setInterval(() => {
          const a = feed?.angleDeg();
          if (a !== null && a !== undefined) seen[step.kind].push(a);
          const left = step.ms - (Date.now() - start);
          ring.set(left, step.ms);
          if (left <= 0 || leaving) {
            clearInterval(timer);
            resolve();
          }
        }, 50);
      });
      if (leaving) return;
    }
    instruction.textContent = '';
    const range = measuredRange(seen.relax, seen.down, seen.up);
    startBtn.textContent = t('calib.retry');
    startBtn.hidden = false;
    if (!range) {
      result.replaceChildren(
        h('p', { class: 'error' }, t(method === 'camera' ? 'camera.fix.foot' : 'phone.noData')),
      );
      return;
    }
    stale.hidden = true;
    // A phone check of this view stays: the feed measured in its degrees.
    const checked =
      method === 'camera'
        ? calibrationForView(app.settings.calibration.camera, app.flow.camera)?.phone
        : undefined;
    await app.saveSettings({
      ...app.settings,
      calibration: {
        ...app.settings.calibration,
        [method]: {
          method,
          neutralDeg: (feed.neutralDeg() ?? 0) + range.restDeg,
          downDeg: range.downDeg,
          upDeg: range.upDeg,
          atMs: Date.now(),
          ...(checked ? { phone: checked } : {}),
        },
      },
    });

    result.replaceChildren(
      h(
        'p',
        { class: 'big', id: 'calib-range' },
        // Words carry the direction ("toes down 33°"): a minus sign means nothing to a patient.
        t('calib.result', {
          down: Math.abs(Math.round(range.downDeg)),
          up: Math.abs(Math.round(range.upDeg)),
          total: Math.round(range.upDeg - range.downDeg),
        }),
      ),
      ...(method === 'camera'
        ? [h('p', { class: 'note' }, t(checked ? 'calib.phoneChecked' : 'calib.estimate'))]
        : []),
      h('a', { class: 'button primary', href: '#/session', id: 'calib-continue' }, t('calib.continue')),
    );
  };
  startBtn.addEventListener('click', () => void run());
  const view = method === 'camera' ? app.flow.camera?.view : undefined;
  const el = h(
    'section',
    null,
    h('h1', null, t('calib.title')),
    view ?? null,
    stale,
    h('div', { class: 'cue-row' }, ring.el, instruction),
    startBtn,
    result,
    phoneCheck?.el ?? null,
    skip,
  );
  return {
    title: t('calib.title'),
    el,
    dispose() {
      leaving = true;
      clearInterval(timer);
      phoneCheck?.dispose();
      feed?.stop();
      feed = undefined;
      if (!location.hash.startsWith('#/session') && method === 'camera') {
        app.flow.camera?.stop();
        delete app.flow.camera;
      }
    },
  };
};
