// Account self-service and device links (issue 12): the portal's session after a reload, changing
// one's own password, an admin resetting a colleague's, listing and revoking a patient's phones,
// and the newest audit entries first for the admin's screen.
import type { AuditPage } from '@anklepump/exercise';
import { audit, auditAccount, requireAuth, requirePatientAccess, requireRole } from '../auth/access.ts';
import { loginThrottleKey, noteFailure } from '../auth/login-guard.ts';
import { passwordProblem } from '../auth/passwords.ts';
import type { Ctx } from '../deps.ts';
import { HttpError, invalid } from '../errors.ts';
import { readJson } from '../http/body.ts';
import type { Router } from '../http/router.ts';
import { object, onlyKeys, queryInt, string } from '../http/validate.ts';
import type { AuthSession } from '../store/store.ts';
import { publicUser } from './auth.ts';

/** A device's public id: a prefix of its token's hash (the token itself is never stored or shown). */
export const deviceId = (s: AuthSession) => s.tokenHash.slice(0, 16);
const DEVICE_ID = /^[0-9a-f]{16}$/;

export function registerAccountRoutes(r: Router<Ctx>): void {
  // The portal keeps its CSRF token in memory: after a reload or in a new tab it asks for it here.
  // A cross-site page cannot read this answer (no CORS) and the cookie is SameSite=Strict.
  r.add('GET', '/api/auth/session', async (_i, ctx) => {
    const p = requireAuth(ctx);
    if (p.via !== 'cookie') throw new HttpError('forbidden', 'only a signed-in browser has a web session');
    const [s, u] = await Promise.all([
      ctx.deps.store.authSession(p.tokenHash),
      ctx.deps.store.userById(p.userId),
    ]);
    if (!s || !u) throw new HttpError('unauthenticated', 'sign in first');
    return {
      status: 200,
      json: {
        user: publicUser(u),
        csrfToken: s.csrf,
        expiresAtMs: s.expiresMs,
        idleTimeoutMin: ctx.deps.config.sessionIdleMin,
      },
      headers: { 'cache-control': 'no-store' },
    };
  });

  r.add('POST', '/api/account/password', async ({ req }, ctx) => {
    const p = requireRole(ctx, 'clinician', 'admin');
    const body = object(await readJson(req, 4096), 'body');
    onlyKeys(body, 'body', ['currentPassword', 'newPassword']);
    const current = string(body, 'currentPassword', 'body', { max: 256 });
    const next = body.newPassword;
    const problem = passwordProblem(next);
    if (problem) throw invalid('body.newPassword', problem);
    const user = await ctx.deps.store.userById(p.userId);
    if (!user?.passwordHash) throw new HttpError('unauthenticated', 'sign in first');
    if (!(await ctx.deps.hasher.verify(user.passwordHash, current))) {
      // A wrong current password counts toward the lockout like a wrong sign-in.
      if (user.email) await noteFailure(ctx, loginThrottleKey(user.email));
      throw invalid('body.currentPassword', 'is not your current password');
    }
    if (next === current) throw invalid('body.newPassword', 'must differ from the current password');
    await ctx.deps.store.setPasswordHash(user.id, await ctx.deps.hasher.hash(next as string));
    // Every other browser signed in as this user is signed out; this one stays.
    for (const s of await ctx.deps.store.authSessionsOf(user.id))
      if (s.tokenHash !== p.tokenHash) await ctx.deps.store.deleteAuthSession(s.tokenHash);
    ctx.deps.logger.log('info', 'password changed', { user: user.id, ip: ctx.ip });
    await auditAccount(ctx, 'write', user.id, 'password');
    return { status: 200, json: { changed: true } };
  });

  r.add('POST', '/api/admin/users/:id/password', async ({ req, params }, ctx) => {
    const p = requireRole(ctx, 'admin');
    const body = object(await readJson(req, 4096), 'body');
    onlyKeys(body, 'body', ['password']);
    const problem = passwordProblem(body.password);
    if (problem) throw invalid('body.password', problem);
    const target = await ctx.deps.store.userById(params.id!);
    if (!target || target.role === 'patient')
      throw new HttpError('not_found', `no clinician or admin ${params.id}`, 'id');
    if (target.id === p.userId)
      throw invalid('id', 'change your own password with your current one (POST /api/account/password)');
    await ctx.deps.store.setPasswordHash(target.id, await ctx.deps.hasher.hash(body.password as string));
    await ctx.deps.store.deleteAuthSessionsOf(target.id);
    // A reset is how a throttled colleague gets back in from a new browser.
    if (target.email) await ctx.deps.store.clearLoginThrottle(loginThrottleKey(target.email));
    ctx.deps.logger.log('info', 'password reset', { by: p.userId, user: target.id, ip: ctx.ip });
    await auditAccount(ctx, 'write', target.id, 'password-reset');
    return { status: 200, json: { id: target.id, reset: true } };
  });

  r.add('GET', '/api/patients/:id/devices', async (input, ctx) => {
    const id = input.params.id!;
    await requirePatientAccess(input, ctx, id, 'read', 'devices');
    const own = ctx.principal!.tokenHash;
    const devices = (await ctx.deps.store.authSessionsOf(id))
      .filter((s) => s.kind === 'device' && s.expiresMs > ctx.nowMs)
      .map((s) => ({
        id: deviceId(s),
        label: s.label,
        linkedAtMs: s.createdMs,
        lastSeenAtMs: s.lastSeenMs,
        expiresAtMs: s.expiresMs,
        current: s.tokenHash === own,
      }));
    return { status: 200, json: { devices } };
  });

  r.add('DELETE', '/api/patients/:id/devices/:deviceId', async (input, ctx) => {
    const id = input.params.id!;
    const dev = input.params.deviceId!;
    if (!DEVICE_ID.test(dev)) throw invalid('deviceId', 'must be 16 hexadecimal characters');
    await requirePatientAccess(input, ctx, id, 'revoke', `device:${dev}`);
    const match = (await ctx.deps.store.authSessionsOf(id)).find(
      (s) => s.kind === 'device' && deviceId(s) === dev,
    );
    if (!match) throw new HttpError('not_found', `no linked device ${dev} for this patient`, 'deviceId');
    await ctx.deps.store.deleteAuthSession(match.tokenHash);
    return { status: 200, json: { revoked: dev } };
  });

  // The patient app's "unlink this phone": the token it holds stops working at once.
  r.add('DELETE', '/api/me/device', async (_i, ctx) => {
    const p = requireRole(ctx, 'patient');
    if (p.via !== 'bearer') throw new HttpError('forbidden', 'only a linked device can unlink itself');
    const s = await ctx.deps.store.authSession(p.tokenHash);
    await ctx.deps.store.deleteAuthSession(p.tokenHash);
    await audit(ctx, {
      action: 'revoke',
      patientId: p.userId,
      resource: `device:${s ? deviceId(s) : 'unknown'}`,
      outcome: 'allowed',
    });
    return { status: 200, json: { revoked: s ? deviceId(s) : null } };
  });

  // Every staff account (clinicians and admins), so an admin created by an admin can be managed too.
  r.add('GET', '/api/admin/staff', async (_i, ctx) => {
    const p = requireRole(ctx, 'admin');
    const [clinicians, admins] = await Promise.all([
      ctx.deps.store.listUsers('clinician'),
      ctx.deps.store.listUsers('admin'),
    ]);
    return {
      status: 200,
      json: {
        staff: [...clinicians, ...admins].map((u) => ({
          ...publicUser(u),
          disabled: u.disabled,
          you: u.id === p.userId,
        })),
      },
    };
  });

  r.add('GET', '/api/admin/audit/latest', async ({ query }, ctx) => {
    requireRole(ctx, 'admin');
    const patientId = query.get('patientId') ?? undefined;
    if (patientId !== undefined && patientId.length > 100)
      throw invalid('patientId', 'must be at most 100 characters');
    const entries = await ctx.deps.store.latestAudit({
      patientId: patientId === '' ? undefined : patientId,
      beforeSeq: queryInt(query, 'beforeSeq', 1, Number.MAX_SAFE_INTEGER),
      limit: queryInt(query, 'limit', 1, 1000),
    });
    const ids = [...new Set(entries.map((e) => e.actorId).filter((x): x is string => x !== null))];
    const names: Record<string, string> = {};
    for (const uid of ids) {
      const u = await ctx.deps.store.userById(uid);
      if (u && u.role !== 'patient') names[uid] = u.displayName;
    }
    const page: AuditPage = {
      entries,
      actors: names,
      nextBeforeSeq: entries.length > 0 ? entries.at(-1)!.seq : null,
    };
    return { status: 200, json: page };
  });
}
