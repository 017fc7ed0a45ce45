// One patient: open alerts, sessions, range and pain over time (charts with tables), screening
// history, the prescription editor, a fresh invite code, linked phones and exports. An admin (with
// a stated reason) reads it without the care team's controls.
import {
  degreesComparable,
  type RecordKind,
  type ScreeningDecision,
  type SessionRecord,
} from '@anklepump/exercise';
import { h } from '../../app/dom.ts';
import { lineChart } from '../../ui/chart.ts';
import { dataTable } from '../../ui/data-table.ts';
import {
  alertKind,
  checkedBy,
  holdsWords,
  outcomeWords,
  ownPlanWords,
  severity,
  warningWords,
} from '../record-words.ts';
import { day, type Portal, type Screen, when } from '../shell.ts';
import type { PortalKey } from '../strings.ts';
import { reasonBanner } from './admin-records.ts';
import { type AlertView, ackControl, alertTime } from './alert-inbox.ts';
import { devicesPanel } from './devices-panel.ts';
import { patientExports } from './export-panel.ts';
import { invitePanel } from './invite-panel.ts';
import { type PrescriptionView, prescriptionEditor } from './prescription-editor.ts';

// The records as the server stores them: the sync contract's data (a screening with the decision
// the server recomputed).
type SessionData = SessionRecord;
interface ScreeningData {
  atMs: number;
  decision: Pick<ScreeningDecision, 'outcome' | 'reason'>;
}
interface RecordView {
  id: string;
  kind: RecordKind;
  occurredAtMs: number;
  data: unknown;
}

const OUTCOME: Record<string, PortalKey> = {
  go: 'outcomeGo',
  'supervised-only': 'outcomeSupervised',
  'see-doctor-first': 'outcomeDoctor',
  'not-suitable': 'outcomeNotSuitable',
};
const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const LEFT = { colour: '#0b5394', dash: 'none' };
const RIGHT = { colour: '#a33b00', dash: '6 4' };

export async function patientPageScreen(p: Portal, id: string): Promise<Screen> {
  const enc = encodeURIComponent(id);
  const admin = p.me.role === 'admin';
  const [pat, recs, alerts, rx] = await Promise.all([
    p.api.get<{ patient: { displayName: string } }>(`/api/patients/${enc}`),
    p.api.get<{ records: RecordView[] }>(`/api/patients/${enc}/records?limit=1000`),
    p.api.get<{ alerts: AlertView[] }>(`/api/patients/${enc}/alerts?status=open`),
    p.api.get<{ prescription: PrescriptionView }>(`/api/patients/${enc}/prescription`),
  ]);
  if (!pat.ok) {
    const main = h(
      'main',
      { id: 'main' },
      h('h1', { tabindex: -1 }, p.t('notFound')),
      h(
        'p',
        { id: 'refused', role: 'alert' },
        pat.error.status === 404 || pat.error.status === 403
          ? p.t('notFound')
          : p.t('error', { message: pat.error.message }),
      ),
      h('p', null, h('a', { href: '#/' }, p.t('back'))),
    );
    return { title: p.t('notFound'), el: main };
  }
  const name = pat.data.patient.displayName;
  const records = recs.ok ? [...recs.data.records].sort((a, b) => a.occurredAtMs - b.occurredAtMs) : [];
  const sessions = records.filter((r) => r.kind === 'session').map((r) => r.data as SessionData);
  const screenings = records.filter((r) => r.kind === 'screening').map((r) => r.data as ScreeningData);

  const main = h(
    'main',
    { id: 'main' },
    admin ? reasonBanner(p) : null,
    h('p', null, h('a', { href: admin ? '#/records' : '#/' }, `← ${p.t('back')}`)),
    h('h1', { tabindex: -1 }, name),
    admin ? h('p', { id: 'admin-read-only', class: 'muted' }, p.t('adminReadOnly')) : null,
  );

  // Open alerts first: they are why a clinician opens this page.
  const open = alerts.ok ? alerts.data.alerts : [];
  main.append(
    h(
      'section',
      { id: 'patient-alerts', 'aria-labelledby': 'pa-title' },
      h('h2', { id: 'pa-title' }, p.t('alertsTitle')),
      open.length === 0
        ? h('p', null, p.t('noAlerts'))
        : h(
            'ul',
            { class: 'alert-list' },
            open.map((a) =>
              h(
                'li',
                { 'data-alert': a.id, class: `sev-${a.severity}` },
                h('span', { class: `badge ${a.severity}` }, severity(p, a.severity)),
                ' ',
                h('strong', null, alertKind(p, a.kind)),
                `: ${a.message} `,
                h('span', { class: 'muted' }, alertTime(p, a)),
                ' ',
                admin ? null : ackControl(p, a),
              ),
            ),
          ),
    ),
  );

  // Sessions, newest first.
  const sessionTable =
    sessions.length === 0
      ? h('p', null, p.t('noSessions'))
      : dataTable({
          id: 'sessions',
          caption: p.t('sessionsTitle'),
          captionHidden: true,
          columns: (
            ['colWhen', 'colOutcome', 'colMode', 'colReps', 'colHolds', 'colWarnings', 'colPain'] as const
          ).map((k) => p.t(k)),
          rows: [...sessions].reverse().map((s) => ({
            header: when(s.startedAtMs),
            cells: [
              s.sharpPain ? h('strong', null, outcomeWords(p, s)) : outcomeWords(p, s),
              { content: checkedBy(p, s, when), attrs: { 'data-col': 'checked-by' } },
              `${s.feet.left.full} / ${s.feet.right.full}`,
              { content: holdsWords(p, s), attrs: { 'data-col': 'holds' } },
              { content: warningWords(p, s), attrs: { 'data-col': 'warnings' } },
              `${s.painBefore ?? '—'} / ${s.painMax ?? '—'}`,
            ],
          })),
        });
  main.append(
    h(
      'section',
      { 'aria-labelledby': 'se-title' },
      h('h2', { id: 'se-title' }, p.t('sessionsTitle')),
      sessionTable,
    ),
  );

  // Range: only sessions a sensor checked; timing-only sessions measured nothing.
  // ...and not one whose camera view changed mid-session: its degrees are from two views.
  const checked = sessions.filter(
    (s) =>
      s.mode === 'verified' &&
      degreesComparable(s) &&
      (s.feet.left.rangesDeg.length > 0 || s.feet.right.rangesDeg.length > 0),
  );
  const fmtDeg = (v: number) => `${v.toFixed(0)}°`;
  main.append(
    h(
      'section',
      { 'aria-labelledby': 'range-h' },
      h('h2', { id: 'range-h' }, p.t('rangeTitle')),
      h('p', { class: 'muted' }, p.t('rangeNote')),
      checked.length === 0
        ? h('p', null, p.t('rangeNone'))
        : lineChart({
            id: 'range',
            title: p.t('rangeTitle'),
            summary: `${checked.length} ${checked.length === 1 ? 'session' : 'sessions'}, ${day(checked[0]!.startedAtMs)} to ${day(checked.at(-1)!.startedAtMs)}.`,
            xLabels: checked.map((s) => when(s.startedAtMs)),
            series: [
              { label: p.t('left'), values: checked.map((s) => mean(s.feet.left.rangesDeg)), ...LEFT },
              { label: p.t('right'), values: checked.map((s) => mean(s.feet.right.rangesDeg)), ...RIGHT },
            ],
            yMax: 80,
            yUnit: '°',
            tableLabel: p.t('showTable'),
            format: fmtDeg,
          }),
    ),
  );

  const pained = sessions.filter((s) => s.painMax !== null);
  main.append(
    h(
      'section',
      { 'aria-labelledby': 'pain-h' },
      h('h2', { id: 'pain-h' }, p.t('painTitle')),
      h('p', { class: 'muted' }, p.t('painNote')),
      pained.length === 0
        ? h('p', null, p.t('painNone'))
        : lineChart({
            id: 'pain',
            title: p.t('painTitle'),
            summary: `${pained.length} ${pained.length === 1 ? 'session' : 'sessions'}; highest ${Math.max(...pained.map((s) => s.painMax ?? 0))} of 10.`,
            xLabels: pained.map((s) => when(s.startedAtMs)),
            series: [{ label: p.t('painTitle'), values: pained.map((s) => s.painMax), ...LEFT }],
            yMax: 10,
            yUnit: '',
            tableLabel: p.t('showTable'),
            format: (v) => `${v}`,
          }),
    ),
  );

  main.append(
    h(
      'section',
      { 'aria-labelledby': 'scr-h' },
      h('h2', { id: 'scr-h' }, p.t('screeningTitle')),
      screenings.length === 0
        ? h('p', null, p.t('noScreenings'))
        : dataTable({
            id: 'screenings',
            caption: p.t('screeningTitle'),
            captionHidden: true,
            columns: (['colWhen', 'colDecision', 'colReason'] as const).map((k) => p.t(k)),
            rows: [...screenings].reverse().map((s) => ({
              header: when(s.atMs),
              cells: [p.t(OUTCOME[s.decision.outcome] ?? 'outcomeNotSuitable'), s.decision.reason],
            })),
          }),
    ),
  );

  main.append(patientExports(p, id, name), await devicesPanel(p, id));
  if (admin) return { title: name, el: main };
  main.append(
    prescriptionEditor(p, id, rx.ok ? rx.data.prescription : null, ownPlanWords(p, sessions.at(-1))),
  );

  const out = h('div');
  const inviteBtn = h('button', { type: 'button', id: 'new-invite' }, p.t('newInvite'));
  inviteBtn.addEventListener('click', async () => {
    const panel = await invitePanel(p, id, name);
    out.replaceChildren(panel);
    panel.focus();
  });
  main.append(h('section', { 'aria-label': p.t('newInvite') }, inviteBtn, out));
  return { title: name, el: main };
}
