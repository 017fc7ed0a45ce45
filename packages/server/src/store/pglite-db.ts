// PGlite (PostgreSQL compiled to wasm, in-process) behind the Db surface. Not the default: it was
// measured against SQLite for the embedded store (bench/results/server.md) and kept for that
// comparison and for running the contract suite on a third engine.
import { PGlite } from '@electric-sql/pglite';
import { type Db, type Queryable, type SqlValue, toPgPlaceholders } from './db.ts';

const INT8 = 20;

/** Opens (creating if needed) a PGlite data directory; `memory://` keeps it in memory. */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  const pg = await PGlite.create(dataDir, { parsers: { [INT8]: (v: string) => Number(v) } });
  const over = (q: Pick<PGlite, 'query'>): Queryable => ({
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      return (await q.query<T>(toPgPlaceholders(sql), params as SqlValue[])).rows;
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const r = await q.query(toPgPlaceholders(sql), params as SqlValue[]);
      return { changes: r.affectedRows ?? 0 };
    },
  });
  const direct = over(pg);
  // PGlite runs one query at a time; a transaction must not interleave with other callers' SQL.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = tail.then(fn);
    tail = p.catch(() => undefined);
    return p;
  };
  return {
    dialect: 'postgres',
    all: (sql, params) => serial(() => direct.all(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    tx: (fn) => serial(() => pg.transaction((tx) => fn(over(tx)))),
    close: () => serial(() => pg.close()),
  };
}
