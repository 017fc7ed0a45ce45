// node-postgres behind the async Db surface: a pool, `?` rewritten to `$n`, BIGINT read as number
// (our BIGINTs are millisecond timestamps and counters, far below 2^53).
import pg from 'pg';
import { type Db, type Queryable, type SqlValue, toPgPlaceholders } from './db.ts';

const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function over(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      const r = await client.query({ text: toPgPlaceholders(sql), values: params as SqlValue[] });
      return r.rows as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const r = await client.query({ text: toPgPlaceholders(sql), values: params as SqlValue[] });
      return { changes: r.rowCount ?? 0 };
    },
  };
}

/** Connects a pool to `url` (postgres://...). `max` bounds connections per server instance. */
export function openPgDb(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const q = over(pool);
  return {
    dialect: 'postgres',
    all: q.all,
    run: q.run,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const r = await fn(over(client));
        await client.query('COMMIT');
        return r;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
