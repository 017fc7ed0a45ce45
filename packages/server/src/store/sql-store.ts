// The Store over the shared SQL surface: the same statements run on SQLite and PostgreSQL.
import { countsAsDone, type DoneSessionFacts, isPainAfterAmendment } from '@anklepump/exercise';
import type { Db, Queryable, SqlValue } from './db.ts';
import {
  isUniqueViolation,
  num,
  numOrNull,
  type Row,
  str,
  strOrNull,
  toAlert,
  toAudit,
  toRecord,
  toRx,
  toSession,
  toUser,
} from './sql-rows.ts';
import { sharedStateOn } from './sql-shared-state.ts';
import { type AuditEntry, type PatientSummary, type PutResult, type Store, StoreConflict } from './store.ts';

async function insertAudit(q: Queryable, e: Omit<AuditEntry, 'seq'>): Promise<void> {
  await q.run(
    `INSERT INTO audit (at_ms, actor_id, actor_role, action, patient_id, resource, ip, reason, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [e.atMs, e.actorId, e.actorRole, e.action, e.patientId, e.resource, e.ip, e.reason, e.outcome],
  );
}

const clampLimit = (n: number | undefined, def: number, max: number) => Math.max(1, Math.min(max, n ?? def));

/** A Store on an open, migrated database. */
/**
 * Whether a session counts as done (the one rule, exercise's), kept beside the body so adherence is
 * counted from an index: 1 or 0; null for other kinds.
 */
function doneFlag(kind: string, body: unknown): number | null {
  return kind === 'session' ? (countsAsDone(body as DoneSessionFacts) ? 1 : 0) : null;
}

export function createSqlStore(db: Db): Store {
  const one = async <T>(sql: string, params: SqlValue[], map: (r: Row) => T): Promise<T | null> => {
    const rows = await db.all<Row>(sql, params);
    return rows[0] ? map(rows[0]) : null;
  };
  return {
    ...sharedStateOn(db),
    dialect: db.dialect,
    close: () => db.close(),

    async createUser(u) {
      try {
        await db.run(
          'INSERT INTO users (id, role, email, display_name, password_hash, created_ms) VALUES (?, ?, ?, ?, ?, ?)',
          [u.id, u.role, u.email, u.displayName, u.passwordHash, u.createdMs],
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw new StoreConflict('a user with this e-mail already exists');
        throw e;
      }
      return { ...u, failedLogins: 0, lockedUntilMs: 0, disabled: false, timeZone: null };
    },
    async setTimeZone(id, timeZone) {
      await db.run('UPDATE users SET time_zone = ? WHERE id = ?', [timeZone, id]);
    },
    async prescribedPatients() {
      const rows = await db.all<Row>(
        `SELECT u.id, u.time_zone, MIN(p.changed_ms) AS first_ms FROM users u JOIN prescriptions p ON p.patient_id = u.id
         WHERE u.role = 'patient' AND u.disabled = 0 GROUP BY u.id, u.time_zone ORDER BY u.id`,
      );
      return rows.map((r) => ({
        id: str(r.id),
        timeZone: strOrNull(r.time_zone),
        firstPrescribedMs: num(r.first_ms),
      }));
    },
    userById: (id) => one('SELECT * FROM users WHERE id = ?', [id], toUser),
    userByEmail: (email) => one('SELECT * FROM users WHERE email = ?', [email], toUser),
    async listUsers(role) {
      return (await db.all<Row>('SELECT * FROM users WHERE role = ? ORDER BY created_ms, id', [role])).map(
        toUser,
      );
    },
    async setUserDisabled(id, disabled) {
      return (await db.run('UPDATE users SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id])).changes > 0;
    },

    async addToCareTeam(patientId, clinicianId) {
      await db.run('INSERT INTO care_team (patient_id, clinician_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [
        patientId,
        clinicianId,
      ]);
    },
    async isOnCareTeam(patientId, clinicianId) {
      const rows = await db.all('SELECT 1 AS x FROM care_team WHERE patient_id = ? AND clinician_id = ?', [
        patientId,
        clinicianId,
      ]);
      return rows.length > 0;
    },
    async careTeamOf(patientId) {
      const rows = await db.all<Row>(
        'SELECT clinician_id FROM care_team WHERE patient_id = ? ORDER BY clinician_id',
        [patientId],
      );
      return rows.map((r) => str(r.clinician_id));
    },

    async createAuthSession(s) {
      await db.run(
        `INSERT INTO auth_sessions (token_hash, user_id, kind, csrf, label, created_ms, last_seen_ms, expires_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [s.tokenHash, s.userId, s.kind, s.csrf, s.label, s.createdMs, s.lastSeenMs, s.expiresMs],
      );
    },
    authSession: (h) => one('SELECT * FROM auth_sessions WHERE token_hash = ?', [h], toSession),
    async touchAuthSession(h, t) {
      await db.run('UPDATE auth_sessions SET last_seen_ms = ? WHERE token_hash = ? AND last_seen_ms < ?', [
        t,
        h,
        t,
      ]);
    },
    async deleteAuthSession(h) {
      await db.run('DELETE FROM auth_sessions WHERE token_hash = ?', [h]);
    },
    async deleteAuthSessionsOf(userId) {
      await db.run('DELETE FROM auth_sessions WHERE user_id = ?', [userId]);
    },

    async createInvite(i) {
      await db.tx(async (q) => {
        // A new code replaces the patient's earlier unused ones: they end now, so a code handed
        // out before (and perhaps lost) can no longer link another phone.
        await q.run(
          'UPDATE invites SET expires_ms = ? WHERE patient_id = ? AND used_ms IS NULL AND expires_ms > ?',
          [i.createdMs, i.patientId, i.createdMs],
        );
        await q.run(
          'INSERT INTO invites (code_hash, patient_id, created_by, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?)',
          [i.codeHash, i.patientId, i.createdBy, i.createdMs, i.expiresMs],
        );
      });
    },
    async redeemInvite(codeHash, nowMs) {
      // Single conditional UPDATE: two devices racing for one code cannot both win.
      const rows = await db.all<Row>(
        'UPDATE invites SET used_ms = ? WHERE code_hash = ? AND used_ms IS NULL AND expires_ms > ? RETURNING patient_id',
        [nowMs, codeHash, nowMs],
      );
      return rows[0] ? str(rows[0].patient_id) : null;
    },

    async addPrescription(p) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await db.tx(async (q) => {
            const rows = await q.all<Row>(
              'SELECT MAX(version) AS v FROM prescriptions WHERE patient_id = ?',
              [p.patientId],
            );
            const version = (numOrNull(rows[0]?.v) ?? 0) + 1;
            // A regimen document names its own version; it must equal the row's even after a race.
            const regimen =
              typeof p.regimen === 'object' && p.regimen !== null && 'version' in p.regimen
                ? { ...p.regimen, version }
                : p.regimen;
            await q.run(
              'INSERT INTO prescriptions (patient_id, version, regimen, note, changed_by, changed_ms) VALUES (?, ?, ?, ?, ?, ?)',
              [p.patientId, version, JSON.stringify(regimen), p.note, p.changedBy, p.changedMs],
            );
            return { ...p, regimen, version };
          });
        } catch (e) {
          // Two clinicians saving at once on PostgreSQL: the loser retries with the next version.
          if (!isUniqueViolation(e) || attempt >= 4) throw e;
        }
      }
    },
    currentPrescription: (patientId) =>
      one(
        'SELECT * FROM prescriptions WHERE patient_id = ? ORDER BY version DESC LIMIT 1',
        [patientId],
        toRx,
      ),
    async prescriptionHistory(patientId) {
      return (
        await db.all<Row>('SELECT * FROM prescriptions WHERE patient_id = ? ORDER BY version', [patientId])
      ).map(toRx);
    },

    async putRecords(patientId, records, receivedMs, audit) {
      return db.tx(async (q) => {
        const out: PutResult[] = [];
        for (const r of records) {
          const ins = await q.all<Row>(
            `INSERT INTO records (id, patient_id, kind, idem_key, body, body_hash, occurred_ms, received_ms, done)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (patient_id, idem_key) DO NOTHING RETURNING id`,
            [
              r.id,
              patientId,
              r.kind,
              r.idempotencyKey,
              JSON.stringify(r.body),
              r.bodyHash,
              r.occurredMs,
              receivedMs,
              doneFlag(r.kind, r.body),
            ],
          );
          if (ins[0]) {
            out.push({ status: 'created', id: str(ins[0].id) });
            continue;
          }
          const prev = await q.all<Row>(
            'SELECT id, kind, body, body_hash FROM records WHERE patient_id = ? AND idem_key = ?',
            [patientId, r.idempotencyKey],
          );
          const p = prev[0]!;
          if (str(p.body_hash) === r.bodyHash) {
            out.push({ status: 'duplicate', id: str(p.id) });
            continue;
          }
          // The one amendment a session may have once sent: the pain after it, answered on the
          // summary after the record had left the phone. Anything else keeps what is stored.
          if (
            r.kind === 'session' &&
            str(p.kind) === 'session' &&
            isPainAfterAmendment(JSON.parse(str(p.body)), r.body)
          ) {
            await q.run('UPDATE records SET body = ?, body_hash = ?, done = ? WHERE id = ?', [
              JSON.stringify(r.body),
              r.bodyHash,
              doneFlag(r.kind, r.body),
              str(p.id),
            ]);
            out.push({ status: 'amended', id: str(p.id) });
            continue;
          }
          out.push({ status: 'conflict', id: str(p.id) });
        }
        if (audit) await insertAudit(q, audit);
        return out;
      });
    },
    async listRecords(patientId, q = {}) {
      const where = ['patient_id = ?'];
      const params: SqlValue[] = [patientId];
      if (q.kind) {
        where.push('kind = ?');
        params.push(q.kind);
      }
      if (q.fromMs !== undefined) {
        where.push('occurred_ms >= ?');
        params.push(q.fromMs);
      }
      if (q.toMs !== undefined) {
        where.push('occurred_ms < ?');
        params.push(q.toMs);
      }
      params.push(clampLimit(q.limit, 1000, 100_000));
      const rows = await db.all<Row>(
        `SELECT * FROM records WHERE ${where.join(' AND ')} ORDER BY occurred_ms, id LIMIT ?`,
        params,
      );
      return rows.map(toRecord);
    },
    async countRecords(patientId) {
      const rows = await db.all<Row>('SELECT COUNT(*) AS n FROM records WHERE patient_id = ?', [patientId]);
      return num(rows[0]?.n ?? 0);
    },

    async raiseAlert(a) {
      const r = await db.run(
        `INSERT INTO alerts (id, patient_id, kind, severity, message, record_id, dedupe_key, created_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (patient_id, dedupe_key) DO NOTHING`,
        [a.id, a.patientId, a.kind, a.severity, a.message, a.recordId, a.dedupeKey, a.createdMs],
      );
      return r.changes > 0;
    },
    alertById: (id) => one('SELECT * FROM alerts WHERE id = ?', [id], toAlert),
    async listAlerts(q) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (q.patientId) {
        where.push('patient_id = ?');
        params.push(q.patientId);
      }
      if (q.clinicianId) {
        where.push('patient_id IN (SELECT patient_id FROM care_team WHERE clinician_id = ?)');
        params.push(q.clinicianId);
      }
      if (q.open === true) where.push('ack_ms IS NULL');
      if (q.open === false) where.push('ack_ms IS NOT NULL');
      params.push(clampLimit(q.limit, 500, 10_000));
      const rows = await db.all<Row>(
        `SELECT * FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_ms DESC, id LIMIT ?`,
        params,
      );
      return rows.map(toAlert);
    },
    async ackAlert(id, by, nowMs) {
      await db.run('UPDATE alerts SET ack_by = ?, ack_ms = ? WHERE id = ? AND ack_ms IS NULL', [
        by,
        nowMs,
        id,
      ]);
      return one('SELECT * FROM alerts WHERE id = ?', [id], toAlert);
    },

    async patientSummaries(clinicianId, sinceMs) {
      const rows = await db.all<Row>(
        `SELECT u.id, u.display_name, u.created_ms,
           (SELECT MAX(r.occurred_ms) FROM records r WHERE r.patient_id = u.id AND r.kind = 'session') AS last_session_ms,
           (SELECT COUNT(*) FROM records r WHERE r.patient_id = u.id AND r.kind = 'session' AND r.done = 1 AND r.occurred_ms >= ?) AS done_since,
           (SELECT COUNT(*) FROM alerts a WHERE a.patient_id = u.id AND a.ack_ms IS NULL) AS open_alerts,
           (SELECT MAX(p.version) FROM prescriptions p WHERE p.patient_id = u.id) AS rx_version,
           (SELECT MIN(p.changed_ms) FROM prescriptions p WHERE p.patient_id = u.id) AS rx_since_ms,
           (SELECT p.regimen FROM prescriptions p WHERE p.patient_id = u.id ORDER BY p.version DESC LIMIT 1) AS regimen
         FROM users u
         WHERE u.role = 'patient' ${clinicianId === null ? '' : 'AND u.id IN (SELECT patient_id FROM care_team WHERE clinician_id = ?)'}
         ORDER BY u.display_name, u.id`,
        clinicianId === null ? [sinceMs] : [sinceMs, clinicianId],
      );
      return rows.map(
        (r): PatientSummary => ({
          id: str(r.id),
          displayName: str(r.display_name),
          createdMs: num(r.created_ms),
          lastSessionMs: numOrNull(r.last_session_ms),
          doneSince: num(r.done_since),
          openAlerts: num(r.open_alerts),
          prescriptionVersion: numOrNull(r.rx_version),
          prescribedSinceMs: numOrNull(r.rx_since_ms),
          regimen: r.regimen === null || r.regimen === undefined ? null : JSON.parse(str(r.regimen)),
        }),
      );
    },
    async deletePatient(patientId) {
      return (await db.run("DELETE FROM users WHERE id = ? AND role = 'patient'", [patientId])).changes > 0;
    },

    async appendAudit(e) {
      await insertAudit(db, e);
    },
    async listAudit(q) {
      const where = ['seq > ?'];
      const params: SqlValue[] = [q.afterSeq ?? 0];
      if (q.patientId) {
        where.push('patient_id = ?');
        params.push(q.patientId);
      }
      params.push(clampLimit(q.limit, 500, 10_000));
      const rows = await db.all<Row>(
        `SELECT * FROM audit WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`,
        params,
      );
      return rows.map(toAudit);
    },

    async setPasswordHash(id, passwordHash) {
      const r = await db.run(
        'UPDATE users SET password_hash = ?, failed_logins = 0, locked_until_ms = 0 WHERE id = ?',
        [passwordHash, id],
      );
      return r.changes > 0;
    },
    async authSessionsOf(userId) {
      const rows = await db.all<Row>(
        'SELECT * FROM auth_sessions WHERE user_id = ? ORDER BY created_ms DESC, token_hash',
        [userId],
      );
      return rows.map(toSession);
    },
    async recordTimes(ids) {
      const out = new Map<string, number>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        if (chunk.length === 0) continue;
        const rows = await db.all<Row>(
          `SELECT id, occurred_ms FROM records WHERE id IN (${chunk.map(() => '?').join(', ')})`,
          [...chunk],
        );
        for (const r of rows) out.set(str(r.id), num(r.occurred_ms));
      }
      return out;
    },
    async latestAudit(q) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (q.beforeSeq !== undefined) {
        where.push('seq < ?');
        params.push(q.beforeSeq);
      }
      if (q.patientId) {
        where.push('patient_id = ?');
        params.push(q.patientId);
      }
      params.push(clampLimit(q.limit, 100, 1000));
      const rows = await db.all<Row>(
        `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
        params,
      );
      return rows.map(toAudit);
    },
  };
}
