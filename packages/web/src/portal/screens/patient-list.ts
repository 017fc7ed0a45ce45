// The clinician's patients, the ones needing attention first, with a form to add and invite one.
import { countsAsDone, type DoneSessionFacts } from '@anklepump/exercise';
import { h } from '../../app/dom.ts';
import { dataTable } from '../../ui/data-table.ts';
import { byAttention, type PatientRow, todayAdherence } from '../attention.ts';
import { type Portal, type Screen, when } from '../shell.ts';
import { invitePanel } from './invite-panel.ts';

interface Summary {
  id: string;
  displayName: string;
  lastSessionAtMs: number | null;
  sessionsLast7Days: number;
  prescribedPerDay: number | null;
  prescribedLast7Days: number | null;
  adherence7d: number | null;
  openAlerts: number;
}

/** Today's session starts per patient (clinician's local day); one request each, in parallel. */
async function withToday(p: Portal, list: readonly Summary[]): Promise<PatientRow[]> {
  const start = new Date(p.now());
  start.setHours(0, 0, 0, 0);
  const startMs = start.getTime();
  const endMs = startMs + 86_400_000;
  return Promise.all(
    list.map(async (s): Promise<PatientRow> => {
      const perDay = s.prescribedPerDay;
      if (perDay === null) return { ...s, today: null };
      const r = await p.api.get<{ records: { occurredAtMs: number; data: DoneSessionFacts }[] }>(
        `/api/patients/${encodeURIComponent(s.id)}/records?kind=session&fromMs=${startMs}`,
      );
      // Only sessions that count as done: stopped for pain or ended early ones do not.
      const starts = r.ok
        ? r.data.records.filter((x) => countsAsDone(x.data)).map((x) => x.occurredAtMs)
        : [];
      return { ...s, today: r.ok ? todayAdherence(starts, startMs, endMs, perDay) : null };
    }),
  );
}

/** The patient table, the ones needing attention first (or the empty-list message). */
async function listOf(p: Portal, patients: readonly Summary[]): Promise<HTMLElement> {
  const rows = (await withToday(p, patients)).sort(byAttention);
  if (rows.length === 0) return h('p', { id: 'no-patients' }, p.t('noPatients'));
  else {
    return dataTable({
      id: 'patients',
      caption: p.t('patientsTitle'),
      captionHidden: true,
      columns: (['colName', 'colToday', 'col7d', 'colLast', 'colAlerts'] as const).map((k) => p.t(k)),
      rows: rows.map((row) => ({
        attrs: { 'data-patient': row.id, class: row.openAlerts > 0 ? 'attention' : null },
        header: h('a', { href: `#/patient/${encodeURIComponent(row.id)}` }, row.displayName),
        cells: [
          {
            content: row.today ? p.t('todayOf', row.today) : p.t('noPlan'),
            attrs: { 'data-col': 'today' },
          },
          {
            content:
              row.adherence7d === null || row.prescribedLast7Days === null
                ? p.t('noPlan')
                : p.t('pct', {
                    pct: Math.round(row.adherence7d * 100),
                    done: row.sessionsLast7Days,
                    planned: row.prescribedLast7Days,
                  }),
            attrs: { 'data-col': '7d' },
          },
          {
            content: row.lastSessionAtMs === null ? p.t('never') : when(row.lastSessionAtMs),
            attrs: { 'data-col': 'last' },
          },
          {
            content: row.openAlerts > 0 ? h('strong', null, String(row.openAlerts)) : '0',
            attrs: { 'data-col': 'alerts' },
          },
        ],
      })),
    });
  }
}

export async function patientListScreen(p: Portal): Promise<Screen> {
  const r = await p.api.get<{ patients: Summary[] }>('/api/patients');
  const section = h('main', { id: 'main' }, h('h1', { tabindex: -1 }, p.t('patientsTitle')));
  if (!r.ok) {
    section.append(h('p', { class: 'error', role: 'alert' }, p.t('error', { message: r.error.message })));
    return { title: p.t('patientsTitle'), el: section };
  }
  section.append(h('p', { class: 'muted' }, p.t('patientsIntro')));
  const listHolder = h('div', { id: 'patient-list' }, await listOf(p, r.data.patients));
  section.append(listHolder);
  /** Re-reads the list (after adding a patient) without disturbing focus or the invite shown. */
  const refresh = async () => {
    const again = await p.api.get<{ patients: Summary[] }>('/api/patients');
    if (again.ok) listHolder.replaceChildren(await listOf(p, again.data.patients));
  };

  const name = h('input', {
    id: 'new-name',
    name: 'displayName',
    required: true,
    maxlength: 200,
    autocomplete: 'off',
  });
  const error = h('p', { id: 'new-error', class: 'error', role: 'alert' });
  const out = h('div', { id: 'invite-out' });
  const form = h(
    'form',
    { id: 'add-patient', novalidate: true, 'aria-labelledby': 'add-title' },
    h('h2', { id: 'add-title' }, p.t('addPatient')),
    h('div', { class: 'field' }, h('label', { for: 'new-name' }, p.t('patientName')), name),
    error,
    h('button', { type: 'submit', class: 'primary' }, p.t('add')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const displayName = name.value.trim();
    if (displayName === '') {
      error.textContent = `${p.t('patientName')}: required.`;
      name.setAttribute('aria-invalid', 'true');
      name.focus();
      return;
    }
    name.removeAttribute('aria-invalid');
    error.textContent = '';
    const c = await p.api.send<{ patient: { id: string } }>('POST', '/api/patients', { displayName });
    if (!c.ok) {
      error.textContent = c.error.message;
      return;
    }
    name.value = '';
    const panel = await invitePanel(p, c.data.patient.id, displayName);
    out.replaceChildren(panel);
    panel.focus();
    await refresh();
  });
  section.append(form, out);
  return { title: p.t('patientsTitle'), el: section };
}
