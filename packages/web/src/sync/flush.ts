// Sends the outbox to the clinic: in batches, with exponential backoff on network and server
// failures, removing an entry only once the server has it. Safe to run again at any time: the
// outbox key is the idempotency key, so a retry after a lost answer stores nothing twice.
import { MAX_RECORDS_PER_UPLOAD, type UploadRecord } from '@anklepump/exercise';
import type { ClinicApi, ClinicError } from './clinic-api.ts';
import type { Outbox } from './outbox.ts';
import { toUploadRecord } from './upload-record.ts';

export interface FlushOptions {
  readonly api: ClinicApi;
  readonly outbox: Outbox;
  readonly deviceToken: string;
  /** The patient's IANA time zone: the server judges "today" and streaks in it. */
  readonly timeZone: string;
  /** Waits `ms` milliseconds (tests pass a fake). */
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform [0, 1): spreads retries so many phones coming back online do not retry in step. */
  readonly random: () => number;
  /** Tries per batch before giving up until the next flush (default 5). */
  readonly maxAttempts?: number;
  /** First retry delay in ms, doubled each try (default 2000), capped at `maxDelayMs` (default 60000). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Records per request (default and most: the contract's MAX_RECORDS_PER_UPLOAD). */
  readonly batchSize?: number;
}

export interface FlushReport {
  /** done: nothing sendable is left; offline: gave up retrying, try later; unlinked: the device token no longer works. */
  readonly status: 'done' | 'offline' | 'unlinked';
  /** Newly stored by the server, or a stored session it amended with the pain after it. */
  readonly sent: number;
  /** The server already had them (an earlier upload whose answer was lost). */
  readonly alreadyThere: number;
  /**
   * Keys the server holds with other content (changed after sending in a way the clinic does not
   * take: only pain after a session is); removed here, the server keeps the first.
   */
  readonly conflicts: readonly string[];
  /** Entries left in the outbox because they cannot be sent, with the reason. */
  readonly skipped: readonly { readonly key: string; readonly reason: string }[];
  /** Entries still waiting to be sent (after offline/unlinked). */
  readonly remaining: number;
  readonly lastError: ClinicError | null;
}

/** Delay before retry `attempt` (1-based): exponential, capped, with jitter; honours Retry-After. */
export function backoffMs(
  attempt: number,
  random: number,
  base: number,
  max: number,
  retryAfterS?: number,
): number {
  if (retryAfterS !== undefined) return Math.min(max, retryAfterS * 1000);
  const full = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round(full / 2 + (full / 2) * random);
}

const RECORD_AT = /^body\.records\[(\d+)\]/;

/** Uploads every sendable outbox entry; never throws for network or server trouble (see the report). */
export async function flushOutbox(o: FlushOptions): Promise<FlushReport> {
  const maxAttempts = o.maxAttempts ?? 5;
  const base = o.baseDelayMs ?? 2000;
  const max = o.maxDelayMs ?? 60_000;
  const batchSize = Math.min(MAX_RECORDS_PER_UPLOAD, Math.max(1, o.batchSize ?? MAX_RECORDS_PER_UPLOAD));
  const skipped: { key: string; reason: string }[] = [];
  const conflicts: string[] = [];
  let sent = 0;
  let alreadyThere = 0;
  let lastError: ClinicError | null = null;

  const queue: { record: UploadRecord; value: unknown }[] = [];
  for (const e of await o.outbox.entries()) {
    const c = toUploadRecord(e);
    if (c.ok) queue.push({ record: c.record, value: e.value });
    else skipped.push({ key: e.key, reason: c.reason });
  }
  // Oldest first, so the clinician's view fills in the order things happened.
  queue.sort((a, b) => a.record.idempotencyKey.localeCompare(b.record.idempotencyKey));

  let attempt = 0;
  while (queue.length > 0) {
    const batch = queue.slice(0, batchSize);
    const r = await o.api.upload(
      o.deviceToken,
      batch.map((b) => b.record),
      o.timeZone,
    );
    if (r.ok) {
      attempt = 0;
      queue.splice(0, batch.length);
      for (const [i, res] of r.data.entries()) {
        const b = batch[i];
        if (!b) continue;
        if (res.status === 'created' || res.status === 'amended') sent++;
        else if (res.status === 'duplicate') alreadyThere++;
        else conflicts.push(b.record.idempotencyKey);
        // If the entry changed while in flight it stays and goes out on the next flush.
        await o.outbox.removeIfUnchanged(b.record.idempotencyKey, b.value);
      }
      continue;
    }
    lastError = r.error;
    const e = r.error;
    if (e.code === 'unlinked') break;
    if (e.code === 'rejected' || e.code === 'not_found' || e.code === 'invite_invalid') {
      // The server names the first bad record: set it aside and send the rest without it.
      const m = e.where ? RECORD_AT.exec(e.where) : null;
      const bad = m ? [Number(m[1])] : batch.map((_, i) => i);
      for (const i of bad.reverse()) {
        const [gone] = queue.splice(i, 1);
        if (gone) skipped.push({ key: gone.record.idempotencyKey, reason: e.message });
      }
      continue;
    }
    attempt++;
    if (attempt >= maxAttempts) break;
    await o.sleep(backoffMs(attempt, o.random(), base, max, e.retryAfterS));
  }
  const status = queue.length === 0 ? 'done' : lastError?.code === 'unlinked' ? 'unlinked' : 'offline';
  return { status, sent, alreadyThere, conflicts, skipped, remaining: queue.length, lastError };
}

/** Wraps an async job so overlapping calls share one run (a tap on "send now" during an automatic sync). */
export function singleFlight<T>(job: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= job().finally(() => {
      running = null;
    });
    return running;
  };
}
