// First-run choices (also the Settings screen): plan, clinician code, foot order, language, voice.

import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { LANGS, type Lang } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { FOOT_PLANS, type FootPlan, REGIMENS, type RegimenChoice } from '../store/settings.ts';

const REGIMEN_KEY: Record<RegimenChoice, MessageKey> = {
  general: 'setup.regimen.general',
  postop: 'setup.regimen.postop',
  hourly: 'setup.regimen.hourly',
  clinician: 'setup.regimen.clinician',
};
const FEET_KEY: Record<FootPlan, MessageKey> = {
  'left-first': 'setup.feet.leftFirst',
  'right-first': 'setup.feet.rightFirst',
  'both-together': 'setup.feet.both',
};

/** A fieldset of radio buttons; the whole label row is the (>= 44 px) target. */
export function radioGroup(
  name: string,
  legend: string,
  options: readonly { value: string; label: string }[],
  checked: string,
): HTMLFieldSetElement {
  return h(
    'fieldset',
    null,
    h('legend', null, legend),
    ...options.map((o) =>
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name, value: o.value, checked: o.value === checked }),
        h('span', null, o.label),
      ),
    ),
  );
}

export const setupScreen: ScreenFactory = (app, params) => {
  const { t, settings } = app;
  const first = params[0] === 'first';
  const error = h('p', { class: 'error', role: 'alert', id: 'setup-error' });
  const code = h('input', {
    id: 'code',
    name: 'code',
    type: 'text',
    autocomplete: 'off',
    value: settings.clinicianCode,
    'aria-describedby': 'code-help setup-error',
  });
  // The code only means something with the clinician's plan: shown only while that plan is picked.
  const codeField = h(
    'div',
    { class: 'field', id: 'code-field', hidden: settings.regimen !== 'clinician' },
    h('label', { for: 'code' }, t('setup.code')),
    code,
    h('p', { id: 'code-help', class: 'help' }, t('setup.codeHelp')),
  );
  const form = h(
    'form',
    { novalidate: true },
    radioGroup(
      'regimen',
      t('setup.regimen'),
      REGIMENS.map((r) => ({ value: r, label: t(REGIMEN_KEY[r]) })),
      settings.regimen,
    ),
    codeField,
    radioGroup(
      'feet',
      t('setup.feet'),
      FOOT_PLANS.map((f) => ({ value: f, label: t(FEET_KEY[f]) })),
      settings.feet,
    ),
    radioGroup(
      'lang',
      t('setup.language'),
      LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) })),
      settings.lang,
    ),
    radioGroup(
      'voice',
      t('setup.voice'),
      [
        { value: 'on', label: t('setup.voice.on') },
        { value: 'off', label: t('setup.voice.off') },
      ],
      settings.voice ? 'on' : 'off',
    ),
    error,
    h('button', { type: 'submit', class: 'primary' }, t('setup.save')),
  );
  form.addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement;
    if (target.name !== 'regimen') return;
    codeField.hidden = target.value !== 'clinician';
    if (codeField.hidden) {
      error.textContent = '';
      code.removeAttribute('aria-invalid');
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const regimen = data.get('regimen') as RegimenChoice;
    const clinicianCode = String(data.get('code') ?? '').trim();
    if (regimen === 'clinician' && clinicianCode === '') {
      error.textContent = t('setup.codeMissing');
      code.setAttribute('aria-invalid', 'true');
      code.focus();
      return;
    }
    const newCode = clinicianCode !== app.settings.clinicianCode;
    await app.saveSettings({
      ...app.settings,
      regimen,
      clinicianCode,
      feet: data.get('feet') as FootPlan,
      lang: data.get('lang') as Lang,
      voice: data.get('voice') === 'on',
    });
    await app.db.put('kv', 'firstRunDone', true);
    // A clinician's code, given on the first run or changed in Settings, links this phone now, on My
    // clinic, where the outcome is shown (linked and the plan, or why not with the code kept for
    // another try); it was only stored before, and nothing linked the phone until the patient found
    // My clinic.
    app.go(regimen === 'clinician' && (first || newCode) ? 'clinic/link' : '');
  });
  return {
    title: t('setup.title'),
    el: h(
      'section',
      null,
      h('h1', null, t('setup.title')),
      first ? h('p', null, t('setup.intro')) : null,
      form,
    ),
  };
};
