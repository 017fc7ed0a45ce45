// Profiles one server instance under upload load: `npx tsx bench/profile-server.ts [seconds]`.
// Seeds a small SQLite clinic, runs the server with --cpu-prof while autocannon uploads session
// records, and prints where the server's CPU time went (self time by function, top 25), the
// CPU it used, and the load average: what limits a single instance.

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@anklepump/server';
import { killed, sessionData, spawnServer } from '@anklepump/server/testing';

const seconds = Number(process.argv[2] ?? 8);
const dir = mkdtempSync(join(tmpdir(), 'anklepump-prof-'));
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const autocannon = createRequire(import.meta.url)('autocannon') as (o: unknown) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number };
}>;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

try {
  const db = join(dir, 'p.db');
  const store = await openStore({ sqlitePath: db, nowMs: Date.now() });
  for (let p = 0; p < 100; p++) {
    await store.createUser({
      id: `p${p}`,
      role: 'patient',
      email: null,
      displayName: `P${p}`,
      passwordHash: null,
      createdMs: 0,
    });
    await store.createAuthSession({
      tokenHash: sha(`prof-token-${String(p).padStart(6, '0')}`),
      userId: `p${p}`,
      kind: 'device',
      csrf: 'x',
      label: '',
      createdMs: Date.now(),
      lastSeenMs: Date.now(),
      expiresMs: Date.now() + 1e10,
    });
  }
  await store.close();
  const profDir = join(dir, 'prof');
  const child = await spawnServer({ SQLITE_PATH: db, PORT: '0', ALERT_SWEEP_MIN: '0' }, [
    '--cpu-prof',
    `--cpu-prof-dir=${profDir}`,
  ]);
  let n = 0;
  const run = Date.now().toString(36);
  const stat = () => readFileSync(`/proc/${child.proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const cpu = () => (Number(stat()[11]) + Number(stat()[12])) / 100;
  const load0 = loadavg()[0]!;
  const c0 = cpu();
  const r = await autocannon({
    url: child.url,
    connections: 16,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/sync',
        setupRequest: (req: object) => {
          const i = n++;
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer prof-token-${String(i % 100).padStart(6, '0')}`,
            },
            body: JSON.stringify({
              records: [
                {
                  idempotencyKey: `prof-${run}-${i}`,
                  kind: 'session',
                  data: sessionData(Date.now() - 3_600_000, { id: `s${i}` }),
                },
              ],
            }),
          };
        },
      },
    ],
  });
  const cores = (cpu() - c0) / seconds;
  child.proc.kill('SIGTERM');
  await new Promise((res) => child.proc.once('exit', res));
  await killed(child);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
  const prof = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const where = f.url ? f.url.replace(/^.*\/(node_modules|packages)\//, '$1/') : '';
    const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
    const dt = prof.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  console.log(
    `uploads/s ${Math.round(r.requests.average)}, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, server CPU ${cores.toFixed(2)} cores, load average ${load0.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log('self time, top 25 (share of the profiled wall time):');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
