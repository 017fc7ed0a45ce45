import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byAttention, type PatientRow, todayAdherence } from './attention.ts';

const row = (o: Partial<PatientRow> & { id: string }): PatientRow => ({
  displayName: o.id,
  lastSessionAtMs: null,
  sessionsLast7Days: 0,
  prescribedLast7Days: 14,
  adherence7d: 0.5,
  openAlerts: 0,
  today: null,
  ...o,
});

describe('byAttention', () => {
  it('puts a patient with an open alert above one who merely skipped sessions', () => {
    const list = [
      row({ id: 'skipper', adherence7d: 0 }),
      row({ id: 'fine', adherence7d: 1 }),
      row({ id: 'alert', adherence7d: 1, openAlerts: 1 }),
      row({ id: 'no-plan', adherence7d: null }),
    ].sort(byAttention);
    expect(list.map((r) => r.id)).toEqual(['alert', 'skipper', 'fine', 'no-plan']);
  });

  it('at equal adherence, the one not seen longest comes first', () => {
    const list = [
      row({ id: 'recent', lastSessionAtMs: 2000 }),
      row({ id: 'never' }),
      row({ id: 'old', lastSessionAtMs: 1000 }),
    ].sort(byAttention);
    expect(list.map((r) => r.id)).toEqual(['never', 'old', 'recent']);
  });

  it('is a total order: the result does not depend on the input order', () => {
    const arb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      openAlerts: fc.integer({ min: 0, max: 3 }),
      adherence7d: fc.option(fc.constantFrom(0, 0.25, 0.5, 1), { nil: null }),
      lastSessionAtMs: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arb, { selector: (r) => r.id, maxLength: 12 }), (rs) => {
        const rows = rs.map((r) => row(r));
        const a = [...rows].sort(byAttention).map((r) => r.id);
        const b = [...rows]
          .reverse()
          .sort(byAttention)
          .map((r) => r.id);
        expect(a).toEqual(b);
        const sorted = [...rows].sort(byAttention);
        for (let i = 1; i < sorted.length; i++)
          expect(sorted[i - 1]!.openAlerts).toBeGreaterThanOrEqual(sorted[i]!.openAlerts);
      }),
    );
  });
});

describe('todayAdherence', () => {
  it('counts only sessions that started today', () => {
    expect(todayAdherence([50, 100, 199, 200], 100, 200, 2)).toEqual({ done: 2, planned: 2 });
  });
  it('has nothing to say without a plan', () => {
    expect(todayAdherence([150], 100, 200, null)).toBeNull();
  });
});
