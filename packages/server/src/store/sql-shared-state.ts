// The SharedState part of the Store over the shared SQL surface: rate-limit windows, the sign-in
// throttle, known browsers and job claims. Each change is a single statement (an upsert or a
// conditional update), so instances racing on one PostgreSQL still count every hit.
import type { Db } from './db.ts';
import { num, type Row, str } from './sql-rows.ts';
import type { SharedState } from './store.ts';

export function sharedStateOn(db: Db): SharedState {
  return {
    async hitRateLimit(key, windowMs, nowMs) {
      // A window that started windowMs ago or earlier is over: start a new one at 1.
      const rows = await db.all<Row>(
        `INSERT INTO rate_limits (key, window_start_ms, count) VALUES (?, ?, 1)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN rate_limits.window_start_ms <= ? THEN 1 ELSE rate_limits.count + 1 END,
           window_start_ms = CASE WHEN rate_limits.window_start_ms <= ? THEN ? ELSE rate_limits.window_start_ms END
         RETURNING count, window_start_ms`,
        [key, nowMs, nowMs - windowMs, nowMs - windowMs, nowMs],
      );
      return { count: num(rows[0]?.count ?? 1), windowStartMs: num(rows[0]?.window_start_ms ?? nowMs) };
    },
    async pruneRateLimits(beforeMs) {
      await db.run('DELETE FROM rate_limits WHERE window_start_ms < ?', [beforeMs]);
    },
    async loginThrottle(key) {
      const rows = await db.all<Row>('SELECT failures, blocked_until_ms FROM login_throttle WHERE key = ?', [
        key,
      ]);
      const r = rows[0];
      return r ? { failures: num(r.failures), blockedUntilMs: num(r.blocked_until_ms) } : null;
    },
    async noteLoginFailure(key, nowMs, resetAfterMs, blockUntil) {
      const rows = await db.all<Row>(
        `INSERT INTO login_throttle (key, failures, last_failure_ms, blocked_until_ms) VALUES (?, 1, ?, 0)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_throttle.last_failure_ms < ? THEN 1 ELSE login_throttle.failures + 1 END,
           last_failure_ms = ?
         RETURNING failures, blocked_until_ms`,
        [key, nowMs, nowMs - resetAfterMs, nowMs],
      );
      const failures = num(rows[0]?.failures ?? 1);
      let blockedUntilMs = num(rows[0]?.blocked_until_ms ?? 0);
      const until = blockUntil(failures);
      if (until > blockedUntilMs) {
        // Only ever later: two instances setting it at once keep the longer block.
        await db.run(
          'UPDATE login_throttle SET blocked_until_ms = ? WHERE key = ? AND blocked_until_ms < ?',
          [until, key, until],
        );
        blockedUntilMs = until;
      }
      return { failures, blockedUntilMs };
    },
    async clearLoginThrottle(key) {
      await db.run('DELETE FROM login_throttle WHERE key = ?', [key]);
    },
    async addKnownDevice(tokenHash, userId, nowMs) {
      await db.run(
        'INSERT INTO known_devices (token_hash, user_id, created_ms, last_used_ms) VALUES (?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING',
        [tokenHash, userId, nowMs, nowMs],
      );
    },
    async knownDeviceUser(tokenHash, nowMs) {
      const rows = await db.all<Row>(
        'UPDATE known_devices SET last_used_ms = ? WHERE token_hash = ? RETURNING user_id',
        [nowMs, tokenHash],
      );
      return rows[0] ? str(rows[0].user_id) : null;
    },
    async claimJobRun(job, periodMs, nowMs) {
      const r = await db.run(
        'INSERT INTO job_runs (job, period_ms, started_ms) VALUES (?, ?, ?) ON CONFLICT (job, period_ms) DO NOTHING',
        [job, periodMs, nowMs],
      );
      return r.changes > 0;
    },
  };
}
