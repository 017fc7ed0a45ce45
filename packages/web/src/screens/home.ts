// Home: today's progress against the plan, the way into a new session, and a way back into
// an unfinished one.
import { countsAsDone } from '@anklepump/exercise';
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { LANG_TAG } from '../i18n/i18n.ts';
import { currentRegimen } from '../store/plan.ts';
import { nextReminder, plannedPerDay } from '../store/reminders.ts';
import { allSessions, loadActive, localDay } from '../store/sessions.ts';

export const homeScreen: ScreenFactory = async (app) => {
  const { t } = app;
  const [sessions, active] = await Promise.all([allSessions(app.db), loadActive(app.db)]);
  const today = localDay(Date.now());
  const done = sessions.filter(
    (s) => countsAsDone(s.record) && localDay(s.record.startedAtMs) === today,
  ).length;
  const regimen = await currentRegimen(app.settings, app.db);
  const planned = plannedPerDay(regimen);
  const next = nextReminder(
    regimen,
    sessions.filter((s) => countsAsDone(s.record)).map((s) => s.record.startedAtMs),
    Date.now(),
  );
  const fmt = new Intl.DateTimeFormat(LANG_TAG[app.settings.lang], { timeStyle: 'short' });
  const el = h(
    'section',
    { class: 'home' },
    h('h1', null, t('home.title')),
    h('p', { class: 'big', id: 'today-count' }, t('home.done', { done, planned })),
    h(
      'p',
      { id: 'next' },
      next === null ? t('home.nextNone') : t('home.next', { time: fmt.format(new Date(next)) }),
    ),
    active
      ? h('a', { class: 'button primary', href: '#/session/resume' }, t('home.resume'))
      : h('a', { class: 'button primary', href: '#/screen' }, t('home.start')),
    h('p', null, h('a', { href: '#/learn' }, t('nav.learn'))),
  );
  return { title: t('home.title'), el };
};
