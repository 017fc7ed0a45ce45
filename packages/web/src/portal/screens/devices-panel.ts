// A patient's linked phones, each revocable (a lost or replaced phone stops working at once).
import { h } from '../../app/dom.ts';
import { type DataRow, dataTable } from '../../ui/data-table.ts';
import { type Portal, when } from '../shell.ts';

interface Device {
  id: string;
  label: string;
  linkedAtMs: number;
  lastSeenAtMs: number;
}

export async function devicesPanel(p: Portal, patientId: string): Promise<HTMLElement> {
  const enc = encodeURIComponent(patientId);
  const section = h(
    'section',
    { id: 'devices', 'aria-labelledby': 'dev-title' },
    h('h2', { id: 'dev-title' }, p.t('devicesTitle')),
    h('p', { class: 'muted' }, p.t('devicesIntro')),
  );
  const holder = h('div');
  section.append(holder);
  const render = async (): Promise<void> => {
    const r = await p.api.get<{ devices: Device[] }>(`/api/patients/${enc}/devices`);
    if (!r.ok) {
      holder.replaceChildren(
        h('p', { class: 'error', role: 'alert' }, p.t('error', { message: r.error.message })),
      );
      return;
    }
    if (r.data.devices.length === 0) {
      holder.replaceChildren(h('p', { id: 'no-devices', tabindex: -1 }, p.t('noDevices')));
      return;
    }
    const row = (d: Device) => {
      const label = d.label || p.t('unnamedDevice');
      // The row's last cell: the revoke button, or the confirm group that replaces it.
      const cell = h('span');
      const revoke = h(
        'button',
        { type: 'button', 'data-revoke': d.id, 'aria-label': `${p.t('revoke')}: ${label}` },
        p.t('revoke'),
      );
      revoke.addEventListener('click', () => {
        const yes = h(
          'button',
          { type: 'button', class: 'danger', 'data-revoke-yes': d.id },
          p.t('revokeYes'),
        );
        const no = h('button', { type: 'button' }, p.t('cancel'));
        const q = h('span', { id: `revoke-q-${d.id}` }, p.t('revokeConfirm', { label }));
        const group = h('div', { role: 'group', 'aria-labelledby': q.id, class: 'confirm' }, q, ' ', yes, no);
        cell.replaceChildren(group);
        no.focus();
        no.addEventListener('click', () => {
          cell.replaceChildren(revoke);
          revoke.focus();
        });
        yes.addEventListener('click', async () => {
          yes.disabled = true;
          const del = await p.api.send('DELETE', `/api/patients/${enc}/devices/${encodeURIComponent(d.id)}`);
          if (!del.ok) {
            yes.disabled = false;
            p.announce(p.t('error', { message: del.error.message }));
            return;
          }
          p.announce(p.t('revoked', { label }));
          await render();
          holder.querySelector<HTMLElement>('[tabindex="-1"], button')?.focus();
        });
      });
      cell.append(revoke);
      return {
        attrs: { 'data-device': d.id },
        header: label,
        cells: [when(d.linkedAtMs), when(d.lastSeenAtMs), cell],
      } satisfies DataRow;
    };
    holder.replaceChildren(
      dataTable({
        id: 'device-table',
        caption: p.t('devicesTitle'),
        captionHidden: true,
        columns: [
          ...(['colDevice', 'colLinked', 'colSeen'] as const).map((k) => p.t(k)),
          h('span', { class: 'visually-hidden' }, p.t('revoke')),
        ],
        rows: r.data.devices.map(row),
      }),
    );
  };
  await render();
  return section;
}
