// Records as CSV (RFC 4180) for spreadsheets. Cells that a spreadsheet would run as a formula get
// a leading apostrophe: the data stays verbatim in the store.
import type { DegreesBasis } from '@anklepump/exercise';
import { sessionDegrees, sessionRangeDeg, sessionSensor } from '../domain/session-range.ts';
import type { StoredRecord } from '../store/store.ts';

type Obj = Record<string, unknown>;

export const CSV_COLUMNS = [
  'patient_id',
  'record_id',
  'kind',
  'occurred_at',
  'received_at',
  'idempotency_key',
  'outcome',
  'duration_min',
  'full_reps_left',
  'full_reps_right',
  'median_range_left_deg',
  'median_range_right_deg',
  'pain_level',
  'sharp_pain',
  'screening_outcome',
  'note',
  'sensor',
  'degrees_basis',
  'view_changed_at',
] as const;

/**
 * Text a spreadsheet may run as a formula: a formula character (= + - @, or their full-width
 * forms, which some spreadsheets fold to ASCII) at the start, or after leading white space,
 * line breaks or invisible characters (zero-width space and joiners, BOM, word joiner), which
 * spreadsheets trim before parsing. A leading tab or CR is refused outright (OWASP's list).
 */
const FORMULA_START = /^[\s\u200b-\u200d\u2060\ufeff\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/** One CSV cell: quoted when needed, formula-looking text defused. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const viewChangedAt = (b: DegreesBasis | null) =>
  b?.kind === 'view-changed' ? new Date(b.atMs).toISOString() : null;

function row(r: StoredRecord): unknown[] {
  const d = r.body as Obj;
  const feet = d.feet as Obj | undefined;
  const session = r.kind === 'session';
  const range = (side: 'left' | 'right') => {
    const m = session ? sessionRangeDeg(d, side) : null;
    return m === null ? null : Math.round(m * 10) / 10;
  };
  return [
    r.patientId,
    r.id,
    r.kind,
    new Date(r.occurredMs).toISOString(),
    new Date(r.receivedMs).toISOString(),
    r.idempotencyKey,
    session ? d.outcome : null,
    session ? Math.round(((d.endedAtMs as number) - (d.startedAtMs as number)) / 600) / 100 : null,
    session ? (feet?.left as Obj)?.full : null,
    session ? (feet?.right as Obj)?.full : null,
    range('left'),
    range('right'),
    r.kind === 'pain' ? d.level : session ? d.painMax : (d.answers as Obj | undefined)?.painNow,
    r.kind === 'pain' ? d.sharp : session ? d.sharpPain : null,
    r.kind === 'screening' ? (d.decision as Obj | undefined)?.outcome : null,
    r.kind === 'pain' ? d.note : null,
    session ? sessionSensor(d) : null,
    session ? (sessionDegrees(d)?.kind ?? null) : null,
    viewChangedAt(session ? sessionDegrees(d) : null),
  ];
}

/** CSV text with a header row and CRLF line ends. */
export function recordsToCsv(records: readonly StoredRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) lines.push(row(r).map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
