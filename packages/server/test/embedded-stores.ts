// The two embedded engines opened the same way, for the benchmark's comparison and the writer.
import { migrate } from '../src/store/migrations.ts';
import { openPgliteDb } from '../src/store/pglite-db.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { openSqliteDb } from '../src/store/sqlite-db.ts';
import type { Store } from '../src/store/store.ts';

export type EmbeddedEngine = 'sqlite' | 'pglite';

/** Opens and migrates an embedded store: a SQLite file, or a PGlite data directory. */
export async function openEmbeddedStore(engine: EmbeddedEngine, path: string): Promise<Store> {
  const db = engine === 'sqlite' ? openSqliteDb(path) : await openPgliteDb(path);
  await migrate(db, Date.now());
  return createSqlStore(db);
}
