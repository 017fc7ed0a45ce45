// The sync upload as the server takes it: the envelope checked here (size, time zone), each record
// by the exercise package's contract validator, and screening decisions recomputed from the
// answers with the exercise rules, so a record never carries a decision the server did not make.
import { createHash } from 'node:crypto';
import {
  decideScreening,
  isValidTimeZone,
  MAX_RECORDS_PER_UPLOAD,
  pathText,
  type RecordKind,
  validateUploadRecord,
} from '@anklepump/exercise';
import { HttpError, invalid } from '../errors.ts';
import { type Obj, object, onlyKeys } from '../http/validate.ts';

export interface ParsedRecord {
  idempotencyKey: string;
  kind: RecordKind;
  occurredMs: number;
  body: Obj;
  bodyHash: string;
}

/** Canonical JSON (sorted keys) so that the same content always hashes the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Obj;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Parses the body of POST /api/sync; throws a 400 naming the first bad field. */
export function parseUpload(
  body: unknown,
  nowMs: number,
): { records: ParsedRecord[]; timeZone: string | null } {
  const o = object(body, 'body');
  onlyKeys(o, 'body', ['records', 'timeZone']);
  let timeZone: string | null = null;
  if (o.timeZone !== undefined) {
    if (typeof o.timeZone !== 'string' || o.timeZone.length > 64 || !isValidTimeZone(o.timeZone)) {
      throw invalid('body.timeZone', 'must be an IANA time zone such as Europe/Berlin');
    }
    timeZone = o.timeZone;
  }
  if (!Array.isArray(o.records)) throw invalid('body.records', 'must be an array of records');
  if (o.records.length === 0) throw invalid('body.records', 'must hold at least one record');
  if (o.records.length > MAX_RECORDS_PER_UPLOAD) {
    throw new HttpError(
      'payload_too_large',
      `at most ${MAX_RECORDS_PER_UPLOAD} records per upload; send the rest in another request`,
      'body.records',
    );
  }
  const records = o.records.map((raw, i): ParsedRecord => {
    const at = `body.records[${i}]`;
    const v = validateUploadRecord(raw, nowMs);
    if (!v.success) {
      const first = v.issues[0]!;
      throw invalid(first.path.length > 0 ? `${at}.${pathText(first.path)}` : at, first.message);
    }
    const r = v.data;
    const sent = (raw as { data: Obj }).data;
    let occurredMs: number;
    let stored: Obj = sent;
    if (r.kind === 'session') occurredMs = r.data.startedAtMs;
    else if (r.kind === 'pain') occurredMs = r.data.atMs;
    else {
      occurredMs = r.data.atMs;
      stored = { atMs: r.data.atMs, answers: r.data.answers, decision: decideScreening(r.data.answers) };
    }
    return {
      idempotencyKey: r.idempotencyKey,
      kind: r.kind,
      occurredMs,
      body: stored,
      bodyHash: createHash('sha256').update(canonical(sent)).digest('hex'),
    };
  });
  return { records, timeZone };
}
