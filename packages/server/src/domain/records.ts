// The sync upload's payloads: the envelope (idempotency key, kind, data) and each kind's data,
// validated before anything is stored. Screening decisions are recomputed here from the answers
// with the exercise package's rules, so a record never carries a decision the server did not make.
import { createHash } from 'node:crypto';
import {
  decideScreening,
  isValidTimeZone,
  type ScreeningDecision,
  validateScreeningAnswers,
} from '@anklepump/exercise';
import { HttpError, invalid } from '../errors.ts';
import { type Obj, object, onlyKeys } from '../http/validate.ts';
import type { RecordKind } from '../store/store.ts';

export const MAX_RECORDS_PER_UPLOAD = 200;
/** Earliest accepted record time (2020-01-01): guards against a device clock at the epoch. */
export const EARLIEST_MS = Date.UTC(2020, 0, 1);
/** How far in the future a device clock may run before its records are refused. */
export const MAX_CLOCK_SKEW_MS = 24 * 3_600_000;

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

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function time(o: Obj, key: string, at: string, nowMs: number): number {
  const v = o[key];
  if (!isInt(v, EARLIEST_MS, nowMs + MAX_CLOCK_SKEW_MS)) {
    throw invalid(`${at}.${key}`, 'must be epoch milliseconds between 2020-01-01 and one day from now');
  }
  return v;
}

function pain(o: Obj, key: string, at: string, nullable: boolean): void {
  const v = o[key];
  if (v === null && nullable) return;
  if (!isInt(v, 0, 10))
    throw invalid(`${at}.${key}`, `must be a whole number from 0 to 10${nullable ? ' or null' : ''}`);
}

function foot(v: unknown, at: string): void {
  const f = object(v, at);
  for (const k of ['target', 'full', 'shallow', 'manual']) {
    if (f[k] !== undefined && !isInt(f[k], 0, 10_000))
      throw invalid(`${at}.${k}`, 'must be a whole number from 0 to 10000');
  }
  if (!isInt(f.full, 0, 10_000)) throw invalid(`${at}.full`, 'is required: full reps counted');
  const r = f.rangesDeg;
  // Required (empty when nothing was measured): the exercise package's range trend reads it.
  if (!Array.isArray(r) || r.length > 10_000) {
    throw invalid(`${at}.rangesDeg`, 'must be an array of at most 10000 numbers (empty if not measured)');
  }
  r.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 150) {
      throw invalid(`${at}.rangesDeg[${i}]`, 'must be a range in degrees from 0 to 150');
    }
  });
}

/** Checks the fields of a session record (exercise's SessionRecord) that the server relies on. */
function sessionData(d: Obj, at: string, nowMs: number): number {
  if (typeof d.sessionId !== 'string' || d.sessionId.length < 1 || d.sessionId.length > 128) {
    throw invalid(`${at}.sessionId`, 'must be a string of 1-128 characters');
  }
  if (typeof d.regimenId !== 'string' || d.regimenId.length > 64)
    throw invalid(`${at}.regimenId`, 'must be a string of at most 64 characters');
  if (!isInt(d.regimenVersion, 1, Number.MAX_SAFE_INTEGER))
    throw invalid(`${at}.regimenVersion`, 'must be a whole number >= 1');
  if (!['timing', 'verified'].includes(d.mode as string))
    throw invalid(`${at}.mode`, 'must be timing or verified');
  if (!['completed', 'aborted', 'stopped'].includes(d.outcome as string)) {
    throw invalid(`${at}.outcome`, 'must be completed, aborted or stopped');
  }
  // Which sensor checked a verified session (the app adds it; older apps do not).
  if (d.sensor !== undefined && d.sensor !== 'camera' && d.sensor !== 'phone')
    throw invalid(`${at}.sensor`, 'must be camera or phone when given');
  const start = time(d, 'startedAtMs', at, nowMs);
  const end = time(d, 'endedAtMs', at, nowMs);
  if (end < start || end - start > 6 * 3_600_000)
    throw invalid(`${at}.endedAtMs`, 'must be after startedAtMs and within 6 hours of it');
  const feet = object(d.feet, `${at}.feet`);
  foot(feet.left, `${at}.feet.left`);
  foot(feet.right, `${at}.feet.right`);
  pain(d, 'painBefore', at, true);
  pain(d, 'painAfter', at, true);
  pain(d, 'painMax', at, true);
  if (typeof d.sharpPain !== 'boolean') throw invalid(`${at}.sharpPain`, 'must be true or false');
  return start;
}

function painData(d: Obj, at: string, nowMs: number): number {
  onlyKeys(d, at, ['atMs', 'level', 'sharp', 'sessionId', 'note']);
  const t = time(d, 'atMs', at, nowMs);
  pain(d, 'level', at, false);
  if (typeof d.sharp !== 'boolean') throw invalid(`${at}.sharp`, 'must be true or false');
  if (
    d.sessionId !== undefined &&
    d.sessionId !== null &&
    (typeof d.sessionId !== 'string' || d.sessionId.length > 128)
  ) {
    throw invalid(`${at}.sessionId`, 'must be a string of at most 128 characters or null');
  }
  if (d.note !== undefined && (typeof d.note !== 'string' || d.note.length > 1000)) {
    throw invalid(`${at}.note`, 'must be text of at most 1000 characters');
  }
  return t;
}

/** Validates the answers with the exercise rules and attaches the server's own decision. */
function screeningData(d: Obj, at: string, nowMs: number): { occurredMs: number; body: Obj } {
  onlyKeys(d, at, ['atMs', 'answers']);
  const t = time(d, 'atMs', at, nowMs);
  const v = validateScreeningAnswers(d.answers);
  if (!v.success) {
    const first = v.issues[0]!;
    throw invalid([`${at}.answers`, ...first.path].join('.'), first.message);
  }
  const decision: ScreeningDecision = decideScreening(v.data);
  return { occurredMs: t, body: { atMs: t, answers: v.data, decision } };
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
    const r = object(raw, at);
    onlyKeys(r, at, ['idempotencyKey', 'kind', 'data']);
    const key = r.idempotencyKey;
    if (typeof key !== 'string' || !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
      throw invalid(`${at}.idempotencyKey`, 'must be 8-128 letters, digits or . _ : - (a UUID works)');
    }
    const kind = r.kind;
    if (kind !== 'session' && kind !== 'pain' && kind !== 'screening')
      throw invalid(`${at}.kind`, 'must be session, pain or screening');
    const d = object(r.data, `${at}.data`);
    let occurredMs: number;
    let stored: Obj = d;
    if (kind === 'session') occurredMs = sessionData(d, `${at}.data`, nowMs);
    else if (kind === 'pain') occurredMs = painData(d, `${at}.data`, nowMs);
    else ({ occurredMs, body: stored } = screeningData(d, `${at}.data`, nowMs));
    return {
      idempotencyKey: key,
      kind,
      occurredMs,
      body: stored,
      bodyHash: createHash('sha256').update(canonical(d)).digest('hex'),
    };
  });
  return { records, timeZone };
}
