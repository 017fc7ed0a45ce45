// Entry point of the patient app: opens the local store, reads the settings, registers the
// service worker (offline use), starts the router and, once the phone is linked to a clinic,
// keeps the outbox flowing there without the patient having to ask.
import { startApp } from './app/app.ts';
import { pickLang } from './i18n/i18n.ts';
import { routes } from './routes.ts';
import type { Db } from './store/db.ts';
import { openDb } from './store/db.ts';
import { deviceTimeZone } from './store/reminders.ts';
import { parseSettings } from './store/settings.ts';
import { startAutoSync } from './sync/auto-sync.ts';
import { createClinicApi } from './sync/clinic-api.ts';
import { type ClinicSync, createClinicSync } from './sync/clinic-sync.ts';
import { idbOutbox } from './sync/outbox.ts';

/**
 * An invite link (`/join?code=...`) opens the app on "My clinic" with the code filled in; the
 * query is dropped from the address so a reload does not offer the used code again.
 */
function takeInviteCode(): string | null {
  const code = new URLSearchParams(location.search).get('code');
  if (!code) return null;
  history.replaceState(null, '', `${new URL('./', location.href).pathname}#/clinic`);
  return code.slice(0, 64);
}

/** The app's one clinic-sync service, run automatically and by the "send now" button alike. */
function clinicSyncFor(db: Db): ClinicSync {
  return createClinicSync({
    db,
    outbox: idbOutbox(),
    apiFor: (origin) => createClinicApi(origin, (u, init) => fetch(u, init)),
    timeZone: deviceTimeZone(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
  });
}

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  const db = await openDb();
  const invite = takeInviteCode();
  const stored = parseSettings(await db.get('kv', 'settings'), pickLang(navigator.languages));
  const settings = invite ? { ...stored, clinicianCode: invite } : stored;
  const firstRun = !(await db.get<boolean>('kv', 'firstRunDone'));
  const clinicSync = clinicSyncFor(db);
  startApp(root, { db, clinicSync }, settings, routes, firstRun);
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // Without a service worker the app still works online; nothing to tell the patient.
    });
  }
  startAutoSync({
    sync: clinicSync.run,
    target: window,
    isVisible: () => document.visibilityState === 'visible',
  });
}

void boot();
