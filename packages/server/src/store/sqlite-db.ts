// better-sqlite3 behind the async Db surface, with group commit. Every statement and transaction
// is queued; the queue runs everything pending in ONE SQLite transaction (each operation in its
// own savepoint, so one failing rolls back alone) and resolves the callers only after COMMIT and
// the disk flush of the write-ahead log.
//
// The flush is what an acknowledged write costs, and better-sqlite3 runs everything on the event
// loop: with synchronous=FULL, SQLite's own fdatasync inside COMMIT froze the whole server for
// the length of every flush (a profile under upload load showed 37% of the time in COMMIT, the
// server using well under one core). So the connection runs synchronous=NORMAL, under which a
// WAL commit writes its frames without flushing, and we flush the WAL file ourselves with
// fdatasync on libuv's thread pool before answering anyone: the same data on disk at the moment
// of the acknowledgement as FULL gives (FULL's only extra step in WAL mode is that flush after
// each commit; checkpoints and WAL restarts are flushed by SQLite under NORMAL too), while the
// event loop goes on parsing the next requests. Flushes are grouped as well: commits made while
// one flush runs share the next.
import { closeSync, fdatasync, openSync } from 'node:fs';
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
 * Opens (creating if needed) a SQLite database file in WAL mode; a write resolves only once its
 * commit is flushed to the disk (see above), so it survives a killed process and a power cut.
 */
export function openSqliteDb(path: string): Db {
  const conn = new Database(path);
  const wal = String(conn.pragma('journal_mode = WAL', { simple: true })).toLowerCase() === 'wal';
  // In-memory databases have no WAL and nothing to flush: SQLite flushes as FULL would.
  conn.pragma(wal ? 'synchronous = NORMAL' : 'synchronous = FULL');
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

  // Group flush of the WAL: commits wait in `unflushed`; one fdatasync at a time covers every
  // commit made before it started.
  let walFd: number | null = null;
  let unflushed: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let flushing: Promise<void> | null = null;
  const flushWal = (): Promise<void> => {
    if (!wal) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      unflushed.push({ resolve, reject });
      if (!flushing) flushing = flushLoop();
    });
  };
  async function flushLoop(): Promise<void> {
    while (unflushed.length > 0) {
      const waiting = unflushed;
      unflushed = [];
      try {
        if (walFd === null) {
          try {
            walFd = openSync(`${path}-wal`, 'r');
          } catch (e) {
            // No WAL file yet: no commit has written a frame, so there is nothing to flush.
            if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
          }
        }
        const fd = walFd;
        if (fd !== null) await new Promise<void>((res, rej) => fdatasync(fd, (e) => (e ? rej(e) : res())));
        for (const w of waiting) w.resolve();
      } catch (e) {
        // Not flushed: committed in SQLite, but not known to be on disk, so not acknowledged.
        for (const w of waiting) w.reject(e);
      }
    }
    flushing = null;
  }

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
      // Answered after the flush; meanwhile the next batch may already run.
      flushWal().then(
        () =>
          batch.forEach((op, i) => {
            const o = outcomes[i]!;
            if (o.ok) op.resolve(o.v);
            else op.reject(o.v);
          }),
        (e) => {
          for (const op of batch) op.reject(e);
        },
      );
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

  // A read-only statement runs at once, outside the queue (it may see a commit whose flush is
  // still running; its writer is answered only after the flush): the group transaction never yields to
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
      while (draining || pending.length > 0 || flushing) await new Promise((r) => setImmediate(r));
      closed = true;
      if (walFd !== null) closeSync(walFd);
      conn.close();
    },
  };
}
