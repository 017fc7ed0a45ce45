// The summary right after a session: reps per foot (full and shallow), range, holds met,
// warnings, and pain before and after. The record is already saved when this shows.
import {
  type FootTally,
  median,
  type SessionWarning,
  type SessionWarningCode,
  STOP_AND_SEEK_CARE,
  withPainAfter,
} from '@anklepump/exercise';
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { exerciseText } from '../i18n/exercise-messages.ts';
import type { Translate } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { type StoredSession, saveAmended } from '../store/sessions.ts';
import { type DataRow, dataTable } from '../ui/data-table.ts';

const WARNING_KEY: Record<SessionWarningCode, MessageKey> = {
  'shallow-rep': 'summary.warn.shallow-rep',
  'hold-short': 'summary.warn.hold-short',
  'leg-moved': 'summary.warn.leg-moved',
  'wrong-foot': 'summary.warn.wrong-foot',
  'pain-reported': 'summary.warn.pain-reported',
};

/** "2 × too small, 1 × leg moved": which warnings, not just how many. */
export function warningText(t: Translate, warnings: readonly SessionWarning[]): string {
  const counts = new Map<SessionWarningCode, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  if (counts.size === 0) return t('summary.warnNone');
  return [...counts].map(([code, n]) => t('summary.warnCount', { n, what: t(WARNING_KEY[code]) })).join(', ');
}

export const summaryScreen: ScreenFactory = async (app, params) => {
  const { t } = app;
  const lang = app.settings.lang;
  const id = params[0] ?? '';
  const stored = await app.db.get<StoredSession>('sessions', id);
  if (!stored) {
    return {
      title: t('summary.title'),
      el: h('section', null, h('h1', null, t('summary.title')), h('p', null, t('history.none'))),
    };
  }
  const r = stored.record;
  const measured = r.mode === 'verified';
  const estimate = stored.context.method === 'camera' ? ` (${t('session.angleEstimate')})` : '';
  const feet = (['left', 'right'] as const).filter((side) => r.feet[side].target > 0);
  // Metrics as rows and feet as columns: three narrow columns fit a 360 px phone without scrolling.
  const metric = (
    label: string,
    col: string,
    value: (f: FootTally, side: 'left' | 'right') => string,
  ): DataRow => ({
    header: label,
    cells: feet.map((side) => ({
      content: value(r.feet[side], side),
      attrs: { 'data-foot': side, 'data-col': col },
    })),
  });
  const rangeText = (f: FootTally) => {
    const m = median(f.rangesDeg);
    return m === null ? '–' : `${Math.round(m)}°${estimate}`;
  };
  const rows = [
    // A timing-only session paced its reps and measured none: not "full" (it read "Full reps 3 / 3").
    metric(t(measured ? 'summary.full' : 'summary.paced'), 'full', (f) => `${f.full} / ${f.target}`),
    ...(measured
      ? [
          metric(t('summary.shallow'), 'shallow', (f) => String(f.shallow)),
          metric(t('summary.range'), 'range', rangeText),
          // Holds are judged per sensor rep: both ends held long enough, of the reps measured.
          metric(t('summary.holds'), 'holds', (f) =>
            f.holdsMet + f.holdsShort === 0
              ? '–'
              : t('summary.ofReps', { n: f.holdsMet, total: f.holdsMet + f.holdsShort }),
          ),
          ...(feet.some((side) => r.feet[side].manual > 0)
            ? [metric(t('summary.manual'), 'manual', (f) => String(f.manual))]
            : []),
        ]
      : []),
    metric(t('summary.warnings'), 'warnings', (_f, side) =>
      warningText(
        t,
        r.warnings.filter((w) => w.side === side),
      ),
    ),
  ];
  // Warnings for no one foot (pain reported) would otherwise be in no column.
  const unsided = r.warnings.filter((w) => w.side === null);
  const outcome =
    r.outcome === 'stopped'
      ? t('summary.stoppedPain')
      : r.outcome === 'aborted'
        ? t('summary.aborted')
        : t('summary.completed');
  const painAfter = h(
    'p',
    { id: 'pain-after' },
    r.painAfter === null ? '' : t('summary.painAfterValue', { n: r.painAfter }),
  );
  const painAsk = h(
    'fieldset',
    { class: 'scale' },
    h('legend', null, t('summary.painAfter')),
    ...Array.from({ length: 11 }, (_, n) =>
      h(
        'button',
        {
          type: 'button',
          class: 'scale-button',
          onclick: async () => {
            const next: StoredSession = { ...stored, record: withPainAfter(r, n) };
            await saveAmended(app.db, next);
            painAfter.textContent = t('summary.painAfterValue', { n });
            painAsk.hidden = true;
          },
        },
        String(n),
      ),
    ),
  );
  if (r.painAfter !== null) painAsk.hidden = true;
  const el = h(
    'section',
    null,
    h('h1', null, t('summary.title')),
    h('p', { class: 'big', id: 'outcome' }, outcome, ' ', t('summary.saved')),
    r.outcome === 'stopped' ? h('p', { class: 'care', id: 'pain-stop-today' }, t('home.painStop')) : null,
    r.outcome === 'stopped'
      ? h('ul', { class: 'care' }, ...STOP_AND_SEEK_CARE.map((k) => h('li', null, exerciseText(lang, k))))
      : null,
    // Not a focusable scroller: three narrow columns never scroll, so no extra tab stop.
    h(
      'div',
      { class: 'table-wrap' },
      dataTable({
        id: 'summary-table',
        caption: t('summary.title'),
        captionHidden: true,
        columns: [null, ...feet.map((side) => t(`session.foot.${side}`))],
        rows,
        scroll: false,
      }),
    ),
    unsided.length > 0
      ? h('p', { id: 'summary-warnings' }, `${t('summary.warningsSession')}: ${warningText(t, unsided)}`)
      : null,
    measured ? null : h('p', { class: 'note' }, t('method.timing.help')),
    r.degrees?.kind === 'view-changed'
      ? h('p', { class: 'note', id: 'degrees-note' }, t('summary.viewChanged'))
      : null,
    h('p', null, r.painBefore === null ? '' : t('summary.painBefore', { n: r.painBefore })),
    painAfter,
    painAsk,
    h('a', { class: 'button primary', href: '#/' }, t('summary.home')),
  );
  return { title: t('summary.title'), el };
};
