// The sign-in form; also shown, with the reason, after an idle sign-out or an ended session.
import { h } from '../../app/dom.ts';
import type { Me, PortalApi } from '../portal-api.ts';
import type { PortalKey } from '../strings.ts';

export function signInScreen(
  api: PortalApi,
  t: (key: PortalKey, vars?: Record<string, string | number>) => string,
  notice: string | null,
  onSignedIn: (me: Me, idleTimeoutMin: number) => void,
): HTMLElement {
  const email = h('input', {
    id: 'email',
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { id: 'signin-error', class: 'error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, t('signIn'));
  const form = h(
    'form',
    { id: 'signin', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'email' }, t('email')), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('password')), password),
    error,
    button,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    button.disabled = true;
    button.textContent = t('signingIn');
    const r = await api.signIn(email.value, password.value);
    button.disabled = false;
    button.textContent = t('signIn');
    if (!r.ok) {
      error.textContent = r.error.message;
      password.value = '';
      (r.error.where === 'body.email' ? email : password).focus();
      return;
    }
    onSignedIn(r.data.user, r.data.idleTimeoutMin);
  });
  return h(
    'main',
    { id: 'main', class: 'narrow' },
    h('h1', { tabindex: -1 }, t('signInTitle')),
    notice ? h('p', { id: 'signin-notice', class: 'notice', role: 'status' }, notice) : null,
    form,
  );
}
