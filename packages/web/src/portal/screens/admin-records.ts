// The admin's way to patient data: first a stated reason (sent with every read and written to the
// audit trail), then every patient and the clinic-wide exports, until the admin ends access.
import { h } from '../../app/dom.ts';
import { dataTable } from '../../ui/data-table.ts';
import { type Portal, type Screen, when } from '../shell.ts';
import { exportPanel } from './export-panel.ts';

interface Summary {
  id: string;
  displayName: string;
  lastSessionAtMs: number | null;
  openAlerts: number;
}

/** The banner on every admin screen that reads health data: why, and a way to stop. */
export function reasonBanner(p: Portal): HTMLElement {
  const end = h('button', { type: 'button', id: 'reason-end' }, p.t('reasonEnd'));
  end.addEventListener('click', () => {
    p.api.setReason(null);
    p.announce(p.t('reasonEnded'));
    p.navigate('#/records');
  });
  return h(
    'div',
    { id: 'reason-banner', class: 'notice' },
    h('p', null, p.t('reasonActive', { reason: p.api.reason() ?? '' })),
    end,
  );
}

function reasonForm(p: Portal): HTMLElement {
  const input = h('textarea', {
    id: 'access-reason',
    name: 'reason',
    rows: 3,
    maxlength: 500,
    required: true,
    'aria-describedby': 'reason-msg',
  });
  const msg = h('p', { id: 'reason-msg', class: 'field-msg', role: 'alert' });
  const form = h(
    'form',
    { id: 'reason-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: input.id }, p.t('reasonLabel')), input, msg),
    h('button', { type: 'submit', class: 'primary' }, p.t('reasonStart')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const reason = input.value.trim();
    if (reason.length < 10) {
      msg.textContent = p.t('reasonShort');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    p.api.setReason(reason);
    p.navigate(location.hash.startsWith('#/patient/') ? location.hash : '#/records');
  });
  return form;
}

export async function adminRecordsScreen(p: Portal): Promise<Screen> {
  const main = h('main', { id: 'main' }, h('h1', { tabindex: -1 }, p.t('recordsTitle')));
  if (p.api.reason() === null) {
    main.append(h('p', null, p.t('reasonIntro')), reasonForm(p));
    return { title: p.t('recordsTitle'), el: main };
  }
  main.append(reasonBanner(p));
  const r = await p.api.get<{ patients: Summary[] }>('/api/patients');
  if (!r.ok) {
    main.append(h('p', { class: 'error', role: 'alert' }, p.t('error', { message: r.error.message })));
    return { title: p.t('recordsTitle'), el: main };
  }
  const list = [...r.data.patients].sort((a, b) => a.displayName.localeCompare(b.displayName));
  main.append(
    list.length === 0
      ? h('p', { id: 'no-patients' }, p.t('noPatients'))
      : dataTable({
          id: 'all-patients',
          caption: p.t('patientsTitle'),
          captionHidden: true,
          columns: (['colName', 'colLast', 'colAlerts'] as const).map((k) => p.t(k)),
          rows: list.map((s) => ({
            attrs: { 'data-patient': s.id },
            header: h('a', { href: `#/patient/${encodeURIComponent(s.id)}` }, s.displayName),
            cells: [
              s.lastSessionAtMs === null ? p.t('never') : when(s.lastSessionAtMs),
              String(s.openAlerts),
            ],
          })),
        }),
    exportPanel(p, 'clinicExportTitle', [
      {
        id: 'export-clinic-ndjson',
        label: 'clinicExportNdjson',
        path: '/api/clinic/export.ndjson',
        fileName: 'clinic-export.ndjson',
      },
      {
        id: 'export-clinic-csv',
        label: 'clinicExportCsv',
        path: '/api/clinic/export.csv',
        fileName: 'clinic-export.csv',
      },
    ]),
  );
  return { title: p.t('recordsTitle'), el: main };
}
