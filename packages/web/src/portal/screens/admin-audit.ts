// The admin's audit trail: newest first, optionally for one patient, older pages on request.
import type { AuditPage } from '@anklepump/exercise';
import { h } from '../../app/dom.ts';
import { type Portal, type Screen, scrollable, when } from '../shell.ts';

function rows(p: Portal, page: AuditPage, filtered: boolean): HTMLElement[] {
  return page.entries.map((e) => {
    const who =
      e.actorId === null
        ? p.t('anonymous')
        : e.actorRole === 'patient'
          ? p.t('patientActor')
          : `${page.actors[e.actorId] ?? e.actorId} (${e.actorRole ?? ''})`;
    return h(
      'tr',
      { 'data-seq': String(e.seq), class: e.outcome === 'denied' ? 'attention' : null },
      h('th', { scope: 'row' }, when(e.atMs)),
      h('td', null, who),
      h('td', null, e.action),
      h('td', null, e.patientId && !filtered ? `${e.resource} · patient ${e.patientId}` : e.resource),
      h('td', null, e.reason ?? '—'),
      h('td', null, e.outcome === 'denied' ? h('strong', null, p.t('denied')) : p.t('allowed')),
      h('td', null, e.ip),
    );
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
  });
  const form = h(
    'form',
    { id: 'audit-filter', class: 'inline-form', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: filter.id }, p.t('auditFilter')), filter),
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
  const body = h('tbody', null, rows(p, first.data, patientId !== ''));
  main.append(
    scrollable(
      p.t('auditTitle'),
      h(
        'table',
        { id: 'audit' },
        h('caption', { class: 'visually-hidden' }, p.t('auditTitle')),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ...(
              [
                'colWhen',
                'colActor',
                'colAction',
                'colResource',
                'colReasonGiven',
                'colResult',
                'colAddress',
              ] as const
            ).map((k) => h('th', { scope: 'col' }, p.t(k))),
          ),
        ),
        body,
      ),
    ),
  );
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
    const added = rows(p, r.data, patientId !== '');
    body.append(...added);
    next = r.data.nextBeforeSeq;
    more.hidden = r.data.entries.length < 50;
    added[0]?.querySelector('th')?.setAttribute('tabindex', '-1');
    added[0]?.querySelector<HTMLElement>('th')?.focus();
  });
  main.append(more);
  return { title: p.t('auditTitle'), el: main };
}
