// The patient's choices from the first run: plan, foot order, language, voice, tempo. Stored
// locally; validated on read so a damaged or older record falls back to safe defaults.
import { isLang, type Lang } from '../i18n/i18n.ts';

export const REGIMENS = ['general', 'postop', 'hourly', 'clinician'] as const;
export type RegimenChoice = (typeof REGIMENS)[number];
export const FOOT_PLANS = ['left-first', 'right-first', 'both-together'] as const;
export type FootPlan = (typeof FOOT_PLANS)[number];

/**
 * Camera degrees checked against the phone on the foot (the calibrate screen's phone check): this
 * view's camera degrees are multiplied by `gain`, fitted on `reps` reps both saw, at `atMs`.
 */
export interface PhoneGainCheck {
  readonly gain: number;
  readonly reps: number;
  readonly atMs: number;
}

/**
 * The person's measured range from calibration, degrees (plantarflexion negative). A camera's may
 * carry a phone check; its degrees (neutral, down, up) are then the checked ones (gain applied).
 */
export interface Calibration {
  readonly method: 'camera' | 'phone';
  readonly neutralDeg: number;
  readonly downDeg: number;
  readonly upDeg: number;
  readonly atMs: number;
  readonly phone?: PhoneGainCheck;
}

export interface Settings {
  readonly regimen: RegimenChoice;
  readonly clinicianCode: string;
  readonly feet: FootPlan;
  readonly lang: Lang;
  readonly voice: boolean;
  /** Tempo as a percentage of the plan's timing: 100 = as prescribed, 150 = half again as slow. */
  readonly tempoPct: number;
  readonly calibration: Partial<Record<'camera' | 'phone', Calibration>>;
}

export const TEMPO_STEPS = [50, 75, 100, 125, 150, 200] as const;

export function defaultSettings(lang: Lang): Settings {
  return {
    regimen: 'general',
    clinicianCode: '',
    feet: 'left-first',
    lang,
    voice: true,
    tempoPct: 100,
    calibration: {},
  };
}

/** Reads a stored settings record; anything missing or malformed takes the default. */
export function parseSettings(raw: unknown, fallbackLang: Lang): Settings {
  const d = defaultSettings(fallbackLang);
  if (typeof raw !== 'object' || raw === null) return d;
  const r = raw as Record<string, unknown>;
  const pick = <T extends string>(v: unknown, all: readonly T[], def: T): T =>
    all.includes(v as T) ? (v as T) : def;
  return {
    regimen: pick(r.regimen, REGIMENS, d.regimen),
    clinicianCode: typeof r.clinicianCode === 'string' ? r.clinicianCode.slice(0, 64) : '',
    feet: pick(r.feet, FOOT_PLANS, d.feet),
    lang: isLang(r.lang) ? r.lang : d.lang,
    voice: typeof r.voice === 'boolean' ? r.voice : d.voice,
    tempoPct: (TEMPO_STEPS as readonly number[]).includes(r.tempoPct as number)
      ? (r.tempoPct as number)
      : 100,
    calibration:
      typeof r.calibration === 'object' && r.calibration !== null
        ? (r.calibration as Settings['calibration'])
        : {},
  };
}
