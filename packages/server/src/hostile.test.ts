// What a stranger can send, over real HTTP: bodies past the limit without a Content-Length, JSON
// nested thousands deep, lone surrogates, a client that hangs up mid-body, a web-session token
// dressed as a bearer token; and the headers every answer must carry. The server must answer each
// with a clear 4xx and go on serving everyone else.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, killed, spawnServer } from '../test/child.ts';
import { ADMIN, Client, sessionData, startTestServer, T0 } from '../test/harness.ts';
import { serverPerFile } from '../test/server-per-file.ts';
import { MAX_JSON_DEPTH, MAX_JSON_MEMBERS } from './http/body.ts';

const t = serverPerFile();

/** Sends `chunks` with Transfer-Encoding: chunked (no Content-Length); resolves with the status, or the error. */
function chunked(
  base: string,
  path: string,
  chunks: Buffer[],
  headers: Record<string, string> = {},
): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (e) => resolve(String(e)));
    let i = 0;
    const next = () => {
      if (i >= chunks.length) return req.end();
      if (req.write(chunks[i++]!)) setImmediate(next);
      else req.once('drain', next);
    };
    next();
  });
}

const health = async (base: string) => (await fetch(`${base}/api/health`)).status;

describe('a body over the limit, sent chunked (no Content-Length)', { timeout: 60_000 }, () => {
  let child: Child;
  beforeAll(async () => {
    child = await spawnServer(
      {
        PORT: '0',
        SQLITE_PATH: ':memory:',
        MAX_BODY_BYTES: '65536',
        LOG_TO: 'stderr',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      [],
      { captureStderr: true },
    );
  });
  afterAll(() => killed(child));

  it('gets its 413 and the server process goes on serving, on every endpoint that reads a body', async () => {
    const big = Array.from({ length: 40 }, () => Buffer.alloc(4096, 0x20)); // 160 KiB of spaces
    for (const path of ['/api/auth/login', '/api/invites/redeem', '/api/sync', '/api/auth/login']) {
      const status = await chunked(child.url, path, [Buffer.from('{"a":"'), ...big]);
      // The client may see the 413, or a reset when the server closes mid-upload; never a dead server.
      if (typeof status === 'number' && path !== '/api/sync') expect(status).toBe(413);
      expect(await health(child.url)).toBe(200);
    }
    expect(child.proc.exitCode).toBeNull();
    expect(child.stderr()).not.toMatch(/uncaught|unhandled/i);
  });

  it('a client hanging up mid-body is logged as 499 (client closed), never as a 5xx', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${child.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '5000' },
      });
      req.on('error', () => resolve());
      req.write('{"email":"x@y.z","password":"');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    // Wait until the server has logged the request it lost.
    for (let i = 0; i < 100 && !/client closed request/.test(child.stderr()); i++)
      await new Promise((r) => setTimeout(r, 50));
    const lines = child
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; status?: number; level: string });
    const lost = lines.filter((l) => l.msg === 'client closed request');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.status).toBe(499);
    expect(lines.filter((l) => (l.status ?? 0) >= 500 || l.level === 'error')).toEqual([]);
    expect(await health(child.url)).toBe(200);
  });
});

describe('deeply nested JSON', { timeout: 60_000 }, () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('is refused with 400 naming the depth limit, on sync and on anonymous sign-in, at any depth', async () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 5_000, 8_000, 10_000]) {
      const sync = await t.w.patientA.post('/api/sync', `{"records":${nested(depth)}}`);
      expect(sync.status, sync.text).toBe(400);
      expect(sync.body.error.message).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
      if (depth > 8_000) continue; // sign-in bodies are limited to 16 KiB
      const login = await t.w.anon.post('/api/auth/login', `{"email":${nested(depth)}}`);
      expect(login.status, login.text).toBe(400);
      expect(login.body.error.code).toBe('invalid_json');
    }
  });

  it('accepts nesting up to the limit (refused then for its content, not its shape)', async () => {
    const r = await t.w.patientA.post('/api/sync', `{"records":${nested(MAX_JSON_DEPTH - 1)}}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
  });

  it('refuses an object with more members than the limit, naming it', async () => {
    const keys = Array.from({ length: MAX_JSON_MEMBERS + 1 }, (_, i) => `"k${i}":0`).join(',');
    const r = await t.w.patientA.post('/api/sync', `{"records":[{${keys}}]}`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(`more than ${MAX_JSON_MEMBERS} entries`);
  });

  it('keeps answering everyone else while a 1 MiB nested body is handled', async () => {
    const bomb = `{"records":${'['.repeat(500_000)}${']'.repeat(500_000)}}`;
    const [bad, ...others] = await Promise.all([
      t.w.patientA.post('/api/sync', bomb),
      ...Array.from({ length: 5 }, () => fetch(`${t.srv.url}/api/health`).then((r) => r.status)),
    ]);
    expect(bad.status).toBe(400);
    expect(others).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('text no engine can store verbatim', () => {
  it('refuses a lone UTF-16 surrogate with 400 naming the field, and keeps a proper pair exactly', async () => {
    const rec = (key: string, note: string) => ({
      idempotencyKey: key,
      kind: 'pain',
      data: { atMs: T0 - 1000, level: 2, sharp: false, note },
    });
    // JSON.stringify writes a lone surrogate as the escape \ud800, as a hostile client would.
    for (const note of ['calf \ud800 tight', 'x\udc00', '\udbff']) {
      const r = await t.w.patientA.post('/api/sync', { records: [rec('surrogate-0001', note)] });
      expect(r.status, r.text).toBe(400);
      expect(r.body.error.where).toBe('body.records[0].data.note');
      expect(r.body.error.message).toContain('surrogate');
    }
    const ok = await t.w.patientA.post('/api/sync', { records: [rec('surrogate-0002', 'calf 🦶 tight')] });
    expect(ok.status).toBe(200);
    const back = await t.w.clinicianA.get(`/api/patients/${t.w.ids.patientA}/records?kind=pain`);
    const notes = back.body.records.map((r: { data: { note?: string } }) => r.data.note);
    expect(notes).toContain('calf 🦶 tight');
    expect(notes.some((n: string | undefined) => n?.includes('\ufffd'))).toBe(false);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const r = await fetch(`${t.srv.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('UTF-8');
  });
});

describe('tokens', () => {
  it('a web-session token sent as a bearer token is refused, so it cannot skip the CSRF check', async () => {
    const c = new Client(t.srv.url);
    await c.login(ADMIN.email, ADMIN.password);
    const token = c.cookie!.split('=')[1]!;
    const thief = new Client(t.srv.url);
    thief.bearer = token;
    const r = await thief.post('/api/admin/clinicians', {
      email: 'csrf-bypass@clinic.test',
      password: 'long-enough-pass',
      displayName: 'X',
    });
    expect(r.status).toBe(401);
    expect(r.body.error.where).toBe('authorization');
    expect((await thief.get('/api/me')).status).toBe(401);
    const list = await c.get('/api/admin/clinicians');
    expect(list.text).not.toContain('csrf-bypass');
    // Device tokens remain bearer tokens.
    expect((await t.w.patientA.get('/api/me')).body.via).toBe('bearer');
  });

  it('the idle timeout counts from the last request, not from a once-a-minute touch', async () => {
    const c = new Client(t.srv.url);
    await c.login(ADMIN.email, ADMIN.password);
    t.srv.clock.now += 59_000;
    expect((await c.get('/api/me')).status).toBe(200);
    t.srv.clock.now += 29 * 60_000 + 30_000; // 29.5 min after the last request, 30.5 min after sign-in
    expect((await c.get('/api/me')).status).toBe(200);
    t.srv.clock.now += 30 * 60_000 + 1000; // now idle for more than 30 min
    expect((await c.get('/api/me')).status).toBe(401);
    t.srv.clock.now -= 59_000 + 29 * 60_000 + 30_000 + 30 * 60_000 + 1000;
  });
});

describe('headers on every answer', () => {
  const csp = (h: Headers) => h.get('content-security-policy') ?? '';

  it('a Content-Security-Policy with frame-ancestors on API answers, errors, exports and pages', async () => {
    const answers = [
      await t.w.anon.get('/api/health'),
      await t.w.anon.get('/api/me'),
      await t.w.anon.get('/api/nothing-here'),
      await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/export/fhir`),
      await t.w.anon.post('/api/auth/login', '[[['),
    ];
    for (const r of answers) {
      expect(csp(r.headers)).toContain("frame-ancestors 'none'");
      expect(csp(r.headers)).toContain("default-src 'none'");
    }
    const page = await t.w.anon.get('/');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(csp(page.headers)).toContain("frame-ancestors 'none'");
    expect(csp(page.headers)).toContain("script-src 'self'");
    expect(csp(page.headers)).not.toContain(" 'unsafe-eval'");
    // No HSTS without an https PUBLIC_URL (it would be ignored on http).
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });

  it('HSTS on every answer when PUBLIC_URL is https', async () => {
    const s = await startTestServer({ env: { PUBLIC_URL: 'https://clinic.example' } });
    try {
      for (const path of ['/api/health', '/', '/api/nope']) {
        const r = await fetch(`${s.url}${path}`);
        expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      }
    } finally {
      await s.stop();
    }
  });

  it('405 names the allowed methods in Allow; HEAD works wherever GET does, without a body', async () => {
    const r = await t.w.anon.req('DELETE', '/api/health');
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
    const p = await t.w.anon.req('PATCH', `/api/patients/${t.w.ids.patientA}/prescription`);
    expect(p.headers.get('allow')).toBe('GET, HEAD, PUT');
    const page = await t.w.anon.req('POST', '/index.html');
    expect(page.status).toBe(405);
    expect(page.headers.get('allow')).toBe('GET, HEAD');

    for (const path of ['/api/health', `/api/patients/${t.w.ids.patientA}/export/csv`, '/']) {
      const get = await t.w.clinicianA.get(path);
      const head = await t.w.clinicianA.req('HEAD', path);
      expect(head.status, path).toBe(200);
      expect(head.text).toBe('');
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    }
    expect((await t.w.anon.req('HEAD', '/api/me')).status).toBe(401);
  });
});

describe('exports carry what was recorded', () => {
  it("the FHIR export keeps the patient's pain notes; audit Bundle entries have a fullUrl", async () => {
    const note = 'calf tight after the stairs';
    await t.w.patientA.post('/api/sync', {
      records: [
        {
          idempotencyKey: 'pain-note-0001',
          kind: 'pain',
          data: { atMs: T0 - 5000, level: 4, sharp: false, note },
        },
        { idempotencyKey: 'sess-note-0001', kind: 'session', data: sessionData(T0 - 86_400_000) },
      ],
    });
    const b = (await t.w.patientA.get(`/api/patients/${t.w.ids.patientA}/export/fhir`)).body;
    const pain = b.entry
      .map(
        (e: { resource: { code?: { coding?: { code: string }[] }; note?: { text: string }[] } }) =>
          e.resource,
      )
      .filter((r: { code?: { coding?: { code: string }[] } }) => r.code?.coding?.[0]?.code === '72514-3');
    expect(pain.find((r: { note?: { text: string }[] }) => r.note?.[0]?.text === note)).toBeTruthy();

    const audit = (await t.w.admin.get('/api/admin/audit?format=fhir&limit=20')).body;
    expect(audit.entry.length).toBeGreaterThan(0);
    const urls = audit.entry.map((e: { fullUrl?: string }) => e.fullUrl);
    for (const u of urls)
      expect(u).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(urls).size).toBe(urls.length);
  });
});
