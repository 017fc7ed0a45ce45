// History: today's sessions against the plan, a 4-week adherence calendar, range and pain
// trends (charts with a table alternative), the next reminder, calendar file and data export.
import { countsAsDone, degreesComparable, median } from '@anklepump/exercise';
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { LANG_TAG, type Translate } from '../i18n/i18n.ts';
import { currentRegimen } from '../store/plan.ts';
import { describeNext, icsForPlan, nextReminder, plannedPerDay } from '../store/reminders.ts';
import { allSessions, localDay, type StoredSession } from '../store/sessions.ts';
import { loadLink } from '../sync/index.ts';
import { lineChart } from '../ui/chart.ts';
import { dataTable } from '../ui/data-table.ts';
import { painStopToday } from './pain-stop-today.ts';

/** Downloads `text` as a file without any network request. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The last four weeks as a calendar: Monday-first rows under weekday names, the month named
 * above the grid and on each month's first day, days still to come left blank.
 */
function calendarGrid(
  t: Translate,
  tag: string,
  nowMs: number,
  today: string,
  planned: number,
  doneOn: (day: string) => number,
): HTMLElement {
  const now = new Date(nowMs);
  const mondayOffset = (now.getDay() + 6) % 7;
  // Local noons, so a daylight-saving change never skips or repeats a day.
  const dates = Array.from(
    { length: 28 },
    (_, i) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - mondayOffset - 21 + i, 12),
  );
  const fmtWeekday = new Intl.DateTimeFormat(tag, { weekday: 'short' });
  const fmtMonth = new Intl.DateTimeFormat(tag, { month: 'short' });
  const fmtMonthYear = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric' });
  const fmtDay = new Intl.DateTimeFormat(tag, { weekday: 'long', month: 'long', day: 'numeric' });
  const first = fmtMonthYear.format(dates[0]!);
  const last = fmtMonthYear.format(dates[27]!);
  return h(
    'div',
    { class: 'calendar-wrap' },
    h(
      'p',
      { class: 'calendar-months', id: 'calendar-months' },
      first === last ? first : `${first} – ${last}`,
    ),
    h(
      'div',
      { class: 'calendar calendar-head', 'aria-hidden': 'true' },
      ...dates.slice(0, 7).map((d) => h('span', null, fmtWeekday.format(d))),
    ),
    h(
      'ul',
      { class: 'calendar', 'aria-label': t('history.calendar') },
      ...dates.map((date, i) => {
        const d = localDay(date.getTime());
        const dayNum = date.getDate();
        const month = i === 0 || dayNum === 1 ? h('span', { class: 'month' }, fmtMonth.format(date)) : null;
        if (d > today) {
          return h('li', { class: 'future', 'aria-label': fmtDay.format(date) }, month, String(dayNum));
        }
        const done = doneOn(d);
        const label = t('history.calendarDay', { date: fmtDay.format(date), done, planned });
        const cls = [done >= planned ? 'full' : done > 0 ? 'part' : '', d === today ? 'today' : '']
          .filter(Boolean)
          .join(' ');
        return h('li', { class: cls, 'aria-label': label, title: label }, month, String(dayNum));
      }),
    ),
  );
}

export const historyScreen: ScreenFactory = async (app) => {
  const { t } = app;
  const tag = LANG_TAG[app.settings.lang];
  const sessions = await allSessions(app.db);
  const outbox = await app.db.all<unknown>('outbox');
  // "Waiting to be sent" only means something once a clinic is linked; unlinked, records stay here.
  const linked = (await loadLink(app.db)) !== null;
  const regimen = await currentRegimen(app.settings, app.db);
  const planned = plannedPerDay(regimen);
  const nowMs = Date.now();
  const byDay = new Map<string, StoredSession[]>();
  for (const s of sessions) {
    const d = localDay(s.record.startedAtMs);
    byDay.set(d, [...(byDay.get(d) ?? []), s]);
  }
  const doneOn = (d: string) => (byDay.get(d) ?? []).filter((s) => countsAsDone(s.record)).length;
  const today = localDay(nowMs);

  const calendar = calendarGrid(t, tag, nowMs, today, planned, doneOn);

  // The range over time: sessions whose camera view changed mid-session have degrees from two views.
  const measured = sessions.filter((s) => s.record.mode === 'verified' && degreesComparable(s.record));
  const moved = sessions.filter((s) => s.record.mode === 'verified' && !degreesComparable(s.record)).length;
  const rangeOf = (s: StoredSession, side: 'left' | 'right') => median(s.record.feet[side].rangesDeg);
  const fmtTime = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short' });
  const orDash = (v: number | null, text: (v: number) => string) => (v === null ? null : text(v));
  const rows = sessions.map((s) => ({
    cells: [
      fmtTime.format(new Date(s.record.startedAtMs)),
      `${s.record.feet.left.full} / ${s.record.feet.right.full}`,
      orDash(rangeOf(s, 'left'), (v) => `${Math.round(v)}°`),
      orDash(rangeOf(s, 'right'), (v) => `${Math.round(v)}°`),
      orDash(s.record.painBefore, String),
      orDash(s.record.painAfter, String),
    ],
  }));
  const fmtDate = (s: StoredSession) => fmtTime.format(new Date(s.record.startedAtMs));
  const rangeSeries = (['left', 'right'] as const).map((side, k) => ({
    label: t(`session.foot.${side}`),
    colour: k === 0 ? '#0b5394' : '#b35900',
    dash: k === 0 ? 'none' : '6 3',
    values: measured.map((s) => rangeOf(s, side)),
  }));
  const pains = sessions.map((s) => s.record.painAfter ?? s.record.painBefore);
  const latest = (vs: readonly (number | null)[]) => {
    const v = vs.findLast((x) => x !== null);
    return v === undefined || v === null ? '–' : String(Math.round(v));
  };
  // A foot never measured reads "–", not "–°".
  const latestDeg = (vs: readonly (number | null)[]) => {
    const v = latest(vs);
    return v === '–' ? v : `${v}°`;
  };
  const next = describeNext(
    nextReminder(
      regimen,
      sessions.filter((s) => countsAsDone(s.record)).map((s) => s.record.startedAtMs),
      nowMs,
    ),
    nowMs,
  );
  const el = h(
    'section',
    null,
    h('h1', null, t('history.title')),
    h('p', { class: 'big', id: 'history-today' }, t('history.today', { done: doneOn(today), planned })),
    h(
      'p',
      null,
      next.kind === 'none' || painStopToday(sessions, nowMs)
        ? t('home.nextNone')
        : next.kind === 'now'
          ? t('home.nextNow', { time: fmtTime.format(new Date(next.plannedMs)) })
          : t('history.next', { time: fmtTime.format(new Date(next.atMs)) }),
    ),
    h('h2', null, t('history.calendar')),
    calendar,
    sessions.length === 0
      ? h('p', null, t('history.none'))
      : h(
          'div',
          null,
          measured.length > 0
            ? lineChart({
                id: 'range-chart',
                title: t('history.range'),
                heading: 'h2',
                summary: t('history.rangeSummary', {
                  n: measured.length,
                  left: latestDeg(rangeSeries[0]!.values),
                  right: latestDeg(rangeSeries[1]!.values),
                }),
                xLabels: measured.map(fmtDate),
                series: rangeSeries,
                yMax: 80,
                yUnit: '°',
                size: 'compact',
                tableLabel: t('history.table'),
                format: (v) => `${Math.round(v)}°`,
              })
            : [h('h2', null, t('history.range')), h('p', { class: 'note' }, t('history.rangeNone'))],
          moved > 0
            ? h('p', { class: 'note', id: 'range-left-out' }, t('history.rangeLeftOut', { n: moved }))
            : null,
          measured.some((s) => s.context.method === 'camera')
            ? h('p', { class: 'note' }, t('calib.estimate'))
            : null,
          lineChart({
            id: 'pain-chart',
            title: t('history.pain'),
            heading: 'h2',
            summary: t('history.painSummary', { n: sessions.length, pain: latest(pains) }),
            xLabels: sessions.map(fmtDate),
            series: [{ label: t('history.pain'), colour: '#b00020', dash: 'none', values: pains }],
            yMax: 10,
            yUnit: '',
            size: 'compact',
            tableLabel: t('history.table'),
            format: (v) => String(v),
          }),
          h(
            'details',
            null,
            h('summary', { class: 'button secondary' }, t('history.table')),
            dataTable({
              id: 'history-table',
              caption: t('history.title'),
              captionHidden: true,
              label: t('history.table'),
              columns: [
                t('history.date'),
                `${t('summary.full')} (${t('foot.left')} / ${t('foot.right')})`,
                `${t('session.foot.left')} ${t('summary.range')}`,
                `${t('session.foot.right')} ${t('summary.range')}`,
                t('history.painBefore'),
                t('history.painAfter'),
              ],
              rows,
            }),
          ),
        ),
    linked && outbox.length > 0 ? h('p', { id: 'outbox' }, t('history.outbox', { n: outbox.length })) : null,
    h(
      'p',
      null,
      h(
        'button',
        {
          type: 'button',
          id: 'ics',
          onclick: () => {
            const ics = icsForPlan(regimen, nowMs);
            if (ics) download('ankle-pumps.ics', 'text/calendar', ics);
          },
        },
        t('history.ics'),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'export',
          onclick: async () => {
            const data = {
              exportedAt: new Date().toISOString(),
              settings: app.settings,
              sessions,
              outbox: await app.db.all('outbox'),
            };
            download('ankle-pump-data.json', 'application/json', JSON.stringify(data, null, 2));
          },
        },
        t('history.export'),
      ),
    ),
  );
  return { title: t('history.title'), el };
};
