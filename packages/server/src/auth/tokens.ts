// Opaque random tokens (session cookies, device tokens, invite codes); only their SHA-256 is stored,
// so a copy of the database does not let anyone sign in.
import { createHash } from 'node:crypto';

/** A URL-safe random token of `bytes` random bytes. */
export function newToken(randomBytes: (n: number) => Buffer, bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Invite codes people can type: 10 characters from an alphabet without 0/O/1/I/L. */
export function newInviteCode(randomBytes: (n: number) => Buffer): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Normalises a typed invite code: case and spaces/dashes do not matter. */
export function normaliseInviteCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** A random UUID-like id (v4 layout) from the injected random source. */
export function newId(randomBytes: (n: number) => Buffer): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
