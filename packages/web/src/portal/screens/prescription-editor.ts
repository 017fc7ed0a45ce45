// The prescription editor: fields for dose and frequency, checked with the exercise package's
// rules as the clinician saves, each problem shown at its field in plain words.
import { REGIMEN_PRESETS, type Regimen, type RegimenPresetId } from '@anklepump/exercise';
import { h } from '../../app/dom.ts';
import {
  checkForm,
  FOOT_ORDER_OPTIONS,
  fieldOf,
  hintOf,
  RX_NUMBER_FIELDS,
  type RxField,
  type RxValues,
  valuesOf,
} from '../regimen-form.ts';
import { type Portal, when } from '../shell.ts';
import type { PortalKey } from '../strings.ts';

export interface PrescriptionView {
  version: number;
  regimen: Regimen;
  note: string | null;
  changedAtMs: number;
}

const LABEL: Record<RxField, PortalKey> = {
  preset: 'rxPreset',
  name: 'rxName',
  repsPerFoot: 'rxReps',
  sets: 'rxSets',
  plantarHoldS: 'rxDown',
  dorsiHoldS: 'rxUp',
  moveS: 'rxMove',
  restBetweenSetsS: 'rxRest',
  footOrder: 'rxFeet',
  freqType: 'rxFreq',
  sessionsPerDay: 'rxPerDay',
  everyMin: 'rxEvery',
  note: 'rxNote',
};

export function prescriptionEditor(
  p: Portal,
  patientId: string,
  current: PrescriptionView | null,
  /** What to say when there is no prescription: which plan the patient follows instead. */
  noneText: string = p.t('rxNone'),
): HTMLElement {
  const initial = current
    ? valuesOf(current.regimen, 'custom')
    : valuesOf(REGIMEN_PRESETS.general, 'general');
  const inputs = new Map<RxField, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const messages = new Map<RxField, HTMLElement>();
  const summary = h('div', { id: 'rx-summary', role: 'alert' });
  const status = h('p', { id: 'rx-status', role: 'status' });

  const field = (f: RxField, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) => {
    control.id = `rx-${f}`;
    control.name = f;
    inputs.set(f, control);
    const hint = hintOf(f);
    const msg = h('p', { id: `rx-${f}-msg`, class: 'field-msg' });
    messages.set(f, msg);
    const describedBy = [hint ? `rx-${f}-hint` : null, `rx-${f}-msg`].filter(Boolean).join(' ');
    control.setAttribute('aria-describedby', describedBy);
    return h(
      'div',
      { class: 'field', 'data-field': f },
      h('label', { for: control.id }, p.t(LABEL[f])),
      hint ? h('p', { id: `rx-${f}-hint`, class: 'hint' }, hint) : null,
      control,
      msg,
    );
  };
  const select = (options: readonly [string, string][], value: string) => {
    const el = h(
      'select',
      null,
      options.map(([v, label]) => h('option', { value: v }, label)),
    );
    el.value = value;
    return el;
  };
  const numberInput = (v: string) =>
    h('input', { type: 'text', inputmode: 'decimal', value: v, autocomplete: 'off' });

  const preset = select(
    [
      ['general', p.t('presetGeneral')],
      ['post-op', p.t('presetPostOp')],
      ['hourly', p.t('presetHourly')],
      ['custom', p.t('presetCustom')],
    ],
    initial.preset,
  );
  const freq = select(
    [
      ['daily', p.t('rxDaily')],
      ['interval', p.t('rxInterval')],
    ],
    initial.freqType,
  );
  const rows = [
    field('preset', preset),
    field('name', h('input', { type: 'text', value: initial.name, autocomplete: 'off' })),
    ...RX_NUMBER_FIELDS.map((f) => field(f, numberInput(initial[f]))),
    field(
      'footOrder',
      select(
        FOOT_ORDER_OPTIONS.map((o) => [
          o,
          p.t(o === 'left-then-right' ? 'footLR' : o === 'right-then-left' ? 'footRL' : 'footBoth'),
        ]),
        initial.footOrder,
      ),
    ),
    field('freqType', freq),
    field('sessionsPerDay', numberInput(initial.sessionsPerDay)),
    field('everyMin', numberInput(initial.everyMin)),
    field('note', h('textarea', { rows: 3, maxlength: 2000 }, initial.note)),
  ];
  const showFreq = () => {
    const daily = freq.value === 'daily';
    (inputs.get('sessionsPerDay')!.closest('.field') as HTMLElement).hidden = !daily;
    (inputs.get('everyMin')!.closest('.field') as HTMLElement).hidden = daily;
  };
  freq.addEventListener('change', showFreq);
  preset.addEventListener('change', () => {
    if (preset.value === 'custom') return;
    const v = valuesOf(REGIMEN_PRESETS[preset.value as RegimenPresetId], preset.value as RegimenPresetId);
    for (const [f, el] of inputs) if (f !== 'note') el.value = v[f];
    showFreq();
  });
  showFreq();

  const values = (): RxValues => Object.fromEntries([...inputs].map(([f, el]) => [f, el.value])) as RxValues;
  const mark = (errors: ReadonlyMap<RxField, string>, warnings: ReadonlyMap<RxField, string>) => {
    for (const [f, el] of inputs) {
      const e = errors.get(f);
      const w = warnings.get(f);
      messages.get(f)!.textContent = e ?? w ?? '';
      messages.get(f)!.className = e ? 'field-msg error' : w ? 'field-msg warn' : 'field-msg';
      if (e) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    }
  };

  const save = h('button', { type: 'submit', class: 'primary' }, p.t('rxSave'));
  const form = h('form', { id: 'rx-form', novalidate: true }, summary, ...rows, save, status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.textContent = '';
    const v = values();
    const c = checkForm(v, p.me.id);
    mark(c.errors, c.warnings);
    if (!c.regimen) {
      summary.replaceChildren(
        h('p', { class: 'error' }, p.t('rxFix', { n: c.errors.size }), ...c.general.map((g) => ` ${g}`)),
      );
      inputs.get([...c.errors.keys()][0]!)?.focus();
      return;
    }
    const { id: _id, version: _v, prescribedBy: _by, ...regimen } = c.regimen;
    // The server takes no empty note: leave it out rather than send "".
    const note = v.note.trim() === '' ? {} : { note: v.note.trim() };
    const asPreset = v.preset !== 'custom' && sameAsPreset(c.regimen, v.preset as RegimenPresetId);
    // A changed dose under a preset's name told the patient "General health and mobility (1-2
    // sessions a day)" beside 3 pumps, 1 set.
    const presetNamed = Object.values(REGIMEN_PRESETS).find((pr) => pr.name === c.regimen!.name);
    if (!asPreset && presetNamed) {
      mark(new Map([['name', p.t('rxNameIsPreset', { name: presetNamed.name })]]), c.warnings);
      summary.replaceChildren(h('p', { class: 'error' }, p.t('rxFix', { n: 1 })));
      inputs.get('name')?.focus();
      return;
    }
    summary.replaceChildren();
    const body = asPreset
      ? { preset: v.preset, ...note }
      : { regimen: { ...regimen, id: 'custom', kind: 'custom' }, ...note };
    save.disabled = true;
    const r = await p.api.send<{
      prescription: PrescriptionView;
      warnings: { where: string; message: string }[];
    }>('PUT', `/api/patients/${encodeURIComponent(patientId)}/prescription`, body);
    save.disabled = false;
    if (!r.ok) {
      const f = r.error.where ? fieldOf(r.error.where) : null;
      if (f) {
        mark(new Map([[f, r.error.message]]), new Map());
        inputs.get(f)?.focus();
      } else summary.replaceChildren(h('p', { class: 'error' }, r.error.message));
      return;
    }
    status.textContent = p.t('rxSaved', { version: r.data.prescription.version });
    // What was saved: a preset by name, or a plan of its own ("custom" on a reload too).
    if (!asPreset) preset.value = 'custom';
    current_.textContent = p.t('rxCurrent', {
      version: r.data.prescription.version,
      when: when(r.data.prescription.changedAtMs),
    });
  });
  const current_ = h(
    'p',
    { id: 'rx-current' },
    current ? p.t('rxCurrent', { version: current.version, when: when(current.changedAtMs) }) : noneText,
  );
  return h(
    'section',
    { id: 'prescription', 'aria-labelledby': 'rx-title' },
    h('h2', { id: 'rx-title' }, p.t('rxTitle')),
    current_,
    form,
  );
}

function sameAsPreset(r: Regimen, id: RegimenPresetId): boolean {
  const pr = REGIMEN_PRESETS[id];
  return (
    JSON.stringify(pr.dose) === JSON.stringify(r.dose) &&
    JSON.stringify(pr.frequency) === JSON.stringify(r.frequency) &&
    pr.name === r.name
  );
}
