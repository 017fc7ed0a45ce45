// Creates an invite for a patient and shows the code and the link to give them.
import { h } from '../../app/dom.ts';
import { type Portal, when } from '../shell.ts';

interface Invite {
  code: string;
  link: string;
  expiresAtMs: number;
}

/**
 * Whether a link's address is this computer's own (localhost, 127.x, ::1): a patient's phone
 * cannot open it. The server builds links on PUBLIC_URL; without it, on the portal's own address.
 */
export function isLoopbackLink(link: string): boolean {
  try {
    const host = new URL(link).hostname;
    return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]';
  } catch {
    return false;
  }
}

/** Groups the code in fives for reading aloud; the app ignores the space. */
const grouped = (c: string) => `${c.slice(0, 5)} ${c.slice(5)}`;

/** Asks the server for a new invite and renders it; focus goes to the panel so it is read out. */
export async function invitePanel(p: Portal, patientId: string, name: string): Promise<HTMLElement> {
  const r = await p.api.send<Invite>('POST', `/api/patients/${encodeURIComponent(patientId)}/invites`, {});
  if (!r.ok) return h('p', { class: 'error', role: 'alert' }, p.t('error', { message: r.error.message }));
  const link = r.data.link.startsWith('/') ? `${location.origin}${r.data.link}` : r.data.link;
  const panel = h(
    'section',
    { class: 'invite', id: 'invite', tabindex: -1, 'aria-labelledby': 'invite-title' },
    h('h2', { id: 'invite-title' }, p.t('inviteTitle', { name })),
    h(
      'dl',
      null,
      h('dt', null, p.t('inviteCode')),
      h('dd', null, h('code', { id: 'invite-code', 'data-code': r.data.code }, grouped(r.data.code))),
      h('dt', null, p.t('inviteLink')),
      h('dd', null, h('a', { id: 'invite-link', href: link }, link)),
    ),
    h('p', null, p.t('inviteExpires', { when: when(r.data.expiresAtMs) })),
    isLoopbackLink(link)
      ? h('p', { class: 'field-msg warn', id: 'invite-loopback' }, p.t('inviteLoopback'))
      : null,
  );
  return panel;
}
