// Test page for the patient side of the clinic link: the sync package's panel over the app's
// real IndexedDB store, plus a hook to save a finished session through the app's store module.
import type { SessionRecord } from '@anklepump/exercise';
import {
  clinicPanel,
  createClinicApi,
  createClinicSync,
  idbOutbox,
  openDb,
  saveFinished,
} from '@anklepump/web/testing';

const db = await openDb();
const outbox = idbOutbox();
const apiFor = (origin: string) => createClinicApi(origin, (u, init) => fetch(u, init));
const sync = createClinicSync({
  db,
  outbox,
  apiFor,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
  random: Math.random,
});
const main = document.createElement('main');
main.append(clinicPanel({ db, sync, apiFor, now: () => Date.now(), deviceLabel: 'test phone' }));
document.body.append(main);

(window as unknown as { clinicTest: unknown }).clinicTest = {
  async saveSession(record: SessionRecord, method: 'camera' | 'phone' | 'timing' = 'timing') {
    await saveFinished(db, {
      record,
      context: { method, screening: null, calibration: null },
      savedAtMs: Date.now(),
    });
  },
  outboxKeys: async () => (await outbox.entries()).map((e) => e.key),
};
document.body.dataset.ready = 'true';
