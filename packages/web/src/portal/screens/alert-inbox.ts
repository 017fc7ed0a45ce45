// Alerts across the clinician's patients, newest first, each acknowledgeable in place.
import { h } from '../../app/dom.ts';
import { dataTable } from '../../ui/data-table.ts';
import { alertKind, severity } from '../record-words.ts';
import { type Portal, type Screen, when } from '../shell.ts';

export interface AlertView {
  id: string;
  patientId: string;
  kind: string;
  severity: string;
  message: string;
  createdAtMs: number;
  /** When the session, pain report or screening happened; null for trend alerts (and older servers). */
  occurredAtMs?: number | null;
  acknowledgedAtMs: number | null;
}

/** "Happened 2 Nov 2026, 09:14 (received 4 Nov …)": the event's time first; the upload's when it differs. */
export function alertTime(p: Portal, a: AlertView): string {
  const at = a.occurredAtMs ?? a.createdAtMs;
  const happened = p.t('happened', { when: when(at) });
  return Math.abs(a.createdAtMs - at) >= 3_600_000
    ? `${happened} (${p.t('received', { when: when(a.createdAtMs) })})`
    : happened;
}

/** The acknowledge button (or the acknowledged mark) for one alert; updates itself in place. */
export function ackControl(p: Portal, a: AlertView): HTMLElement {
  const cell = h('span', { class: 'ack' });
  if (a.acknowledgedAtMs !== null) {
    cell.append(p.t('acknowledged'));
    return cell;
  }
  const btn = h(
    'button',
    { type: 'button', 'data-ack': a.id, 'aria-label': `${p.t('acknowledge')}: ${a.message}` },
    p.t('acknowledge'),
  );
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    const r = await p.api.send('POST', `/api/alerts/${encodeURIComponent(a.id)}/ack`, {});
    if (!r.ok) {
      btn.disabled = false;
      p.announce(p.t('error', { message: r.error.message }));
      return;
    }
    const mark = h('span', { tabindex: -1 }, p.t('acknowledged'));
    cell.replaceChildren(mark);
    mark.focus();
    p.announce(`${p.t('acknowledged')}: ${a.message}`);
    await p.refreshAlertCount();
  });
  cell.append(btn);
  return cell;
}

export async function alertInboxScreen(p: Portal, showAll: boolean): Promise<Screen> {
  const main = h('main', { id: 'main' }, h('h1', { tabindex: -1 }, p.t('alertsTitle')));
  const [alerts, patients] = await Promise.all([
    p.api.get<{ alerts: AlertView[] }>(`/api/alerts?status=${showAll ? 'all' : 'open'}`),
    p.api.get<{ patients: { id: string; displayName: string }[] }>('/api/patients'),
  ]);
  if (!alerts.ok) {
    main.append(h('p', { class: 'error', role: 'alert' }, p.t('error', { message: alerts.error.message })));
    return { title: p.t('alertsTitle'), el: main };
  }
  const names = new Map((patients.ok ? patients.data.patients : []).map((x) => [x.id, x.displayName]));
  const toggle = h('input', { type: 'checkbox', id: 'show-all', checked: showAll });
  toggle.addEventListener('change', () => p.navigate(toggle.checked ? '#/alerts/all' : '#/alerts'));
  main.append(h('div', { class: 'check' }, toggle, h('label', { for: 'show-all' }, p.t('showAll'))));
  const at = (a: AlertView) => a.occurredAtMs ?? a.createdAtMs;
  const list = [...alerts.data.alerts].sort((a, b) => at(b) - at(a));
  if (list.length === 0) {
    main.append(h('p', { id: 'no-alerts' }, p.t('noAlerts')));
    return { title: p.t('alertsTitle'), el: main };
  }
  main.append(
    dataTable({
      id: 'alerts',
      caption: p.t('alertsTitle'),
      captionHidden: true,
      columns: [
        ...(['colPatient', 'colAlert', 'colHappened'] as const).map((k) => p.t(k)),
        h('span', { class: 'visually-hidden' }, p.t('acknowledge')),
      ],
      rows: list.map((a) => ({
        attrs: { 'data-alert': a.id, class: `sev-${a.severity}` },
        header: h(
          'a',
          { href: `#/patient/${encodeURIComponent(a.patientId)}` },
          names.get(a.patientId) ?? a.patientId,
        ),
        cells: [
          [
            h('span', { class: `badge ${a.severity}` }, severity(p, a.severity)),
            ' ',
            h('strong', null, alertKind(p, a.kind)),
            `: ${a.message}`,
          ],
          { content: alertTime(p, a), attrs: { 'data-col': 'happened' } },
          ackControl(p, a),
        ],
      })),
    }),
  );
  return { title: p.t('alertsTitle'), el: main };
}
