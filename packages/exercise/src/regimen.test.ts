import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSE } from './dose.ts';
import { isRegimenPresetId, REGIMEN_PRESETS, validateRegimen } from './regimen.ts';

const custom = {
  id: 'dr-lee-tka-week1',
  kind: 'custom',
  version: 3,
  name: 'Knee replacement, week 1',
  dose: { ...DEFAULT_DOSE, repsPerFoot: 15 },
  frequency: { type: 'daily', sessionsPerDay: 3 },
  prescribedBy: 'clin-42',
  note: 'Slow and full range.',
};

describe('regimen presets', () => {
  it('general is 1-2 sessions a day and post-op 3-4, as the seed says', () => {
    const g = REGIMEN_PRESETS.general.frequency;
    const p = REGIMEN_PRESETS['post-op'].frequency;
    expect(g.type === 'daily' && g.sessionsPerDay >= 1 && g.sessionsPerDay <= 2).toBe(true);
    expect(p.type === 'daily' && p.sessionsPerDay >= 3 && p.sessionsPerDay <= 4).toBe(true);
  });

  it('hourly is 10 pumps per foot every 60 minutes', () => {
    expect(REGIMEN_PRESETS.hourly.frequency).toEqual({ type: 'interval', everyMin: 60 });
    expect(REGIMEN_PRESETS.hourly.dose).toMatchObject({ repsPerFoot: 10, sets: 1 });
  });

  it("every preset passes validation; only hourly (1 set) is outside the seed's 2-3 sets", () => {
    for (const preset of [REGIMEN_PRESETS.general, REGIMEN_PRESETS['post-op']]) {
      expect(validateRegimen(preset)).toEqual({ success: true, data: preset, warnings: [] });
    }
    const hourly = validateRegimen(REGIMEN_PRESETS.hourly);
    expect(hourly.success && hourly.warnings.map((w) => w.path)).toEqual([['dose', 'sets']]);
    expect(isRegimenPresetId('post-op')).toBe(true);
    expect(isRegimenPresetId('custom')).toBe(false);
  });
});

describe('custom regimens', () => {
  it('a clinician-set regimen validates and keeps its version', () => {
    const r = validateRegimen(custom);
    expect(r.success && r.data.version).toBe(3);
  });

  it('must name the clinician who set it', () => {
    const r = validateRegimen({ ...custom, prescribedBy: null });
    expect(r.success ? [] : r.issues).toEqual([
      {
        code: 'required',
        path: ['prescribedBy'],
        message: 'A custom regimen must name the clinician who set it',
      },
    ]);
  });

  it.each([
    [
      { ...custom, frequency: { type: 'daily', sessionsPerDay: 0 } },
      ['frequency', 'sessionsPerDay'],
      'too_small',
    ],
    [{ ...custom, frequency: { type: 'interval', everyMin: 5 } }, ['frequency', 'everyMin'], 'too_small'],
    [{ ...custom, frequency: { type: 'weekly' } }, ['frequency', 'type'], 'invalid_value'],
    [{ ...custom, dose: { ...DEFAULT_DOSE, sets: 0 } }, ['dose', 'sets'], 'too_small'],
    [{ ...custom, version: 0 }, ['version'], 'too_small'],
    [{ ...custom, id: 'has spaces' }, ['id'], 'invalid_value'],
    [{ ...custom, kind: 'weekly' }, ['kind'], 'invalid_value'],
  ])('rejects malformed input and says where (%#)', (input, path, code) => {
    const r = validateRegimen(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('rejects a non-object', () => {
    expect(validateRegimen('general')).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_value', path: [] }],
    });
  });
});
