// The one place where errors become HTTP responses, and replies become bytes.
import type { ServerResponse } from 'node:http';
import { HttpError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { StoreConflict } from '../store/store.ts';
import type { Reply } from './router.ts';

/**
 * The policy on API answers: they are data, never a document to render, frame or run scripts
 * from. Pages of the web app get their own policy (http/static.ts) in the reply's headers.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': API_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** Maps anything thrown to an HttpError; unknown errors are logged and become a bare 500. */
export function toHttpError(e: unknown, logger: Logger, requestId: string): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof StoreConflict) return new HttpError('conflict', e.message);
  logger.log('error', 'unhandled error', { requestId, error: e instanceof Error ? e.stack : String(e) });
  return new HttpError('internal', `internal error (request ${requestId})`);
}

export function send(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string | string[]> = {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    ...reply.headers,
  };
  let body: string | Buffer = '';
  if (reply.raw) {
    body = reply.raw.body;
    headers['content-type'] = reply.raw.contentType;
  } else if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(reply.status, headers);
  res.end(body);
}

export function sendError(
  res: ServerResponse,
  err: HttpError,
  extraHeaders: Record<string, string> = {},
): void {
  send(res, { status: err.status, json: err.toBody(), headers: err.headers }, extraHeaders);
}
