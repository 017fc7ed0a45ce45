// Camera set-up wizard, live: the camera must see a side view of the knee, ankle, heel and toes
// of the foot being exercised; the wizard says what to fix until the view has been good for a
// moment, then lets the patient go on to calibration.
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { cameraFor, releaseCamera } from '../sensors/camera-source.ts';
import { createSideReader } from '../sensors/live-foot.ts';
import { checkView, createViewJudge, type ViewVerdict } from '../sensors/view-check.ts';

const ADVICE: Record<ViewVerdict, MessageKey> = {
  'no-person': 'camera.fix.noPerson',
  turn: 'camera.fix.turn',
  back: 'camera.fix.back',
  light: 'camera.fix.light',
  foot: 'camera.fix.foot',
  good: 'camera.good',
};

export const cameraSetupScreen: ScreenFactory = (app) => {
  const { t } = app;
  if (!app.flow.screening) {
    app.go('screen');
    return { title: t('screen.title'), el: h('p', null, t('screen.intro')) };
  }
  const status = h('p', { class: 'big', role: 'status', id: 'camera-status' });
  // The side of the body the camera films, against the foot the session starts with: a camera on
  // the other side sees the leg that does not exercise whole.
  const first =
    app.settings.feet === 'right-first' ? 'right' : app.settings.feet === 'left-first' ? 'left' : null;
  const stage = h('div', { class: 'stage' });
  const next = h(
    'a',
    { class: 'button primary', href: '#/calibrate', id: 'camera-continue', hidden: true },
    t('camera.continue'),
  );
  let unsubscribe: (() => void) | undefined;
  let leaving = false;
  const startBtn = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'camera-start',
      onclick: async () => {
        startBtn.disabled = true;
        status.textContent = t('camera.loading');
        try {
          const camera = await cameraFor(app);
          if (leaving) return;
          startBtn.hidden = true;
          stage.replaceChildren(camera.view);
          const judge = createViewJudge();
          const readSide = createSideReader();
          let shown: string | undefined;
          /** The camera films the other side than the first foot's (last reading), or not (or unknown). */
          let otherSide = false;
          unsubscribe = camera.subscribe(({ frame, lumaMean }) => {
            const near = first ? readSide(frame) : null;
            if (near) otherSide = near !== first;
            const v = judge(checkView(frame, lumaMean));
            // A clear view from the other side is not a good one: it sees the wrong leg whole.
            const say =
              v === 'good' && otherSide
                ? t('camera.fix.side', { side: t(first === 'left' ? 'foot.left' : 'foot.right') })
                : t(ADVICE[v]);
            if (say === shown) return;
            shown = say;
            status.textContent = say;
            status.className = v === 'good' && !otherSide ? 'big ok' : 'big';
            // Once good, stay reachable: a brief wobble should not take the button away (the side
            // is advice: the patient may start with the other foot, or hold the phone mirrored).
            if (v === 'good') next.hidden = false;
          });
        } catch (err) {
          startBtn.disabled = false;
          status.replaceChildren(
            t('camera.denied', { reason: err instanceof Error ? err.message : String(err) }),
            ' ',
            h('a', { href: '#/session', onclick: () => (app.flow.method = 'timing') }, t('method.timing')),
          );
        }
      },
    },
    t('camera.start'),
  );
  const el = h(
    'section',
    null,
    h('h1', null, t('camera.title')),
    h('p', { class: 'note' }, t('camera.privacy')),
    h('p', null, t('method.camera.help')),
    startBtn,
    status,
    stage,
    next,
  );
  return {
    title: t('camera.title'),
    el,
    dispose() {
      leaving = true;
      unsubscribe?.();
      // Going on keeps the camera open for calibration or the session (which closes it when it
      // ends); going anywhere else closes it.
      if (!/^#\/(calibrate|session)/.test(location.hash)) releaseCamera(app);
    },
  };
};
