import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInvite } from './invite-code.ts';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const code = fc.array(fc.constantFrom(...ALPHABET), { minLength: 10, maxLength: 10 }).map((a) => a.join(''));

describe('parseInvite', () => {
  it('accepts a code typed in any case with spaces or dashes', () => {
    fc.assert(
      fc.property(code, fc.boolean(), (c, dashes) => {
        const typed = (
          dashes ? `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}` : ` ${c.slice(0, 5)} ${c.slice(5)} `
        ).toLowerCase();
        expect(parseInvite(typed)).toEqual({ ok: true, code: c, origin: null });
      }),
    );
  });

  it('takes the code and the clinic origin from an invite link', () => {
    expect(parseInvite('https://clinic.example:8443/join?code=abcd-efgh-jk')).toEqual({
      ok: true,
      code: 'ABCDEFGHJK',
      origin: 'https://clinic.example:8443',
    });
    expect(parseInvite('/join?code=ABCDEFGHJK')).toEqual({ ok: true, code: 'ABCDEFGHJK', origin: null });
  });

  it('says what is wrong with a bad code', () => {
    const r = (s: string) => {
      const p = parseInvite(s);
      return p.ok ? 'ok' : p.message;
    };
    expect(r('')).toMatch(/Enter the code/);
    expect(r('ABCD')).toMatch(/10 letters and digits; this one has 4/);
    expect(r('ABCDEFGHJO')).toMatch(/no I, L or O/);
    expect(r('https://clinic.example/join')).toMatch(/no invite code/);
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const p = parseInvite(s);
        if (p.ok) expect(p.code).toMatch(/^[A-Z2-9]{10}$/);
        else expect(p.message.length).toBeGreaterThan(10);
      }),
    );
  });
});
