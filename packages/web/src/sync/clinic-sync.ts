// The one clinic-sync service of the app: refresh the clinician's prescription, then send the
// outbox. Automatic syncing (start, back online, foreground, every few minutes) and the patient's
// "Send to clinic now" both call the same `run`, so two uploads never run at once; whoever asks
// while a run is in flight gets that run's report.
import type { Db } from '../store/db.ts';
import type { ClinicApi } from './clinic-api.ts';
import { type ClinicLink, loadLink, type PrescriptionView, refreshPrescription } from './clinic-link.ts';
import { type FlushReport, flushOutbox, singleFlight } from './flush.ts';
import type { Outbox } from './outbox.ts';

export interface ClinicSyncDeps {
  readonly db: Pick<Db, 'get' | 'put'>;
  readonly outbox: Outbox;
  readonly apiFor: (origin: string) => ClinicApi;
  /** The patient's IANA time zone. */
  readonly timeZone: string;
  /** Waits `ms` milliseconds between retries (tests pass a fast one). */
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform [0, 1) for retry jitter. */
  readonly random: () => number;
  /** Tries per batch before a run gives up until the next (default 3: the next trigger retries). */
  readonly maxAttempts?: number;
}

/** What one run did: the link it used, the prescription it found, what it sent. */
export interface SyncRun {
  readonly link: ClinicLink;
  readonly prescription: PrescriptionView;
  readonly flush: FlushReport;
}

export interface ClinicSync {
  /** Refreshes the prescription and sends the outbox; null when the phone is not linked. Never rejects for network trouble. */
  run(): Promise<SyncRun | null>;
  /** Called after every run, whoever started it; returns the unsubscribe function. */
  onRun(listener: (r: SyncRun) => void): () => void;
}

export function createClinicSync(d: ClinicSyncDeps): ClinicSync {
  const listeners = new Set<(r: SyncRun) => void>();
  const run = singleFlight(async (): Promise<SyncRun | null> => {
    const link = await loadLink(d.db);
    if (!link) return null;
    const api = d.apiFor(link.origin);
    // The prescription first: a session started after this follows the clinician's latest plan.
    const prescription = await refreshPrescription({ db: d.db, api, link });
    const flush = await flushOutbox({
      api,
      outbox: d.outbox,
      deviceToken: link.deviceToken,
      timeZone: d.timeZone,
      sleep: d.sleep,
      random: d.random,
      maxAttempts: d.maxAttempts ?? 3,
    });
    const r = { link, prescription, flush };
    for (const l of listeners) l(r);
    return r;
  });
  return {
    run,
    onRun(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
