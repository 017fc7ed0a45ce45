// The clinician portal's entry: sign-in gate, header and navigation, hash routes, idle sign-out.
import { h } from '../app/dom.ts';
import { createIdleTimer, type IdleTimer } from './idle.ts';
import { createPortalApi, type Me } from './portal-api.ts';
import { alertInboxScreen } from './screens/alert-inbox.ts';
import { patientListScreen } from './screens/patient-list.ts';
import { patientPageScreen } from './screens/patient-page.ts';
import { signInScreen } from './screens/sign-in.ts';
import type { Portal, Screen } from './shell.ts';
import { PORTAL_EN, type PortalKey, tr } from './strings.ts';

const IDLE_KEY = 'ap-portal-idle-min';
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
  document.title = `${t('signInTitle')} — ${t('appName')}`;
  root.replaceChildren(
    h('header', { class: 'top' }, h('p', { class: 'brand' }, t('appName'))),
    signInScreen(api, t, notice, (user, idleMin) => {
      sessionStorage.setItem(IDLE_KEY, String(idleMin));
      start(user, idleMin);
    }),
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
async function refreshAlertCount(): Promise<void> {
  const r = await api.get<{ alerts: unknown[] }>('/api/alerts?status=open');
  alertCount.textContent = r.ok ? t('navAlerts', { n: r.data.alerts.length }) : t('navAlerts', { n: '?' });
}

function start(user: Me, idleMin: number): void {
  me = user;
  startIdle(idleMin);
  void route();
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
      location.hash = hash;
    },
    announce: (m) => {
      status.textContent = m;
    },
    refreshAlertCount,
  };
  const hash = location.hash || '#/';
  const m = /^#\/patient\/([^/?#]+)/.exec(hash);
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
        h('li', null, link('#/', t('navPatients'), hash === '#/' || !!m)),
        h('li', null, link('#/alerts', alertCount, hash.startsWith('#/alerts'))),
      ),
    ),
    h('p', { class: 'who' }, t('signedInAs', { name: user.displayName })),
    signOut,
  );
  let screen: Screen;
  if (m) screen = await patientPageScreen(portal, decodeURIComponent(m[1]!));
  else if (hash.startsWith('#/alerts')) screen = await alertInboxScreen(portal, hash === '#/alerts/all');
  else screen = await patientListScreen(portal);
  if (ticket !== rendering || me !== user) return;
  document.title = `${screen.title} — ${t('appName')}`;
  root.replaceChildren(header, banner, screen.el, status);
  void refreshAlertCount();
  // Move focus to the new heading so screen readers announce the page change.
  screen.el.querySelector<HTMLElement>('h1')?.focus();
}

window.addEventListener('hashchange', () => void route());

async function boot(): Promise<void> {
  const r = await api.get<{ user: Me }>('/api/me');
  const idleMin = Number(sessionStorage.getItem(IDLE_KEY)) || 15;
  if (r.ok && r.data.user.role === 'clinician') start(r.data.user, idleMin);
  else showSignIn(null);
}
void boot();
