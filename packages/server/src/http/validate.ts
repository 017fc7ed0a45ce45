// Small checks for untrusted JSON and query strings; each failure is a 400 naming the field.
import { HttpError, invalid } from '../errors.ts';

export type Obj = Record<string, unknown>;

/** The value as a plain object, or 400 naming `where`. */
export function object(v: unknown, where: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(where, 'must be a JSON object');
  return v as Obj;
}

/** Rejects fields the endpoint does not know, so a typo is not silently ignored. */
export function onlyKeys(o: Obj, where: string, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw invalid(`${where}.${k}`, `unknown field; expected ${allowed.join(', ')}`);
  }
}

export function string(
  o: Obj,
  key: string,
  where: string,
  opts: {
    min?: number;
    max: number;
    pattern?: RegExp;
    /** What the pattern asks for, in words ("must be ..."): shown instead of the expression. */
    patternText?: string;
    optional?: boolean;
  },
): string {
  const v = o[key];
  const at = `${where}.${key}`;
  if (v === undefined && opts.optional) return '';
  if (typeof v !== 'string') throw invalid(at, v === undefined ? 'is required' : 'must be a string');
  if (v.length < (opts.min ?? 1)) throw invalid(at, `must be at least ${opts.min ?? 1} characters`);
  if (v.length > opts.max) throw invalid(at, `must be at most ${opts.max} characters`);
  if (opts.pattern && !opts.pattern.test(v))
    throw invalid(at, opts.patternText ?? `has an invalid format (expected ${opts.pattern.source})`);
  return v;
}

export function boolean(o: Obj, key: string, where: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean')
    throw invalid(`${where}.${key}`, v === undefined ? 'is required' : 'must be true or false');
  return v;
}

/** An optional integer query parameter within [min, max]. */
export function queryInt(q: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  if (!/^-?\d{1,16}$/.test(raw))
    throw new HttpError(
      'validation_failed',
      `query ${name} must be a whole number, got "${raw.slice(0, 40)}"`,
      name,
    );
  const n = Number(raw);
  if (n < min || n > max)
    throw new HttpError('validation_failed', `query ${name} must be from ${min} to ${max}, got ${n}`, name);
  return n;
}

/** An optional enumerated query parameter. */
export function queryEnum<T extends string>(
  q: URLSearchParams,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw new HttpError(
      'validation_failed',
      `query ${name} must be one of ${values.join(', ')}, got "${raw.slice(0, 40)}"`,
      name,
    );
  }
  return raw as T;
}
