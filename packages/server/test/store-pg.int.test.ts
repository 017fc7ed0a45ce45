// The Store contract on a real PostgreSQL server started for this file.
import { afterAll, beforeAll } from 'vitest';
import { migrate } from '../src/store/migrations.ts';
import { openPgDb } from '../src/store/pg-db.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { type PgServer, startPgServer } from './pg-server.ts';
import { describeStoreContract } from './store.contract.ts';

let pg: PgServer;
beforeAll(async () => {
  pg = await startPgServer();
});
afterAll(() => pg?.stop());

describeStoreContract('PostgreSQL', async () => {
  const db = openPgDb(await pg.freshDatabase());
  await migrate(db, 0);
  return { store: createSqlStore(db), db };
});
