// The first admin: created from ADMIN_EMAIL / ADMIN_PASSWORD (or `anklepump serve --create-admin`)
// when no admin exists yet. Never overwrites an existing account.
import type { PasswordHasher } from './auth/passwords.ts';
import { passwordProblem } from './auth/passwords.ts';
import { newId } from './auth/tokens.ts';
import type { Store } from './store/store.ts';

/** Creates the admin if there is no admin yet; returns what happened. */
export async function ensureFirstAdmin(
  store: Store,
  hasher: PasswordHasher,
  admin: { email: string; password: string },
  deps: { nowMs: number; randomBytes: (n: number) => Buffer },
): Promise<'created' | 'exists'> {
  const problem = passwordProblem(admin.password);
  if (problem) throw new RangeError(`admin password ${problem}`);
  if ((await store.listUsers('admin')).length > 0) return 'exists';
  await store.createUser({
    id: newId(deps.randomBytes),
    role: 'admin',
    email: admin.email.trim().toLowerCase(),
    displayName: 'Administrator',
    passwordHash: await hasher.hash(admin.password),
    createdMs: deps.nowMs,
  });
  return 'created';
}
