// Choose how the session is checked: camera, phone on the foot, or timing only.
import type { Method, ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import type { MessageKey } from '../i18n/messages-en.ts';

const OPTIONS: readonly { method: Method; route: string; label: MessageKey; help: MessageKey }[] = [
  { method: 'camera', route: 'camera', label: 'method.camera', help: 'method.camera.help' },
  { method: 'phone', route: 'phone', label: 'method.phone', help: 'method.phone.help' },
  { method: 'timing', route: 'session', label: 'method.timing', help: 'method.timing.help' },
];

export const methodScreen: ScreenFactory = (app) => {
  const { t } = app;
  if (!app.flow.screening) {
    // The safety check comes before every session; arriving here without it starts it.
    app.go('screen');
    return { title: t('screen.title'), el: h('p', null, t('screen.intro')) };
  }
  const el = h(
    'section',
    null,
    h('h1', null, t('method.title')),
    h(
      'ul',
      { class: 'options' },
      ...OPTIONS.map((o) =>
        h(
          'li',
          null,
          h(
            'button',
            {
              type: 'button',
              class: 'option',
              id: `method-${o.method}`,
              'aria-describedby': `help-${o.method}`,
              onclick: () => {
                app.flow.method = o.method;
                app.go(o.route);
              },
            },
            t(o.label),
          ),
          h('p', { class: 'help', id: `help-${o.method}` }, t(o.help)),
        ),
      ),
    ),
  );
  return { title: t('method.title'), el };
};
