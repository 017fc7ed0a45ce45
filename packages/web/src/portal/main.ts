// The portal's entry: sign-in gate (restored after a reload from the server's session), header and
// navigation per role (clinician or admin), hash routes, idle sign-out.
import { h } from '../app/dom.ts';
import { createIdleTimer, type IdleTimer } from './idle.ts';
import { createPortalApi, type Me } from './portal-api.ts';
import { accountScreen } from './screens/account.ts';
import { adminAuditScreen } from './screens/admin-audit.ts';
import { adminCliniciansScreen } from './screens/admin-clinicians.ts';
import { adminRecordsScreen } from './screens/admin-records.ts';
import { alertInboxScreen } from './screens/alert-inbox.ts';
import { patientListScreen } from './screens/patient-list.ts';
import { patientPageScreen } from './screens/patient-page.ts';
import { signInScreen } from './screens/sign-in.ts';
import type { Portal, Screen } from './shell.ts';
import { PORTAL_EN, type PortalKey, tr } from './strings.ts';

const root = document.getElementById('portal')!;
const t = (key: PortalKey, vars?: Record<string, string | number>) => tr(PORTAL_EN, key, vars);
let idle: IdleTimer | null = null;
let me: Me | null = null;
let rendering = 0;

const status = h('p', { id: 'status', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
const banner = h('p', { id: 'idle-warning', class: 'notice', role: 'alert', hidden: true }, t('idleWarning'));
const api = createPortalApi(fetch.bind(window), sessionStorage, () => showSignIn(t('expired')));

function stopIdle(): void {
  idle?.stop();
  idle = null;
  banner.hidden = true;
}

function showSignIn(notice: string | null): void {
  stopIdle();
  me = null;
  api.setReason(null);
  document.title = `${t('signInTitle')} — ${t('appName')}`;
  root.replaceChildren(
    h('header', { class: 'top' }, h('p', { class: 'brand' }, t('appName'))),
    signInScreen(api, t, notice, (user, idleMin) => start(user, idleMin)),
    status,
  );
  root.querySelector<HTMLElement>('h1')?.focus();
}

function startIdle(idleMin: number): void {
  stopIdle();
  idle = createIdleTimer({
    timeoutMs: idleMin * 60_000,
    onWarn: () => {
      banner.hidden = false;
    },
    onTimeout: async () => {
      await api.signOut();
      showSignIn(t('idleSignedOut', { min: idleMin }));
    },
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (x) => window.clearTimeout(x as number),
  });
}

for (const ev of ['keydown', 'pointerdown', 'wheel'] as const) {
  window.addEventListener(
    ev,
    () => {
      if (!idle) return;
      banner.hidden = true;
      idle.activity();
    },
    { passive: true },
  );
}

const alertCount = h('span', { id: 'alert-count' }, '');
let countAsked = 0;
async function refreshAlertCount(): Promise<void> {
  if (me?.role !== 'clinician') return;
  // Answers can arrive out of order (each page change asks again): only the newest question's
  // answer is shown, so an old "0" never overwrites a newer count.
  const asked = ++countAsked;
  const r = await api.get<{ alerts: unknown[] }>('/api/alerts?status=open');
  if (asked !== countAsked) return;
  alertCount.textContent = r.ok ? t('navAlerts', { n: r.data.alerts.length }) : t('navAlerts', { n: '?' });
}

function start(user: Me, idleMin: number): void {
  me = user;
  startIdle(idleMin);
  void route();
}

/** The navigation links for a role: [href, label, is this the current page]. */
function navFor(role: string, hash: string): [string, Node | string, boolean][] {
  const patient = hash.startsWith('#/patient/');
  if (role === 'admin') {
    return [
      ['#/', t('navClinicians'), hash === '#/' || hash === ''],
      ['#/records', t('navRecords'), hash === '#/records' || patient],
      ['#/audit', t('navAudit'), hash.startsWith('#/audit')],
      ['#/account', t('navAccount'), hash === '#/account'],
    ];
  }
  return [
    ['#/', t('navPatients'), hash === '#/' || patient],
    ['#/alerts', alertCount, hash.startsWith('#/alerts')],
    ['#/account', t('navAccount'), hash === '#/account'],
  ];
}

async function screenFor(portal: Portal, role: string, hash: string): Promise<Screen> {
  const m = /^#\/patient\/([^/?#]+)/.exec(hash);
  if (hash === '#/account') return accountScreen(portal);
  if (role === 'admin') {
    // A patient's page needs the stated reason first; without one the admin states it here.
    if (m && api.reason() !== null) return patientPageScreen(portal, decodeURIComponent(m[1]!));
    if (m || hash === '#/records') return adminRecordsScreen(portal);
    if (hash.startsWith('#/audit')) return adminAuditScreen(portal);
    return adminCliniciansScreen(portal);
  }
  if (m) return patientPageScreen(portal, decodeURIComponent(m[1]!));
  if (hash.startsWith('#/alerts')) return alertInboxScreen(portal, hash === '#/alerts/all');
  return patientListScreen(portal);
}

async function route(): Promise<void> {
  if (!me) return;
  const ticket = ++rendering;
  const user = me;
  const portal: Portal = {
    api,
    t,
    me: user,
    now: () => Date.now(),
    navigate: (hash) => {
      if (location.hash === hash) void route();
      else location.hash = hash;
    },
    announce: (m) => {
      status.textContent = m;
    },
    refreshAlertCount,
  };
  const hash = location.hash || '#/';
  const signOut = h('button', { type: 'button', id: 'sign-out' }, t('signOut'));
  signOut.addEventListener('click', async () => {
    await api.signOut();
    showSignIn(t('signedOut'));
  });
  const link = (href: string, label: Node | string, current: boolean) =>
    h('a', { href, 'aria-current': current ? 'page' : null }, label);
  const header = h(
    'header',
    { class: 'top' },
    h(
      'a',
      {
        class: 'skip',
        href: '#main',
        onclick: (e: Event) => {
          e.preventDefault();
          root.querySelector<HTMLElement>('main h1')?.focus();
        },
      },
      t('skip'),
    ),
    h('p', { class: 'brand' }, t('appName')),
    h(
      'nav',
      { 'aria-label': 'Main' },
      h(
        'ul',
        null,
        navFor(user.role, hash).map(([href, label, current]) => h('li', null, link(href, label, current))),
      ),
    ),
    h('p', { class: 'who' }, t('signedInAs', { name: user.displayName })),
    signOut,
  );
  const screen = await screenFor(portal, user.role, hash);
  if (ticket !== rendering || me !== user) return;
  document.title = `${screen.title} — ${t('appName')}`;
  root.replaceChildren(header, banner, screen.el, status);
  void refreshAlertCount();
  // Move focus to the new heading so screen readers announce the page change.
  screen.el.querySelector<HTMLElement>('h1')?.focus();
}

window.addEventListener('hashchange', () => void route());

async function boot(): Promise<void> {
  // The cookie outlives a reload or a new tab; the CSRF token is fetched again with it.
  const r = await api.restore();
  if (r.ok && (r.data.user.role === 'clinician' || r.data.user.role === 'admin'))
    start(r.data.user, r.data.idleTimeoutMin);
  else showSignIn(null);
}
void boot();
