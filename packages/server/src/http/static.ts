// Serves the built web app (packages/web/dist) with an SPA fallback to index.html, or a plain
// page saying the app is not built. Never serves a file outside the dist folder.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Reply } from './router.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.task': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.glb': 'model/gltf-binary',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The web app's policy: everything from this origin only; the pose model's WebAssembly may be
 * compiled ('wasm-unsafe-eval', not 'unsafe-eval'); the camera preview and workers may use blob:
 * and mediastream: URLs; inline styles are allowed (the app sets style attributes), inline
 * scripts are not; no site may frame the app (clickjacking).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ankle Pump Coach</title></head>
<body><main><h1>Ankle Pump Coach</h1><p>The server is running, but the web app is not built.
Run <code>npm run build</code> and reload this page. The JSON API is under <code>/api</code>;
<code>/api/health</code> reports the server's state.</p></main></body></html>`;

/** Replies with the file for `path` under `dist`, index.html for unknown paths, or the not-built page. */
export async function serveStatic(dist: string, path: string): Promise<Reply> {
  const index = join(dist, 'index.html');
  if (!existsSync(index))
    return {
      status: 200,
      raw: { body: NOT_BUILT, contentType: 'text/html; charset=utf-8' },
      headers: { 'content-security-policy': PAGE_CSP },
    };
  let rel: string;
  try {
    rel = decodeURIComponent(path);
  } catch {
    rel = '/';
  }
  const file = normalize(join(dist, rel));
  const inside = file === dist || file.startsWith(dist.endsWith(sep) ? dist : dist + sep);
  let target = index;
  if (inside && !rel.includes('\0')) {
    const st = await stat(file).catch(() => null);
    if (st?.isFile()) target = file;
  }
  const body = await readFile(target);
  const immutable = target !== index && /[.-][0-9a-zA-Z_-]{8,}\.(js|css|wasm)$/.test(target);
  return {
    status: 200,
    raw: { body, contentType: TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream' },
    headers: {
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': PAGE_CSP,
    },
  };
}
