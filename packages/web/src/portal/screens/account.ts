// The signed-in clinician's or admin's own account: change the password (patients have no
// password: their phone's link is their credential, revoked from the patient page or the app).
import { h } from '../../app/dom.ts';
import type { Portal, Screen } from '../shell.ts';

export function accountScreen(p: Portal): Screen {
  const field = (id: string, label: string, autocomplete: string) => {
    const input = h('input', {
      id,
      name: id,
      type: 'password',
      autocomplete,
      required: true,
      maxlength: 256,
    });
    const msg = h('p', { id: `${id}-msg`, class: 'field-msg' });
    input.setAttribute('aria-describedby', msg.id);
    return { input, msg, el: h('div', { class: 'field' }, h('label', { for: id }, label), input, msg) };
  };
  const current = field('current-password', p.t('currentPassword'), 'current-password');
  const next = field('new-password', p.t('newPassword'), 'new-password');
  const again = field('repeat-password', p.t('repeatPassword'), 'new-password');
  const done = h('p', { id: 'password-status', role: 'status' });
  const button = h('button', { type: 'submit', class: 'primary' }, p.t('savePassword'));
  const form = h(
    'form',
    { id: 'change-password', novalidate: true, 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, p.t('changePassword')),
    current.el,
    next.el,
    again.el,
    button,
    done,
  );
  const fields = { 'body.currentPassword': current, 'body.newPassword': next } as const;
  const mark = (f: typeof current, message: string) => {
    f.msg.textContent = message;
    f.input.setAttribute('aria-invalid', 'true');
    f.input.focus();
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    done.textContent = '';
    for (const f of [current, next, again]) {
      f.msg.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
    if (current.input.value === '') return mark(current, p.t('required', { field: p.t('currentPassword') }));
    if (next.input.value !== again.input.value) return mark(again, p.t('passwordsDiffer'));
    button.disabled = true;
    const r = await p.api.send('POST', '/api/account/password', {
      currentPassword: current.input.value,
      newPassword: next.input.value,
    });
    button.disabled = false;
    if (!r.ok) {
      const f = fields[r.error.where as keyof typeof fields] ?? current;
      return mark(f, r.error.message.replace(/^body\.\w+: /, ''));
    }
    for (const f of [current, next, again]) f.input.value = '';
    done.textContent = p.t('passwordChanged');
  });
  const main = h(
    'main',
    { id: 'main', class: 'narrow' },
    h('h1', { tabindex: -1 }, p.t('accountTitle')),
    h('p', null, p.t('signedInAs', { name: p.me.displayName })),
    form,
  );
  return { title: p.t('accountTitle'), el: main };
}
