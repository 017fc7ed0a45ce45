// The Store contract on the embedded SQLite file (PostgreSQL: test/store-pg.int.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '../../test/store.contract.ts';
import { migrate } from './migrations.ts';
import { createSqlStore } from './sql-store.ts';
import { openSqliteDb } from './sqlite-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'anklepump-store-'));
let n = 0;
describeStoreContract('SQLite', async () => {
  const db = openSqliteDb(join(dir, `s${++n}.db`));
  await migrate(db, 0);
  return { store: createSqlStore(db), db };
});
