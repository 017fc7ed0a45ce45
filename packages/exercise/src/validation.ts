// Results and issues for everything that validates input: a value, never an exception, so the
// web form, the server and the CLI can each show what was wrong and where.

/** Stable codes a caller can switch on; the message is for people. */
export type ValidationIssueCode =
  | 'required'
  | 'not_a_number'
  | 'not_an_integer'
  | 'too_small'
  | 'too_big'
  | 'invalid_value'
  | 'invalid_time'
  | 'invalid_time_zone'
  | 'invalid_date';

/** One problem with an input: `path` names the field (e.g. `['dose', 'sets']`). */
export interface ValidationIssue {
  readonly code: ValidationIssueCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** Inclusive bounds for `too_small` / `too_big`. */
  readonly minimum?: number;
  readonly maximum?: number;
}

/**
 * A validation result. `warnings` on success are values the product accepts but that lie outside
 * the seed's usual range (e.g. 20 reps): a clinician may set them, the UI should say so.
 */
export type ValidationResult<T> =
  | { readonly success: true; readonly data: T; readonly warnings: readonly ValidationIssue[] }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/** Checks that `value` is a finite number within [min, max] (integer if asked); returns the issue or null. */
export function checkNumber(
  value: unknown,
  path: readonly (string | number)[],
  label: string,
  min: number,
  max: number,
  integer: boolean,
  unit = '',
): ValidationIssue | null {
  const u = unit ? ` ${unit}` : '';
  if (value === undefined || value === null) {
    return { code: 'required', path, message: `${label} is required` };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { code: 'not_a_number', path, message: `${label} must be a number, got ${JSON.stringify(value)}` };
  }
  if (integer && !Number.isInteger(value)) {
    return { code: 'not_an_integer', path, message: `${label} must be a whole number, got ${value}` };
  }
  if (value < min) {
    return {
      code: 'too_small',
      path,
      message: `${label} must be at least ${min}${u}, got ${value}`,
      minimum: min,
      maximum: max,
    };
  }
  if (value > max) {
    return {
      code: 'too_big',
      path,
      message: `${label} must be at most ${max}${u}, got ${value}`,
      minimum: min,
      maximum: max,
    };
  }
  return null;
}
