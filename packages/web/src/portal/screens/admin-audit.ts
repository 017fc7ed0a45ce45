// The admin's audit trail: newest first, optionally for one patient, older pages on request.
import type { AuditPage } from '@anklepump/exercise';
import { h } from '../../app/dom.ts';
import { type DataRow, dataRows, dataTable } from '../../ui/data-table.ts';
import { type Portal, type Screen, when } from '../shell.ts';

function rows(p: Portal, page: AuditPage, filtered: boolean): DataRow[] {
  return page.entries.map((e) => {
    const who =
      e.actorId === null
        ? p.t('anonymous')
        : e.actorRole === 'patient'
          ? p.t('patientActor')
          : `${page.actors[e.actorId] ?? e.actorId} (${e.actorRole ?? ''})`;
    return {
      attrs: { 'data-seq': String(e.seq), class: e.outcome === 'denied' ? 'attention' : null },
      header: when(e.atMs),
      cells: [
        who,
        e.action,
        // The patient's id links to their entries alone: the filter's id, one click away.
        e.patientId && !filtered
          ? [
              `${e.resource} · `,
              h(
                'a',
                { href: `#/audit?patient=${encodeURIComponent(e.patientId)}`, 'data-patient': e.patientId },
                p.t('auditPatient', { id: e.patientId }),
              ),
            ]
          : e.resource,
        e.reason ?? '—',
        e.outcome === 'denied' ? h('strong', null, p.t('denied')) : p.t('allowed'),
        e.ip,
      ],
    };
  });
}

export async function adminAuditScreen(p: Portal): Promise<Screen> {
  const filterMatch = /[?&]patient=([^&]+)/.exec(location.hash);
  const patientId = filterMatch ? decodeURIComponent(filterMatch[1]!) : '';
  const q = (before: number | null) =>
    `/api/admin/audit/latest?limit=50${patientId ? `&patientId=${encodeURIComponent(patientId)}` : ''}${before ? `&beforeSeq=${before}` : ''}`;
  const main = h(
    'main',
    { id: 'main' },
    h('h1', { tabindex: -1 }, p.t('auditTitle')),
    h('p', { class: 'muted' }, p.t('auditIntro')),
  );
  const filter = h('input', {
    id: 'audit-patient',
    name: 'patient',
    value: patientId,
    autocomplete: 'off',
    maxlength: 100,
    ...(patientId ? {} : { 'aria-describedby': 'audit-patient-hint' }),
  });
  const form = h(
    'form',
    { id: 'audit-filter', class: 'inline-form', role: 'search' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: filter.id }, p.t('auditFilter')),
      patientId ? null : h('p', { class: 'hint', id: 'audit-patient-hint' }, p.t('auditFilterHint')),
      filter,
    ),
    h('button', { type: 'submit' }, p.t('auditApply')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = filter.value.trim();
    p.navigate(v ? `#/audit?patient=${encodeURIComponent(v)}` : '#/audit');
  });
  main.append(form);
  const first = await p.api.get<AuditPage>(q(null));
  if (!first.ok) {
    main.append(h('p', { class: 'error', role: 'alert' }, p.t('error', { message: first.error.message })));
    return { title: p.t('auditTitle'), el: main };
  }
  if (first.data.entries.length === 0) {
    main.append(h('p', { id: 'audit-none' }, p.t('auditNone')));
    return { title: p.t('auditTitle'), el: main };
  }
  const table = dataTable({
    id: 'audit',
    caption: p.t('auditTitle'),
    captionHidden: true,
    columns: (
      [
        'colWhen',
        'colActor',
        'colAction',
        'colResource',
        'colReasonGiven',
        'colResult',
        'colAddress',
      ] as const
    ).map((k) => p.t(k)),
    rows: rows(p, first.data, patientId !== ''),
  });
  // Older pages are appended to the same table.
  const body = table.querySelector('tbody')!;
  main.append(table);
  let next = first.data.nextBeforeSeq;
  const more = h(
    'button',
    { type: 'button', id: 'audit-more', hidden: first.data.entries.length < 50 },
    p.t('auditMore'),
  );
  more.addEventListener('click', async () => {
    if (next === null) return;
    more.disabled = true;
    const r = await p.api.get<AuditPage>(q(next));
    more.disabled = false;
    if (!r.ok) return p.announce(p.t('error', { message: r.error.message }));
    const added = dataRows(rows(p, r.data, patientId !== ''));
    body.append(...added);
    next = r.data.nextBeforeSeq;
    more.hidden = r.data.entries.length < 50;
    added[0]?.querySelector('th')?.setAttribute('tabindex', '-1');
    added[0]?.querySelector<HTMLElement>('th')?.focus();
  });
  main.append(more);
  return { title: p.t('auditTitle'), el: main };
}
