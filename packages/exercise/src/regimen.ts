// Regimens: a dose plus how often. Three presets from the seed and common post-operative
// handouts, and clinician-set custom regimens, all versioned so a session record names what it followed.

import { DEFAULT_DOSE, type Dose, validateDose } from './dose.ts';
import { checkNumber, type ValidationIssue, type ValidationResult } from './validation.ts';

export type RegimenPresetId = 'general' | 'post-op' | 'hourly';
export type RegimenKind = RegimenPresetId | 'custom';

export const REGIMEN_PRESET_IDS: readonly RegimenPresetId[] = ['general', 'post-op', 'hourly'];

/**
 * How often: a number of sessions spread over the waking day, or one short session every
 * `everyMin` minutes while awake ("10 pumps every waking hour").
 */
export type Frequency =
  | { readonly type: 'daily'; readonly sessionsPerDay: number }
  | { readonly type: 'interval'; readonly everyMin: number };

export interface Regimen {
  /** Stable id: the preset id, or a clinician-chosen id for custom regimens. */
  readonly id: string;
  readonly kind: RegimenKind;
  /** Bumped on every change; records store it so history says which prescription applied. */
  readonly version: number;
  /** Short human name (English); the web app may localise by `id` for presets. */
  readonly name: string;
  readonly dose: Dose;
  readonly frequency: Frequency;
  /** Who set a custom regimen (clinician id); null for presets. */
  readonly prescribedBy: string | null;
  /** Free-text instructions from the clinician; empty for presets. */
  readonly note: string;
}

/** Limits for a frequency. Interval: 30 min to 4 h. Daily: 1 to 12 sessions. */
export const FREQUENCY_LIMITS = {
  sessionsPerDay: { min: 1, max: 12 },
  everyMin: { min: 30, max: 240 },
} as const;

/** The presets. General and post-op schedule the top of the seed's range (2 and 4 a day). */
export const REGIMEN_PRESETS: { readonly [K in RegimenPresetId]: Regimen } = {
  general: {
    id: 'general',
    kind: 'general',
    version: 1,
    name: 'General health and mobility (1-2 sessions a day)',
    dose: DEFAULT_DOSE,
    frequency: { type: 'daily', sessionsPerDay: 2 },
    prescribedBy: null,
    note: '',
  },
  'post-op': {
    id: 'post-op',
    kind: 'post-op',
    version: 1,
    name: 'After surgery or injury (3-4 sessions a day)',
    dose: { ...DEFAULT_DOSE, repsPerFoot: 15, sets: 3 },
    frequency: { type: 'daily', sessionsPerDay: 4 },
    prescribedBy: null,
    note: '',
  },
  hourly: {
    id: 'hourly',
    kind: 'hourly',
    version: 1,
    name: '10 pumps every waking hour',
    dose: { ...DEFAULT_DOSE, repsPerFoot: 10, sets: 1, restBetweenSetsS: 0 },
    frequency: { type: 'interval', everyMin: 60 },
    prescribedBy: null,
    note: '',
  },
};

/** True when `id` names a preset. */
export function isRegimenPresetId(id: string): id is RegimenPresetId {
  return (REGIMEN_PRESET_IDS as readonly string[]).includes(id);
}

/** Validates a regimen from untrusted input (a clinician's form, an upload); never throws. */
export function validateRegimen(input: unknown): ValidationResult<Regimen> {
  if (typeof input !== 'object' || input === null) {
    return {
      success: false,
      issues: [{ code: 'invalid_value', path: [], message: 'Regimen must be an object' }],
    };
  }
  const raw = input as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (typeof raw.id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(raw.id)) {
    issues.push({
      code: raw.id === undefined ? 'required' : 'invalid_value',
      path: ['id'],
      message: 'Regimen id must be 1-64 letters, digits, dots, dashes or underscores',
    });
  }
  const kinds: readonly string[] = [...REGIMEN_PRESET_IDS, 'custom'];
  if (typeof raw.kind !== 'string' || !kinds.includes(raw.kind)) {
    issues.push({
      code: raw.kind === undefined ? 'required' : 'invalid_value',
      path: ['kind'],
      message: `Regimen kind must be one of ${kinds.join(', ')}, got ${JSON.stringify(raw.kind)}`,
    });
  }
  const version = checkNumber(raw.version, ['version'], 'Version', 1, Number.MAX_SAFE_INTEGER, true);
  if (version) issues.push(version);
  if (typeof raw.name !== 'string' || raw.name.trim() === '') {
    issues.push({ code: 'required', path: ['name'], message: 'Regimen name is required' });
  }
  const dose = validateDose(raw.dose, ['dose']);
  if (!dose.success) issues.push(...dose.issues);
  const f = raw.frequency as Record<string, unknown> | null | undefined;
  if (typeof f !== 'object' || f === null) {
    issues.push({ code: 'required', path: ['frequency'], message: 'Frequency is required' });
  } else if (f.type === 'daily') {
    const l = FREQUENCY_LIMITS.sessionsPerDay;
    const i = checkNumber(
      f.sessionsPerDay,
      ['frequency', 'sessionsPerDay'],
      'Sessions per day',
      l.min,
      l.max,
      true,
    );
    if (i) issues.push(i);
  } else if (f.type === 'interval') {
    const l = FREQUENCY_LIMITS.everyMin;
    const i = checkNumber(f.everyMin, ['frequency', 'everyMin'], 'Interval', l.min, l.max, true, 'min');
    if (i) issues.push(i);
  } else {
    issues.push({
      code: 'invalid_value',
      path: ['frequency', 'type'],
      message: `Frequency type must be daily or interval, got ${JSON.stringify(f.type)}`,
    });
  }
  if (raw.prescribedBy !== null && raw.prescribedBy !== undefined && typeof raw.prescribedBy !== 'string') {
    issues.push({
      code: 'invalid_value',
      path: ['prescribedBy'],
      message: 'prescribedBy must be a string or null',
    });
  }
  if (raw.kind === 'custom' && (typeof raw.prescribedBy !== 'string' || raw.prescribedBy === '')) {
    issues.push({
      code: 'required',
      path: ['prescribedBy'],
      message: 'A custom regimen must name the clinician who set it',
    });
  }
  if (raw.note !== undefined && typeof raw.note !== 'string') {
    issues.push({ code: 'invalid_value', path: ['note'], message: 'Note must be text' });
  }
  if (issues.length > 0 || !dose.success) return { success: false, issues };
  const fr = f as unknown as Frequency;
  return {
    success: true,
    data: {
      id: raw.id as string,
      kind: raw.kind as RegimenKind,
      version: raw.version as number,
      name: (raw.name as string).trim(),
      dose: dose.data,
      frequency:
        fr.type === 'daily'
          ? { type: 'daily', sessionsPerDay: fr.sessionsPerDay }
          : { type: 'interval', everyMin: fr.everyMin },
      prescribedBy: (raw.prescribedBy as string | null | undefined) ?? null,
      note: (raw.note as string | undefined) ?? '',
    },
    warnings: dose.warnings,
  };
}
