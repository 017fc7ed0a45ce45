// Signing in and out: clinicians and admins by password (cookie session + CSRF token), patient
// devices by redeeming an invite code for a long-lived device token.

import { auditEntry, requireAuth } from '../auth/access.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import {
  checkThrottle,
  KNOWN_DEVICE_COOKIE,
  KNOWN_DEVICE_DAYS,
  limitByAddress,
  loginThrottleKey,
  noteFailure,
} from '../auth/login-guard.ts';
import { newToken, normaliseInviteCode, sha256 } from '../auth/tokens.ts';
import type { Ctx } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { readJson } from '../http/body.ts';
import { parseCookies, sessionCookie } from '../http/cookies.ts';
import type { Router } from '../http/router.ts';
import { object, onlyKeys, string } from '../http/validate.ts';
import type { User } from '../store/store.ts';

/** Device tokens last a year: a patient may be offline for days and must still be able to sync. */
export const DEVICE_TOKEN_DAYS = 365;
export const INVITE_DAYS = 14;

export function publicUser(u: User) {
  return { id: u.id, role: u.role, displayName: u.displayName, email: u.email };
}

export function registerAuthRoutes(r: Router<Ctx>): void {
  // Unknown e-mails are checked against this hash (same algorithm and cost as a real one), so
  // both answers take the same work. Made once per router, on first use.
  let dummyHash: Promise<string> | null = null;

  r.add('POST', '/api/auth/login', async ({ req }, ctx) => {
    const { deps, nowMs } = ctx;
    await limitByAddress(ctx);
    const body = object(await readJson(req, 16_384), 'body');
    onlyKeys(body, 'body', ['email', 'password']);
    const email = string(body, 'email', 'body', { max: 254 }).trim().toLowerCase();
    const password = string(body, 'password', 'body', { max: 256 });
    const key = loginThrottleKey(email);
    const knownToken = parseCookies(req.headers.cookie).get(KNOWN_DEVICE_COOKIE);
    const [user, knownUserId] = await Promise.all([
      deps.store.userByEmail(email),
      knownToken ? deps.store.knownDeviceUser(sha256(knownToken), nowMs) : Promise.resolve(null),
    ]);
    const trusted = user !== null && knownUserId === user.id;
    await checkThrottle(ctx, key, trusted);
    const canSignIn = user?.passwordHash && !user.disabled && user.role !== 'patient';
    dummyHash ??= deps.hasher.hash(newToken(deps.randomBytes));
    // Every path verifies one argon2id hash and, on failure, writes one throttle row: a known
    // and an unknown e-mail get the same answer after the same work.
    const ok = await deps.hasher.verify(canSignIn ? user.passwordHash! : await dummyHash, password);
    // Sign-ins, refused and allowed, are in the audit trail with the account they were for (null:
    // no such account): an IT admin looks there for someone guessing passwords.
    // No one is signed in yet: the actor is the account the e-mail names.
    const signIn = (outcome: 'allowed' | 'denied') =>
      deps.store.appendAudit({
        ...auditEntry(ctx, { action: 'sign-in', patientId: null, resource: 'session:web', outcome }),
        actorId: user?.id ?? null,
        actorRole: user?.role ?? null,
      });
    if (!ok || !canSignIn || !user) {
      await signIn('denied');
      const failures = await noteFailure(ctx, key);
      deps.logger.log('warn', 'login failed', {
        user: canSignIn ? user?.id : undefined,
        ip: ctx.ip,
        failures,
      });
      throw new HttpError('unauthenticated', 'e-mail or password is wrong');
    }
    await signIn('allowed');
    await deps.store.clearLoginThrottle(key);
    const token = newToken(deps.randomBytes);
    const csrf = newToken(deps.randomBytes);
    const expiresMs = nowMs + deps.config.sessionMaxHours * 3_600_000;
    await deps.store.createAuthSession({
      tokenHash: sha256(token),
      userId: user.id,
      kind: 'web',
      csrf,
      label: String(req.headers['user-agent'] ?? '').slice(0, 200),
      createdMs: nowMs,
      lastSeenMs: nowMs,
      expiresMs,
    });
    deps.logger.log('info', 'login', { user: user.id, ip: ctx.ip });
    const cookies = [
      sessionCookie(SESSION_COOKIE, token, {
        maxAgeS: deps.config.sessionMaxHours * 3600,
        secure: deps.config.cookieSecure,
      }),
    ];
    if (!trusted) {
      // This browser is now known for the account: a stranger's failures will not slow it down.
      const known = newToken(deps.randomBytes);
      await deps.store.addKnownDevice(sha256(known), user.id, nowMs);
      cookies.push(
        sessionCookie(KNOWN_DEVICE_COOKIE, known, {
          maxAgeS: KNOWN_DEVICE_DAYS * 86_400,
          secure: deps.config.cookieSecure,
          path: '/api/auth',
        }),
      );
    }
    return {
      status: 200,
      json: {
        user: publicUser(user),
        csrfToken: csrf,
        expiresAtMs: expiresMs,
        idleTimeoutMin: deps.config.sessionIdleMin,
      },
      headers: { 'set-cookie': cookies },
    };
  });

  r.add('POST', '/api/auth/logout', async (_i, ctx) => {
    const p = requireAuth(ctx);
    await ctx.deps.store.deleteAuthSession(p.tokenHash);
    return {
      status: 200,
      json: { signedOut: true },
      headers: {
        'set-cookie': sessionCookie(SESSION_COOKIE, '', { maxAgeS: 0, secure: ctx.deps.config.cookieSecure }),
      },
    };
  });

  r.add('GET', '/api/me', async (_i, ctx) => {
    const p = requireAuth(ctx);
    const u = await ctx.deps.store.userById(p.userId);
    if (!u) throw new HttpError('unauthenticated', 'sign in first');
    return { status: 200, json: { user: publicUser(u), via: p.via } };
  });

  r.add('POST', '/api/invites/redeem', async ({ req }, ctx) => {
    const { deps, nowMs } = ctx;
    await limitByAddress(ctx);
    const body = object(await readJson(req, 4096), 'body');
    onlyKeys(body, 'body', ['code', 'deviceLabel']);
    const code = normaliseInviteCode(string(body, 'code', 'body', { max: 64 }));
    const label = string(body, 'deviceLabel', 'body', { max: 100, optional: true });
    const patientId = await deps.store.redeemInvite(sha256(code), nowMs);
    if (!patientId)
      throw new HttpError(
        'invite_invalid',
        'this invite code is unknown, used or expired; ask your clinician for a new one',
        'body.code',
      );
    const token = newToken(deps.randomBytes);
    await deps.store.createAuthSession({
      tokenHash: sha256(token),
      userId: patientId,
      kind: 'device',
      csrf: newToken(deps.randomBytes),
      label,
      createdMs: nowMs,
      lastSeenMs: nowMs,
      expiresMs: nowMs + DEVICE_TOKEN_DAYS * 86_400_000,
    });
    const u = await deps.store.userById(patientId);
    return { status: 201, json: { deviceToken: token, patient: u ? publicUser(u) : { id: patientId } } };
  });
}
