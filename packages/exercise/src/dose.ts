// The dose of one session: how many ankle pumps, how long each hold, in which foot order.
// Hard limits reject nonsense; the seed's usual ranges only warn, because a clinician may differ.

import { checkNumber, type ValidationIssue, type ValidationResult } from './validation.ts';

export type Side = 'left' | 'right';

/** Which foot works first; `both-together` moves both feet at once and counts a rep on each. */
export type FootOrder = 'left-then-right' | 'right-then-left' | 'both-together';

export const FOOT_ORDERS: readonly FootOrder[] = ['left-then-right', 'right-then-left', 'both-together'];

export interface Dose {
  /** Repetitions for each foot in each set (seed: 10-15). */
  readonly repsPerFoot: number;
  /** Sets per session (seed: 2-3). */
  readonly sets: number;
  /** Hold with the toes pointed down, seconds (seed: 1-2). */
  readonly plantarHoldS: number;
  /** Hold with the toes pulled up, seconds (seed: about 1). */
  readonly dorsiHoldS: number;
  /** Time to move from one end position to the other, seconds: the tempo of the pump. */
  readonly moveS: number;
  /** Rest between sets, seconds. */
  readonly restBetweenSetsS: number;
  readonly footOrder: FootOrder;
}

interface Bound {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The seed's usual range: outside it (but inside min..max) is a warning, not an error. */
  readonly usual?: readonly [number, number];
  readonly label: string;
  readonly unit: string;
}

/** Hard limits and the seed's usual ranges for each numeric dose field. */
export const DOSE_LIMITS: { readonly [K in Exclude<keyof Dose, 'footOrder'>]: Bound } = {
  repsPerFoot: { min: 1, max: 30, integer: true, usual: [10, 15], label: 'Reps per foot', unit: '' },
  sets: { min: 1, max: 5, integer: true, usual: [2, 3], label: 'Sets', unit: '' },
  plantarHoldS: { min: 0, max: 10, integer: false, usual: [1, 2], label: 'Toes-down hold', unit: 's' },
  dorsiHoldS: { min: 0, max: 10, integer: false, usual: [0.5, 2], label: 'Toes-up hold', unit: 's' },
  moveS: { min: 0.3, max: 10, integer: false, label: 'Movement time', unit: 's' },
  restBetweenSetsS: { min: 0, max: 600, integer: false, label: 'Rest between sets', unit: 's' },
};

/** The seed's dose: 10 reps per foot, 2 sets, 2 s toes down, 1 s toes up, 1 s per movement. */
export const DEFAULT_DOSE: Dose = {
  repsPerFoot: 10,
  sets: 2,
  plantarHoldS: 2,
  dorsiHoldS: 1,
  moveS: 1,
  restBetweenSetsS: 30,
  footOrder: 'left-then-right',
};

/** Validates a dose from untrusted input (a form, JSON); never throws. */
export function validateDose(
  input: unknown,
  path: readonly (string | number)[] = [],
): ValidationResult<Dose> {
  if (typeof input !== 'object' || input === null) {
    return {
      success: false,
      issues: [{ code: 'invalid_value', path, message: 'Dose must be an object' }],
    };
  }
  const raw = input as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  for (const [key, b] of Object.entries(DOSE_LIMITS)) {
    const v = raw[key];
    const issue = checkNumber(v, [...path, key], b.label, b.min, b.max, b.integer, b.unit);
    if (issue) issues.push(issue);
    else if (b.usual && typeof v === 'number' && (v < b.usual[0] || v > b.usual[1])) {
      const u = b.unit ? ` ${b.unit}` : '';
      warnings.push({
        code: v < b.usual[0] ? 'too_small' : 'too_big',
        path: [...path, key],
        message: `${b.label} ${v}${u} is outside the usual ${b.usual[0]}-${b.usual[1]}${u}`,
        minimum: b.usual[0],
        maximum: b.usual[1],
      });
    }
  }
  if (!FOOT_ORDERS.includes(raw.footOrder as FootOrder)) {
    issues.push({
      code: raw.footOrder === undefined ? 'required' : 'invalid_value',
      path: [...path, 'footOrder'],
      message: `Foot order must be one of ${FOOT_ORDERS.join(', ')}, got ${JSON.stringify(raw.footOrder)}`,
    });
  }
  if (issues.length > 0) return { success: false, issues };
  const d = raw as unknown as Dose;
  return {
    success: true,
    data: {
      repsPerFoot: d.repsPerFoot,
      sets: d.sets,
      plantarHoldS: d.plantarHoldS,
      dorsiHoldS: d.dorsiHoldS,
      moveS: d.moveS,
      restBetweenSetsS: d.restBetweenSetsS,
      footOrder: d.footOrder,
    },
    warnings,
  };
}

/** Settling time before each set and time to change feet, seconds: the session machine uses the same. */
export const SETTLE_S = 3;

/**
 * Expected length of a session at this dose and tempo factor 1, seconds: settling, every paced
 * pump (two movements and two holds) for each foot, foot changes and rests between sets.
 */
export function sessionDurationS(dose: Dose): number {
  const pumpS = 2 * dose.moveS + dose.plantarHoldS + dose.dorsiHoldS;
  const feetInTurn = dose.footOrder === 'both-together' ? 1 : 2;
  const perSet = SETTLE_S + feetInTurn * dose.repsPerFoot * pumpS + (feetInTurn - 1) * SETTLE_S;
  return dose.sets * perSet + (dose.sets - 1) * dose.restBetweenSetsS;
}
