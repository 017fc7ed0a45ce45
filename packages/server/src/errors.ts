// The one error type of the server: it knows its HTTP status, and is mapped to a response body
// `{ error: { code, message, where? } }` in exactly one place (http/respond.ts).

/** Stable machine-readable error codes; clients switch on these, never on messages. */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'validation_failed'
  | 'unauthenticated'
  | 'csrf_failed'
  | 'forbidden'
  | 'reason_required'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'invite_invalid'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  reason_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  invite_invalid: 400,
  internal: 500,
};

/** An error that crosses the HTTP boundary: stable `code`, human `message`, optional `where` (a JSON path or parameter name). */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly where: string | undefined;
  /** Extra headers the response must carry (Retry-After for 429, Allow for 405, Connection: close for 413). */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, where?: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.status = STATUS[code];
    this.where = where;
    this.headers = headers;
  }

  toBody(): { error: { code: ErrorCode; message: string; where?: string } } {
    return {
      error: { code: this.code, message: this.message, ...(this.where ? { where: this.where } : {}) },
    };
  }
}

/** Shorthand for a 400 naming the offending field. */
export function invalid(where: string, message: string): HttpError {
  return new HttpError('validation_failed', `${where}: ${message}`, where);
}
