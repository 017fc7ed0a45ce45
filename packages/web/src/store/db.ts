// The local store: one IndexedDB database holding settings, finished session records, the
// in-progress session (so a reload or crash loses no reps) and the outbox for clinic sync.

export const DB_NAME = 'anklepump';
const DB_VERSION = 1;
export type StoreName = 'kv' | 'sessions' | 'outbox';

export interface Db {
  get<T>(store: StoreName, key: string): Promise<T | undefined>;
  put(store: StoreName, key: string, value: unknown): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
  all<T>(store: StoreName): Promise<T[]>;
  /** Writes several records in one transaction: all of them land or none. */
  putMany(writes: readonly { store: StoreName; key: string; value: unknown }[]): Promise<void>;
}

/** An IndexedDB request as a promise. */
export function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Resolves when the transaction commits; rejects when it fails or aborts. */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

const STORES: readonly StoreName[] = ['kv', 'sessions', 'outbox'];

/**
 * The one place the app's IndexedDB database is opened and, on first use or a version change,
 * given its stores: every reader and writer (the store, the sync outbox) agrees on the shape.
 */
export async function openIdb(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<IDBDatabase> {
  const open = factory.open(name, DB_VERSION);
  open.onupgradeneeded = () => {
    for (const store of STORES) {
      if (!open.result.objectStoreNames.contains(store)) open.result.createObjectStore(store);
    }
  };
  return req(open);
}

/** Opens (and on first use creates) the app's database. */
export async function openDb(factory: IDBFactory = indexedDB): Promise<Db> {
  const db = await openIdb(factory);
  return {
    async get(store, key) {
      return req(db.transaction(store).objectStore(store).get(key));
    },
    async put(store, key, value) {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).put(value, key);
      await done(tx);
    },
    async delete(store, key) {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).delete(key);
      await done(tx);
    },
    async all(store) {
      return req(db.transaction(store).objectStore(store).getAll());
    },
    async putMany(writes) {
      const names = [...new Set(writes.map((w) => w.store))];
      if (names.length === 0) return;
      const tx = db.transaction(names, 'readwrite');
      for (const w of writes) tx.objectStore(w.store).put(w.value, w.key);
      await done(tx);
    },
  };
}
