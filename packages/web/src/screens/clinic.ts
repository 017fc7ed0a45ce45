// "My clinic": the sync work's panel (link this phone with an invite code, send the outbox) in the
// app's shell and language, with the code from the first run filled in. Opened as `clinic/link`
// (set-up with a clinician's code), it links with that code at once unless already linked.
import type { ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { CLINIC_TEXT } from '../i18n/clinic-text.ts';
import { createClinicApi } from '../sync/clinic-api.ts';
import { loadLink } from '../sync/clinic-link.ts';
import { clinicPanel } from '../sync/clinic-panel.ts';

export const clinicScreen: ScreenFactory = async (app, params) => {
  const text = CLINIC_TEXT[app.settings.lang];
  const panel = clinicPanel({
    db: app.db,
    sync: app.clinicSync,
    apiFor: (origin) => createClinicApi(origin, (u, init) => fetch(u, init)),
    now: () => Date.now(),
    deviceLabel: navigator.userAgent.includes('Mobile') ? 'phone' : 'browser',
    text,
  });
  const code = panel.querySelector<HTMLInputElement>('#clinic-code');
  if (code && !code.value && app.settings.clinicianCode) code.value = app.settings.clinicianCode;
  if (params[0] === 'link' && code?.value && !(await loadLink(app.db))) {
    // The panel's own join, as if its button were pressed: it shows "Linking…", then linked and
    // the plan, or why not (offline, a code that is wrong or used) with the code kept to try again.
    panel.querySelector('#clinic-join')?.dispatchEvent(new Event('submit', { cancelable: true }));
  }
  const el = h('section', null, panel);
  // The panel brings its own heading; the shell focuses the first h1 it finds.
  const heading = el.querySelector('h2#clinic-title');
  heading?.replaceWith(h('h1', { id: 'clinic-title' }, heading.textContent));
  return { title: text.title, el };
};
