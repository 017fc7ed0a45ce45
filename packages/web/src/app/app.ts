// The app shell: header, navigation, footer with the honest-use note, and a hash router that
// swaps one screen at a time into <main> and moves focus to its heading for screen readers.
import { LANG_TAG, type Lang, type Translate, translator } from '../i18n/i18n.ts';
import type { Db } from '../store/db.ts';
import type { Settings } from '../store/settings.ts';
import type { ClinicSync } from '../sync/clinic-sync.ts';
import { h } from './dom.ts';

export type Method = 'camera' | 'phone' | 'timing';

/** What the screens of one session hand to each other before the session starts. */
export interface Flow {
  screening?: { decision: string; reason: string; painNow: number; supervisor?: string; answers: unknown };
  method?: Method;
  /** The open camera, kept from the set-up wizard through calibration into the session. */
  camera?: import('../sensors/camera.ts').CameraPipeline;
}

/** Room above a screen that starts at its own top (`Screen.startAt`), CSS px. */
const SCREEN_MARGIN_PX = 8;

export interface App {
  readonly db: Db;
  /** The one clinic-sync service (prescription + outbox); screens never build their own. */
  readonly clinicSync: ClinicSync;
  settings: Settings;
  t: Translate;
  flow: Flow;
  saveSettings(next: Settings): Promise<void>;
  go(route: string): void;
}

export interface Screen {
  readonly title: string;
  readonly el: HTMLElement;
  /**
   * Where the window starts: at the page's top (the default, as a page load does), or at the
   * screen's own top, the header and navigation scrolled away (the session: its foot and set, the
   * cue, the counters and the controls are what a phone's height must show).
   */
  readonly startAt?: 'page' | 'screen';
  dispose?(): void;
}

export type ScreenFactory = (app: App, params: readonly string[]) => Promise<Screen> | Screen;

/**
 * A route: its screen factory, or a loader for screens shipped on demand. The router loads first and
 * calls the factory only if no navigation came meanwhile: a screen the patient already left must not
 * act (send them to the safety check, open the camera, take the plan meant for the next screen).
 */
export type Route = ScreenFactory | { readonly load: () => Promise<ScreenFactory> };

/** Starts the app in `root` with the given routes ('' is home). */
export function startApp(
  root: HTMLElement,
  services: { readonly db: Db; readonly clinicSync: ClinicSync },
  settings: Settings,
  routes: Record<string, Route>,
  firstRun: boolean,
): App {
  let current: Screen | undefined;
  const main = h('main', { id: 'main', tabindex: '-1' });
  const nav = h('nav', { 'aria-label': 'main' });
  const footer = h('footer');
  const skip = h('a', { class: 'skip', href: '#main' });
  skip.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  const header = h('header');
  root.replaceChildren(skip, header, main, footer);

  const { db } = services;
  const app: App = {
    db,
    clinicSync: services.clinicSync,
    settings,
    t: translator(settings.lang),
    flow: {},
    async saveSettings(next) {
      const langChanged = next.lang !== app.settings.lang;
      app.settings = next;
      await db.put('kv', 'settings', next);
      if (langChanged) {
        app.t = translator(next.lang);
        renderChrome();
      }
    },
    go(route) {
      if (location.hash === `#/${route}`) void render();
      else location.hash = `#/${route}`;
    },
  };

  function renderChrome(): void {
    const { t } = app;
    document.documentElement.lang = LANG_TAG[app.settings.lang as Lang];
    skip.textContent = t('app.skip');
    header.replaceChildren(h('a', { href: '#/', class: 'brand' }, t('app.title')), nav);
    nav.setAttribute('aria-label', t('app.title'));
    nav.replaceChildren(
      ...(
        [
          ['', 'nav.home'],
          ['learn', 'nav.learn'],
          ['history', 'nav.history'],
          ['clinic', 'nav.clinic'],
          ['setup', 'nav.settings'],
        ] as const
      ).map(([r, k]) => h('a', { href: `#/${r}`, 'data-route': r }, t(k))),
    );
    footer.replaceChildren(h('p', null, t('app.disclaimer')), h('p', { class: 'care' }, t('app.seekCare')));
  }

  let renderSeq = 0;
  /**
   * Shows the screen for `hash`. Each navigation renders the route it went to: two quick ones (a
   * click, then a link) queue two hashchange events, and reading location.hash in both would build
   * the second screen twice, the session screen's set-up (its camera, the plan it consumes) included.
   */
  async function render(hash = location.hash): Promise<void> {
    const seq = ++renderSeq;
    const [name = '', ...params] = hash.replace(/^#\/?/, '').split('/');
    const route = routes[name] ?? routes['']!;
    current?.dispose?.();
    current = undefined;
    const factory = typeof route === 'function' ? route : await route.load();
    if (seq !== renderSeq) return;
    const screen = await factory(app, params.map(decodeURIComponent));
    if (seq !== renderSeq) {
      screen.dispose?.();
      return;
    }
    current = screen;
    renderChrome();
    for (const a of nav.querySelectorAll('a')) {
      if (a.dataset.route === name) a.setAttribute('aria-current', 'page');
    }
    document.title = `${screen.title} – ${app.t('app.title')}`;
    main.replaceChildren(screen.el);
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      // Where the screen asks to start, not where focus scrolls: the session's heading is visually
      // hidden, and focus scrolled a 360x740 phone to it, 193 px down, cutting off the screen's
      // first line ("Left foot / Set 1 of 1").
      heading.focus({ preventScroll: true });
    }
    const topPx = screen.startAt === 'screen' ? screen.el.getBoundingClientRect().top + window.scrollY : 0;
    window.scrollTo(0, Math.max(0, topPx - SCREEN_MARGIN_PX));
  }

  window.addEventListener('hashchange', (e) => void render(new URL(e.newURL).hash));
  renderChrome();
  if (firstRun && !location.hash.replace(/^#\/?/, '')) location.hash = '#/learn/first';
  else void render();
  return app;
}
