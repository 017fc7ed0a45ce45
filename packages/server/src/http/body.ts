// Reads a request body with a hard size limit and parses JSON, turning every failure into a
// clear 4xx naming what was wrong. The JSON's shape is bounded before it is parsed (nesting depth,
// members per object), so no later step that walks it (NUL check, hashing, validation) can be
// driven into deep recursion by a stranger.
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../errors.ts';

/** Deepest nesting of arrays and objects accepted in a body; our deepest real payload uses 8. */
export const MAX_JSON_DEPTH = 32;
/** Most members in one JSON object or elements in one array. */
export const MAX_JSON_MEMBERS = 10_000;

/** The client went away before its body arrived: nobody to answer, and not a server fault. */
export class ClientGone extends Error {
  readonly code = 'client_gone';
}

/** Reads at most `maxBytes`; refuses larger bodies with 413 without buffering them. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume(); // discard what arrives until the 413 closes the connection
    throw new HttpError('payload_too_large', `request body is ${declared} bytes; the limit is ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        req.resume();
        throw new HttpError('payload_too_large', `request body exceeds the limit of ${maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    // 'aborted' / ECONNRESET: the client disconnected mid-body.
    throw new ClientGone(`client disconnected while sending the body: ${(e as Error).message}`);
  }
  if (!req.complete) throw new ClientGone('client disconnected while sending the body');
  return Buffer.concat(chunks);
}

const OPEN_OBJ = 0x7b;
const OPEN_ARR = 0x5b;
const CLOSE_OBJ = 0x7d;
const CLOSE_ARR = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/**
 * Scans JSON bytes (iteratively, no recursion) and throws 400 if arrays/objects nest deeper than
 * `maxDepth` or one of them holds more than `maxMembers` entries. Syntax errors are left to
 * JSON.parse; multi-byte UTF-8 never contains these ASCII bytes, so scanning bytes is exact.
 */
export function checkJsonShape(buf: Buffer, maxDepth = MAX_JSON_DEPTH, maxMembers = MAX_JSON_MEMBERS): void {
  const members = new Int32Array(maxDepth + 1);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (++depth > maxDepth)
        throw new HttpError(
          'invalid_json',
          `request body nests arrays/objects deeper than ${maxDepth} levels (at byte ${i})`,
          'body',
        );
      members[depth] = 1;
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      if (depth > 0) depth--;
    } else if (c === COMMA && depth > 0) {
      if (++members[depth]! > maxMembers)
        throw new HttpError(
          'invalid_json',
          `an array or object in the request body has more than ${maxMembers} entries (at byte ${i})`,
          'body',
        );
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON request body; the content type must say JSON. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json') {
    req.resume(); // the body is not read: discard it, so the connection stays usable
    throw new HttpError(
      'unsupported_media_type',
      `Content-Type must be application/json, got "${type || 'none'}"`,
    );
  }
  const buf = await readBody(req, maxBytes);
  if (buf.length === 0)
    throw new HttpError('invalid_json', 'request body is empty; a JSON object is required');
  checkJsonShape(buf);
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    throw new HttpError('invalid_json', 'request body is not valid UTF-8', 'body');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new HttpError('invalid_json', `request body is not valid JSON: ${(e as Error).message}`);
  }
  const bad = findBadText(value, 'body');
  if (bad)
    throw new HttpError(
      'validation_failed',
      `${bad.where}: ${bad.nul ? 'the NUL character (\\u0000) is not accepted in text' : 'text holds a lone UTF-16 surrogate (an escape like \\ud800 without its pair), which cannot be stored as written'}`,
      bad.where,
    );
  return value;
}

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function badString(s: string): 'nul' | 'surrogate' | null {
  if (s.includes('\0')) return 'nul';
  return LONE_SURROGATE.test(s) ? 'surrogate' : null;
}

/**
 * Path of the first string (or key) that no engine can store verbatim: U+0000 (PostgreSQL text
 * refuses it) or a lone surrogate (UTF-8 has no encoding for it); null if none. Depth is bounded
 * by checkJsonShape before this runs.
 */
export function findBadText(v: unknown, path: string): { where: string; nul: boolean } | null {
  if (typeof v === 'string') {
    const b = badString(v);
    return b ? { where: path, nul: b === 'nul' } : null;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const f = findBadText(v[i], `${path}[${i}]`);
      if (f) return f;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const b = badString(k);
      if (b) return { where: `${path}.${k}`, nul: b === 'nul' };
      const f = findBadText(x, `${path}.${k}`);
      if (f) return f;
    }
  }
  return null;
}
