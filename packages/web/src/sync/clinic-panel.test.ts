import { describe, expect, it } from 'vitest';
import { CLINIC_TEXT } from '../i18n/clinic-text.ts';
import { planAppliedText } from './clinic-panel.ts';

describe("the clinician's plan, as My clinic says the app now follows it", () => {
  it('says one set in the singular, in each language', () => {
    expect(planAppliedText(CLINIC_TEXT.en, { repsPerFoot: 3, sets: 1 })).toBe(
      'Home and your sessions now follow this plan: 3 pumps per foot, 1 set.',
    );
    expect(planAppliedText(CLINIC_TEXT.en, { repsPerFoot: 15, sets: 3 })).toBe(
      'Home and your sessions now follow this plan: 15 pumps per foot, 3 sets.',
    );
    expect(planAppliedText(CLINIC_TEXT.es, { repsPerFoot: 3, sets: 1 })).toContain(
      '3 bombeos por pie, 1 serie.',
    );
    expect(planAppliedText(CLINIC_TEXT.zh, { repsPerFoot: 3, sets: 1 })).toContain('每只脚 3 次，1 组');
  });
});
