// The outbox: records waiting to reach the clinic, each stored under its idempotency key as
// `{ kind, data }` of the sync contract (exercise's UploadRecord without the key). Written only
// through `outboxWrite`, read by the sync client with a removal that only happens if the entry
// is still the one that was sent (the summary screen may amend a session while its upload is in
// flight; that amendment must not be lost).
import { recordKey, type ScreeningAnswers, type SessionRecord, type UploadRecord } from '@anklepump/exercise';
import { DB_NAME, done, openIdb, req } from '../store/db.ts';

/** An outbox value: one upload record, the key being the outbox key. */
export type OutboxRecord = UploadRecord extends infer R
  ? R extends unknown
    ? Omit<R, 'idempotencyKey'>
    : never
  : never;

/** A write for `Db.put`/`Db.putMany`: the record under the key the contract's key rule gives it. */
export interface OutboxWrite {
  readonly store: 'outbox';
  readonly key: string;
  readonly value: OutboxRecord;
}

/** The one way anything enters the outbox. */
export function outboxWrite(record: UploadRecord): OutboxWrite {
  return {
    store: 'outbox',
    key: record.idempotencyKey,
    value: { kind: record.kind, data: record.data } as OutboxRecord,
  };
}

/** A finished (or amended) session as an upload record; only the record leaves the device. */
export function sessionUpload(record: SessionRecord, method?: string): UploadRecord {
  // Which sensor checked it does leave: it decides how far the clinician can trust the degrees.
  const data: SessionRecord =
    method === 'camera' || method === 'phone' ? { ...record, sensor: method } : record;
  return { idempotencyKey: recordKey('session', record.sessionId), kind: 'session', data };
}

/** A safety screening as an upload record: the answers; the clinic recomputes the decision. */
export function screeningUpload(atMs: number, answers: ScreeningAnswers): UploadRecord {
  return { idempotencyKey: recordKey('screening', atMs), kind: 'screening', data: { atMs, answers } };
}

export interface OutboxEntry {
  readonly key: string;
  readonly value: unknown;
}

export interface Outbox {
  entries(): Promise<OutboxEntry[]>;
  /** Removes `key` if its value still equals `sent` (JSON-equal); returns whether it did. */
  removeIfUnchanged(key: string, sent: unknown): Promise<boolean>;
}

/** The app's IndexedDB outbox (database `anklepump`, store `outbox`). */
export function idbOutbox(factory: IDBFactory = indexedDB, name = DB_NAME): Outbox {
  return {
    async entries() {
      const db = await openIdb(factory, name);
      try {
        const store = db.transaction('outbox').objectStore('outbox');
        const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
        return keys.map((k, i) => ({ key: String(k), value: values[i] }));
      } finally {
        db.close();
      }
    },
    async removeIfUnchanged(key, sent) {
      const db = await openIdb(factory, name);
      try {
        const tx = db.transaction('outbox', 'readwrite');
        const store = tx.objectStore('outbox');
        const now = await req(store.get(key));
        const same = now !== undefined && JSON.stringify(now) === JSON.stringify(sent);
        if (same) store.delete(key);
        await done(tx);
        return same;
      } finally {
        db.close();
      }
    },
  };
}

/** An in-memory outbox with the same contract, for tests and for callers without IndexedDB. */
export function memoryOutbox(
  initial: Iterable<[string, unknown]> = [],
): Outbox & { map: Map<string, unknown> } {
  const map = new Map(initial);
  return {
    map,
    async entries() {
      return [...map].map(([key, value]) => ({ key, value }));
    },
    async removeIfUnchanged(key, sent) {
      if (!map.has(key) || JSON.stringify(map.get(key)) !== JSON.stringify(sent)) return false;
      map.delete(key);
      return true;
    },
  };
}
