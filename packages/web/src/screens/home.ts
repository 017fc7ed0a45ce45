// Home: today's progress against the plan, the way into a new session, and a way back into
// an unfinished one.
import { countsAsDone } from '@anklepump/exercise';
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { LANG_TAG } from '../i18n/i18n.ts';
import { currentRegimen } from '../store/plan.ts';
import { describeNext, nextReminder, plannedPerDay } from '../store/reminders.ts';
import { allSessions, loadActive, localDay } from '../store/sessions.ts';
import { painStopToday } from './pain-stop-today.ts';

export const homeScreen: ScreenFactory = async (app) => {
  const { t } = app;
  const [sessions, active] = await Promise.all([allSessions(app.db), loadActive(app.db)]);
  const nowMs = Date.now();
  const today = localDay(nowMs);
  const stopped = painStopToday(sessions, nowMs);
  const done = sessions.filter(
    (s) => countsAsDone(s.record) && localDay(s.record.startedAtMs) === today,
  ).length;
  const regimen = await currentRegimen(app.settings, app.db);
  const planned = plannedPerDay(regimen);
  const next = describeNext(
    nextReminder(
      regimen,
      sessions.filter((s) => countsAsDone(s.record)).map((s) => s.record.startedAtMs),
      nowMs,
    ),
    nowMs,
  );
  const fmt = new Intl.DateTimeFormat(LANG_TAG[app.settings.lang], { timeStyle: 'short' });
  // After a pain stop today there is no next session today and no way to start one.
  const nextText =
    stopped || next.kind === 'none'
      ? t('home.nextNone')
      : next.kind === 'now'
        ? t('home.nextNow', { time: fmt.format(new Date(next.plannedMs)) })
        : t('home.next', { time: fmt.format(new Date(next.atMs)) });
  const el = h(
    'section',
    { class: 'home' },
    h('h1', null, t('home.title')),
    h('p', { class: 'big', id: 'today-count' }, t('home.done', { done, planned })),
    h('p', { id: 'next' }, nextText),
    active
      ? h('a', { class: 'button primary', href: '#/session/resume' }, t('home.resume'))
      : stopped
        ? h('p', { class: 'care', id: 'pain-stop-today', role: 'status' }, t('home.painStop'))
        : h('a', { class: 'button primary', href: '#/screen' }, t('home.start')),
    h('p', null, h('a', { href: '#/learn' }, t('nav.learn'))),
    // The phone's half of a camera's phone check (calibrate screen): this device lies on the foot.
    h('p', null, h('a', { href: '#/phone-check', id: 'home-phone-check' }, t('phoneCheck.title'))),
  );
  return { title: t('home.title'), el };
};
