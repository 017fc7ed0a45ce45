// The Store contract: one suite, run against every implementation (SQLite file, PostgreSQL).
import { countsAsDone, type DoneSessionFacts } from '@anklepump/exercise';
import { describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { MIGRATIONS, migrate } from '../src/store/migrations.ts';
import { type NewRecord, type Store, StoreConflict } from '../src/store/store.ts';

export interface Opened {
  store: Store;
  db: Db;
}

const T = Date.UTC(2026, 10, 2, 9);
let n = 0;
const uid = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

async function seed(store: Store) {
  const clin = await store.createUser({
    id: uid('c'),
    role: 'clinician',
    email: `${uid('c')}@x.test`,
    displayName: 'C',
    passwordHash: 'h',
    createdMs: T,
  });
  const pat = await store.createUser({
    id: uid('p'),
    role: 'patient',
    email: null,
    displayName: 'P',
    passwordHash: null,
    createdMs: T,
  });
  await store.addToCareTeam(pat.id, clin.id);
  return { clin, pat };
}

const record = (key: string, over: Partial<NewRecord> = {}): NewRecord => ({
  id: uid('r'),
  kind: 'pain',
  idempotencyKey: key,
  body: { level: 3, note: "x'); DROP TABLE records;--" },
  bodyHash: `hash-${key}`,
  occurredMs: T,
  ...over,
});

/** Registers the contract tests; `open` gives a fresh, migrated store each time. */
export function describeStoreContract(name: string, open: () => Promise<Opened>): void {
  describe(`Store contract: ${name}`, () => {
    const withStore = (fn: (o: Opened) => Promise<void>) => async () => {
      const o = await open();
      try {
        await fn(o);
      } finally {
        await o.store.close();
      }
    };

    it(
      'applies migrations once: a second run applies none',
      withStore(async ({ db }) => {
        expect(await migrate(db, T)).toEqual([]);
      }),
    );

    it(
      'keeps e-mails unique and stores injection strings verbatim',
      withStore(async ({ store }) => {
        // NUL is left out: PostgreSQL text cannot hold it, so the HTTP layer refuses it before any store.
        const evil = "Robert'); DROP TABLE users;-- \u202e ☃ %s \\";
        const u = await store.createUser({
          id: uid('u'),
          role: 'clinician',
          email: 'same@x.test',
          displayName: evil,
          passwordHash: 'h',
          createdMs: T,
        });
        await expect(
          store.createUser({
            id: uid('u'),
            role: 'clinician',
            email: 'same@x.test',
            displayName: 'B',
            passwordHash: 'h',
            createdMs: T,
          }),
        ).rejects.toBeInstanceOf(StoreConflict);
        expect((await store.userById(u.id))?.displayName).toBe(evil);
        expect((await store.userByEmail('same@x.test'))?.id).toBe(u.id);
      }),
    );

    it(
      'counts failed sign-ins per key, blocks at the threshold, resets on success and after a quiet day',
      withStore(async ({ store }) => {
        const block = (n: number) => (n >= 3 ? T + 1000 * n : 0);
        for (let i = 1; i <= 2; i++)
          expect(await store.noteLoginFailure('k1', T, 86_400_000, block)).toEqual({
            failures: i,
            blockedUntilMs: 0,
          });
        expect(await store.noteLoginFailure('k1', T, 86_400_000, block)).toEqual({
          failures: 3,
          blockedUntilMs: T + 3000,
        });
        expect(await store.loginThrottle('k1')).toEqual({ failures: 3, blockedUntilMs: T + 3000 });
        expect(await store.loginThrottle('other')).toBeNull();
        await store.clearLoginThrottle('k1');
        expect(await store.loginThrottle('k1')).toBeNull();
        // Concurrent failures (as from several instances) are all counted.
        await Promise.all(
          Array.from({ length: 10 }, () => store.noteLoginFailure('k2', T, 86_400_000, () => 0)),
        );
        expect((await store.loginThrottle('k2'))?.failures).toBe(10);
        // A failure a day after the last one starts the count again.
        expect((await store.noteLoginFailure('k2', T + 86_400_001, 86_400_000, () => 0)).failures).toBe(1);
      }),
    );

    it(
      'counts rate-limit hits per window, shared by every caller',
      withStore(async ({ store }) => {
        const hits = await Promise.all(
          Array.from({ length: 5 }, () => store.hitRateLimit('ip:a', 60_000, T)),
        );
        expect(hits.map((h) => h.count).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(await store.hitRateLimit('ip:b', 60_000, T + 1)).toEqual({ count: 1, windowStartMs: T + 1 });
        expect(await store.hitRateLimit('ip:a', 60_000, T + 59_999)).toEqual({ count: 6, windowStartMs: T });
        expect(await store.hitRateLimit('ip:a', 60_000, T + 60_000)).toEqual({
          count: 1,
          windowStartMs: T + 60_000,
        });
        await store.pruneRateLimits(T + 1);
        expect(await store.hitRateLimit('ip:b', 60_000, T + 2)).toEqual({ count: 2, windowStartMs: T + 1 });
      }),
    );

    it(
      'remembers known browsers, and lets exactly one caller claim a job period',
      withStore(async ({ store }) => {
        const { clin } = await seed(store);
        await store.addKnownDevice('dev-hash', clin.id, T);
        expect(await store.knownDeviceUser('dev-hash', T + 5)).toBe(clin.id);
        expect(await store.knownDeviceUser('nope', T)).toBeNull();
        const claims = await Promise.all(
          Array.from({ length: 6 }, () => store.claimJobRun('sweep', 3600, T)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.claimJobRun('sweep', 7200, T)).toBe(true);
        expect(await store.claimJobRun('other', 3600, T)).toBe(true);
      }),
    );

    it(
      'answers care-team membership both ways',
      withStore(async ({ store }) => {
        const a = await seed(store);
        const b = await seed(store);
        expect(await store.isOnCareTeam(a.pat.id, a.clin.id)).toBe(true);
        expect(await store.isOnCareTeam(a.pat.id, b.clin.id)).toBe(false);
        await store.addToCareTeam(a.pat.id, b.clin.id);
        await store.addToCareTeam(a.pat.id, b.clin.id);
        expect((await store.careTeamOf(a.pat.id)).sort()).toEqual([a.clin.id, b.clin.id].sort());
      }),
    );

    it(
      'lets an invite be redeemed once, never after expiry, and only by one of two racers',
      withStore(async ({ store }) => {
        const { clin, pat } = await seed(store);
        await store.createInvite({
          codeHash: 'race',
          patientId: pat.id,
          createdBy: clin.id,
          createdMs: T,
          expiresMs: T + 1000,
        });
        const wins = await Promise.all([
          store.redeemInvite('race', T + 1),
          store.redeemInvite('race', T + 1),
        ]);
        expect(wins.filter((w) => w === pat.id)).toHaveLength(1);
        await store.createInvite({
          codeHash: 'old',
          patientId: pat.id,
          createdBy: clin.id,
          createdMs: T,
          expiresMs: T + 1000,
        });
        expect(await store.redeemInvite('old', T + 1000)).toBeNull();
      }),
    );

    it(
      'keeps auth sessions, moves last-seen forward only, and deletes them',
      withStore(async ({ store }) => {
        const { clin } = await seed(store);
        const s = {
          tokenHash: uid('t'),
          userId: clin.id,
          kind: 'web' as const,
          csrf: 'c',
          label: '',
          createdMs: T,
          lastSeenMs: T,
          expiresMs: T + 10,
        };
        await store.createAuthSession(s);
        await store.touchAuthSession(s.tokenHash, T + 5);
        await store.touchAuthSession(s.tokenHash, T + 2);
        expect((await store.authSession(s.tokenHash))?.lastSeenMs).toBe(T + 5);
        await store.deleteAuthSessionsOf(clin.id);
        expect(await store.authSession(s.tokenHash)).toBeNull();
      }),
    );

    it(
      'versions prescriptions 1, 2, 3 ... even when saved concurrently',
      withStore(async ({ store }) => {
        const { clin, pat } = await seed(store);
        const saved = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            store.addPrescription({
              patientId: pat.id,
              regimen: { version: 0, i },
              note: '',
              changedBy: clin.id,
              changedMs: T + i,
            }),
          ),
        );
        expect(saved.map((s) => s.version).sort()).toEqual([1, 2, 3, 4, 5]);
        const hist = await store.prescriptionHistory(pat.id);
        expect(hist.map((h) => (h.regimen as { version: number }).version)).toEqual([1, 2, 3, 4, 5]);
        expect((await store.currentPrescription(pat.id))?.version).toBe(5);
      }),
    );

    it(
      'stores a record once per idempotency key, even from concurrent uploads',
      withStore(async ({ store }) => {
        const { pat } = await seed(store);
        const batches = await Promise.all(
          Array.from({ length: 6 }, () => store.putRecords(pat.id, [record('k-1'), record('k-2')], T)),
        );
        const statuses = batches.flat().map((r) => r.status);
        expect(statuses.filter((s) => s === 'created')).toHaveLength(2);
        expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(10);
        expect(await store.countRecords(pat.id)).toBe(2);
        const [conf] = await store.putRecords(pat.id, [record('k-1', { bodyHash: 'other' })], T);
        expect(conf?.status).toBe('conflict');
        const other = await seed(store);
        expect((await store.putRecords(other.pat.id, [record('k-1')], T))[0]?.status).toBe('created');
      }),
    );

    it(
      'replaces a stored session sent again with the pain after it added, and nothing else',
      withStore(async ({ store }) => {
        const { pat } = await seed(store);
        const session = (body: Record<string, unknown>, hash: string): NewRecord =>
          record('session-s1', { kind: 'session', body, bodyHash: hash });
        const sent = { sessionId: 's1', painBefore: 2, painAfter: null, painMax: 2, setsCompleted: 3 };
        const amended = { ...sent, painAfter: 7, painMax: 7 };
        expect((await store.putRecords(pat.id, [session(sent, 'h-sent')], T))[0]?.status).toBe('created');
        const [res] = await store.putRecords(pat.id, [session(amended, 'h-amended')], T + 1);
        expect(res?.status).toBe('amended');
        const [kept] = await store.listRecords(pat.id, { kind: 'session' });
        expect(kept?.body).toEqual(amended);
        expect(await store.countRecords(pat.id)).toBe(1);
        // The amended record sent again is a duplicate; another answer, or any other change, a
        // conflict that leaves the amended record as it is.
        expect((await store.putRecords(pat.id, [session(amended, 'h-amended')], T))[0]?.status).toBe(
          'duplicate',
        );
        const again = { ...sent, painAfter: 3, painMax: 3 };
        expect((await store.putRecords(pat.id, [session(again, 'h-again')], T))[0]?.status).toBe('conflict');
        const other = { ...amended, setsCompleted: 1 };
        expect((await store.putRecords(pat.id, [session(other, 'h-other')], T))[0]?.status).toBe('conflict');
        expect((await store.listRecords(pat.id, { kind: 'session' }))[0]?.body).toEqual(amended);
      }),
    );

    it(
      "commits an upload's audit entry with its records",
      withStore(async ({ store }) => {
        const { pat } = await seed(store);
        const entry = {
          atMs: T,
          actorId: pat.id,
          actorRole: 'patient',
          action: 'write',
          patientId: pat.id,
          resource: 'records:1',
          ip: '10.0.0.9',
          reason: null,
          outcome: 'allowed',
        };
        await store.putRecords(pat.id, [record('audited')], T, entry);
        expect(await store.listAudit({ patientId: pat.id })).toEqual([{ ...entry, seq: expect.any(Number) }]);
      }),
    );

    it(
      'lists records by kind and time, oldest first, verbatim',
      withStore(async ({ store }) => {
        const { pat } = await seed(store);
        await store.putRecords(
          pat.id,
          [
            record('a', { occurredMs: T + 30 }),
            record('b', { occurredMs: T + 10, kind: 'session' }),
            record('c', { occurredMs: T + 20 }),
          ],
          T,
        );
        const pain = await store.listRecords(pat.id, { kind: 'pain' });
        expect(pain.map((r) => r.idempotencyKey)).toEqual(['c', 'a']);
        expect(pain[0]?.body).toEqual({ level: 3, note: "x'); DROP TABLE records;--" });
        expect(
          (await store.listRecords(pat.id, { fromMs: T + 15, toMs: T + 25 })).map((r) => r.idempotencyKey),
        ).toEqual(['c']);
        expect(await store.listRecords(pat.id, { limit: 1 })).toHaveLength(1);
      }),
    );

    it(
      'de-duplicates alerts and keeps the first acknowledgement',
      withStore(async ({ store }) => {
        const { clin, pat } = await seed(store);
        const a = {
          id: uid('a'),
          patientId: pat.id,
          kind: 'pain-high',
          severity: 'urgent' as const,
          message: 'm',
          recordId: null,
          dedupeKey: 'd1',
          createdMs: T,
        };
        expect(await store.raiseAlert(a)).toBe(true);
        expect(await store.raiseAlert({ ...a, id: uid('a') })).toBe(false);
        expect(await store.listAlerts({ clinicianId: clin.id, open: true })).toHaveLength(1);
        expect((await store.ackAlert(a.id, clin.id, T + 1))?.ackMs).toBe(T + 1);
        expect((await store.ackAlert(a.id, 'someone-else', T + 2))?.ackBy).toBe(clin.id);
        expect(await store.listAlerts({ clinicianId: clin.id, open: true })).toHaveLength(0);
      }),
    );

    it(
      'migration 4 backfills "done" for sessions stored before it as countsAsDone does',
      withStore(async ({ store, db }) => {
        const { clin, pat } = await seed(store);
        const bodies = [
          { outcome: 'completed', setsCompleted: 2 },
          { outcome: 'completed' },
          { outcome: 'completed', setsCompleted: 0 },
          { outcome: 'stopped', setsCompleted: 1 },
          { outcome: 'aborted' },
        ];
        await store.putRecords(
          pat.id,
          bodies.map((body, i) => record(`b${i}`, { kind: 'session', occurredMs: T + i, body })),
          T,
        );
        const expected = bodies.filter((b) => countsAsDone(b as DoneSessionFacts)).length;
        expect(expected).toBe(2);
        // As if stored before migration 4: no flag; then the migration's backfill statement.
        await db.run('UPDATE records SET done = NULL');
        const backfill = MIGRATIONS.find((m) => m.version === 4)!.sql(db.dialect)[1]!;
        await db.run(backfill);
        const [s] = await store.patientSummaries(clin.id, T);
        expect(s?.doneSince).toBe(expected);
      }),
    );

    it(
      "summarises a clinician's patients: last session, sessions since, open alerts, prescription",
      withStore(async ({ store }) => {
        const { clin, pat } = await seed(store);
        const other = await seed(store);
        await store.putRecords(
          pat.id,
          [
            record('s1', {
              kind: 'session',
              occurredMs: T - 10,
              body: { outcome: 'completed', setsCompleted: 1 },
            }),
            record('s2', {
              kind: 'session',
              occurredMs: T + 10,
              body: { outcome: 'completed', setsCompleted: 1 },
            }),
            // Neither of these counts as done: stopped for pain; every set skipped.
            record('s3', {
              kind: 'session',
              occurredMs: T + 20,
              body: { outcome: 'stopped', setsCompleted: 1 },
            }),
            record('s4', {
              kind: 'session',
              occurredMs: T + 30,
              body: { outcome: 'completed', setsCompleted: 0 },
            }),
          ],
          T,
        );
        await store.addPrescription({
          patientId: pat.id,
          regimen: { frequency: { type: 'daily', sessionsPerDay: 2 } },
          note: '',
          changedBy: clin.id,
          changedMs: T,
        });
        const [s] = await store.patientSummaries(clin.id, T);
        expect(s).toMatchObject({
          id: pat.id,
          lastSessionMs: T + 30,
          doneSince: 1,
          openAlerts: 0,
          prescriptionVersion: 1,
        });
        expect((await store.patientSummaries(clin.id, T)).map((x) => x.id)).not.toContain(other.pat.id);
      }),
    );

    it(
      'deletes a patient with all their data, but the audit trail stays and cannot be changed',
      withStore(async ({ store, db }) => {
        const { clin, pat } = await seed(store);
        await store.putRecords(pat.id, [record('gone')], T);
        await store.raiseAlert({
          id: uid('a'),
          patientId: pat.id,
          kind: 'k',
          severity: 'warning',
          message: 'm',
          recordId: null,
          dedupeKey: 'x',
          createdMs: T,
        });
        await store.appendAudit({
          atMs: T,
          actorId: clin.id,
          actorRole: 'clinician',
          action: 'read',
          patientId: pat.id,
          resource: 'records',
          ip: '127.0.0.1',
          reason: null,
          outcome: 'allowed',
        });
        expect(await store.deletePatient(pat.id)).toBe(true);
        expect(await store.countRecords(pat.id)).toBe(0);
        expect(await store.listAlerts({ patientId: pat.id })).toEqual([]);
        const trail = await store.listAudit({ patientId: pat.id });
        expect(trail).toHaveLength(1);
        await expect(
          db.run('UPDATE audit SET outcome = ? WHERE seq = ?', ['denied', trail[0]!.seq]),
        ).rejects.toThrow(/append-only/);
        await expect(db.run('DELETE FROM audit')).rejects.toThrow(/append-only/);
        expect((await store.listAudit({ afterSeq: trail[0]!.seq - 1, limit: 1 }))[0]?.outcome).toBe(
          'allowed',
        );
      }),
    );

    it(
      'accounts and views (issue 12): password hash, sessions of a user, session bodies since, record times, newest audit first',
      withStore(async ({ store }) => {
        const { clin, pat } = await seed(store);
        const other = await seed(store);
        expect(await store.setPasswordHash(clin.id, 'new-hash')).toBe(true);
        expect(await store.userById(clin.id)).toMatchObject({ passwordHash: 'new-hash' });
        expect(await store.setPasswordHash('nobody', 'x')).toBe(false);

        for (const [i, kind] of (['web', 'device'] as const).entries()) {
          await store.createAuthSession({
            tokenHash: `th-${clin.id}-${i}`,
            userId: clin.id,
            kind,
            csrf: 'c',
            label: `L${i}`,
            createdMs: T + i,
            lastSeenMs: T + i,
            expiresMs: T + 1e9,
          });
        }
        expect((await store.authSessionsOf(clin.id)).map((x) => x.label)).toEqual(['L1', 'L0']);
        expect(await store.authSessionsOf(pat.id)).toEqual([]);

        const body = (outcome: string) => ({ outcome, setsCompleted: 1, note: "'); DROP TABLE records;--" });
        const put = (patientId: string, key: string, occurredMs: number, outcome: string) =>
          store.putRecords(patientId, [record(key, { kind: 'session', body: body(outcome), occurredMs })], T);
        await put(pat.id, 'old-1', T - 10 * 86_400_000, 'completed');
        await put(pat.id, 'new-1', T, 'completed');
        await put(pat.id, 'new-2', T + 1000, 'stopped');
        await put(other.pat.id, 'theirs-1', T, 'completed');
        // Done sessions are counted per patient from what was stored: completed ones only.
        const [mine] = await store.patientSummaries(clin.id, T - 86_400_000);
        expect(mine).toMatchObject({ id: pat.id, doneSince: 1 });
        const everyone = await store.patientSummaries(null, T - 86_400_000);
        expect(everyone.find((x) => x.id === other.pat.id)?.doneSince).toBe(1);

        const recs = await store.listRecords(pat.id, { kind: 'session' });
        const times = await store.recordTimes([...recs.map((r) => r.id), 'missing']);
        expect(times.size).toBe(3);
        expect(times.get(recs[0]!.id)).toBe(T - 10 * 86_400_000);
        expect((await store.recordTimes([])).size).toBe(0);

        for (const action of ['a', 'b', 'c']) {
          await store.appendAudit({
            atMs: T,
            actorId: clin.id,
            actorRole: 'clinician',
            action,
            patientId: pat.id,
            resource: 'records',
            ip: '127.0.0.1',
            reason: null,
            outcome: 'allowed',
          });
        }
        const newest = await store.latestAudit({ patientId: pat.id, limit: 2 });
        expect(newest.map((e) => e.action)).toEqual(['c', 'b']);
        const older = await store.latestAudit({ patientId: pat.id, beforeSeq: newest[1]!.seq, limit: 5 });
        expect(older.map((e) => e.action)).toEqual(['a']);
      }),
    );
  });
}
