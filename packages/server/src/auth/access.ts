// Who may touch what. A patient sees only their own records, a clinician only the patients on
// whose care team they are, an admin manages accounts and reads health data only with a stated
// reason. Every decision about health data, allowed or refused, goes into the audit trail.
import type { Ctx, Principal } from '../deps.ts';
import { HttpError } from '../errors.ts';
import type { RouteInput } from '../http/router.ts';
import type { AuditEntry, Role } from '../store/store.ts';

/** The caller, or 401. */
export function requireAuth(ctx: Ctx): Principal {
  if (!ctx.principal)
    throw new HttpError('unauthenticated', 'sign in first (session cookie or bearer token)');
  return ctx.principal;
}

/** The caller if their role is one of `roles`, else 403. */
export function requireRole(ctx: Ctx, ...roles: Role[]): Principal {
  const p = requireAuth(ctx);
  if (!roles.includes(p.role)) throw new HttpError('forbidden', `this needs the role ${roles.join(' or ')}`);
  return p;
}

/** The admin's stated reason for reading health data (X-Access-Reason header, 10-500 characters). */
export function accessReason(input: RouteInput): string | null {
  const r = input.req.headers['x-access-reason'];
  if (typeof r !== 'string') return null;
  const t = r.trim();
  return t.length >= 10 && t.length <= 500 ? t : null;
}

const reasonRequired = () =>
  new HttpError(
    'reason_required',
    'admins read health data only with a reason: send X-Access-Reason (10-500 characters)',
    'x-access-reason',
  );

/**
 * For a read of many patients' health data (`resource`): an admin must state a reason, or the
 * refusal is audited and thrown; other roles pass with null. Returns the admin's reason.
 */
export async function requireAdminReason(
  input: RouteInput,
  ctx: Ctx,
  p: Principal,
  resource: string,
): Promise<string | null> {
  if (p.role !== 'admin') return null;
  const reason = accessReason(input);
  if (reason === null) {
    await audit(ctx, { action: 'read', patientId: null, resource, outcome: 'denied' });
    throw reasonRequired();
  }
  return reason;
}

type AuditFacts = {
  action: string;
  patientId: string | null;
  resource: string;
  outcome: 'allowed' | 'denied';
  reason?: string | null;
};

/** The audit row for this request: who (caller), when (request time), from where (client address). */
export function auditEntry(ctx: Ctx, e: AuditFacts): Omit<AuditEntry, 'seq'> {
  return {
    atMs: ctx.nowMs,
    actorId: ctx.principal?.userId ?? null,
    actorRole: ctx.principal?.role ?? null,
    action: e.action,
    patientId: e.patientId,
    resource: e.resource,
    ip: ctx.ip,
    reason: e.reason ?? null,
    outcome: e.outcome,
  };
}

export async function audit(ctx: Ctx, e: AuditFacts): Promise<void> {
  await ctx.deps.store.appendAudit(auditEntry(ctx, e));
}

/**
 * An account event in the audit trail (no health data): `create account:<id>:<role>`, or `write
 * account:<id>:<what>` (disabled, enabled, password-reset, password), by the caller, allowed.
 */
export function auditAccount(
  ctx: Ctx,
  action: 'create' | 'write',
  accountId: string,
  what: string,
): Promise<void> {
  return audit(ctx, {
    action,
    patientId: null,
    resource: `account:${accountId}:${what}`,
    outcome: 'allowed',
  });
}

/**
 * Checks the caller may `action` ('read' | 'write' | 'delete' ...) the health data of `patientId`
 * and records the decision. Throws 401/403/404; returns the admin's reason when one applied.
 */
export async function requirePatientAccess(
  input: RouteInput,
  ctx: Ctx,
  patientId: string,
  action: string,
  resource: string,
  allow: { patient?: boolean; clinician?: boolean; admin?: boolean } = {
    patient: true,
    clinician: true,
    admin: true,
  },
): Promise<{ reason: string | null }> {
  const p = requireAuth(ctx);
  let ok = false;
  let reason: string | null = null;
  let refusal = new HttpError('forbidden', 'you have no access to this patient');
  if (p.role === 'patient') ok = allow.patient === true && p.userId === patientId;
  else if (p.role === 'clinician')
    ok = allow.clinician === true && (await ctx.deps.store.isOnCareTeam(patientId, p.userId));
  else if (p.role === 'admin' && allow.admin) {
    reason = accessReason(input);
    ok = reason !== null;
    if (!ok) refusal = reasonRequired();
    // An admin can name any account: one that is not a patient's is refused, and audited as such.
    else if ((await ctx.deps.store.userById(patientId))?.role !== 'patient') {
      ok = false;
      refusal = new HttpError('not_found', `no patient ${patientId}`, 'id');
    }
  }
  await audit(ctx, { action, patientId, resource, outcome: ok ? 'allowed' : 'denied', reason });
  if (!ok) throw refusal;
  return { reason };
}
