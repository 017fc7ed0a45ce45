// Schema migrations for both databases, applied in order and recorded in schema_migrations.
// Times are integer milliseconds since the epoch; JSON documents are stored as text.
import type { Db, Dialect } from './db.ts';

interface Migration {
  version: number;
  name: string;
  sql: (d: Dialect) => string[];
}

const big = (d: Dialect) => (d === 'postgres' ? 'BIGINT' : 'INTEGER');

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, care teams, records, prescriptions, alerts, audit',
    sql: (d) => [
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('admin','clinician','patient')),
        email TEXT UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until_ms ${big(d)} NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_ms ${big(d)} NOT NULL
      )`,
      `CREATE TABLE care_team (
        patient_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        clinician_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (patient_id, clinician_id)
      )`,
      'CREATE INDEX care_team_clinician ON care_team (clinician_id, patient_id)',
      `CREATE TABLE auth_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('web','device')),
        csrf TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        created_ms ${big(d)} NOT NULL,
        last_seen_ms ${big(d)} NOT NULL,
        expires_ms ${big(d)} NOT NULL
      )`,
      'CREATE INDEX auth_sessions_user ON auth_sessions (user_id)',
      `CREATE TABLE invites (
        code_hash TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_by TEXT NOT NULL,
        created_ms ${big(d)} NOT NULL,
        expires_ms ${big(d)} NOT NULL,
        used_ms ${big(d)}
      )`,
      `CREATE TABLE prescriptions (
        patient_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        regimen TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        changed_by TEXT NOT NULL,
        changed_ms ${big(d)} NOT NULL,
        PRIMARY KEY (patient_id, version)
      )`,
      `CREATE TABLE records (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('session','pain','screening')),
        idem_key TEXT NOT NULL,
        body TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        occurred_ms ${big(d)} NOT NULL,
        received_ms ${big(d)} NOT NULL,
        UNIQUE (patient_id, idem_key)
      )`,
      'CREATE INDEX records_patient_kind_time ON records (patient_id, kind, occurred_ms)',
      `CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        record_id TEXT,
        dedupe_key TEXT NOT NULL,
        created_ms ${big(d)} NOT NULL,
        ack_by TEXT,
        ack_ms ${big(d)},
        UNIQUE (patient_id, dedupe_key)
      )`,
      'CREATE INDEX alerts_patient_open ON alerts (patient_id, ack_ms)',
      `CREATE TABLE audit (
        seq ${d === 'postgres' ? 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT'},
        at_ms ${big(d)} NOT NULL,
        actor_id TEXT,
        actor_role TEXT,
        action TEXT NOT NULL,
        patient_id TEXT,
        resource TEXT NOT NULL,
        ip TEXT NOT NULL,
        reason TEXT,
        outcome TEXT NOT NULL
      )`,
      'CREATE INDEX audit_patient ON audit (patient_id, seq)',
      ...(d === 'postgres'
        ? [
            `CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RAISE EXCEPTION 'audit is append-only'; END $$`,
            `CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
             FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
          ]
        : [
            `CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
             BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END`,
            `CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
             BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END`,
          ]),
    ],
  },
  {
    version: 2,
    name: "patient's IANA time zone (local days for adherence, calendar reminders)",
    sql: () => ['ALTER TABLE users ADD COLUMN time_zone TEXT'],
  },
  {
    version: 3,
    name: 'state shared by server instances: rate limits, login throttle, known devices, job runs',
    sql: (d) => [
      `CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        window_start_ms ${big(d)} NOT NULL,
        count INTEGER NOT NULL
      )`,
      // Keyed by a hash of the e-mail as typed, known account or not: the answers cannot differ.
      `CREATE TABLE login_throttle (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_ms ${big(d)} NOT NULL,
        blocked_until_ms ${big(d)} NOT NULL
      )`,
      `CREATE TABLE known_devices (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_ms ${big(d)} NOT NULL,
        last_used_ms ${big(d)} NOT NULL
      )`,
      'CREATE INDEX known_devices_user ON known_devices (user_id)',
      `CREATE TABLE job_runs (
        job TEXT NOT NULL,
        period_ms ${big(d)} NOT NULL,
        started_ms ${big(d)} NOT NULL,
        PRIMARY KEY (job, period_ms)
      )`,
    ],
  },
  {
    version: 4,
    name: 'records say whether a session counts as done, so adherence is counted from the index',
    // New rows take `done` from exercise's countsAsDone when they are stored (sql-store.ts). This
    // backfill states the same rule once in SQL for rows stored before: outcome `completed` and
    // not every set skipped. Listing 5,000 patients read 75,000 bodies a call without it.
    sql: (d) => {
      const field = (name: string) =>
        d === 'postgres' ? `(body::json ->> '${name}')` : `json_extract(body, '$.${name}')`;
      const sets = d === 'postgres' ? `(${field('setsCompleted')})::numeric` : field('setsCompleted');
      return [
        'ALTER TABLE records ADD COLUMN done INTEGER',
        `UPDATE records SET done = CASE WHEN ${field('outcome')} = 'completed' AND COALESCE(${sets}, 1) > 0 THEN 1 ELSE 0 END WHERE kind = 'session'`,
        'CREATE INDEX records_patient_done_time ON records (patient_id, kind, done, occurred_ms)',
      ];
    },
  },
];

/**
 * Applies every migration not yet recorded, each in its own transaction. On PostgreSQL an
 * advisory lock makes concurrent starts of several server instances safe.
 */
export async function migrate(db: Db, now: number): Promise<number[]> {
  await db.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms ${big(db.dialect)} NOT NULL)`,
  );
  return db.tx(async (q) => {
    if (db.dialect === 'postgres') await q.all('SELECT pg_advisory_xact_lock(61061)');
    const done = new Set(
      (await q.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) =>
        Number(r.version),
      ),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const stmt of m.sql(db.dialect)) await q.run(stmt);
      await q.run('INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        now,
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
