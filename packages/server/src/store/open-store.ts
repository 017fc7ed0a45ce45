// Opens the configured database, migrates it and returns the Store: PostgreSQL when a
// DATABASE_URL is given, otherwise the embedded SQLite file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrations.ts';
import { openPgDb } from './pg-db.ts';
import { createSqlStore } from './sql-store.ts';
import { openSqliteDb } from './sqlite-db.ts';
import type { Store } from './store.ts';

/** Opens, migrates and wraps the database; `nowMs` stamps applied migrations. */
export async function openStore(options: {
  databaseUrl?: string;
  sqlitePath: string;
  nowMs: number;
}): Promise<Store> {
  let db: Db;
  if (options.databaseUrl) db = openPgDb(options.databaseUrl);
  else {
    if (options.sqlitePath !== ':memory:') mkdirSync(dirname(options.sqlitePath), { recursive: true });
    db = openSqliteDb(options.sqlitePath);
  }
  try {
    await migrate(db, options.nowMs);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return createSqlStore(db);
}
