// better-sqlite3 behind the async Db surface. One connection; every statement and transaction
// goes through one queue, so an async transaction never interleaves with another request's SQL.
import Database from 'better-sqlite3';
import type { Db, Queryable, SqlValue } from './db.ts';

/**
 * Opens (creating if needed) a SQLite database file in WAL mode with synchronous=FULL: a
 * transaction that returned is on disk, even if the process is killed right after.
 */
export function openSqliteDb(path: string): Db {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = conn.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const direct: Queryable = {
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      const s = prepare(sql);
      if (s.reader) return s.all(...params) as T[];
      s.run(...params);
      return [] as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const s = prepare(sql);
      if (s.reader) return { changes: s.all(...params).length };
      return { changes: s.run(...params).changes };
    },
  };
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = tail.then(fn);
    tail = p.catch(() => undefined);
    return p;
  };
  let closed = false;
  return {
    dialect: 'sqlite',
    all: (sql, params) => serial(() => direct.all(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    tx: (fn) =>
      serial(async () => {
        conn.exec('BEGIN IMMEDIATE');
        try {
          const r = await fn(direct);
          conn.exec('COMMIT');
          return r;
        } catch (e) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          throw e;
        }
      }),
    close: () =>
      serial(async () => {
        if (closed) return;
        closed = true;
        conn.close();
      }),
  };
}
