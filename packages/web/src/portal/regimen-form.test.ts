import { REGIMEN_PRESETS } from '@anklepump/exercise';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkForm, fieldOf, RX_NUMBER_FIELDS, type RxValues, valuesOf } from './regimen-form.ts';

const general = valuesOf(REGIMEN_PRESETS.general, 'general');

describe('prescription form', () => {
  it('accepts every preset unchanged, as a custom regimen by this clinician', () => {
    for (const [id, r] of Object.entries(REGIMEN_PRESETS)) {
      const c = checkForm(valuesOf(r, id as 'general'), 'clin-1');
      expect(c.errors.size).toBe(0);
      expect(c.regimen?.dose).toEqual(r.dose);
      expect(c.regimen?.frequency).toEqual(r.frequency);
      expect(c.regimen?.prescribedBy).toBe('clin-1');
    }
  });

  it('puts each problem at its field, in plain words', () => {
    const v: RxValues = {
      ...general,
      sets: '9',
      repsPerFoot: 'ten',
      moveS: '',
      freqType: 'daily',
      sessionsPerDay: '0',
      name: ' ',
    };
    const c = checkForm(v, 'clin-1');
    expect(c.regimen).toBeNull();
    expect(c.errors.get('sets')).toBe('Sets must be at most 5, got 9.');
    expect(c.errors.get('repsPerFoot')).toMatch(/Reps per foot must be a number, got "ten"/);
    expect(c.errors.get('moveS')).toBe('Movement time is required.');
    expect(c.errors.get('sessionsPerDay')).toMatch(/Sessions per day must be at least 1/);
    expect(c.errors.get('name')).toBe('Regimen name is required.');
  });

  it('warns, but accepts, a dose outside the usual range', () => {
    const c = checkForm({ ...general, repsPerFoot: '20' }, 'clin-1');
    expect(c.regimen?.dose.repsPerFoot).toBe(20);
    expect(c.warnings.get('repsPerFoot')).toMatch(/outside the usual 10-15/);
  });

  it('reads a decimal comma as a decimal point', () => {
    expect(checkForm({ ...general, plantarHoldS: '1,5' }, 'c').regimen?.dose.plantarHoldS).toBe(1.5);
  });

  it('maps server error locations to the same fields', () => {
    expect(fieldOf('body.regimen.dose.sets')).toBe('sets');
    expect(fieldOf('body.regimen.frequency.everyMin')).toBe('everyMin');
    expect(fieldOf('body.note')).toBe('note');
    expect(fieldOf('body.regimen.version')).toBeNull();
  });

  it('never saves a number outside the hard limits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RX_NUMBER_FIELDS),
        fc.double({ min: -100, max: 1000, noNaN: true }),
        (f, x) => {
          const c = checkForm({ ...general, [f]: String(x) }, 'c');
          if (c.regimen) {
            // What the clinician typed, read back: "-0" is typed as "0".
            expect(c.regimen.dose[f]).toBe(Number(String(x)));
          } else {
            expect(c.errors.has(f)).toBe(true);
          }
        },
      ),
    );
  });
});
