// The clinic sync wire contract, declared once: the record kinds a device uploads, the
// idempotency-key rule, the batch limit, the envelope, and one validator per record that the
// server runs on every upload and the tests run on what the app produces. Pure: the time of the
// check comes in as an argument.
import { validateScreeningAnswers } from './screening.ts';
import type { ScreeningAnswers } from './screening-questionnaire.ts';
import { PHONE_GAIN_LIMITS, type SessionRecord } from './session-types.ts';
import type { ValidationIssue, ValidationIssueCode, ValidationResult } from './validation.ts';

/** What a device may upload: a finished session, a pain report, a safety screening. */
export const RECORD_KINDS = ['session', 'pain', 'screening'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Most records one upload may carry; the client sends the rest in the next request. */
export const MAX_RECORDS_PER_UPLOAD = 200;
/** Earliest accepted record time (2020-01-01): guards against a device clock at the epoch. */
export const EARLIEST_MS = Date.UTC(2020, 0, 1);
/** How far in the future a device clock may run before its records are refused, ms. */
export const MAX_CLOCK_SKEW_MS = 24 * 3_600_000;
/** Longest session the server accepts, ms. */
export const MAX_SESSION_MS = 6 * 3_600_000;

/** An idempotency key: 8-128 letters, digits or `. _ : -` (a UUID works). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The key rule: a record's idempotency key is `<kind>-<id>`, where the id is the session id for a
 * session and the record's time (epoch ms) for a screening or pain report. The same record sent
 * twice is stored once. An amended session keeps its key: the one amendment the app makes, pain
 * after the session added once (`isPainAfterAmendment`), replaces the stored record and is
 * reported as amended; any other change is a conflict, and the stored record stays as it was.
 */
export function recordKey(kind: RecordKind, id: string | number): string {
  return `${kind}-${id}`;
}

/** A pain report outside a session record. Level 0-10; `atMs` epoch ms. */
export interface PainReport {
  readonly atMs: number;
  readonly level: number;
  readonly sharp: boolean;
  readonly sessionId?: string | null;
  readonly note?: string;
}

/** A safety screening as uploaded: the answers only; the server recomputes the decision. */
export interface ScreeningUpload {
  readonly atMs: number;
  readonly answers: ScreeningAnswers;
}

/** One record of an upload, discriminated by `kind`. */
export type UploadRecord =
  | { readonly idempotencyKey: string; readonly kind: 'session'; readonly data: SessionRecord }
  | { readonly idempotencyKey: string; readonly kind: 'pain'; readonly data: PainReport }
  | { readonly idempotencyKey: string; readonly kind: 'screening'; readonly data: ScreeningUpload };

/** The body of `POST /api/sync`: at most MAX_RECORDS_PER_UPLOAD records and the patient's IANA zone. */
export interface UploadEnvelope {
  readonly records: readonly UploadRecord[];
  readonly timeZone?: string;
}

/**
 * The server's answer for one record: stored now, stored before, a stored session amended with the
 * pain after it, or stored before with other content (kept as it was).
 */
export interface UploadResult {
  readonly idempotencyKey: string;
  readonly status: 'created' | 'duplicate' | 'amended' | 'conflict';
}

/** The body of a successful `POST /api/sync` answer, one result per record in order. */
export interface UploadResponse {
  readonly results: readonly UploadResult[];
}

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

class Invalid {
  constructor(
    readonly code: ValidationIssueCode,
    readonly path: Path,
    readonly message: string,
  ) {}
}

const fail = (path: Path, message: string, code: ValidationIssueCode = 'invalid_value'): never => {
  throw new Invalid(code, path, message);
};
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function object(v: unknown, path: Path): Obj {
  return isObj(v) ? v : fail(path, 'must be a JSON object');
}

function onlyKeys(o: Obj, path: Path, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) fail([...path, k], `unknown field; expected ${allowed.join(', ')}`);
  }
}

function time(o: Obj, key: string, path: Path, nowMs: number): number {
  const v = o[key];
  if (!isInt(v, EARLIEST_MS, nowMs + MAX_CLOCK_SKEW_MS)) {
    fail(
      [...path, key],
      'must be epoch milliseconds between 2020-01-01 and one day from now',
      'invalid_time',
    );
  }
  return v as number;
}

function painLevel(o: Obj, key: string, path: Path, nullable: boolean): void {
  const v = o[key];
  if (v === null && nullable) return;
  if (!isInt(v, 0, 10))
    fail([...path, key], `must be a whole number from 0 to 10${nullable ? ' or null' : ''}`);
}

function foot(v: unknown, path: Path): void {
  const f = object(v, path);
  for (const k of ['target', 'full', 'shallow', 'manual']) {
    if (f[k] !== undefined && !isInt(f[k], 0, 10_000))
      fail([...path, k], 'must be a whole number from 0 to 10000');
  }
  if (!isInt(f.full, 0, 10_000)) fail([...path, 'full'], 'is required: full reps counted', 'required');
  const r = f.rangesDeg;
  // Required (empty when nothing was measured): the range trend reads it.
  if (!Array.isArray(r) || r.length > 10_000) {
    fail([...path, 'rangesDeg'], 'must be an array of at most 10000 numbers (empty if not measured)');
  }
  (r as unknown[]).forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 150) {
      fail([...path, 'rangesDeg', i], 'must be a range in degrees from 0 to 150');
    }
  });
}

function session(d: Obj, nowMs: number): SessionRecord {
  if (typeof d.sessionId !== 'string' || d.sessionId.length < 1 || d.sessionId.length > 128) {
    fail(['sessionId'], 'must be a string of 1-128 characters');
  }
  if (typeof d.regimenId !== 'string' || d.regimenId.length > 64)
    fail(['regimenId'], 'must be a string of at most 64 characters');
  if (!isInt(d.regimenVersion, 1, Number.MAX_SAFE_INTEGER))
    fail(['regimenVersion'], 'must be a whole number >= 1');
  if (!['timing', 'verified'].includes(d.mode as string)) fail(['mode'], 'must be timing or verified');
  if (!['completed', 'aborted', 'stopped'].includes(d.outcome as string)) {
    fail(['outcome'], 'must be completed, aborted or stopped');
  }
  // Which sensor checked a verified session (the app adds it; older apps do not): it decides
  // how far the clinician can trust the degrees.
  if (d.sensor !== undefined && d.sensor !== 'camera' && d.sensor !== 'phone')
    fail(['sensor'], 'must be camera or phone when given');
  const start = time(d, 'startedAtMs', [], nowMs);
  const end = time(d, 'endedAtMs', [], nowMs);
  if (end < start || end - start > MAX_SESSION_MS)
    fail(['endedAtMs'], 'must be after startedAtMs and within 6 hours of it');
  const feet = object(d.feet, ['feet']);
  foot(feet.left, ['feet', 'left']);
  foot(feet.right, ['feet', 'right']);
  painLevel(d, 'painBefore', [], true);
  painLevel(d, 'painAfter', [], true);
  painLevel(d, 'painMax', [], true);
  if (typeof d.sharpPain !== 'boolean') fail(['sharpPain'], 'must be true or false');
  if (d.degrees !== undefined) degreesBasis(d, start, end);
  return d as unknown as SessionRecord;
}

/** What the degrees rest on: only for a verified session whose sensor is named; a view changes only for a camera. */
function degreesBasis(d: Obj, start: number, end: number): void {
  const b = object(d.degrees, ['degrees']);
  if (d.mode !== 'verified' || d.sensor === undefined) {
    fail(['degrees'], 'is only for a verified session that names its sensor');
  }
  if (b.kind === 'uncalibrated') {
    onlyKeys(b, ['degrees'], ['kind']);
    return;
  }
  if (b.kind === 'calibrated') {
    onlyKeys(b, ['degrees'], ['kind', 'phoneGain']);
    phoneGain(b, d);
    return;
  }
  if (b.kind !== 'view-changed') {
    fail(['degrees', 'kind'], 'must be calibrated, uncalibrated or view-changed');
  }
  onlyKeys(b, ['degrees'], ['kind', 'atMs', 'calibrated', 'phoneGain']);
  if (d.sensor !== 'camera') fail(['degrees', 'kind'], 'view-changed is only for a camera session');
  if (!isInt(b.atMs, start, end)) {
    fail(['degrees', 'atMs'], 'must be epoch milliseconds between startedAtMs and endedAtMs', 'invalid_time');
  }
  if (typeof b.calibrated !== 'boolean') fail(['degrees', 'calibrated'], 'must be true or false');
  if (b.phoneGain !== undefined && b.calibrated !== true) {
    fail(['degrees', 'phoneGain'], 'is only for a calibrated view');
  }
  phoneGain(b, d);
}

/** A phone check's gain: a camera's, within PHONE_GAIN_LIMITS. */
function phoneGain(b: Obj, d: Obj): void {
  if (b.phoneGain === undefined) return;
  if (d.sensor !== 'camera') fail(['degrees', 'phoneGain'], 'is only for a camera session');
  const g = b.phoneGain;
  if (typeof g !== 'number' || !(g >= PHONE_GAIN_LIMITS.min && g <= PHONE_GAIN_LIMITS.max)) {
    fail(
      ['degrees', 'phoneGain'],
      `must be a number from ${PHONE_GAIN_LIMITS.min} to ${PHONE_GAIN_LIMITS.max}`,
    );
  }
}

function pain(d: Obj, nowMs: number): PainReport {
  onlyKeys(d, [], ['atMs', 'level', 'sharp', 'sessionId', 'note']);
  time(d, 'atMs', [], nowMs);
  painLevel(d, 'level', [], false);
  if (typeof d.sharp !== 'boolean') fail(['sharp'], 'must be true or false');
  if (
    d.sessionId !== undefined &&
    d.sessionId !== null &&
    (typeof d.sessionId !== 'string' || d.sessionId.length > 128)
  ) {
    fail(['sessionId'], 'must be a string of at most 128 characters or null');
  }
  if (d.note !== undefined && (typeof d.note !== 'string' || d.note.length > 1000)) {
    fail(['note'], 'must be text of at most 1000 characters');
  }
  return d as unknown as PainReport;
}

function screening(d: Obj, nowMs: number): ScreeningUpload {
  onlyKeys(d, [], ['atMs', 'answers']);
  const atMs = time(d, 'atMs', [], nowMs);
  const v = validateScreeningAnswers(d.answers);
  if (!v.success) {
    const first = v.issues[0]!;
    fail(['answers', ...first.path], first.message, first.code);
  }
  return { atMs, answers: (v as { data: ScreeningAnswers }).data };
}

function run<T>(check: () => T, prefix: Path): ValidationResult<T> {
  try {
    return { success: true, data: check(), warnings: [] };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    const issue: ValidationIssue = { code: e.code, path: [...prefix, ...e.path], message: e.message };
    return { success: false, issues: [issue] };
  }
}

/**
 * Checks a session record as uploaded: identity, mode and outcome, start and end (epoch ms,
 * 2020-01-01 to a day after `nowMs`, at most 6 h long), each foot's counts and ranges (0-150°),
 * pain levels (0-10 or null) and the sharp-pain flag. Other fields pass through as sent. The
 * first problem comes back with the path of the field.
 */
export function validateSessionRecord(value: unknown, nowMs: number): ValidationResult<SessionRecord> {
  return run(() => session(object(value, []), nowMs), []);
}

/** Checks a pain report (time, level 0-10, sharpness, optional session id and note). */
export function validatePainReport(value: unknown, nowMs: number): ValidationResult<PainReport> {
  return run(() => pain(object(value, []), nowMs), []);
}

/** Checks a screening upload: its time and answers (the decision is recomputed from them, not sent). */
export function validateScreeningUpload(value: unknown, nowMs: number): ValidationResult<ScreeningUpload> {
  return run(() => screening(object(value, []), nowMs), []);
}

/** Checks one upload record: the key rule, a known kind and that kind's data. */
export function validateUploadRecord(value: unknown, nowMs: number): ValidationResult<UploadRecord> {
  return run((): UploadRecord => {
    const r = object(value, []);
    onlyKeys(r, [], ['idempotencyKey', 'kind', 'data']);
    const key = r.idempotencyKey;
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      fail(['idempotencyKey'], 'must be 8-128 letters, digits or . _ : - (a UUID works)');
    }
    const idempotencyKey = key as string;
    if (!RECORD_KINDS.includes(r.kind as RecordKind)) fail(['kind'], `must be ${RECORD_KINDS.join(', ')}`);
    const d = object(r.data, ['data']);
    const inData = <T>(f: () => T): T => {
      try {
        return f();
      } catch (e) {
        if (e instanceof Invalid) throw new Invalid(e.code, ['data', ...e.path], e.message);
        throw e;
      }
    };
    switch (r.kind) {
      case 'session':
        return { idempotencyKey, kind: 'session', data: inData(() => session(d, nowMs)) };
      case 'pain':
        return { idempotencyKey, kind: 'pain', data: inData(() => pain(d, nowMs)) };
      case 'screening':
        return { idempotencyKey, kind: 'screening', data: inData(() => screening(d, nowMs)) };
      default:
        return fail(['kind'], `must be ${RECORD_KINDS.join(', ')}`);
    }
  }, []);
}

/** A validation path as text: `feet.left.rangesDeg[3]`. */
export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
