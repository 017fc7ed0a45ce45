// The safety check before every session, from the exercise package's questionnaire and decision.
// "See a doctor" and "not suitable" block the session; "supervised only" needs the supervisor's
// confirmation, which is kept with the session record.
import {
  decideScreening,
  SCREENING_QUESTIONNAIRE,
  type ScreeningDecision,
  STOP_AND_SEEK_CARE,
  validateScreeningAnswers,
} from '@anklepump/exercise';
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { exerciseText } from '../i18n/exercise-messages.ts';
import { allSessions } from '../store/sessions.ts';
import { outboxWrite, screeningUpload } from '../sync/outbox.ts';
import { painStopToday } from './pain-stop-today.ts';
import { radioGroup } from './setup.ts';

const OUTCOME_KEY = {
  go: 'screen.ok',
  'supervised-only': 'screen.supervised',
  'see-doctor-first': 'screen.doctor',
  'not-suitable': 'screen.unsuitable',
} as const;

export const screeningScreen: ScreenFactory = async (app) => {
  const { t } = app;
  const lang = app.settings.lang;
  const q = SCREENING_QUESTIONNAIRE;
  // The check remembers a pain stop earlier today: no answers can start another session today.
  const stoppedToday = painStopToday(await allSessions(app.db), Date.now());
  const error = h('p', { class: 'error', role: 'alert' });
  const result = h('div', { class: 'decision', 'aria-live': 'polite' });
  const form = h(
    'form',
    { novalidate: true },
    ...q.questions.map((question, i) =>
      question.type === 'boolean'
        ? radioGroup(
            question.id,
            `${i + 1}. ${exerciseText(lang, question.textKey)}`,
            [
              { value: 'yes', label: t('screen.yes') },
              { value: 'no', label: t('screen.no') },
            ],
            '',
          )
        : h(
            'fieldset',
            { class: 'scale' },
            h('legend', null, `${i + 1}. ${exerciseText(lang, question.textKey)}`),
            ...Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i).map((n) =>
              h(
                'label',
                { class: 'choice scale-choice' },
                h('input', { type: 'radio', name: question.id, value: String(n) }),
                h('span', null, String(n)),
              ),
            ),
          ),
    ),
    error,
    h('button', { type: 'submit', class: 'primary' }, t('screen.submit')),
  );

  const showBlockedToday = () => {
    form.hidden = true;
    result.replaceChildren(
      h('h2', { class: 'outcome stop', tabindex: '-1' }, t('screen.doctor')),
      h('p', { id: 'pain-stop-reason' }, exerciseText(lang, 'screening.reason.painStopToday')),
      h('p', { class: 'blocked' }, t('screen.blocked')),
      h('ul', null, ...STOP_AND_SEEK_CARE.map((k) => h('li', null, exerciseText(lang, k)))),
      h('a', { class: 'button', href: '#/' }, t('nav.home')),
    );
  };

  const showDecision = (decision: ScreeningDecision, answers: unknown) => {
    const top = decision.reasons[0]!;
    const blocked = decision.outcome === 'see-doctor-first' || decision.outcome === 'not-suitable';
    const cls = blocked ? 'stop' : decision.outcome === 'go' ? 'go' : 'caution';
    const children: Node[] = [
      h('h2', { class: `outcome ${cls}` }, t(OUTCOME_KEY[decision.outcome])),
      ...decision.reasons
        .filter((r) => r.rule !== 'all-clear' || decision.reasons.length === 1)
        .map((r) => h('p', null, exerciseText(lang, r.messageKey, r.params))),
    ];
    const proceed = (supervisor?: string) => {
      app.flow = {
        screening: {
          decision: decision.outcome,
          reason: top.message,
          painNow: decision.painNow,
          answers,
          ...(supervisor ? { supervisor } : {}),
        },
      };
      app.go('method');
    };
    if (blocked) {
      children.push(
        h('p', { class: 'blocked' }, t('screen.blocked')),
        h('ul', null, ...STOP_AND_SEEK_CARE.map((k) => h('li', null, exerciseText(lang, k)))),
        h('a', { class: 'button', href: '#/' }, t('nav.home')),
      );
    } else if (decision.outcome === 'supervised-only') {
      const name = h('input', { id: 'supervisor', type: 'text', autocomplete: 'name' });
      const confirm = h('input', { id: 'supervisor-ok', type: 'checkbox' });
      const supError = h('p', { class: 'error', role: 'alert' });
      children.push(
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'supervisor' }, t('screen.supervisorName')),
          name,
          h('label', { class: 'choice' }, confirm, h('span', null, t('screen.supervisorConfirm'))),
          supError,
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              onclick: () => {
                if (!confirm.checked || name.value.trim() === '') {
                  supError.textContent = t('screen.supervisorMissing');
                  return;
                }
                proceed(name.value.trim());
              },
            },
            t('screen.continue'),
          ),
        ),
      );
    } else {
      children.push(
        h('button', { type: 'button', class: 'primary', onclick: () => proceed() }, t('screen.continue')),
      );
    }
    result.replaceChildren(...children);
    result.querySelector('h2')?.setAttribute('tabindex', '-1');
    (result.querySelector('h2') as HTMLElement | null)?.focus();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const raw: Record<string, unknown> = {};
    const missing: string[] = [];
    q.questions.forEach((question, i) => {
      const v = data.get(question.id);
      if (v === null) missing.push(String(i + 1));
      else raw[question.id] = question.type === 'boolean' ? v === 'yes' : Number(v);
    });
    if (missing.length > 0) {
      error.textContent = t('screen.unanswered', { list: missing.join(', ') });
      return;
    }
    const parsed = validateScreeningAnswers(raw);
    if (!parsed.success) {
      error.textContent = parsed.issues.map((i) => i.message).join(' ');
      return;
    }
    error.textContent = '';
    const decision = decideScreening(parsed.data, { painStopToday: stoppedToday });
    const w = outboxWrite(screeningUpload(Date.now(), parsed.data));
    void app.db.put(w.store, w.key, w.value);
    form.hidden = true;
    showDecision(decision, parsed.data);
  });

  if (stoppedToday) showBlockedToday();

  return {
    title: t('screen.title'),
    el: h('section', null, h('h1', null, t('screen.title')), h('p', null, t('screen.intro')), form, result),
  };
};
