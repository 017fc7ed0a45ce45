// The phone's half of a phone check of a camera's degrees (issue 9, item 3): lying on the foot, the
// phone counts a few pumps while the camera on the other device watches the same foot, then shows
// what it measured as a QR code that the camera reads from its own picture (phone-check-code.ts).
// Nothing is sent over a network.
import type { Side } from '@anklepump/exercise';
import type { ScreenFactory } from '../app/app.ts';
import { h, s } from '../app/dom.ts';
import type { RepFeed } from '../sensors/angle-feed.ts';
import { encodePhoneCheck, PHONE_CHECK_MIN_REPS, qrModules } from '../sensors/phone-check-code.ts';
import { phoneRepFeed, requestMotionPermission } from '../sensors/phone-source.ts';
import { radioGroup } from './setup.ts';

/** The QR code of `text` as an SVG: black modules on white with a 4-module quiet zone, scalable. */
export function qrSvg(text: string, label: string): SVGElement {
  const modules = qrModules(text);
  const n = modules.length + 8;
  let d = '';
  for (const [r, row] of modules.entries()) {
    for (const [c, dark] of row.entries()) if (dark) d += `M${c + 4} ${r + 4}h1v1h-1z`;
  }
  return s(
    'svg',
    {
      viewBox: `0 0 ${n} ${n}`,
      role: 'img',
      'aria-label': label,
      class: 'qr',
      'shape-rendering': 'crispEdges',
    },
    s('rect', { width: n, height: n, fill: '#fff' }),
    s('path', { d, fill: '#000' }),
  );
}

export const phoneCheckScreen: ScreenFactory = (app) => {
  const { t } = app;
  // The foot the phone lies on: by default the one this device's settings start with; the phone
  // is often not the device the patient set up, so it is asked (the camera checks it matches).
  const feet = radioGroup(
    'phone-check-foot',
    t('phoneCheck.foot'),
    [
      { value: 'left', label: t('session.foot.left') },
      { value: 'right', label: t('session.foot.right') },
    ],
    app.settings.feet === 'right-first' ? 'right' : 'left',
  );
  const chosenSide = (): Side =>
    feet.querySelector<HTMLInputElement>('input:checked')?.value === 'right' ? 'right' : 'left';
  let side: Side = chosenSide();
  const status = h('p', { class: 'big', id: 'phone-check-count', role: 'status' });
  const codeBox = h('div', { id: 'phone-check-code', hidden: true });
  let feed: RepFeed | undefined;
  const show = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'phone-check-show',
      hidden: true,
      onclick: () => {
        if (!feed) return;
        const reps = feed.reps();
        feed.stop();
        feed = undefined;
        const text = encodePhoneCheck({ side, reps });
        show.hidden = true;
        status.textContent = t('phoneCheck.counted', { count: reps.length });
        codeBox.replaceChildren(
          h('p', null, t('phoneCheck.hold')),
          qrSvg(text, t('phoneCheck.codeLabel', { count: reps.length })),
          h('p', { class: 'note code-text', id: 'phone-check-text' }, text),
        );
        codeBox.hidden = false;
        // The code is what the patient holds up next: bring it on screen (instantly, no animation).
        codeBox.scrollIntoView({ block: 'start' });
      },
    },
    t('phoneCheck.show'),
  );
  const start = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'phone-check-start',
      onclick: async () => {
        const p = await requestMotionPermission();
        if (p !== 'granted') {
          status.textContent = t('phone.denied', { reason: p });
          return;
        }
        start.textContent = t('phoneCheck.again');
        codeBox.hidden = true;
        side = chosenSide();
        feed?.stop();
        status.textContent = t('phoneCheck.counted', { count: 0 });
        feed = phoneRepFeed(side, (count) => {
          status.textContent = t('phoneCheck.counted', { count });
          // The code is offered once the phone counted as many pumps as the camera needs both saw.
          show.hidden = count < PHONE_CHECK_MIN_REPS;
        });
      },
    },
    t('phoneCheck.start'),
  );
  const el = h(
    'section',
    null,
    h('h1', null, t('phoneCheck.title')),
    h('p', null, t('phoneCheck.why')),
    h(
      'ol',
      null,
      h('li', null, t('phoneCheck.step1')),
      h('li', null, t('phoneCheck.step2')),
      h('li', null, t('phoneCheck.step3')),
      h('li', null, t('phoneCheck.step4')),
    ),
    feet,
    start,
    status,
    show,
    codeBox,
  );
  return {
    title: t('phoneCheck.title'),
    el,
    dispose() {
      feed?.stop();
    },
  };
};
