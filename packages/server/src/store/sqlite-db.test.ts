// Group commit on SQLite: operations that share a commit still succeed or fail one by one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteDb } from './sqlite-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'anklepump-sqlite-'));
let n = 0;
async function fresh() {
  const path = join(dir, `g${++n}.db`);
  const db = openSqliteDb(path);
  await db.run('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  return { db, path };
}

describe('SQLite group commit', () => {
  it('a failing operation in a shared batch rolls back alone; the others are stored', async () => {
    const { db } = await fresh();
    const results = await Promise.allSettled([
      db.run('INSERT INTO t (k, v) VALUES (?, ?)', ['a', 1]),
      db.tx(async (q) => {
        await q.run('INSERT INTO t (k, v) VALUES (?, ?)', ['b', 2]);
        throw new Error('changed my mind');
      }),
      db.run('INSERT INTO t (k, v) VALUES (?, ?)', ['a', 3]),
      db.run('INSERT INTO t (k, v) VALUES (?, ?)', ['c', 4]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(await db.all('SELECT k, v FROM t ORDER BY k')).toEqual([
      { k: 'a', v: 1 },
      { k: 'c', v: 4 },
    ]);
    await db.close();
  });

  it('what a write resolved is on disk for the next connection to the file', async () => {
    const { db, path } = await fresh();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => db.run('INSERT INTO t (k, v) VALUES (?, ?)', [`k${i}`, i])),
    );
    const other = openSqliteDb(path);
    expect(await other.all('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 50 }]);
    await other.close();
    await db.close();
  });

  it('a read after a resolved write sees it, and RETURNING writes are queued, not run as reads', async () => {
    const { db } = await fresh();
    await db.run('INSERT INTO t (k, v) VALUES (?, ?)', ['x', 1]);
    expect(await db.all('SELECT v FROM t WHERE k = ?', ['x'])).toEqual([{ v: 1 }]);
    expect(await db.all('UPDATE t SET v = v + 1 WHERE k = ? RETURNING v', ['x'])).toEqual([{ v: 2 }]);
    await db.close();
    await expect(db.run('INSERT INTO t (k, v) VALUES (?, ?)', ['y', 1])).rejects.toThrow(/closed/);
  });
});
