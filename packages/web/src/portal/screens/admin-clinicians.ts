// The admin's accounts screen: clinician accounts with their status, disable/enable, reset a
// password, and create a clinician or admin account.
import { h } from '../../app/dom.ts';
import { dataTable } from '../../ui/data-table.ts';
import type { Portal, Screen } from '../shell.ts';

interface Clinician {
  id: string;
  role: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  /** The signed-in admin: managed under My account, never disabled from here. */
  you: boolean;
}

/** One row's actions: disable/enable and an inline password reset. */
function actions(p: Portal, c: Clinician, onChange: () => Promise<void>): HTMLElement {
  const cell = h('div', { class: 'row-actions' });
  const toggle = h(
    'button',
    {
      type: 'button',
      'data-toggle': c.id,
      'aria-label': `${c.disabled ? p.t('enable') : p.t('disable')}: ${c.displayName}`,
    },
    c.disabled ? p.t('enable') : p.t('disable'),
  );
  toggle.addEventListener('click', async () => {
    toggle.disabled = true;
    const r = await p.api.send('POST', `/api/admin/users/${encodeURIComponent(c.id)}/disable`, {
      disabled: !c.disabled,
    });
    toggle.disabled = false;
    if (!r.ok) return p.announce(p.t('error', { message: r.error.message }));
    p.announce(p.t(c.disabled ? 'enabledNote' : 'disabledNote', { name: c.displayName }));
    await onChange();
  });
  const resetBtn = h(
    'button',
    {
      type: 'button',
      'data-reset': c.id,
      'aria-expanded': 'false',
      'aria-label': `${p.t('resetPassword')}: ${c.displayName}`,
    },
    p.t('resetPassword'),
  );
  const inputId = `reset-${c.id}`;
  const input = h('input', {
    id: inputId,
    type: 'password',
    autocomplete: 'new-password',
    maxlength: 256,
    'aria-describedby': `${inputId}-msg`,
  });
  const msg = h('p', { id: `${inputId}-msg`, class: 'field-msg', role: 'alert' });
  const form = h(
    'form',
    { class: 'reset-form', novalidate: true, hidden: true },
    h('label', { for: inputId }, p.t('tempPassword', { name: c.displayName })),
    input,
    msg,
    h('button', { type: 'submit', class: 'primary' }, p.t('setPassword')),
  );
  resetBtn.addEventListener('click', () => {
    form.hidden = !form.hidden;
    resetBtn.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) input.focus();
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await p.api.send('POST', `/api/admin/users/${encodeURIComponent(c.id)}/password`, {
      password: input.value,
    });
    if (!r.ok) {
      msg.textContent = r.error.message.replace(/^body\.password: /, '');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.value = '';
    input.removeAttribute('aria-invalid');
    msg.textContent = '';
    form.hidden = true;
    resetBtn.setAttribute('aria-expanded', 'false');
    const done = h(
      'p',
      { class: 'notice', tabindex: -1, 'data-reset-done': c.id },
      p.t('passwordReset', { name: c.displayName }),
    );
    cell.append(done);
    done.focus();
  });
  cell.append(toggle, resetBtn, form);
  return cell;
}

async function table(p: Portal, onChange: () => Promise<void>): Promise<HTMLElement> {
  const r = await p.api.get<{ staff: Clinician[] }>('/api/admin/staff');
  if (!r.ok) return h('p', { class: 'error', role: 'alert' }, p.t('error', { message: r.error.message }));
  // Clinicians first, then admins; by name within each.
  const rows = [...r.data.staff].sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === 'clinician' ? -1 : 1) || a.displayName.localeCompare(b.displayName),
  );
  const none = rows.some((c) => c.role === 'clinician')
    ? null
    : h('p', { id: 'no-clinicians' }, p.t('noClinicians'));
  const table = dataTable({
    id: 'clinicians',
    caption: p.t('cliniciansTitle'),
    captionHidden: true,
    columns: (['colPerson', 'colEmail', 'role', 'colStatus', 'colActions'] as const).map((k) => p.t(k)),
    rows: rows.map((c) => ({
      attrs: { 'data-clinician': c.id, class: c.disabled ? 'muted' : null },
      header: c.displayName,
      cells: [
        c.email ?? '',
        c.role === 'admin' ? p.t('roleAdmin') : p.t('roleClinician'),
        {
          content: c.disabled ? p.t('statusDisabled') : p.t('statusActive'),
          attrs: { 'data-col': 'status' },
        },
        c.you ? h('a', { href: '#/account' }, p.t('navAccount')) : actions(p, c, onChange),
      ],
    })),
  });
  return h('div', null, none, table);
}

export async function adminCliniciansScreen(p: Portal): Promise<Screen> {
  const holder = h('div', { id: 'clinician-list' });
  const refresh = async () => {
    holder.replaceChildren(await table(p, refresh));
  };
  await refresh();

  const input = (id: string, type: string, autocomplete: string) =>
    h('input', { id, name: id, type, autocomplete, required: true, maxlength: type === 'email' ? 254 : 256 });
  const name = input('new-clinician-name', 'text', 'off');
  const email = input('new-clinician-email', 'email', 'off');
  const password = input('new-clinician-password', 'password', 'new-password');
  const role = h(
    'select',
    { id: 'new-clinician-role', name: 'role' },
    h('option', { value: 'clinician' }, p.t('roleClinician')),
    h('option', { value: 'admin' }, p.t('roleAdmin')),
  );
  const error = h('p', { id: 'create-error', class: 'error', role: 'alert' });
  const done = h('p', { id: 'create-status', role: 'status' });
  /** Each field by where the API names it, with the label the form gives it. */
  const fields: Record<string, { input: HTMLInputElement; label: string }> = {
    'body.displayName': { input: name, label: p.t('displayName') },
    'body.email': { input: email, label: p.t('email') },
    'body.password': { input: password, label: p.t('firstPassword') },
  };
  const form = h(
    'form',
    { id: 'create-clinician', novalidate: true, 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, p.t('createClinician')),
    h('div', { class: 'field' }, h('label', { for: name.id }, p.t('displayName')), name),
    h('div', { class: 'field' }, h('label', { for: email.id }, p.t('email')), email),
    h('div', { class: 'field' }, h('label', { for: password.id }, p.t('firstPassword')), password),
    h('div', { class: 'field' }, h('label', { for: role.id }, p.t('role')), role),
    error,
    h('button', { type: 'submit', class: 'primary' }, p.t('create')),
    done,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    done.textContent = '';
    for (const f of Object.values(fields)) f.input.removeAttribute('aria-invalid');
    const r = await p.api.send<{ user: { displayName: string } }>('POST', '/api/admin/clinicians', {
      displayName: name.value.trim(),
      email: email.value.trim(),
      password: password.value,
      role: role.value,
    });
    if (!r.ok) {
      // "E-mail: must be an e-mail address, ..." rather than the API's "body.email: ...".
      const where = r.error.where ?? '';
      const f = fields[where];
      error.textContent =
        f && r.error.message.startsWith(`${where}: `)
          ? `${f.label}: ${r.error.message.slice(where.length + 2)}`
          : r.error.message;
      if (f) {
        f.input.setAttribute('aria-invalid', 'true');
        f.input.focus();
      }
      return;
    }
    for (const f of Object.values(fields)) f.input.value = '';
    done.textContent = p.t('created', { name: r.data.user.displayName });
    await refresh();
  });
  const main = h('main', { id: 'main' }, h('h1', { tabindex: -1 }, p.t('cliniciansTitle')), holder, form);
  return { title: p.t('cliniciansTitle'), el: main };
}
