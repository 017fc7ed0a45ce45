// better-sqlite3 behind the async Db surface, with group commit. Every statement and transaction
// is queued; the queue runs everything pending in ONE SQLite transaction (each operation in its
// own savepoint, so one failing rolls back alone) and resolves the callers only after COMMIT.
// With synchronous=FULL a commit costs a disk flush, so sharing it across concurrent requests is
// what lets one SQLite file take over a thousand uploads a second without weakening durability.
import Database from 'better-sqlite3';
import type { Db, Queryable, SqlValue } from './db.ts';

interface Op {
  fn: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/** Operations per group transaction at most, so one commit never waits on an unbounded queue. */
const MAX_BATCH = 256;

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

  const savepoint = conn.prepare('SAVEPOINT op');
  const release = conn.prepare('RELEASE op');
  const rollbackTo = conn.prepare('ROLLBACK TO op');
  let pending: Op[] = [];
  let draining = false;
  let closed = false;

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.slice(0, MAX_BATCH);
      pending = pending.slice(batch.length);
      const outcomes: { ok: boolean; v: unknown }[] = [];
      try {
        conn.exec('BEGIN IMMEDIATE');
        for (const op of batch) {
          savepoint.run();
          try {
            const v = await op.fn();
            release.run();
            outcomes.push({ ok: true, v });
          } catch (e) {
            rollbackTo.run();
            release.run();
            outcomes.push({ ok: false, v: e });
          }
        }
        conn.exec('COMMIT');
      } catch (e) {
        // The commit itself failed (disk full, I/O error): nothing in the batch was stored.
        if (conn.inTransaction) conn.exec('ROLLBACK');
        for (const op of batch) op.reject(e);
        continue;
      }
      batch.forEach((op, i) => {
        const o = outcomes[i]!;
        if (o.ok) op.resolve(o.v);
        else op.reject(o.v);
      });
    }
    draining = false;
  }

  function enqueue<T>(fn: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new Error('database is closed'));
    return new Promise<T>((resolve, reject) => {
      pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!draining) {
        draining = true;
        // Wait one turn of the event loop so that requests arriving together share the commit.
        setImmediate(() => void drain());
      }
    });
  }

  // A read-only statement runs at once, outside the queue: the group transaction never yields to
  // the event loop mid-batch (its steps are synchronous underneath), so a read sees only
  // committed data, and a caller's own writes are committed before their promise resolves.
  const readNow = <T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> | null => {
    if (closed) return null;
    try {
      const s = prepare(sql);
      if (!s.readonly) return null;
      return Promise.resolve(s.all(...params) as T[]);
    } catch (e) {
      return Promise.reject(e);
    }
  };

  return {
    dialect: 'sqlite',
    all: <T>(sql: string, params?: readonly SqlValue[]) =>
      readNow<T>(sql, params) ?? enqueue(() => direct.all<T>(sql, params)),
    run: (sql, params) => enqueue(() => direct.run(sql, params)),
    tx: (fn) => enqueue(() => fn(direct)),
    async close() {
      if (closed) return;
      while (draining || pending.length > 0) await new Promise((r) => setImmediate(r));
      closed = true;
      conn.close();
    },
  };
}
