// Home: today's progress against the plan, the way into a new session, and a way back into
// an unfinished one.
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { regimenFor, sessionsPerDay } from '../store/plan.ts';
import { allSessions, loadActive, localDay } from '../store/sessions.ts';

export const homeScreen: ScreenFactory = async (app) => {
  const { t } = app;
  const [sessions, active] = await Promise.all([allSessions(app.db), loadActive(app.db)]);
  const today = localDay(Date.now());
  const done = sessions.filter(
    (s) => s.record.outcome === 'completed' && localDay(s.record.startedAtMs) === today,
  ).length;
  const planned = sessionsPerDay(regimenFor(app.settings));
  const el = h(
    'section',
    { class: 'home' },
    h('h1', null, t('home.title')),
    h('p', { class: 'big', id: 'today-count' }, t('home.done', { done, planned })),
    active
      ? h('a', { class: 'button primary', href: '#/session/resume' }, t('home.resume'))
      : h('a', { class: 'button primary', href: '#/screen' }, t('home.start')),
    h('p', null, h('a', { href: '#/learn' }, t('nav.learn'))),
  );
  return { title: t('home.title'), el };
};
