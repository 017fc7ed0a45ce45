// The patient's "My clinic" panel: join with a code or link, see which clinic and patient this
// phone is linked to, the clinician's plan (which the app then follows) and note, whether
// everything has reached the clinic, send now, unlink. Strings come in as a table so the app's
// i18n can supply them.
import { h } from '../app/dom.ts';
import type { Db } from '../store/db.ts';
import type { ClinicApi } from './clinic-api.ts';
import { type ClinicLink, joinClinic, loadLink, revokeAndUnlink } from './clinic-link.ts';
import type { ClinicSync, SyncRun } from './clinic-sync.ts';
import type { FlushReport } from './flush.ts';

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
  linkedTo: 'This phone is linked to the clinic at {clinic}, as patient {name}.',
  planApplied: 'Home and your sessions now follow this plan: {reps} pumps per foot, {sets} sets.',
  planAppliedOneSet: 'Home and your sessions now follow this plan: {reps} pumps per foot, 1 set.',
  note: 'Note from your clinician: {note}',
  unlink: 'Unlink this phone',
  unlinkConfirm:
    'Unlink this phone from your clinic? Your clinician stops receiving its sessions. Your history stays on this phone.',
  unlinkYes: 'Yes, unlink',
  unlinkNo: 'Keep it linked',
  unlinkDone:
    'This phone is unlinked. Your records stay on it and your own plan applies again. To link it again, ask your clinician for a new invite code.',
  unlinkOffline:
    'Could not reach your clinic, so this phone is still linked: {message}. Try again when online.',
} as const;
export type ClinicText = { readonly [K in keyof typeof CLINIC_TEXT_EN]: string };

const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ''));

/** What the app now follows, in words: one set is "1 set" (it read "1 sets"). */
export function planAppliedText(
  t: Pick<ClinicText, 'planApplied' | 'planAppliedOneSet'>,
  dose: { readonly repsPerFoot: number; readonly sets: number },
): string {
  return fill(dose.sets === 1 ? t.planAppliedOneSet : t.planApplied, {
    reps: dose.repsPerFoot,
    sets: dose.sets,
  });
}

export interface ClinicPanelDeps {
  readonly db: Pick<Db, 'get' | 'put'>;
  /** The app's one sync service: "send now" joins a run already in flight instead of starting another. */
  readonly sync: ClinicSync;
  /** The clinic client for joining with an invite (the link names the clinic's origin). */
  readonly apiFor: (origin: string) => ClinicApi;
  readonly now: () => number;
  readonly deviceLabel: string;
  readonly text?: ClinicText;
}

/** Builds the panel; it loads the link and, when linked, sends the outbox right away. */
export function clinicPanel(d: ClinicPanelDeps): HTMLElement {
  const t = d.text ?? CLINIC_TEXT_EN;
  const status = h('p', { id: 'clinic-status', role: 'status', 'aria-live': 'polite' });
  const plan = h('p', { id: 'clinic-plan' });
  const applied = h('p', { id: 'clinic-plan-applied' });
  const note = h('p', { id: 'clinic-note', class: 'note', hidden: true });
  const linkedTo = h('p', { id: 'clinic-linked' });
  const unlinkBtn = h(
    'button',
    { type: 'button', id: 'clinic-unlink', class: 'secondary', hidden: true },
    t.unlink,
  );
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
  const show = (r: SyncRun) => {
    status.textContent = describe(r.flush);
    const p = r.prescription.prescribed;
    plan.textContent = p ? fill(t.plan, { name: p.regimen.name, version: p.version }) : t.noPlan;
    applied.textContent = p?.regimen.dose ? planAppliedText(t, p.regimen.dose) : '';
    note.textContent = p?.note ? fill(t.note, { note: p.note }) : '';
    note.hidden = !p?.note;
  };
  const flush = async () => {
    if (!link) return;
    sendBtn.disabled = true;
    status.textContent = t.sending;
    try {
      const r = await d.sync.run();
      // Unlinked while the run was in flight: its report is about a link that is gone.
      if (r && link) show(r);
    } finally {
      sendBtn.disabled = false;
    }
  };
  // Runs started elsewhere (automatic sync) update the panel too, while it is on screen.
  let attached = false;
  const off = d.sync.onRun((r) => {
    if (section.isConnected) {
      attached = true;
      if (link) show(r);
    } else if (attached) off();
  });
  const showLinked = async (l: ClinicLink) => {
    link = l;
    form.hidden = true;
    sendBtn.hidden = false;
    unlinkBtn.hidden = false;
    const clinic = l.origin ? new URL(l.origin).host : location.host;
    linkedTo.textContent = fill(t.linkedTo, { clinic, name: l.displayName ?? l.patientId });
    status.textContent = fill(t.linked, { name: l.displayName ?? '' });
    await flush();
  };
  // Unlinking asks first, then revokes the phone's token at the clinic (a lost or given-away
  // phone must stop being able to send) and only then forgets the link here.
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
    for (const p of [linkedTo, plan, applied, note]) p.textContent = '';
    note.hidden = true;
    status.textContent = t.unlinkDone;
    input.value = '';
    input.focus();
  });

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
  void loadLink(d.db).then((l) => (l ? showLinked(l) : undefined));

  const section = h(
    'section',
    { id: 'clinic', 'aria-labelledby': 'clinic-title' },
    h('h2', { id: 'clinic-title' }, t.title),
    h('p', null, t.intro),
    form,
    error,
    linkedTo,
    status,
    plan,
    applied,
    note,
    sendBtn,
    unlinkBtn,
    confirm,
  );
  return section;
}
