import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSE, DOSE_LIMITS, type Dose, sessionDurationS, validateDose } from './dose.ts';

const issuesOf = (input: unknown) => {
  const r = validateDose(input);
  return r.success ? [] : r.issues;
};

describe('dose bounds from the seed', () => {
  it('the default dose is the seed dose and validates without warnings', () => {
    const r = validateDose(DEFAULT_DOSE);
    expect(r).toEqual({ success: true, data: DEFAULT_DOSE, warnings: [] });
    expect(DEFAULT_DOSE.repsPerFoot).toBeGreaterThanOrEqual(10);
    expect(DEFAULT_DOSE.repsPerFoot).toBeLessThanOrEqual(15);
    expect(DEFAULT_DOSE.plantarHoldS).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_DOSE.plantarHoldS).toBeLessThanOrEqual(2);
  });

  it.each([
    ['sets 0', { sets: 0 }, 'sets', 'too_small'],
    ['6 sets', { sets: 6 }, 'sets', 'too_big'],
    ['40 reps', { repsPerFoot: 40 }, 'repsPerFoot', 'too_big'],
    ['0 reps', { repsPerFoot: 0 }, 'repsPerFoot', 'too_small'],
    ['10.5 reps', { repsPerFoot: 10.5 }, 'repsPerFoot', 'not_an_integer'],
    ['negative toes-down hold', { plantarHoldS: -1 }, 'plantarHoldS', 'too_small'],
    ['negative toes-up hold', { dorsiHoldS: -0.5 }, 'dorsiHoldS', 'too_small'],
    ['hold as text', { plantarHoldS: '2' }, 'plantarHoldS', 'not_a_number'],
    ['NaN movement time', { moveS: Number.NaN }, 'moveS', 'not_a_number'],
    ['movement too fast to do', { moveS: 0.1 }, 'moveS', 'too_small'],
    ['11 minutes of rest', { restBetweenSetsS: 660 }, 'restBetweenSetsS', 'too_big'],
    ['unknown foot order', { footOrder: 'alternating' }, 'footOrder', 'invalid_value'],
    ['missing foot order', { footOrder: undefined }, 'footOrder', 'required'],
  ])('rejects %s with a typed issue on that field', (_name, change, field, code) => {
    const issues = issuesOf({ ...DEFAULT_DOSE, ...change });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code, path: [field] });
    expect(issues[0]!.message.length).toBeGreaterThan(10);
  });

  it('says what the bound is in the message', () => {
    expect(issuesOf({ ...DEFAULT_DOSE, repsPerFoot: 40 })[0]!.message).toBe(
      'Reps per foot must be at most 30, got 40',
    );
  });

  it('reports every bad field at once, and a non-object clearly', () => {
    expect(issuesOf({ ...DEFAULT_DOSE, sets: 0, plantarHoldS: -1 }).map((i) => i.path[0])).toEqual([
      'sets',
      'plantarHoldS',
    ]);
    expect(issuesOf(null)[0]).toMatchObject({ code: 'invalid_value', message: 'Dose must be an object' });
  });

  it('accepts a clinician dose outside the usual 10-15 reps and 2-3 sets, with a warning', () => {
    const r = validateDose({ ...DEFAULT_DOSE, repsPerFoot: 20, sets: 1 });
    expect(r.success).toBe(true);
    if (r.success) expect(r.warnings.map((w) => w.path[0])).toEqual(['repsPerFoot', 'sets']);
  });

  it('any dose inside the limits validates and round-trips (property)', () => {
    const num = (k: keyof typeof DOSE_LIMITS) => {
      const b = DOSE_LIMITS[k];
      return b.integer
        ? fc.integer({ min: b.min, max: b.max })
        : fc.double({ min: b.min, max: b.max, noNaN: true });
    };
    fc.assert(
      fc.property(
        fc.record({
          repsPerFoot: num('repsPerFoot'),
          sets: num('sets'),
          plantarHoldS: num('plantarHoldS'),
          dorsiHoldS: num('dorsiHoldS'),
          moveS: num('moveS'),
          restBetweenSetsS: num('restBetweenSetsS'),
          footOrder: fc.constantFrom(
            'left-then-right' as const,
            'right-then-left' as const,
            'both-together' as const,
          ),
        }),
        (d: Dose) => {
          const r = validateDose(d);
          expect(r.success && r.data).toEqual(d);
        },
      ),
    );
  });
});

describe('session duration', () => {
  it('adds settling, every pump of both feet, the foot change and the rests', () => {
    // 10 pumps × (1+2+1+1 s) per foot = 50 s; set = 3 + 50 + 3 + 50 = 106 s; 2 sets + 30 s rest.
    expect(sessionDurationS(DEFAULT_DOSE)).toBe(242);
    expect(sessionDurationS({ ...DEFAULT_DOSE, footOrder: 'both-together', sets: 1 })).toBe(53);
  });
});
