// Entry point of the patient app: opens the local store, reads the settings, registers the
// service worker (offline use) and starts the router.
import { startApp } from './app/app.ts';
import { pickLang } from './i18n/i18n.ts';
import { routes } from './routes.ts';
import { openDb } from './store/db.ts';
import { parseSettings } from './store/settings.ts';

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  const db = await openDb();
  const settings = parseSettings(await db.get('kv', 'settings'), pickLang(navigator.languages));
  const firstRun = !(await db.get<boolean>('kv', 'firstRunDone'));
  startApp(root, db, settings, routes, firstRun);
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // Without a service worker the app still works online; nothing to tell the patient.
    });
  }
}

void boot();
