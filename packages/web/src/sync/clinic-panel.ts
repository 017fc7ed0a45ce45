// The patient's "My clinic" panel: join with a code or link, see whether everything has reached
// the clinic, send now. Strings come in as a table so the app's i18n can supply them.
import { h } from '../app/dom.ts';
import type { Db } from '../store/db.ts';
import type { ClinicApi } from './clinic-api.ts';
import {
  type ClinicLink,
  joinClinic,
  loadLink,
  refreshPrescription,
  revokeAndUnlink,
} from './clinic-link.ts';
import { type FlushReport, flushOutbox, singleFlight } from './flush.ts';
import type { Outbox } from './outbox.ts';

export const CLINIC_TEXT_EN = {
  title: 'My clinic',
  intro: 'Your clinician can see your sessions once this phone is linked. Video never leaves this phone.',
  codeLabel: 'Invite code or link',
  join: 'Link this phone',
  joining: 'Linking…',
  linked: 'Linked as {name}.',
  send: 'Send to clinic now',
  sending: 'Sending…',
  allSent: 'Everything has reached your clinic.',
  waiting: '{n} waiting to be sent. They will go when you are online.',
  unlinked: 'This phone is no longer linked. Ask your clinician for a new invite code.',
  skipped: '{n} could not be sent: {reason}',
  plan: 'Your clinician’s plan: {name} (version {version}).',
  noPlan: 'Your clinician has not set a plan yet.',
  unlink: 'Unlink this phone',
  unlinkConfirm:
    'Unlink this phone from your clinic? Your clinician stops receiving its sessions. Your history stays on this phone.',
  unlinkYes: 'Yes, unlink',
  unlinkNo: 'Keep it linked',
  unlinkDone: 'This phone is unlinked. To link it again, ask your clinician for a new invite code.',
  unlinkOffline:
    'Could not reach your clinic, so this phone is still linked: {message}. Try again when online.',
} as const;
export type ClinicText = { readonly [K in keyof typeof CLINIC_TEXT_EN]: string };

const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ''));

export interface ClinicPanelDeps {
  readonly db: Pick<Db, 'get' | 'put'>;
  readonly outbox: Outbox;
  readonly apiFor: (origin: string) => ClinicApi;
  readonly now: () => number;
  readonly timeZone: string;
  readonly deviceLabel: string;
  readonly text?: ClinicText;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Builds the panel; it loads the link and, when linked, sends the outbox right away. */
export function clinicPanel(d: ClinicPanelDeps): HTMLElement {
  const t = d.text ?? CLINIC_TEXT_EN;
  const status = h('p', { id: 'clinic-status', role: 'status', 'aria-live': 'polite' });
  const plan = h('p', { id: 'clinic-plan' });
  const error = h('p', { id: 'clinic-error', class: 'error', role: 'alert' });
  const input = h('input', {
    id: 'clinic-code',
    name: 'code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    'aria-describedby': 'clinic-error',
  });
  const joinBtn = h('button', { type: 'submit', class: 'primary' }, t.join);
  const form = h(
    'form',
    { id: 'clinic-join', novalidate: true },
    h('label', { for: 'clinic-code' }, t.codeLabel),
    input,
    joinBtn,
  );
  const sendBtn = h('button', { type: 'button', id: 'clinic-send', hidden: true }, t.send);
  const unlinkBtn = h('button', { type: 'button', id: 'clinic-unlink', hidden: true }, t.unlink);
  const confirmYes = h('button', { type: 'button', id: 'clinic-unlink-yes', class: 'danger' }, t.unlinkYes);
  const confirmNo = h('button', { type: 'button', id: 'clinic-unlink-no' }, t.unlinkNo);
  const confirm = h(
    'div',
    { id: 'clinic-unlink-confirm', role: 'group', 'aria-labelledby': 'clinic-unlink-q', hidden: true },
    h('p', { id: 'clinic-unlink-q' }, t.unlinkConfirm),
    confirmYes,
    confirmNo,
  );
  let link: ClinicLink | null = null;

  const describe = (r: FlushReport) => {
    if (r.status === 'unlinked') return t.unlinked;
    const parts = [r.remaining === 0 ? t.allSent : fill(t.waiting, { n: r.remaining })];
    if (r.skipped.length > 0)
      parts.push(fill(t.skipped, { n: r.skipped.length, reason: r.skipped[0]!.reason }));
    return parts.join(' ');
  };
  const flush = singleFlight(async () => {
    if (!link) return null;
    sendBtn.disabled = true;
    status.textContent = t.sending;
    try {
      const r = await flushOutbox({
        api: d.apiFor(link.origin),
        outbox: d.outbox,
        deviceToken: link.deviceToken,
        timeZone: d.timeZone,
        sleep: d.sleep ?? ((ms) => new Promise((res) => setTimeout(res, ms))),
        random: Math.random,
        maxAttempts: 3,
      });
      status.textContent = describe(r);
      return r;
    } finally {
      sendBtn.disabled = false;
    }
  });
  const showLinked = async (l: ClinicLink) => {
    link = l;
    form.hidden = true;
    sendBtn.hidden = false;
    unlinkBtn.hidden = false;
    status.textContent = fill(t.linked, { name: l.displayName ?? '' });
    const p = await refreshPrescription({ db: d.db, api: d.apiFor(l.origin), link: l });
    plan.textContent = p.prescribed
      ? fill(t.plan, { name: p.prescribed.regimen.name, version: p.prescribed.version })
      : t.noPlan;
    await flush();
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    joinBtn.disabled = true;
    joinBtn.textContent = t.joining;
    error.textContent = '';
    const r = await joinClinic({
      db: d.db,
      input: input.value,
      deviceLabel: d.deviceLabel,
      apiFor: d.apiFor,
      nowMs: d.now(),
    });
    joinBtn.disabled = false;
    joinBtn.textContent = t.join;
    if (!r.ok) {
      error.textContent = r.error.message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    await showLinked(r.link);
  });
  sendBtn.addEventListener('click', () => void flush());
  unlinkBtn.addEventListener('click', () => {
    confirm.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener('click', () => {
    confirm.hidden = true;
    unlinkBtn.focus();
  });
  confirmYes.addEventListener('click', async () => {
    if (!link) return;
    confirmYes.disabled = true;
    const r = await revokeAndUnlink(d.db, link, d.apiFor(link.origin));
    confirmYes.disabled = false;
    confirm.hidden = true;
    if (!r.ok) {
      error.textContent = fill(t.unlinkOffline, { message: r.error.message });
      unlinkBtn.focus();
      return;
    }
    link = null;
    error.textContent = '';
    form.hidden = false;
    sendBtn.hidden = true;
    unlinkBtn.hidden = true;
    plan.textContent = '';
    status.textContent = t.unlinkDone;
    input.value = '';
    input.focus();
  });
  void loadLink(d.db).then((l) => (l ? showLinked(l) : undefined));

  return h(
    'section',
    { id: 'clinic', 'aria-labelledby': 'clinic-title' },
    h('h2', { id: 'clinic-title' }, t.title),
    h('p', null, t.intro),
    form,
    error,
    status,
    plan,
    sendBtn,
    unlinkBtn,
    confirm,
  );
}
