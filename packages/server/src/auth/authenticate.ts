// Who is calling: a session cookie (web, with CSRF check on unsafe methods) or a bearer token
// (patient devices only). Expired or idle sessions are removed and treated as absent.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Deps, Principal } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { parseCookies } from '../http/cookies.ts';
import { sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'ap_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Web sessions have an idle timeout, so their last-seen time is written on every request (a
 * clinician's clicks, not the upload hot path). Device tokens have none: an hourly touch is
 * enough to show when a device was last seen.
 */
const DEVICE_TOUCH_EVERY_MS = 3_600_000;

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the caller, or null when no credentials came. Bad credentials are also null (treated as anonymous). */
export async function authenticate(
  req: IncomingMessage,
  deps: Deps,
  nowMs: number,
): Promise<Principal | null> {
  const authz = req.headers.authorization;
  let token: string | undefined;
  let via: Principal['via'];
  if (authz !== undefined) {
    const m = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authz);
    if (!m)
      throw new HttpError(
        'unauthenticated',
        'Authorization header must be "Bearer <token>"',
        'authorization',
      );
    token = m[1];
    via = 'bearer';
  } else {
    token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    via = 'cookie';
  }
  if (!token) return null;
  const tokenHash = sha256(token);
  const s = await deps.store.authSession(tokenHash);
  if (!s) return null;
  const idleMs = deps.config.sessionIdleMin * 60_000;
  const expired = nowMs >= s.expiresMs || (s.kind === 'web' && nowMs - s.lastSeenMs > idleMs);
  if (expired) {
    await deps.store.deleteAuthSession(tokenHash);
    return null;
  }
  if (via === 'cookie' && s.kind !== 'web') return null;
  // A web-session token must not skip the CSRF check by arriving as a bearer token: only device
  // tokens are bearer tokens.
  if (via === 'bearer' && s.kind !== 'device')
    throw new HttpError(
      'unauthenticated',
      'this token is a web session: send it as the session cookie (with X-CSRF-Token), not as a bearer token',
      'authorization',
    );
  if (via === 'cookie' && !SAFE.has(req.method ?? 'GET')) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameString(sent, s.csrf)) {
      throw new HttpError(
        'csrf_failed',
        'missing or wrong X-CSRF-Token header (sent at login in csrfToken)',
        'x-csrf-token',
      );
    }
  }
  const user = await deps.store.userById(s.userId);
  if (!user || user.disabled) return null;
  if (s.kind === 'web' ? nowMs > s.lastSeenMs : nowMs - s.lastSeenMs >= DEVICE_TOUCH_EVERY_MS)
    await deps.store.touchAuthSession(tokenHash, nowMs);
  return { userId: user.id, role: user.role, via, tokenHash };
}
