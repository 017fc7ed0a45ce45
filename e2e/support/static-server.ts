// A tiny static server for the built web app on 127.0.0.1 (an ephemeral port): service workers
// and the camera need a secure context, which localhost counts as.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

export const repoRoot = new URL('../..', import.meta.url).pathname;
export const distDir = join(repoRoot, 'packages/web/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.task': 'application/octet-stream',
};

/** Builds the web app when dist/ is missing (CI builds it before the tests anyway). */
export function ensureBuilt(): void {
  if (existsSync(join(distDir, 'index.html'))) return;
  execFileSync('npm', ['run', 'build', '--silent', '-w', '@anklepump/web'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

export interface StaticServer {
  readonly url: string;
  /** Every path requested, in order (to prove an offline start made no request). */
  readonly requests: string[];
  close(): Promise<void>;
  /** Extra routes (e.g. a test clip) served from memory or disk. */
  route(path: string, body: Buffer | string, type: string): void;
}

export async function startStaticServer(root = distDir): Promise<StaticServer> {
  const requests: string[] = [];
  const extra = new Map<string, { body: Buffer | string; type: string }>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const ex = extra.get(path);
    if (ex) {
      res.writeHead(200, { 'content-type': ex.type });
      res.end(ex.body);
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    route(path, body, type) {
      extra.set(path, { body, type });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
