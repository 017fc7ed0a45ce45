// `npm run bench server`: the server under load from a second process (autocannon), on the
// embedded SQLite file and on PostgreSQL in the same run, one and two instances on PostgreSQL,
// plus the embedded-engine choice (SQLite vs PGlite: start, write latency, and records surviving
// SIGKILL). Every load row records the machine's load average and the CPU the server processes
// used, so a number measured on a busy machine says so. Writes bench/results/server.md.
// BENCH_UPLOAD_S (default 10), BENCH_SUSTAIN_S (default 60) and BENCH_PATIENTS (default 5000,
// the SQLite patient list) shorten it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createArgon2Hasher, openStore, type Store } from '@anklepump/server';
import {
  type Child,
  Client,
  type EmbeddedEngine,
  killed,
  openEmbeddedStore,
  STORE_WRITER,
  sessionData,
  spawnServer,
  startPgServer,
} from '@anklepump/server/testing';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type CannonRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; path: string; setupRequest: (r: CannonRequest) => CannonRequest }[];
}) => Promise<CannonResult>;

const UPLOAD_S = Number(process.env.BENCH_UPLOAD_S ?? 10);
const SUSTAIN_S = Number(process.env.BENCH_SUSTAIN_S ?? 60);
/** Patients on the clinician's list for the embedded default (the goal is stated for 5,000). */
const PATIENTS_SQLITE = Number(process.env.BENCH_PATIENTS ?? 5000);
/** PostgreSQL is seeded row by row through the Store; 500 keeps its seeding within minutes. */
const PATIENTS_PG = Math.min(500, PATIENTS_SQLITE);
const DAYS = 90;
const PER_DAY = 2;
const CONNECTIONS = 16;
const DAY = 86_400_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (i: number) => `bench-device-token-${String(i).padStart(6, '0')}`;
const dir = mkdtempSync(join(tmpdir(), 'anklepump-bench-'));
const lines: string[] = [];
const log = (s: string) => {
  console.log(s);
  lines.push(s);
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** `patients` on one clinician's list, 90 days x 2 sessions each, and a device token per patient. */
async function seed(store: Store, now: number, patients: number): Promise<void> {
  const hash = await createArgon2Hasher().hash('bench-password-1');
  await store.createUser({
    id: 'bench-clin',
    role: 'clinician',
    email: 'bench@clinic.test',
    displayName: 'Bench',
    passwordHash: hash,
    createdMs: now,
  });
  for (let p = 0; p < patients; p++) {
    const id = `bench-p${p}`;
    await store.createUser({
      id,
      role: 'patient',
      email: null,
      displayName: `Patient ${p}`,
      passwordHash: null,
      createdMs: now - DAYS * DAY,
    });
    await store.addToCareTeam(id, 'bench-clin');
    await store.createAuthSession({
      tokenHash: sha256(tokenOf(p)),
      userId: id,
      kind: 'device',
      csrf: 'x',
      label: 'bench',
      createdMs: now,
      lastSeenMs: now,
      expiresMs: now + 365 * DAY,
    });
    await store.addPrescription({
      patientId: id,
      regimen: {
        id: 'general',
        kind: 'general',
        version: 1,
        frequency: { type: 'daily', sessionsPerDay: 2 },
      },
      note: '',
      changedBy: 'bench-clin',
      changedMs: now - DAYS * DAY,
    });
    const records = [];
    for (let d = DAYS; d > 0; d--) {
      for (let s = 0; s < PER_DAY; s++) {
        const t = now - d * DAY + s * 6 * 3_600_000;
        records.push({
          id: `${id}-${d}-${s}`,
          kind: 'session' as const,
          idempotencyKey: `seed-${d}-${s}-xx`,
          body: sessionData(t, { rangesDeg: [38, 40, 41, 39, 40, 42, 40, 39, 41, 40] }),
          bodyHash: `h${d}${s}`,
          occurredMs: t,
        });
      }
    }
    await store.putRecords(id, records, now);
  }
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuS(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const load1 = () => loadavg()[0]!.toFixed(1);

interface Measured {
  result: CannonResult;
  /** CPU cores the server process(es) used on average during the load. */
  serverCores: number;
  loadBefore: string;
  loadAfter: string;
}

/** Upload load against one URL or several (autocannon spreads connections over them). */
async function measuredLoad(
  urls: string[],
  pids: number[],
  seconds: number,
  patients: number,
): Promise<Measured> {
  const loadBefore = load1();
  const cpu0 = pids.reduce((a, p) => a + cpuS(p), 0);
  const t0 = performance.now();
  const result = await uploadLoad(urls, seconds, patients);
  const wallS = (performance.now() - t0) / 1000;
  const serverCores = (pids.reduce((a, p) => a + cpuS(p), 0) - cpu0) / wallS;
  return { result, serverCores, loadBefore, loadAfter: load1() };
}

async function uploadLoad(urls: string[], seconds: number, patients: number): Promise<CannonResult> {
  let n = 0;
  const run = Date.now().toString(36);
  return autocannon({
    url: (urls.length === 1 ? urls[0]! : urls) as string,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/sync',
        setupRequest: (r) => {
          const i = n++;
          const started = Date.now() - ((i * 7919) % (9 * DAY));
          return {
            ...r,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(i % patients)}` },
            body: JSON.stringify({
              records: [
                {
                  idempotencyKey: `load-${run}-${i}`,
                  kind: 'session',
                  data: sessionData(started, { id: `load-${run}-${i}` }),
                },
              ],
            }),
          };
        },
      },
    ],
  });
}

async function patientListMs(
  url: string,
  pid: number,
): Promise<{ median: number; p95: number; count: number; bytes: number; cpuMs: number }> {
  const c = new Client(url);
  const login = await c.login('bench@clinic.test', 'bench-password-1');
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  const times: number[] = [];
  let count = 0;
  let bytes = 0;
  let cpu0 = 0;
  for (let i = 0; i < 21; i++) {
    if (i === 1) cpu0 = cpuS(pid);
    const t0 = performance.now();
    const r = await c.get('/api/patients');
    const ms = performance.now() - t0;
    if (i > 0) times.push(ms); // the first warms caches
    count = r.body.patients.length;
    bytes = r.text.length;
  }
  // CPU the server spent per list: unlike the wall time, it does not grow when other work on the
  // machine takes the cores, so it says what the list costs on an idle machine.
  const cpuMs = ((cpuS(pid) - cpu0) * 1000) / 20;
  return { median: pct(times, 50), p95: pct(times, 95), count, bytes, cpuMs };
}

async function serverRun(
  name: string,
  env: Record<string, string>,
  open: () => Promise<Store>,
  o: { patients: number; sustain: boolean; instances: number },
) {
  const t0 = performance.now();
  const store = await open();
  await seed(store, Date.now(), o.patients);
  await store.close();
  const seedS = ((performance.now() - t0) / 1000).toFixed(0);
  const childEnv = { ...env, PORT: '0', LOG_LEVEL: 'error', ALERT_SWEEP_MIN: '0' };
  const children: Child[] = [];
  try {
    for (let i = 0; i < o.instances; i++) children.push(await spawnServer(childEnv));
    const urls = children.map((c) => c.url);
    const pids = children.map((c) => c.proc.pid!);
    const listLoad = load1();
    const list = await patientListMs(urls[0]!, pids[0]!);
    const burst = await measuredLoad(urls, pids, UPLOAD_S, o.patients);
    let mem = null as null | { start: number; max: number; end: number; m: Measured };
    if (o.sustain) {
      const pid = pids[0]!;
      const start = rssMb(pid);
      let max = start;
      const timer = setInterval(() => {
        max = Math.max(max, rssMb(pid));
      }, 1000);
      const m = await measuredLoad(urls, pids, SUSTAIN_S, o.patients);
      clearInterval(timer);
      const end = rssMb(pid);
      mem = { start, max: Math.max(max, end), end, m };
    }
    return { name, seedS, list, listLoad, burst, mem, patients: o.patients, instances: o.instances };
  } finally {
    for (const child of children) child.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    for (const child of children) await killed(child);
  }
}

/** Starts a writer, kills it with SIGKILL after `ms`, reopens: acknowledged vs present. */
async function durability(engine: EmbeddedEngine, path: string, ms: number) {
  const proc = spawn(process.execPath, ['--import', 'tsx', STORE_WRITER, engine, path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let acked = -1;
  let buf = '';
  let readyAt = 0;
  await new Promise<void>((resolve) => {
    proc.stdout.on('data', (d) => {
      buf += d;
      const ls = buf.split('\n');
      buf = ls.pop()!;
      for (const l of ls) {
        if (l === 'ready') {
          readyAt = performance.now();
          setTimeout(() => proc.kill('SIGKILL'), ms);
        } else if (l.startsWith('ack ')) acked = Number(l.slice(4));
      }
    });
    proc.on('exit', () => resolve());
  });
  const writeS = (performance.now() - readyAt) / 1000;
  const t0 = performance.now();
  const store = await openEmbeddedStore(engine, path);
  const openMs = performance.now() - t0;
  const present = await store.countRecords('writer');
  await store.close();
  return { acked: acked + 1, present, perS: Math.round((acked + 1) / writeS), openMs: Math.round(openMs) };
}

/** Disk flushes (fsync/fdatasync) per commit, counted with strace; null where strace is missing. */
function flushesPerCommit(engine: EmbeddedEngine, path: string, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const out = join(dir, `strace-${engine}.txt`);
    const proc = spawn(
      'strace',
      [
        '-f',
        '-c',
        '-o',
        out,
        '-e',
        'trace=fsync,fdatasync',
        process.execPath,
        '--import',
        'tsx',
        STORE_WRITER,
        engine,
        path,
        String(ms),
      ],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let acks = 0;
    proc.stdout.on('data', (d: Buffer) => {
      acks += (d.toString().match(/^ack /gm) ?? []).length;
    });
    proc.on('error', () => resolve(null));
    proc.on('exit', (code) => {
      if (code !== 0 || acks === 0) return resolve(null);
      const text = readFileSync(out, 'utf8');
      // strace -c columns: % time, seconds, usecs/call, calls, [errors], syscall.
      const calls = text
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter((t) => t.at(-1) === 'fsync' || t.at(-1) === 'fdatasync')
        .reduce((a, t) => a + Number(t[3]), 0);
      resolve(Math.round((calls / acks) * 100) / 100);
    });
  });
}

/** Commits per second with `inFlight` writers at once in one process (what a busy server does). */
async function concurrentCommits(
  engine: EmbeddedEngine,
  path: string,
  inFlight: number,
  ms: number,
): Promise<number> {
  const store = await openEmbeddedStore(engine, path);
  await store.createUser({
    id: 'conc',
    role: 'patient',
    email: null,
    displayName: 'C',
    passwordHash: null,
    createdMs: 0,
  });
  let done = 0;
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: inFlight }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        await store.putRecords(
          'conc',
          [
            {
              id: `c${w}-${i}`,
              kind: 'pain',
              idempotencyKey: `c-${w}-${i}`,
              body: { level: 1 },
              bodyHash: 'h',
              occurredMs: i,
            },
          ],
          i,
        );
        done++;
      }
    }),
  );
  await store.close();
  return Math.round(done / (ms / 1000));
}

try {
  log('# Server benchmark');
  log('');
  log(
    `Measured by \`npm run bench server\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Load from a second process (autocannon, ${CONNECTIONS} connections); each upload is one session record with a fresh idempotency key, from the device tokens of ${PATIENTS_SQLITE} patients (SQLite) or ${PATIENTS_PG} (PostgreSQL). Load average when it started: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' / ',
      )} (1/5/15 min): the machine's 2 cores are shared, so a high load average means lower numbers than the same code gets on an idle machine.`,
  );
  log('');

  log('## Embedded engine: SQLite vs PGlite');
  log('');
  log(
    'A writer process stores one record per transaction and prints an acknowledgement after each commit; it is killed with SIGKILL after 3 s, the store is reopened, and the records present are counted.',
  );
  log('');
  log(
    '| engine | commits/s, 1 writer | commits/s, 16 writers in flight | acknowledged | present after SIGKILL | lost | reopen after kill (ms) | disk flushes per commit (strace) |',
  );
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const engine of ['sqlite', 'pglite'] as const) {
    const file = (tag: string) => {
      const p = join(dir, `${tag}-${engine}${engine === 'sqlite' ? '.db' : ''}`);
      if (engine === 'pglite') mkdirSync(p, { recursive: true });
      return p;
    };
    const d = await durability(engine, file('durable'), 3000);
    const conc = await concurrentCommits(engine, file('conc'), 16, 3000);
    const flushes = await flushesPerCommit(engine, file('flush'), 3000);
    log(
      `| ${engine === 'sqlite' ? 'SQLite 3 (WAL, group commit, WAL flushed per commit off the event loop)' : 'PGlite 0.5 (data dir)'} | ${d.perS} | ${conc} | ${d.acked} | ${d.present} | ${Math.max(0, d.acked - d.present)} | ${d.openMs} | ${flushes ?? 'n/a'} |`,
    );
  }
  log('');
  log(
    'Surviving SIGKILL only needs the data in the operating system; surviving a power cut needs it flushed to the disk. SQLite flushes the WAL for every commit before acknowledging it; a PGlite commit that makes no flush is lost if the machine loses power. Hence SQLite is the embedded default.',
  );
  log('');

  const pg = await startPgServer({ fsync: true });
  const runs = [];
  try {
    const sqlitePath = join(dir, 'server.db');
    runs.push(
      await serverRun(
        'SQLite (embedded, default), 1 instance',
        { SQLITE_PATH: sqlitePath },
        () => openStore({ sqlitePath, nowMs: Date.now() }),
        { patients: PATIENTS_SQLITE, sustain: true, instances: 1 },
      ),
    );
    const url = await pg.freshDatabase();
    runs.push(
      await serverRun(
        'PostgreSQL (pg 8, fsync on), 1 instance',
        { DATABASE_URL: url },
        () => openStore({ databaseUrl: url, sqlitePath: '', nowMs: Date.now() }),
        { patients: PATIENTS_PG, sustain: false, instances: 1 },
      ),
    );
    const url2 = await pg.freshDatabase();
    runs.push(
      await serverRun(
        'PostgreSQL (pg 8, fsync on), 2 instances round-robin',
        { DATABASE_URL: url2 },
        () => openStore({ databaseUrl: url2, sqlitePath: '', nowMs: Date.now() }),
        { patients: PATIENTS_PG, sustain: false, instances: 2 },
      ),
    );
  } finally {
    await pg.stop();
  }

  log(`## Session uploads (${UPLOAD_S} s, goal >= 1,000/s, p99 <= 50 ms, 0 errors, on the embedded default)`);
  log('');
  log(
    'Server CPU is what the server process(es) used during the load (cores, from /proc); load average is the 1-minute figure before and after. A server using well under one core per instance while the load average is above the core count was starved of CPU by other work on the machine, not limited by its own code.',
  );
  log('');
  log(
    '| database | instances | uploads/s (mean) | p50 ms | p99 ms | max ms | non-2xx | errors | server CPU (cores) | server CPU ms per upload | load avg before -> after |',
  );
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of runs) {
    const b = r.burst.result;
    const perUpload = (r.burst.serverCores * 1000) / Math.max(1, b.requests.average);
    log(
      `| ${r.name} | ${r.instances} | ${Math.round(b.requests.average)} | ${b.latency.p50} | ${b.latency.p99} | ${b.latency.max} | ${b.non2xx} | ${b.errors + b.timeouts} | ${r.burst.serverCores.toFixed(2)} | ${perUpload.toFixed(2)} | ${r.burst.loadBefore} -> ${r.burst.loadAfter} |`,
    );
  }
  log('');
  log(
    "Server CPU ms per upload does not depend on how busy the machine was: 1,000 divided by it is the uploads per second one instance can take per core it gets (for PostgreSQL without the database server's own CPU).",
  );
  log('');
  log('## Clinician patient list (90 days x 2 sessions per patient; goal <= 100 ms for 5,000 patients)');
  log('');
  log(
    '| database | patients listed | median ms | p95 ms | server CPU ms per list | response bytes | seeding s | load avg |',
  );
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs.filter((x) => x.instances === 1))
    log(
      `| ${r.name} | ${r.list.count} | ${r.list.median.toFixed(1)} | ${r.list.p95.toFixed(1)} | ${r.list.cpuMs.toFixed(0)} | ${r.list.bytes} | ${r.seedS} | ${r.listLoad} |`,
    );
  log('');
  log(
    'The wall times grow with the load average; the server CPU per list (from /proc, 10 ms ticks, over 20 lists) is what one list costs the server whatever else runs, close to its wall time on an idle machine.',
  );
  log('');
  const m = runs[0]!.mem!;
  log(`## Memory over ${SUSTAIN_S} s of sustained upload load (SQLite)`);
  log('');
  log(
    '| server RSS at start MB | max MB | at end MB | uploads/s | p99 ms | non-2xx | errors | server CPU (cores) | load avg before -> after |',
  );
  log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  log(
    `| ${m.start} | ${m.max} | ${m.end} | ${Math.round(m.m.result.requests.average)} | ${m.m.result.latency.p99} | ${m.m.result.non2xx} | ${m.m.result.errors + m.m.result.timeouts} | ${m.m.serverCores.toFixed(2)} | ${m.m.loadBefore} -> ${m.m.loadAfter} |`,
  );
  log('');
  mkdirSync(new URL('./results', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/server.md', import.meta.url), `${lines.join('\n')}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
