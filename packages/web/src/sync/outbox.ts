// The outbox as the sync client needs it: entries WITH their keys, and a removal that only
// happens if the entry is still the one that was sent (the summary screen may amend a session
// while its upload is in flight; that amendment must not be lost). The store's Db interface
// has no key listing, so this adapter opens the same IndexedDB database directly.
import { DB_NAME } from '../store/db.ts';

export interface OutboxEntry {
  readonly key: string;
  readonly value: unknown;
}

export interface Outbox {
  entries(): Promise<OutboxEntry[]>;
  /** Removes `key` if its value still equals `sent` (JSON-equal); returns whether it did. */
  removeIfUnchanged(key: string, sent: unknown): Promise<boolean>;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const o = factory.open(name);
  o.onupgradeneeded = () => {
    // Opened before the app ever ran: create what the app would, so both agree on the shape.
    for (const s of ['kv', 'sessions', 'outbox']) {
      if (!o.result.objectStoreNames.contains(s)) o.result.createObjectStore(s);
    }
  };
  return req(o);
}

/** The app's IndexedDB outbox (database `anklepump`, store `outbox`). */
export function idbOutbox(factory: IDBFactory = indexedDB, name = DB_NAME): Outbox {
  return {
    async entries() {
      const db = await open(factory, name);
      try {
        const store = db.transaction('outbox').objectStore('outbox');
        const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
        return keys.map((k, i) => ({ key: String(k), value: values[i] }));
      } finally {
        db.close();
      }
    },
    async removeIfUnchanged(key, sent) {
      const db = await open(factory, name);
      try {
        const tx = db.transaction('outbox', 'readwrite');
        const store = tx.objectStore('outbox');
        const now = await req(store.get(key));
        const same = now !== undefined && JSON.stringify(now) === JSON.stringify(sent);
        if (same) store.delete(key);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('outbox transaction aborted'));
        });
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
