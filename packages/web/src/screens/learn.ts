// Learn: what ankle pumps are, why they help, how to do them and who must not, with the
// animated demonstration. Shown on first run and from the navigation at any time.

import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { ankleDemo } from '../ui/ankle-demo.ts';

export const learnScreen: ScreenFactory = (app, params) => {
  const { t } = app;
  const demo = ankleDemo(t);
  const first = params[0] === 'first';
  const el = h(
    'section',
    { class: 'learn' },
    h('h1', null, t('learn.title')),
    demo.el,
    h('h2', null, t('learn.what.h')),
    h('p', null, t('learn.what.p')),
    h('h2', null, t('learn.why.h')),
    h('ul', null, ...(['1', '2', '3', '4', '5'] as const).map((n) => h('li', null, t(`learn.why.${n}`)))),
    h('h2', null, t('learn.how.h')),
    h(
      'ol',
      null,
      ...(['1', '2', '3', '4', '5', '6'] as const).map((n) => h('li', null, t(`learn.how.${n}`))),
    ),
    h('h2', { id: 'who' }, t('learn.who.h')),
    h(
      'ul',
      { class: 'warn-list' },
      ...(['1', '2', '3', '4'] as const).map((n) => h('li', null, t(`learn.who.${n}`))),
    ),
    h('p', { class: 'note' }, t('app.disclaimer')),
    first
      ? h('a', { class: 'button primary', href: '#/setup/first' }, t('setup.title'))
      : h('a', { class: 'button', href: '#/' }, t('nav.home')),
  );
  return { title: t('learn.title'), el, dispose: demo.stop };
};
