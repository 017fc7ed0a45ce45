// The composition root: wires the feature routes to their dependencies, and owns the HTTP
// server's paired start/stop (stop drains in-flight requests before the store is closed).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth/authenticate.ts';
import type { Ctx, Deps } from './deps.ts';
import { HttpError } from './errors.ts';
import { ClientGone } from './http/body.ts';
import { send, sendError, toHttpError } from './http/respond.ts';
import { createRouter, type Router } from './http/router.ts';
import { serveStatic } from './http/static.ts';
import { registerAccountRoutes } from './routes/accounts.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAlertRoutes } from './routes/alerts.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerBulkExportRoutes } from './routes/bulk-export.ts';
import { registerExportRoutes } from './routes/exports.ts';
import { registerPatientRoutes } from './routes/patients.ts';
import { registerPrescriptionRoutes } from './routes/prescriptions.ts';
import { registerSyncRoutes } from './routes/sync.ts';

export interface App {
  /** Listens; resolves with the base URL (port 0 picks a free one). */
  start(port: number, host: string): Promise<string>;
  /** Stops accepting, waits up to `graceMs` for in-flight requests, then closes the store. */
  stop(graceMs?: number, beforeStoreClose?: () => Promise<void>): Promise<void>;
  readonly server: Server;
  readonly router: Router<Ctx>;
}

/** Builds the API router with every feature's routes. */
export function buildRouter(): Router<Ctx> {
  const r = createRouter<Ctx>();
  r.add('GET', '/api/health', async (_i, ctx) => {
    const started = ctx.deps.now();
    await ctx.deps.store.listUsers('admin');
    return {
      status: 200,
      json: { status: 'ok', database: ctx.deps.store.dialect, dbMs: ctx.deps.now() - started },
    };
  });
  registerAuthRoutes(r);
  registerAdminRoutes(r);
  registerPatientRoutes(r);
  registerPrescriptionRoutes(r);
  registerSyncRoutes(r);
  registerAlertRoutes(r);
  registerExportRoutes(r);
  registerAccountRoutes(r);
  registerBulkExportRoutes(r);
  return r;
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for'];
    const first = (Array.isArray(xff) ? xff[0] : xff)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Creates the app around its dependencies; nothing listens until `start`. */
export function createApp(deps: Deps): App {
  const router = buildRouter();
  let nextId = 0;
  let inFlight = 0;
  let draining = false;
  let idleWaiters: (() => void)[] = [];
  // HSTS only where the public address is https: on plain http it would be ignored at best.
  const baseHeaders: Record<string, string> = deps.config.publicUrl?.startsWith('https://')
    ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
    : {};

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = (++nextId).toString(36);
    const t0 = performance.now();
    const nowMs = deps.now();
    const ctx: Ctx = { deps, principal: null, ip: clientIp(req, deps.config.trustProxy), nowMs };
    const method = req.method ?? 'GET';
    let path = '/';
    let status = 500;
    let gone = false;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      path = url.pathname;
      if (draining)
        throw new HttpError('internal', 'server is shutting down', undefined, { connection: 'close' });
      if (!path.startsWith('/api/') && path !== '/api') {
        if (method !== 'GET' && method !== 'HEAD')
          throw new HttpError('method_not_allowed', `${method} is not allowed on ${path}`, undefined, {
            allow: 'GET, HEAD',
          });
        const reply = await serveStatic(deps.config.webDist, path);
        status = reply.status;
        send(res, reply, baseHeaders);
        return;
      }
      const m = router.match(method, path);
      if (m instanceof HttpError) throw m;
      for (const [k, v] of [...url.searchParams, ...Object.entries(m.params)]) {
        if (k.includes('\0') || v.includes('\0'))
          throw new HttpError('bad_request', `${k}: the NUL character is not accepted`, k);
      }
      ctx.principal = await authenticate(req, deps, nowMs);
      const reply = await m.handler({ req, params: m.params, query: url.searchParams }, ctx);
      status = reply.status;
      send(res, reply, baseHeaders);
    } catch (e) {
      if (e instanceof ClientGone) {
        // Nobody is left to answer; 499 (as nginx logs it) keeps it out of the 5xx counts.
        gone = true;
        status = 499;
        res.destroy();
        return;
      }
      const err = toHttpError(e, deps.logger, requestId);
      status = err.status;
      // A refused body may still be arriving: answer, then close instead of reading it. Node
      // closes the connection after a response that says `Connection: close`.
      const extra = status === 413 ? { ...baseHeaders, connection: 'close' } : baseHeaders;
      if (!res.headersSent) sendError(res, err, extra);
      else res.destroy();
    } finally {
      deps.logger.log(status >= 500 ? 'error' : 'info', gone ? 'client closed request' : 'request', {
        requestId,
        method,
        path,
        status,
        ms: Math.round((performance.now() - t0) * 10) / 10,
        user: ctx.principal?.userId,
        ip: ctx.ip,
      });
    }
  }

  const server = createServer((req, res) => {
    inFlight++;
    // handle() catches everything it can; this catch is the last line, so that no single request
    // can take the process down whatever goes wrong while answering it.
    handle(req, res)
      .catch((e) => {
        deps.logger.log('error', 'request handling failed', {
          error: e instanceof Error ? e.stack : String(e),
        });
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      })
      .finally(() => {
        inFlight--;
        if (inFlight === 0) {
          for (const w of idleWaiters) w();
          idleWaiters = [];
        }
      });
  });
  // Longer than a client's or load balancer's idle timeout (often 60 s), so the server is not the
  // side that closes an idle connection just as the client reuses it (a reset request). At 5 s a
  // client whose process stalled for a few seconds on a busy machine regularly hit that race.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  return {
    server,
    router,
    start(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const a = server.address() as AddressInfo;
          deps.logger.log('info', 'listening', { host, port: a.port, database: deps.store.dialect });
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${a.port}`);
        });
      });
    },
    async stop(graceMs = 10_000, beforeStoreClose) {
      draining = true;
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((r) => idleWaiters.push(r)),
          new Promise<void>((r) => setTimeout(r, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
      await beforeStoreClose?.();
      await deps.store.close();
      deps.logger.log('info', 'stopped', {});
    },
  };
}
