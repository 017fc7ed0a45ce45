// Phone-on-foot set-up: the motion-sensor permission (iOS asks explicitly), where to put the
// phone, and a still check that proves samples arrive and the foot is at rest.
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { listenMotion, requestMotionPermission } from '../sensors/phone-source.ts';

/** The foot is still when the gyroscope stays under this for a second (rad/s). */
const STILL_RAD_S = 0.15;
const STILL_MS = 1000;
const NO_DATA_MS = 3000;

export const phoneSetupScreen: ScreenFactory = (app) => {
  const { t } = app;
  if (!app.flow.screening) {
    app.go('screen');
    return { title: t('screen.title'), el: h('p', null, t('screen.intro')) };
  }
  const status = h('p', { class: 'big', role: 'status', id: 'phone-status' });
  const next = h(
    'a',
    { class: 'button primary', href: '#/calibrate', id: 'phone-continue', hidden: true },
    t('phone.continue'),
  );
  let stop: (() => void) | undefined;
  let noDataTimer = 0;
  const allow = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'phone-allow',
      onclick: async () => {
        const p = await requestMotionPermission();
        if (p !== 'granted') {
          status.replaceChildren(
            t('phone.denied', { reason: p }),
            ' ',
            h('a', { href: '#/session', onclick: () => (app.flow.method = 'timing') }, t('method.timing')),
          );
          return;
        }
        allow.hidden = true;
        status.textContent = t('phone.still');
        let stillSince = Number.NaN;
        let seen = false;
        noDataTimer = window.setTimeout(() => {
          if (!seen) status.textContent = t('phone.noData');
        }, NO_DATA_MS);
        stop = listenMotion((s) => {
          if (!seen) {
            seen = true;
            status.textContent = t('phone.still');
          }
          const moving = Math.hypot(s.gx, s.gy, s.gz) > STILL_RAD_S;
          if (moving) stillSince = Number.NaN;
          else if (Number.isNaN(stillSince)) stillSince = s.tMs;
          else if (s.tMs - stillSince >= STILL_MS && next.hidden) {
            status.textContent = t('phone.stillOk');
            next.hidden = false;
          }
        });
      },
    },
    t('phone.permission'),
  );
  const el = h(
    'section',
    null,
    h('h1', null, t('phone.title')),
    h('p', null, t('phone.permissionHelp')),
    h('p', { class: 'note' }, t('phone.place')),
    allow,
    status,
    next,
  );
  return {
    title: t('phone.title'),
    el,
    dispose() {
      stop?.();
      clearTimeout(noDataTimer);
    },
  };
};
