// Which way a person's reps start, read from the way the foot leaves a rest (rep-states.ts).
import { describe, expect, it } from 'vitest';
import { type RepState, type Resting, SEEN, type ToesDown } from './rep-state-types.ts';
import { TEST_LIMITS } from './rep-states.test-util.ts';
import { restingAt, stepResting, stepToesDown } from './rep-states.ts';
import { REANCHOR_MS } from './rest-anchor.ts';

const lim = TEST_LIMITS;

/** The foot rests at `anchorDeg` (degrees from neutral) and rises through `degs`, 50 ms apart. */
function rise(anchorDeg: number, degs: readonly number[]): RepState {
  let s: RepState = restingAt(anchorDeg, 'departure');
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

describe('a toes-down swing that stills at neutral', () => {
  /** A down-first swing from a toes-up end at +12 with no rep under way, through `degs`, 50 ms apart. */
  function settle(degs: readonly number[], restMs: number, rep: ToesDown['rep'] = null): RepState {
    const limits = { ...lim, restEndsSwingMs: restMs };
    let s: RepState = {
      kind: 'toes-down',
      swingStartSeq: 0,
      startDeg: 12,
      extremeDeg: 12,
      extremeSeq: 0,
      origin: SEEN,
      rep,
      order: 'down-first',
    };
    for (const [i, deg] of degs.entries()) {
      if (s.kind === 'toes-down') s = stepToesDown(s, { tMs: 50 * (i + 1), seq: i + 1, deg }, limits);
    }
    return s;
  }
  // Down from the toes-up end to about neutral, then 1.2 s within the 2-deg still band.
  const back = [8, 4, 1, ...Array.from({ length: 24 }, (_, i) => (i % 3) * 0.5)];

  it('becomes a rest after the time the limits give, anchored where the foot rests', () => {
    const s = settle(back, 1000);
    expect(s.kind).toBe('resting');
    if (s.kind === 'resting') {
      expect(s.orderFrom).toBe('instructed');
      expect(s.anchorDeg).toBeGreaterThanOrEqual(0);
      expect(s.anchorDeg).toBeLessThanOrEqual(1);
    }
  });

  it('stays a swing when the rest is shorter, or never ends one (a phone)', () => {
    expect(settle(back, 1500).kind).toBe('toes-down');
    expect(settle(back, Number.POSITIVE_INFINITY).kind).toBe('toes-down');
  });

  it('stays a swing when it went toes down past the still band, or a rep waits for its toes-down end', () => {
    expect(settle([8, 0, -3, ...back.slice(3)], 1000).kind).toBe('toes-down');
    const rep = { startSeq: 0, firstSeq: 0, firstDeg: 12, fromDeg: 0 };
    expect(settle(back, 1000, rep).kind).toBe('toes-down');
  });
});

describe("an up-first rep's toes-down end", () => {
  /**
   * An up-first rep begun at the last rep's toes-down end (-20 deg), its toes-up end at +12, heading
   * toes down to `lowDeg`, then rising past the 4-deg hysteresis.
   */
  function turnFrom(lowDeg: number, upFirstFromPauses: boolean): RepState {
    const s: ToesDown = {
      kind: 'toes-down',
      swingStartSeq: 10,
      startDeg: 12,
      extremeDeg: lowDeg,
      extremeSeq: 14,
      origin: SEEN,
      rep: { startSeq: 4, firstSeq: 10, firstDeg: 12, fromDeg: -20 },
      order: 'up-first',
    };
    return stepToesDown(s, { tMs: 1000, seq: 15, deg: lowDeg + 4.5 }, { ...lim, upFirstFromPauses });
  }

  it('ends the rep half a hysteresis below neutral when the pauses say the person starts toes up', () => {
    // The pauses said so: the rep is complete and the next toes-up swing is the person's next rep.
    expect(turnFrom(-3, true)).toMatchObject({ kind: 'toes-up', order: 'up-first', rep: null });
    // Not said: 3 deg below neutral is short of the hysteresis, and the toes-down peak opens a
    // down-first rep instead (a jump of the angle that made the "toes-up end" is undone so).
    expect(turnFrom(-3, false)).toMatchObject({ kind: 'toes-up', order: 'down-first' });
    // A toes-down end above neutral is no end, pauses or not.
    expect(turnFrom(1, true)).toMatchObject({ kind: 'toes-up', order: 'down-first' });
  });
});

describe('a rest anchored off neutral', () => {
  /** Steps a rest anchored at `anchorDeg` through `degs`, 50 ms apart, with a 10-deg hysteresis. */
  function rest(anchorDeg: number, degs: readonly number[]): RepState {
    const limits = { ...lim, hysteresisDeg: 10 };
    let s: RepState = restingAt(anchorDeg, 'departure');
    for (const [i, deg] of degs.entries()) {
      if (s.kind === 'resting') s = stepResting(s, { tMs: 50 * i, seq: i, deg }, limits);
    }
    return s;
  }
  const still = (ms: number, deg: number) => Array.from({ length: ms / 50 }, (_, i) => deg + (i % 2) * 0.5);
  // A pump's toes-down end at -12: 12 deg from neutral, only 5 from an anchor at -7.
  const down = [-3, -7, -10, -12];

  it('moves to where the foot keeps still nearer neutral, so the next pump leaves it', () => {
    // Anchored on one noisy sample at -7 (settling, a replay's start), the foot resting at 0.
    const s = rest(-7, [...still(REANCHOR_MS + 100, 0), ...down]);
    expect(s).toMatchObject({ kind: 'toes-down', startDeg: expect.closeTo(0.25, 1) });
  });

  it('stays put when the still moment is shorter, or further from neutral (a hold, not a rest)', () => {
    expect(rest(-7, [...still(REANCHOR_MS - 150, 0), ...down]).kind).toBe('resting');
    // Still at -9: further out than the anchor, a toes-down hold of a pump under the hysteresis.
    expect(rest(-7, [...still(2 * REANCHOR_MS, -9), -3, 0, 2]).kind).toBe('resting');
    expect((rest(-7, still(2 * REANCHOR_MS, -9)) as Resting).anchorDeg).toBe(-7);
  });

  it('keeps a rest at neutral as it is, with no still moment to follow', () => {
    const s = rest(1, still(2 * REANCHOR_MS, 1.5)) as Resting;
    expect(s).toMatchObject({ anchorDeg: 1, still: null });
  });
});
