// Reads a request body with a hard size limit and parses JSON, turning every failure into a
// clear 4xx naming what was wrong.
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../errors.ts';

/** Reads at most `maxBytes`; refuses larger bodies with 413 without buffering them. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new HttpError('payload_too_large', `request body is ${declared} bytes; the limit is ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      req.resume();
      throw new HttpError('payload_too_large', `request body exceeds the limit of ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON request body; the content type must say JSON. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new HttpError(
      'unsupported_media_type',
      `Content-Type must be application/json, got "${type || 'none'}"`,
    );
  }
  const buf = await readBody(req, maxBytes);
  if (buf.length === 0)
    throw new HttpError('invalid_json', 'request body is empty; a JSON object is required');
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw new HttpError('invalid_json', `request body is not valid JSON: ${(e as Error).message}`);
  }
  const at = findNul(value, 'body');
  if (at)
    throw new HttpError(
      'validation_failed',
      `${at}: the NUL character (\\u0000) is not accepted in text`,
      at,
    );
  return value;
}

/** Path of the first string (or key) holding U+0000, which PostgreSQL text cannot store; null if none. */
export function findNul(v: unknown, path: string): string | null {
  if (typeof v === 'string') return v.includes('\0') ? path : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const f = findNul(v[i], `${path}[${i}]`);
      if (f) return f;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k.includes('\0')) return `${path}.${k}`;
      const f = findNul(x, `${path}.${k}`);
      if (f) return f;
    }
  }
  return null;
}
