// Crash safety: a server killed with SIGKILL in the middle of uploads loses no record it
// acknowledged, and the client's retries after a restart duplicate nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, killed, spawnServer } from './child.ts';
import { ADMIN, Client } from './harness.ts';
import { type PgServer, startPgServer } from './pg-server.ts';

let pg: PgServer;
const dir = mkdtempSync(join(tmpdir(), 'anklepump-crash-'));
beforeAll(async () => {
  pg = await startPgServer();
});
afterAll(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const BASE_MS = Date.now() - 60_000;
const painRecord = (key: string, i: number) => ({
  idempotencyKey: key,
  kind: 'pain',
  data: { atMs: BASE_MS - i, level: i % 7, sharp: false, note: `n${i}` },
});

async function crashRun(env: Record<string, string>) {
  const base = {
    ...env,
    PORT: '0',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_PER_MINUTE: '1000',
  };
  let child: Child = await spawnServer(base);
  const admin = new Client(child.url);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.post('/api/admin/clinicians', {
    email: 'crash@clinic.test',
    password: 'crash-password-1',
    displayName: 'C',
  });
  const clin = new Client(child.url);
  await clin.login('crash@clinic.test', 'crash-password-1');
  const patientId = (await clin.post('/api/patients', { displayName: 'Crash' })).body.patient.id as string;
  const code = (await clin.post(`/api/patients/${patientId}/invites`)).body.code as string;
  const dev = new Client(child.url);
  const token = (await dev.post('/api/invites/redeem', { code })).body.deviceToken as string;

  // Four devices' worth of outbox traffic, batches of 5, until the kill.
  const acked = new Set<string>();
  const sent = new Set<string>();
  let stop = false;
  let seq = 0;
  const worker = async (w: number) => {
    while (!stop) {
      const batch = Array.from({ length: 5 }, () => {
        const i = seq++;
        return painRecord(`crash-${w}-${i}-xxxxxxxx`, i);
      });
      for (const r of batch) sent.add(r.idempotencyKey);
      try {
        const res = await fetch(`${child.url}/api/sync`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ records: batch }),
        });
        if (res.status === 200) {
          const body = (await res.json()) as { results: { idempotencyKey: string; status: string }[] };
          for (const r of body.results)
            if (r.status === 'created' || r.status === 'duplicate') acked.add(r.idempotencyKey);
        }
      } catch {
        // connection reset by the kill: the outbox keeps these for the retry
      }
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  await new Promise((r) => setTimeout(r, 700));
  await killed(child);
  stop = true;
  await Promise.all(workers);
  expect(acked.size).toBeGreaterThan(20);

  child = await spawnServer(base);
  try {
    // The outbox retries everything it sent (acknowledged or not) — the worst case for duplicates.
    const all = [...sent];
    const byKey = new Map<string, ReturnType<typeof painRecord>>();
    for (const k of all) byKey.set(k, painRecord(k, Number(k.split('-')[2])));
    for (let i = 0; i < all.length; i += 100) {
      const r = await fetch(`${child.url}/api/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ records: all.slice(i, i + 100).map((k) => byKey.get(k)) }),
      });
      const body = (await r.json()) as { results: { idempotencyKey: string; status: string }[] };
      for (const x of body.results) {
        // A record acknowledged before the crash must come back as already stored, not new.
        if (acked.has(x.idempotencyKey)) expect(x.status).toBe('duplicate');
      }
    }
    const clin2 = new Client(child.url);
    await clin2.login('crash@clinic.test', 'crash-password-1');
    const list = await clin2.get(`/api/patients/${patientId}/records?limit=10000`);
    const keys: string[] = list.body.records.map((r: { idempotencyKey: string }) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(sent.size);
    for (const k of acked) expect(keys).toContain(k);
    return { acked: acked.size, sent: sent.size };
  } finally {
    await killed(child);
  }
}

describe('crash safety (SIGKILL during uploads)', () => {
  it('SQLite: keeps every acknowledged record and duplicates none on retry', async () => {
    await crashRun({ SQLITE_PATH: join(dir, 'crash.db') });
  });

  it('PostgreSQL: keeps every acknowledged record and duplicates none on retry', async () => {
    await crashRun({ DATABASE_URL: await pg.freshDatabase() });
  });
});
