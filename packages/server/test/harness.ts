// Test harness: a real server on 127.0.0.1 (ephemeral port) over a real database (a SQLite temp
// file or a fresh PostgreSQL database), a hand-moved clock, and an HTTP client with a cookie jar.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type ServerConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { type RunningServer, startServer } from '../src/start.ts';

export const ADMIN = { email: 'admin@clinic.test', password: 'admin-password-123' };
export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

export interface TestServer {
  url: string;
  server: RunningServer;
  clock: { now: number };
  stop(): Promise<void>;
}

/** Starts a server; `databaseUrl` picks PostgreSQL, otherwise a fresh SQLite file in a temp dir. */
export async function startTestServer(
  opts: {
    databaseUrl?: string;
    env?: Record<string, string>;
    sqlitePath?: string;
    /** Wraps the real store or hasher (e.g. to record the work a request does). */
    wrap?: Pick<Parameters<typeof startServer>[1] & object, 'store' | 'hasher' | 'logger'>;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'anklepump-srv-'));
  const config: ServerConfig = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOGIN_PER_MINUTE: '1000',
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
      ...opts.env,
    },
    { sqlitePath: opts.sqlitePath ?? join(dir, 'test.db'), webDist: join(dir, 'no-web-dist') },
  );
  const clock = { now: T0 };
  const server = await startServer(config, { now: () => clock.now, logger: silentLogger, ...opts.wrap });
  return {
    url: server.url,
    server,
    clock,
    async stop() {
      await server.stop(1000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Res {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

/** An HTTP client that keeps the session cookie and sends the CSRF token, like the web app does. */
export class Client {
  cookie: string | null = null;
  /** The known-browser cookie the server sets at sign-in (`ap_known=...`). */
  known: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;
  reason: string | null = null;
  /** The instance that answered the last request (differs from `base` when round-robin). */
  lastBase: string;
  private turn = 0;
  /** With `others`, requests go round-robin over `base` and them, like a simple load balancer. */
  constructor(
    readonly base: string,
    readonly others: readonly string[] = [],
  ) {
    this.lastBase = base;
  }

  async req(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    const cookies = [this.cookie, this.known].filter(Boolean);
    if (cookies.length && !h.cookie) h.cookie = cookies.join('; ');
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (this.reason) h['x-access-reason'] = this.reason;
    const bases = [this.base, ...this.others];
    this.lastBase = bases[this.turn++ % bases.length]!;
    const res = await fetch(this.lastBase + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    for (const setCookie of res.headers.getSetCookie()) {
      const v = setCookie.split(';')[0]!;
      if (v.startsWith('ap_known=')) this.known = v;
      else this.cookie = v.endsWith('=') ? null : v;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  }
  get = (p: string, h?: Record<string, string>) => this.req('GET', p, undefined, h);
  post = (p: string, b?: unknown, h?: Record<string, string>) => this.req('POST', p, b ?? {}, h);
  put = (p: string, b?: unknown) => this.req('PUT', p, b ?? {});
  del = (p: string) => this.req('DELETE', p);

  async login(email: string, password: string): Promise<Res> {
    const r = await this.post('/api/auth/login', { email, password });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }
}

export interface World {
  admin: Client;
  clinicianA: Client;
  clinicianB: Client;
  patientA: Client;
  patientB: Client;
  anon: Client;
  ids: { clinicianA: string; clinicianB: string; patientA: string; patientB: string };
}

let serial = 0;
/** Two clinicians, each with one patient whose device joined by invite. */
export async function makeWorld(url: string): Promise<World> {
  const n = ++serial;
  const admin = new Client(url);
  const a = await admin.login(ADMIN.email, ADMIN.password);
  if (a.status !== 200) throw new Error(`admin login ${a.status} ${a.text}`);
  const mk = async (tag: string) => {
    const email = `${tag}${n}@clinic.test`;
    const r = await admin.post('/api/admin/clinicians', {
      email,
      password: `${tag}-password-123`,
      displayName: `Dr ${tag}`,
    });
    if (r.status !== 201) throw new Error(`create clinician ${r.status} ${r.text}`);
    const c = new Client(url);
    await c.login(email, `${tag}-password-123`);
    return { c, id: r.body.user.id as string };
  };
  const A = await mk('ann');
  const B = await mk('bob');
  const mkPatient = async (clin: Client, name: string) => {
    const r = await clin.post('/api/patients', { displayName: name });
    const inv = await clin.post(`/api/patients/${r.body.patient.id}/invites`);
    const dev = new Client(url);
    const red = await dev.post('/api/invites/redeem', { code: inv.body.code, deviceLabel: 'phone' });
    if (red.status !== 201) throw new Error(`redeem ${red.status} ${red.text}`);
    dev.bearer = red.body.deviceToken;
    return { c: dev, id: r.body.patient.id as string };
  };
  const PA = await mkPatient(A.c, 'Pat A');
  const PB = await mkPatient(B.c, 'Pat B');
  return {
    admin,
    clinicianA: A.c,
    clinicianB: B.c,
    patientA: PA.c,
    patientB: PB.c,
    anon: new Client(url),
    ids: { clinicianA: A.id, clinicianB: B.id, patientA: PA.id, patientB: PB.id },
  };
}

/** A valid session record body (the exercise package's SessionRecord shape). */
export function sessionData(
  startMs: number,
  o: { rangesDeg?: number[]; painMax?: number | null; sharpPain?: boolean; id?: string } = {},
) {
  const ranges = o.rangesDeg ?? [40, 42, 41];
  const foot = {
    target: 30,
    full: ranges.length,
    shallow: 0,
    manual: 0,
    holdsMet: ranges.length,
    holdsShort: 0,
    legMoved: 0,
    rangesDeg: ranges,
  };
  return {
    sessionId: o.id ?? `s-${startMs}`,
    regimenId: 'general',
    regimenVersion: 1,
    mode: 'verified',
    outcome: o.sharpPain ? 'stopped' : 'completed',
    stopReason: o.sharpPain ? { code: 'sharp-pain', level: 8 } : null,
    startedAtMs: startMs,
    endedAtMs: startMs + 6 * 60_000,
    dose: { repsPerFoot: 10, sets: 3 },
    setsPlanned: 3,
    setsCompleted: 3,
    setsSkipped: 0,
    feet: { left: foot, right: foot },
    painBefore: 1,
    painAfter: 1,
    painMax: o.painMax ?? 1,
    sharpPain: o.sharpPain ?? false,
    tempoFactor: 1,
    warnings: [],
  };
}
