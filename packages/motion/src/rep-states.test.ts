// Which way a person's reps start, read from the way the foot leaves a rest (rep-states.ts).
import { describe, expect, it } from 'vitest';
import { TEST_LIMITS } from './rep-states.test-util.ts';
import { type RepState, SEEN, stepResting } from './rep-states.ts';

const lim = TEST_LIMITS;

/** The foot rests at `anchorDeg` (degrees from neutral) and rises through `degs`, 50 ms apart. */
function rise(anchorDeg: number, degs: readonly number[]): RepState {
  let s: RepState = { kind: 'resting', orderFrom: 'departure', anchorDeg, awaySinceSeq: null, origin: SEEN };
  for (const [i, deg] of degs.entries()) {
    if (s.kind === 'resting') s = stepResting(s, { tMs: 50 * i, seq: i, deg }, lim);
  }
  return s;
}

/** The order of the swing `s` started, or its kind when it is not a toes-up swing. */
const orderOf = (s: RepState) => (s.kind === 'toes-up' ? s.order : s.kind);

describe('the order a rest gives', () => {
  it('reads a rise from a rest at neutral as a person who starts toes up', () => {
    expect(orderOf(rise(0, [1, 3, 6, 10]))).toBe('up-first');
  });

  it('reads a rise from a toes-down hold (a replay begun in one, a foot lowered into place) as toes down first', () => {
    // 18 deg below neutral, the foot rises to neutral: the end of a toes-down hold, not a toes-up start.
    expect(orderOf(rise(-18, [-16, -12, -8, -2, 0]))).toBe('down-first');
  });

  it('still reads a rise from just under neutral (within the hysteresis) as toes up first', () => {
    expect(orderOf(rise(-3, [-1, 2, 6]))).toBe('up-first');
  });
});
