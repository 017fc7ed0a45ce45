import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGES_EN } from './messages.ts';
import { decideScreening, STOP_AND_SEEK_CARE, validateScreeningAnswers } from './screening.ts';
import { SCREENING_QUESTIONNAIRE, type ScreeningAnswers } from './screening-questionnaire.ts';

const clear: ScreeningAnswers = { swelling: false, clotHistory: false, severeInjury: false, painNow: 0 };

describe('each contraindication from the seed', () => {
  it('no warning signs: go, with the all-clear reason', () => {
    expect(decideScreening(clear)).toMatchObject({ outcome: 'go', rule: 'all-clear' });
  });

  it('significant swelling, redness or bruising: see a doctor first', () => {
    const d = decideScreening({ ...clear, swelling: true });
    expect(d).toMatchObject({ outcome: 'see-doctor-first', rule: 'swelling' });
    expect(d.reason).toMatch(/doctor/);
  });

  it('a past DVT or pulmonary embolism: only under a physiotherapist', () => {
    const d = decideScreening({ ...clear, clotHistory: true });
    expect(d).toMatchObject({ outcome: 'supervised-only', rule: 'clot-history' });
    expect(d.reason).toMatch(/physiotherapist/);
  });

  it('a past clot with clearance recorded by a clinician: go, naming the clearance', () => {
    const d = decideScreening(
      { ...clear, clotHistory: true },
      { clearance: { clinicianId: 'c1', recordedAtMs: 0 } },
    );
    expect(d).toMatchObject({ outcome: 'go', rule: 'clot-history-cleared' });
  });

  it('a fracture or ligament tear: not suitable', () => {
    expect(decideScreening({ ...clear, severeInjury: true })).toMatchObject({
      outcome: 'not-suitable',
      rule: 'severe-injury',
    });
  });

  it('pain now 7 or more: see a doctor first; 4-6: go with a caution; 3: plain go', () => {
    expect(decideScreening({ ...clear, painNow: 7 })).toMatchObject({
      outcome: 'see-doctor-first',
      rule: 'pain-high',
    });
    expect(decideScreening({ ...clear, painNow: 7 }).reason).toContain('7 out of 10');
    expect(decideScreening({ ...clear, painNow: 6 })).toMatchObject({ outcome: 'go', rule: 'pain-moderate' });
    expect(decideScreening({ ...clear, painNow: 3 })).toMatchObject({ outcome: 'go', rule: 'all-clear' });
  });

  it('the most restrictive finding decides, and every finding is listed', () => {
    const d = decideScreening({ swelling: true, clotHistory: true, severeInjury: true, painNow: 8 });
    expect(d.outcome).toBe('not-suitable');
    expect(d.reasons.map((r) => r.rule)).toEqual(['severe-injury', 'swelling', 'pain-high', 'clot-history']);
  });

  it('never says go when any contraindication is present without clearance (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 10 }),
        (swelling, clotHistory, severeInjury, painNow) => {
          const d = decideScreening({ swelling, clotHistory, severeInjury, painNow });
          const contraindicated = swelling || clotHistory || severeInjury || painNow >= 7;
          expect(d.outcome === 'go').toBe(!contraindicated);
          expect(d.reason.length).toBeGreaterThan(20);
          expect(d.questionnaireVersion).toBe(SCREENING_QUESTIONNAIRE.version);
        },
      ),
    );
  });
});

describe('a clinician clearance', () => {
  it('lifts only the clot rule: every other contraindication still decides (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 10 }),
        (swelling, severeInjury, painNow) => {
          const answers = { swelling, clotHistory: true, severeInjury, painNow };
          const cleared = decideScreening(answers, { clearance: { clinicianId: 'c1', recordedAtMs: 0 } });
          const withoutClot = decideScreening({ ...answers, clotHistory: false });
          expect(cleared.outcome).toBe(withoutClot.outcome);
          expect(cleared.reasons.map((r) => r.rule)).toContain('clot-history-cleared');
        },
      ),
    );
  });
});

describe('questionnaire data', () => {
  it('has unique ids, one per answer field, each with English text from the message table', () => {
    const ids = SCREENING_QUESTIONNAIRE.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(clear).sort());
    for (const q of SCREENING_QUESTIONNAIRE.questions) expect(q.text).toBe(MESSAGES_EN[q.textKey]);
  });

  it('carries the stop-and-seek-care advice, emergency last', () => {
    expect(STOP_AND_SEEK_CARE.map((k) => MESSAGES_EN[k]).at(-1)).toMatch(
      /short of breath.*chest pain.*emergency/,
    );
  });
});

describe('validating answers from outside', () => {
  it('accepts complete answers', () => {
    expect(validateScreeningAnswers(clear)).toEqual({ success: true, data: clear, warnings: [] });
  });

  it.each([
    [{ ...clear, swelling: 'no' }, 'swelling', 'invalid_value', 'must be true or false, got "no"'],
    [{ ...clear, painNow: 11 }, 'painNow', 'too_big', 'at most 10'],
    [{ ...clear, painNow: 2.5 }, 'painNow', 'not_an_integer', 'whole number'],
    [{ swelling: false, clotHistory: false, painNow: 0 }, 'severeInjury', 'required', 'is required'],
    [{ ...clear, fever: true }, 'fever', 'invalid_value', 'Unknown question "fever"'],
  ])('rejects %j with a message naming the question', (input, field, code, text) => {
    const r = validateScreeningAnswers(input);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ path: [field], code });
      expect(r.issues[0]!.message).toContain(text);
    }
  });

  it('never throws on arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(typeof validateScreeningAnswers(v).success).toBe('boolean');
      }),
    );
  });
});
