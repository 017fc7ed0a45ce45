import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, FOOT_PLANS, parseSettings, REGIMENS, TEMPO_STEPS } from './settings.ts';

describe('stored settings', () => {
  it('reads back what was saved', () => {
    const s = {
      ...defaultSettings('es'),
      regimen: 'postop',
      feet: 'right-first',
      voice: false,
      tempoPct: 150,
    } as const;
    expect(parseSettings(JSON.parse(JSON.stringify(s)), 'en')).toEqual(s);
  });

  it('falls back field by field when a record is damaged or from an older version', () => {
    const s = parseSettings(
      { regimen: 'weekly', feet: 'left-first', lang: 'fr', voice: 'yes', tempoPct: 33 },
      'zh',
    );
    expect(s.regimen).toBe('general');
    expect(s.feet).toBe('left-first');
    expect(s.lang).toBe('zh');
    expect(s.voice).toBe(true);
    expect(s.tempoPct).toBe(100);
  });

  it('never throws and always yields a usable plan, whatever is stored', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const s = parseSettings(raw, 'en');
        return (
          REGIMENS.includes(s.regimen) &&
          FOOT_PLANS.includes(s.feet) &&
          (TEMPO_STEPS as readonly number[]).includes(s.tempoPct) &&
          typeof s.voice === 'boolean' &&
          s.clinicianCode.length <= 64
        );
      }),
    );
  });
});
