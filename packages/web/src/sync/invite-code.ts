// Reads what a patient types or scans to join a clinic: a bare invite code or the invite link
// (which may also say which clinic server to talk to).

export type InviteInput =
  | { readonly ok: true; readonly code: string; readonly origin: string | null }
  | { readonly ok: false; readonly message: string };

/** Letters the server's codes use: no 0/O, 1/I/L, so a code read aloud cannot be misheard. */
const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/;

/** Parses an invite code ("ABCD-EFGH-JK", any case, spaces/dashes ignored) or a link carrying `code=`. */
export function parseInvite(input: string): InviteInput {
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'Enter the code or link your clinician gave you.' };
  let code = raw;
  let origin: string | null = null;
  if (/^https?:\/\//i.test(raw) || raw.includes('code=')) {
    const m = /[?&#]code=([^&#\s]*)/.exec(raw);
    if (!m)
      return { ok: false, message: 'This link has no invite code in it. Ask your clinician for a new one.' };
    code = decodeURIComponent(m[1]!);
    if (/^https?:\/\//i.test(raw)) {
      try {
        origin = new URL(raw).origin;
      } catch {
        return { ok: false, message: 'This link is not a web address. Check it or type the code instead.' };
      }
    }
  }
  const norm = code.toUpperCase().replace(/[\s-]/g, '');
  if (norm.length !== 10)
    return { ok: false, message: `An invite code has 10 letters and digits; this one has ${norm.length}.` };
  if (!CODE.test(norm))
    return {
      ok: false,
      message: 'An invite code uses only the letters A-Z (no I, L or O) and the digits 2-9.',
    };
  return { ok: true, code: norm, origin };
}
