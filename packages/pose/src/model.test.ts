import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types; only its MODEL constant is read.
import { MODEL } from '../scripts/fetch-model.mjs';
import { POSE_MODEL, validateThresholds } from './model.ts';

describe('pose model identity', () => {
  it('the install script checks the same file, size and hash the estimators expect', () => {
    expect(MODEL).toEqual({ ...POSE_MODEL });
  });
  it('rejects a threshold outside 0..1, naming it', () => {
    expect(() => validateThresholds({ minDetection: 0.5, minPresence: 1.2, minTracking: 0.5 })).toThrow(
      new RangeError('thresholds.minPresence must be a number in 0..1, got 1.2'),
    );
  });
});
