// Guessing defences for sign-in and invite redemption, kept in the database so that every server
// instance sees the same counts: a per-address rate limit, and a per-e-mail throttle that slows
// guessing with growing waits. The throttle is keyed by the e-mail as typed, whether or not an
// account has it, so its answers say nothing about which accounts exist. A browser that signed
// in as the account before (its known-device cookie) is never throttled for it: a stranger can
// slow guessing, but cannot lock a clinician out of their own browser.
import type { Ctx } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { sha256 } from './tokens.ts';

export const KNOWN_DEVICE_COOKIE = 'ap_known';
export const KNOWN_DEVICE_DAYS = 180;
const RATE_WINDOW_MS = 60_000;
/** The failure count starts again after a day without failures. */
const FAILURES_RESET_MS = 24 * 3_600_000;
/** The first wait once LOCKOUT_AFTER failures are reached; each further failure doubles it. */
const FIRST_WAIT_MS = 15_000;

/** The throttle key for an e-mail (as typed, normalised); also what a password reset clears. */
export function loginThrottleKey(email: string): string {
  return sha256(`login:${email.trim().toLowerCase()}`);
}

const tooMany = (message: string, waitMs: number) => {
  const s = Math.max(1, Math.ceil(waitMs / 1000));
  return new HttpError('rate_limited', `${message}; try again in ${s} s`, undefined, {
    'retry-after': String(s),
  });
};

/** Counts one attempt from the caller's address; 429 past LOGIN_PER_MINUTE (all instances together). */
export async function limitByAddress(ctx: Ctx): Promise<void> {
  const { deps, nowMs } = ctx;
  const w = await deps.store.hitRateLimit(`ip:${ctx.ip}`, RATE_WINDOW_MS, nowMs);
  if (w.count > deps.config.loginPerMinute)
    throw tooMany('too many attempts from this address', w.windowStartMs + RATE_WINDOW_MS - nowMs);
}

/** Until when `failures` in a row block sign-in from unknown browsers (0: not blocked). */
export function blockedUntilMs(
  failures: number,
  nowMs: number,
  policy: { lockoutAfter: number; lockoutMin: number },
): number {
  if (failures < policy.lockoutAfter) return 0;
  const steps = Math.min(failures - policy.lockoutAfter, 30);
  return nowMs + Math.min(policy.lockoutMin * 60_000, FIRST_WAIT_MS * 2 ** steps);
}

/** 429 while the e-mail is throttled, unless the caller's browser is known for the account. */
export async function checkThrottle(ctx: Ctx, key: string, trusted: boolean): Promise<void> {
  if (trusted) return;
  const t = await ctx.deps.store.loginThrottle(key);
  if (t && t.blockedUntilMs > ctx.nowMs)
    throw tooMany('too many wrong passwords for this e-mail', t.blockedUntilMs - ctx.nowMs);
}

export async function noteFailure(ctx: Ctx, key: string): Promise<number> {
  const { deps, nowMs } = ctx;
  const st = await deps.store.noteLoginFailure(key, nowMs, FAILURES_RESET_MS, (n) =>
    blockedUntilMs(n, nowMs, deps.config),
  );
  return st.failures;
}
