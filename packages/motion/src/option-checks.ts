// Option validation shared by every stream processor: a bad option fails at creation with a
// RangeError that names the option and its valid range, never later in the middle of a stream.

/** Throws a RangeError unless `value` is a finite number in [min, max]. Returns the value. */
export function checkRange(name: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a finite number from ${min} to ${max}; got ${String(value)}`);
  }
  return value;
}

/** Throws a RangeError unless `value` is one of `allowed`. Returns the value. */
export function checkOneOf<T extends string>(name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new RangeError(`${name} must be one of ${allowed.join(', ')}; got ${String(value)}`);
  }
  return value;
}
