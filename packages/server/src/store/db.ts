// The small SQL surface both databases share. Statements are written once with `?` placeholders
// in the SQL both SQLite and PostgreSQL understand; each adapter binds them its own way.

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | null;

export interface Queryable {
  /** Rows of a SELECT (or of an INSERT/UPDATE ... RETURNING). */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; `changes` is the number of rows it touched. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export interface Db extends Queryable {
  readonly dialect: Dialect;
  /** Runs `fn` in one transaction: commits if it resolves, rolls back if it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` -> `$1, $2, ...` for PostgreSQL. Our SQL never puts `?` inside string literals. */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
