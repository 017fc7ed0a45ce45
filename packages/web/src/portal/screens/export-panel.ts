// Export buttons: each fetches the file with the portal's credentials (and the admin's stated
// reason) and saves it; the server audits every export as a read.
import { h } from '../../app/dom.ts';
import type { Portal } from '../shell.ts';
import type { PortalKey } from '../strings.ts';

export interface ExportChoice {
  readonly label: PortalKey;
  readonly path: string;
  readonly fileName: string;
  readonly id: string;
}

export function exportPanel(p: Portal, titleKey: PortalKey, choices: readonly ExportChoice[]): HTMLElement {
  const status = h('p', { class: 'export-status', role: 'status' });
  const buttons = choices.map((c) => {
    const b = h('button', { type: 'button', id: c.id, 'data-file': c.fileName }, p.t(c.label));
    b.addEventListener('click', async () => {
      b.disabled = true;
      const err = await p.api.download(c.path, c.fileName);
      b.disabled = false;
      status.textContent = err
        ? p.t('exportFailed', { message: err.message })
        : p.t('exportDone', { file: c.fileName });
    });
    return b;
  });
  const titleId = `${choices[0]?.id ?? 'export'}-title`;
  return h(
    'section',
    { class: 'exports', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, p.t(titleKey)),
    h('p', { class: 'muted' }, p.t('exportIntro')),
    h('div', { class: 'button-row' }, buttons),
    status,
  );
}

/** The three exports of one patient's record. */
export function patientExports(p: Portal, patientId: string, name: string): HTMLElement {
  const enc = encodeURIComponent(patientId);
  const base = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'patient';
  const tz = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  return exportPanel(p, 'exportTitle', [
    {
      id: 'export-fhir',
      label: 'exportFhir',
      path: `/api/patients/${enc}/export/fhir`,
      fileName: `${base}.fhir.json`,
    },
    {
      id: 'export-csv',
      label: 'exportCsv',
      path: `/api/patients/${enc}/export/csv`,
      fileName: `${base}.csv`,
    },
    {
      id: 'export-ics',
      label: 'exportIcs',
      path: `/api/patients/${enc}/schedule.ics?tz=${tz}`,
      fileName: `${base}-reminders.ics`,
    },
  ]);
}
