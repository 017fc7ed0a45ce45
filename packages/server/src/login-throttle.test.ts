// Guessing defences that give nothing away: a known and an unknown e-mail get the same answers
// after the same work, a stranger's wrong passwords slow guessing from unknown browsers with
// growing waits but never lock a clinician out of the browser they signed in with before, and
// each client address is rate limited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, Client, startTestServer, type TestServer } from '../test/harness.ts';
import { createArgon2Hasher, type PasswordHasher } from './auth/passwords.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/store.ts';

const PASSWORD = 'right-password-1';
let srv: TestServer;
let admin: Client;
let n = 0;
beforeAll(async () => {
  srv = await startTestServer();
  admin = new Client(srv.url);
  await admin.login(ADMIN.email, ADMIN.password);
});
afterAll(() => srv.stop());

async function clinician(a: Client): Promise<string> {
  const email = `real${++n}@clinic.test`;
  const r = await a.post('/api/admin/clinicians', { email, password: PASSWORD, displayName: 'Dr Real' });
  if (r.status !== 201) throw new Error(r.text);
  return email;
}

const answer = (r: { status: number; body: any; headers: Headers }) => ({
  status: r.status,
  body: r.body,
  retryAfter: r.headers.get('retry-after'),
  setCookie: r.headers.getSetCookie().length,
});

// Each sign-in verifies an argon2id hash (19 MiB, t=2): tens of them take seconds on a busy machine.
describe('sign-in throttle', { timeout: 60_000 }, () => {
  it('answers a known and an unknown e-mail identically, failure after failure', async () => {
    const real = await clinician(admin);
    const ghost = `ghost${n}@clinic.test`;
    const a = new Client(srv.url);
    const b = new Client(srv.url);
    for (let i = 0; i < 9; i++) {
      const known = answer(await a.login(real, `wrong-password-${i}`));
      const unknown = answer(await b.login(ghost, `wrong-password-${i}`));
      expect(known).toEqual(unknown);
      expect([401, 429]).toContain(known.status);
    }
    // Even the right password, from a browser the account does not know: the same answer as a guess.
    const right = answer(await a.login(real, PASSWORD));
    const guess = answer(await b.login(ghost, PASSWORD));
    expect(right).toEqual(guess);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('rate_limited');
  });

  it('a stranger cannot lock a clinician out of the browser they signed in with before', async () => {
    const email = await clinician(admin);
    const own = new Client(srv.url);
    expect((await own.login(email, PASSWORD)).status).toBe(200);
    expect(own.known).toMatch(/^ap_known=/);
    const stranger = new Client(srv.url);
    for (let i = 0; i < 12; i++) await stranger.login(email, `guess-${i}-password`);
    expect((await stranger.login(email, PASSWORD)).status).toBe(429);
    // The clinician's own browser: a wrong password is still wrong, the right one works at once.
    expect((await own.login(email, 'typo-password-1')).status).toBe(401);
    expect((await own.login(email, PASSWORD)).status).toBe(200);
    // ...and the success lifts the throttle for everyone.
    expect((await new Client(srv.url).login(email, PASSWORD)).status).toBe(200);
  });

  it("another account's known-browser cookie does not lift the throttle", async () => {
    const mine = await clinician(admin);
    const victim = await clinician(admin);
    const c = new Client(srv.url);
    expect((await c.login(mine, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 6; i++) await new Client(srv.url).login(victim, `guess-${i}-password`);
    expect((await c.login(victim, PASSWORD)).status).toBe(429);
  });

  it('waits grow with each failure (15 s, 30 s, 60 s ...) and end on their own', async () => {
    const email = await clinician(admin);
    const c = new Client(srv.url);
    for (let i = 0; i < 4; i++) expect((await c.login(email, `guess-${i}-password`)).status).toBe(401);
    const waits: number[] = [];
    const t0 = srv.clock.now;
    for (let i = 0; i < 3; i++) {
      expect((await c.login(email, `guess-x${i}-password`)).status).toBe(401);
      const blocked = await c.login(email, PASSWORD);
      expect(blocked.status).toBe(429);
      const s = Number(blocked.headers.get('retry-after'));
      waits.push(s);
      srv.clock.now += s * 1000;
    }
    expect(waits).toEqual([15, 30, 60]);
    expect((await c.login(email, PASSWORD)).status).toBe(200);
    srv.clock.now = t0;
  });

  it('limits attempts per client address, whatever the e-mail', async () => {
    const s = await startTestServer({ env: { LOGIN_PER_MINUTE: '3' } });
    try {
      const c = new Client(s.url);
      for (let i = 0; i < 3; i++)
        expect((await c.login(`x${i}@clinic.test`, 'some-password-1')).status).toBe(401);
      const limited = await c.login(ADMIN.email, ADMIN.password);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBe(60);
      expect((await c.post('/api/invites/redeem', { code: 'ABCDEFGHJK' })).status).toBe(429);
      s.clock.now += 60_000;
      expect((await c.login(ADMIN.email, ADMIN.password)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});

describe('the same work for known and unknown e-mails', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'anklepump-work-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a wrong password and an unknown e-mail make the same store and hasher calls', async () => {
    const calls: string[] = [];
    const real = await openStore({ sqlitePath: join(dir, 'w.db'), nowMs: Date.now() });
    const store = new Proxy(real, {
      get(target, prop, recv) {
        const v = Reflect.get(target, prop, recv);
        return typeof v === 'function'
          ? (...args: unknown[]) => {
              calls.push(`store.${String(prop)}`);
              return (v as (...a: unknown[]) => unknown).apply(target, args);
            }
          : v;
      },
    }) as Store;
    const argon = createArgon2Hasher();
    const hasher: PasswordHasher = {
      hash: (p) => {
        calls.push('hash');
        return argon.hash(p);
      },
      verify: (h, p) => {
        calls.push(`verify:${h.split('$').slice(0, 4).join('$')}`);
        return argon.verify(h, p);
      },
    };
    const s = await startTestServer({ wrap: { store, hasher } });
    try {
      const a = new Client(s.url);
      await a.login(ADMIN.email, ADMIN.password);
      const email = await clinician(a);
      const c = new Client(s.url);
      await c.login('warm-up@clinic.test', 'warm-up-password'); // makes the unknown-e-mail hash once
      const trace = async (e: string) => {
        calls.length = 0;
        const r = await c.login(e, 'wrong-password-1');
        return { status: r.status, calls: [...calls] };
      };
      const known = await trace(email);
      const unknown = await trace('nobody-at-all@clinic.test');
      expect(known.status).toBe(401);
      expect(unknown).toEqual(known);
      expect(known.calls.filter((x) => x.startsWith('verify:$argon2id$v=19$m=19456,t=2,p=1'))).toHaveLength(
        1,
      );
    } finally {
      await s.stop();
    }
  });
});
