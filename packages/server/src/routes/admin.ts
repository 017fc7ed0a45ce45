// Admin endpoints: manage clinician accounts and read the audit trail. Admins get no health data
// here; reading a patient's data goes through the patient endpoints with a stated reason.
import { auditAccount, requireRole } from '../auth/access.ts';
import { passwordProblem } from '../auth/passwords.ts';
import { newId } from '../auth/tokens.ts';
import type { Ctx } from '../deps.ts';
import { HttpError, invalid } from '../errors.ts';
import { toAuditEventBundle } from '../export/audit-event.ts';
import { readJson } from '../http/body.ts';
import type { Router } from '../http/router.ts';
import { boolean, object, onlyKeys, queryEnum, queryInt, string } from '../http/validate.ts';
import { publicUser } from './auth.ts';

export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function registerAdminRoutes(r: Router<Ctx>): void {
  r.add('POST', '/api/admin/clinicians', async ({ req }, ctx) => {
    requireRole(ctx, 'admin');
    const body = object(await readJson(req, 16_384), 'body');
    onlyKeys(body, 'body', ['email', 'password', 'displayName', 'role']);
    const email = string(body, 'email', 'body', {
      max: 254,
      pattern: EMAIL,
      patternText: 'must be an e-mail address, such as name@clinic.example',
    })
      .trim()
      .toLowerCase();
    const displayName = string(body, 'displayName', 'body', { max: 200 });
    const pw = body.password;
    const problem = passwordProblem(pw);
    if (problem) throw invalid('body.password', problem);
    const role = body.role === undefined ? 'clinician' : body.role;
    if (role !== 'clinician' && role !== 'admin') throw invalid('body.role', 'must be clinician or admin');
    const user = await ctx.deps.store.createUser({
      id: newId(ctx.deps.randomBytes),
      role,
      email,
      displayName,
      passwordHash: await ctx.deps.hasher.hash(pw as string),
      createdMs: ctx.nowMs,
    });
    ctx.deps.logger.log('info', 'account created', { by: ctx.principal?.userId, user: user.id, role });
    await auditAccount(ctx, 'create', user.id, role);
    return { status: 201, json: { user: publicUser(user) } };
  });

  r.add('GET', '/api/admin/clinicians', async (_i, ctx) => {
    requireRole(ctx, 'admin');
    const users = await ctx.deps.store.listUsers('clinician');
    return {
      status: 200,
      json: { clinicians: users.map((u) => ({ ...publicUser(u), disabled: u.disabled })) },
    };
  });

  r.add('POST', '/api/admin/users/:id/disable', async ({ req, params }, ctx) => {
    const p = requireRole(ctx, 'admin');
    const body = object(await readJson(req, 1024), 'body');
    onlyKeys(body, 'body', ['disabled']);
    const disabled = boolean(body, 'disabled', 'body');
    if (params.id === p.userId) throw invalid('id', 'an admin cannot disable their own account');
    if (!(await ctx.deps.store.setUserDisabled(params.id!, disabled)))
      throw new HttpError('not_found', `no user ${params.id}`, 'id');
    if (disabled) await ctx.deps.store.deleteAuthSessionsOf(params.id!);
    await auditAccount(ctx, 'write', params.id!, disabled ? 'disabled' : 'enabled');
    return { status: 200, json: { id: params.id, disabled } };
  });

  r.add('GET', '/api/admin/audit', async ({ query }, ctx) => {
    requireRole(ctx, 'admin');
    const patientId = query.get('patientId') ?? undefined;
    if (patientId !== undefined && patientId.length > 100)
      throw invalid('patientId', 'must be at most 100 characters');
    const entries = await ctx.deps.store.listAudit({
      patientId,
      afterSeq: queryInt(query, 'afterSeq', 0, Number.MAX_SAFE_INTEGER),
      limit: queryInt(query, 'limit', 1, 10_000),
    });
    if (queryEnum(query, 'format', ['json', 'fhir']) === 'fhir') {
      return {
        status: 200,
        raw: {
          body: JSON.stringify(toAuditEventBundle(entries)),
          contentType: 'application/fhir+json; charset=utf-8',
        },
      };
    }
    return { status: 200, json: { entries, nextAfterSeq: entries.at(-1)?.seq ?? null } };
  });
}
