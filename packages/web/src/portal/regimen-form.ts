// The prescription editor's data side: typed form values to a regimen draft, and the exercise
// package's validation issues mapped back to the form field each one is about.
import {
  DOSE_LIMITS,
  type FootOrder,
  FREQUENCY_LIMITS,
  type Regimen,
  type RegimenPresetId,
  type ValidationIssue,
  validateRegimen,
} from '@anklepump/exercise';

/** Form field names; each is also the input's `name` and (prefixed `rx-`) its id. */
export const RX_NUMBER_FIELDS = [
  'repsPerFoot',
  'sets',
  'plantarHoldS',
  'dorsiHoldS',
  'moveS',
  'restBetweenSetsS',
] as const;
export type RxField =
  | (typeof RX_NUMBER_FIELDS)[number]
  | 'name'
  | 'footOrder'
  | 'freqType'
  | 'sessionsPerDay'
  | 'everyMin'
  | 'note'
  | 'preset';
export type RxValues = { readonly [K in RxField]: string };

/** The form's values for a regimen (the current prescription, or a preset to start from). */
export function valuesOf(r: Regimen, preset: RegimenPresetId | 'custom'): RxValues {
  return {
    preset,
    name: r.name,
    repsPerFoot: String(r.dose.repsPerFoot),
    sets: String(r.dose.sets),
    plantarHoldS: String(r.dose.plantarHoldS),
    dorsiHoldS: String(r.dose.dorsiHoldS),
    moveS: String(r.dose.moveS),
    restBetweenSetsS: String(r.dose.restBetweenSetsS),
    footOrder: r.dose.footOrder,
    freqType: r.frequency.type,
    sessionsPerDay: r.frequency.type === 'daily' ? String(r.frequency.sessionsPerDay) : '2',
    everyMin: r.frequency.type === 'interval' ? String(r.frequency.everyMin) : '60',
    note: r.note,
  };
}

/** A typed number, or the raw text when it is not one (so the validator names the problem). */
function num(s: string): number | string | undefined {
  const t = s.trim().replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * The regimen the form describes. Edited values make it a custom regimen prescribed by
 * `clinicianId`; the server sets the real version and author on save.
 */
export function draftOf(v: RxValues, clinicianId: string): Record<string, unknown> {
  const dose: Record<string, unknown> = { footOrder: v.footOrder };
  for (const f of RX_NUMBER_FIELDS) dose[f] = num(v[f]);
  return {
    id: 'custom',
    kind: 'custom',
    version: 1,
    name: v.name,
    dose,
    frequency:
      v.freqType === 'interval'
        ? { type: 'interval', everyMin: num(v.everyMin) }
        : { type: v.freqType, sessionsPerDay: num(v.sessionsPerDay) },
    prescribedBy: clinicianId,
    note: v.note,
  };
}

/** The form field a validation path (exercise's `path`, or the server's `body.regimen.…`) is about. */
export function fieldOf(path: readonly (string | number)[] | string): RxField | null {
  const parts =
    typeof path === 'string'
      ? path
          .replace(/^body\.regimen\.?/, '')
          .replace(/^body\./, '')
          .split('.')
      : path.map(String);
  const [a, b] = parts;
  if (a === 'dose' && b !== undefined)
    return (RX_NUMBER_FIELDS as readonly string[]).includes(b) || b === 'footOrder' ? (b as RxField) : null;
  if (a === 'frequency') return b === 'sessionsPerDay' || b === 'everyMin' ? b : 'freqType';
  if (a === 'name' || a === 'note') return a;
  return null;
}

export interface FormCheck {
  readonly regimen: Regimen | null;
  /** Plain-words problems per field; empty when the form can be saved. */
  readonly errors: ReadonlyMap<RxField, string>;
  /** Accepted values outside the usual range, per field. */
  readonly warnings: ReadonlyMap<RxField, string>;
  /** Problems no field owns (shown above the form). */
  readonly general: readonly string[];
}

function byField(issues: readonly ValidationIssue[], general: string[]): Map<RxField, string> {
  const m = new Map<RxField, string>();
  for (const i of issues) {
    const f = fieldOf(i.path);
    if (f === null) general.push(i.message);
    else if (!m.has(f)) m.set(f, `${i.message}.`);
  }
  return m;
}

/** Validates the form with the exercise package's rules (the same the server applies). */
export function checkForm(v: RxValues, clinicianId: string): FormCheck {
  const r = validateRegimen(draftOf(v, clinicianId));
  const general: string[] = [];
  if (!r.success) return { regimen: null, errors: byField(r.issues, general), warnings: new Map(), general };
  return { regimen: r.data, errors: new Map(), warnings: byField(r.warnings, general), general };
}

/** Hints shown under each number field: its accepted range and the usual range. */
export function hintOf(f: RxField): string | null {
  if (f === 'sessionsPerDay')
    return `${FREQUENCY_LIMITS.sessionsPerDay.min}-${FREQUENCY_LIMITS.sessionsPerDay.max}`;
  if (f === 'everyMin') return `${FREQUENCY_LIMITS.everyMin.min}-${FREQUENCY_LIMITS.everyMin.max} min`;
  if (!(RX_NUMBER_FIELDS as readonly string[]).includes(f)) return null;
  const b = DOSE_LIMITS[f as (typeof RX_NUMBER_FIELDS)[number]];
  const u = b.unit ? ` ${b.unit}` : '';
  return `${b.min}-${b.max}${u}${b.usual ? `; usually ${b.usual[0]}-${b.usual[1]}${u}` : ''}`;
}

export const FOOT_ORDER_OPTIONS: readonly FootOrder[] = [
  'left-then-right',
  'right-then-left',
  'both-together',
];
