// A small router on node:http: method + path patterns with `:params`. No dependency, because
// we need only exact segments and params, and every byte of request handling stays visible here.
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../errors.ts';

export interface Reply {
  status: number;
  /** Serialised as JSON unless `raw` is given. */
  json?: unknown;
  raw?: { body: string | Buffer; contentType: string };
  headers?: Record<string, string | string[]>;
}

export interface RouteInput {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
}

export type Handler<C> = (input: RouteInput, ctx: C) => Promise<Reply>;

interface Route<C> {
  method: string;
  parts: string[];
  handler: Handler<C>;
}

export interface Router<C> {
  add(method: string, pattern: string, handler: Handler<C>): void;
  /**
   * The handler and params for a request, or an HttpError (404 unknown path, 405 wrong method with
   * an `Allow` header). HEAD runs the GET handler where no HEAD route exists (the body is not sent).
   */
  match(method: string, path: string): { handler: Handler<C>; params: Record<string, string> } | HttpError;
  routes(): { method: string; pattern: string }[];
}

export function createRouter<C>(): Router<C> {
  const table: Route<C>[] = [];
  return {
    add(method, pattern, handler) {
      table.push({ method, parts: pattern.split('/').filter(Boolean), handler });
    },
    match(method, path) {
      const segs = path.split('/').filter(Boolean);
      const allowed = new Set<string>();
      let headFallback: { handler: Handler<C>; params: Record<string, string> } | null = null;
      for (const r of table) {
        if (r.parts.length !== segs.length) continue;
        const params: Record<string, string> = {};
        let ok = true;
        for (let i = 0; i < segs.length; i++) {
          const p = r.parts[i]!;
          const s = segs[i]!;
          if (p.startsWith(':')) {
            let v: string;
            try {
              v = decodeURIComponent(s);
            } catch {
              return new HttpError(
                'bad_request',
                `path segment ${i + 1} is not valid percent-encoding`,
                p.slice(1),
              );
            }
            params[p.slice(1)] = v;
          } else if (p !== s) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        allowed.add(r.method);
        if (r.method === 'GET') allowed.add('HEAD');
        if (r.method === method) return { handler: r.handler, params };
        if (method === 'HEAD' && r.method === 'GET') headFallback ??= { handler: r.handler, params };
      }
      if (headFallback) return headFallback;
      if (allowed.size === 0) return new HttpError('not_found', `no endpoint ${path}`);
      const allow = [...allowed].sort().join(', ');
      return new HttpError(
        'method_not_allowed',
        `${method} is not allowed on ${path}; allowed: ${allow}`,
        undefined,
        { allow },
      );
    },
    routes: () => table.map((r) => ({ method: r.method, pattern: `/${r.parts.join('/')}` })),
  };
}
