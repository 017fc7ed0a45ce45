// The Store contract on PGlite, the embedded alternative measured against SQLite. One instance
// for the file (a PGlite start costs seconds); the contract's tests use fresh ids, so they share it.
import { afterAll } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { migrate } from '../src/store/migrations.ts';
import { openPgliteDb } from '../src/store/pglite-db.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { describeStoreContract } from './store.contract.ts';

let shared: Promise<Db> | null = null;
afterAll(async () => {
  if (shared) await (await shared).close();
});

describeStoreContract('PGlite', async () => {
  shared ??= openPgliteDb('memory://').then(async (db) => {
    await migrate(db, 0);
    return db;
  });
  const db = await shared;
  const store = createSqlStore(db);
  return { store: { ...store, close: async () => undefined }, db };
});
