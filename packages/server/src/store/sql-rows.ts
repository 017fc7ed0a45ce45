// Database rows to domain objects, and driver errors to meaning: the one place that knows column
// names and how each driver hands back numbers, strings and constraint errors.
import type { Alert, AuditEntry, AuthSession, Prescription, Role, StoredRecord, User } from './store.ts';

export type Row = Record<string, unknown>;
export const num = (v: unknown): number => Number(v);
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT_'));
}

export const toUser = (r: Row): User => ({
  id: str(r.id),
  role: str(r.role) as Role,
  email: strOrNull(r.email),
  displayName: str(r.display_name),
  passwordHash: strOrNull(r.password_hash),
  failedLogins: num(r.failed_logins),
  lockedUntilMs: num(r.locked_until_ms),
  disabled: num(r.disabled) === 1,
  createdMs: num(r.created_ms),
  timeZone: strOrNull(r.time_zone),
});
export const toSession = (r: Row): AuthSession => ({
  tokenHash: str(r.token_hash),
  userId: str(r.user_id),
  kind: str(r.kind) as AuthSession['kind'],
  csrf: str(r.csrf),
  label: str(r.label),
  createdMs: num(r.created_ms),
  lastSeenMs: num(r.last_seen_ms),
  expiresMs: num(r.expires_ms),
});
export const toRx = (r: Row): Prescription => ({
  patientId: str(r.patient_id),
  version: num(r.version),
  regimen: JSON.parse(str(r.regimen)),
  note: str(r.note),
  changedBy: str(r.changed_by),
  changedMs: num(r.changed_ms),
});
export const toRecord = (r: Row): StoredRecord => ({
  id: str(r.id),
  patientId: str(r.patient_id),
  kind: str(r.kind) as StoredRecord['kind'],
  idempotencyKey: str(r.idem_key),
  body: JSON.parse(str(r.body)),
  occurredMs: num(r.occurred_ms),
  receivedMs: num(r.received_ms),
});
export const toAlert = (r: Row): Alert => ({
  id: str(r.id),
  patientId: str(r.patient_id),
  kind: str(r.kind),
  severity: str(r.severity) as Alert['severity'],
  message: str(r.message),
  recordId: strOrNull(r.record_id),
  dedupeKey: str(r.dedupe_key),
  createdMs: num(r.created_ms),
  ackBy: strOrNull(r.ack_by),
  ackMs: numOrNull(r.ack_ms),
});
export const toAudit = (r: Row): AuditEntry => ({
  seq: num(r.seq),
  atMs: num(r.at_ms),
  actorId: strOrNull(r.actor_id),
  actorRole: strOrNull(r.actor_role),
  action: str(r.action),
  patientId: strOrNull(r.patient_id),
  resource: str(r.resource),
  ip: str(r.ip),
  reason: strOrNull(r.reason),
  outcome: str(r.outcome),
});
