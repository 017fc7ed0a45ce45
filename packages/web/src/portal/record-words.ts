// Stored codes in the words a clinician reads: alert kinds and severities, session outcomes, the
// sensor that checked a session, its holds and warnings, and the patient's own plan.
import type { DegreesBasis } from '@anklepump/exercise';
import type { Portal } from './shell.ts';
import type { PortalKey } from './strings.ts';

const KIND: Record<string, PortalKey> = {
  'sharp-pain': 'kindSharpPain',
  'pain-high': 'kindPainHigh',
  'pain-rising': 'kindPainRising',
  'screening-red-flag': 'kindScreening',
  'low-adherence': 'kindLowAdherence',
  'range-falling': 'kindRangeFalling',
};

/** "Sharp pain", "Safety check", …; an unknown kind (a newer server) shows as it came. */
export const alertKind = (p: Portal, kind: string) => (KIND[kind] ? p.t(KIND[kind]) : kind);
export const severity = (p: Portal, s: string) =>
  s === 'urgent' ? p.t('sevUrgent') : s === 'warning' ? p.t('sevWarning') : s;

export interface SessionFacts {
  readonly mode: 'timing' | 'verified';
  readonly sensor?: 'camera' | 'phone';
  readonly degrees?: DegreesBasis;
  readonly outcome: string;
  readonly regimenId?: string;
  readonly sharpPain: boolean;
  readonly feet: {
    readonly left: { readonly holdsMet?: number; readonly holdsShort?: number };
    readonly right: { readonly holdsMet?: number; readonly holdsShort?: number };
  };
  readonly warnings?: readonly { readonly code: string }[];
}

/**
 * Which sensor checked the session, and what its degrees rest on (calibrated or not, a camera view
 * that changed at a time): it decides how far its degrees can be trusted. `time` words a moment.
 */
export function checkedBy(p: Portal, s: SessionFacts, time: (ms: number) => string = iso): string {
  if (s.mode !== 'verified') return p.t('modeTiming');
  const sensor =
    s.sensor === 'camera'
      ? p.t('modeCamera')
      : s.sensor === 'phone'
        ? p.t('modePhone')
        : p.t('modeSensorUnknown');
  const b = s.degrees;
  if (!b) return sensor;
  const checked =
    b.kind !== 'uncalibrated' && b.phoneGain !== undefined
      ? `; ${p.t('degreesPhoneChecked', { gain: b.phoneGain.toFixed(2) })}`
      : '';
  const basis =
    b.kind === 'calibrated'
      ? `${p.t('degreesCalibrated')}${checked}`
      : b.kind === 'uncalibrated'
        ? p.t('degreesUncalibrated')
        : `${p.t(b.calibrated ? 'degreesCalibrated' : 'degreesUncalibrated')}${checked}; ${p.t('degreesViewChanged', { time: time(b.atMs) })}`;
  return `${sensor}, ${basis}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function outcomeWords(p: Portal, s: SessionFacts): string {
  const o =
    s.outcome === 'completed'
      ? p.t('outcomeCompleted')
      : s.outcome === 'stopped'
        ? p.t('outcomeStopped')
        : s.outcome === 'aborted'
          ? p.t('outcomeAborted')
          : s.outcome;
  return s.sharpPain ? `${o} (${p.t('sharpPainNote')})` : o;
}

/** "18 / 2" holds met / short over both feet, or "not measured" for timing-only sessions. */
export function holdsWords(p: Portal, s: SessionFacts): string {
  const met = (s.feet.left.holdsMet ?? 0) + (s.feet.right.holdsMet ?? 0);
  const short = (s.feet.left.holdsShort ?? 0) + (s.feet.right.holdsShort ?? 0);
  if (s.mode !== 'verified' || met + short === 0) return p.t('holdsNone');
  return `${met} / ${short}`;
}

const WARN: Record<string, PortalKey> = {
  'leg-moved': 'warnLegMoved',
  'shallow-rep': 'warnShallow',
  'hold-short': 'warnHoldShort',
  'wrong-foot': 'warnWrongFoot',
  'pain-reported': 'warnPain',
};

/** The session's warnings counted by kind: "leg moved (3), shallow reps (2)", or "none". */
export function warningWords(p: Portal, s: SessionFacts): string {
  const counts = new Map<string, number>();
  for (const w of s.warnings ?? []) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  if (counts.size === 0) return p.t('noWarnings');
  return [...counts.entries()]
    .map(([code, n]) => (WARN[code] ? p.t(WARN[code], { n }) : `${code} (${n})`))
    .join(', ');
}

const PLAN: Record<string, PortalKey> = {
  general: 'regimenGeneral',
  'post-op': 'regimenPostOp',
  hourly: 'regimenHourly',
};

/** The plan a patient without a prescription follows, from the regimen of their latest session. */
export function ownPlanWords(p: Portal, latest: SessionFacts | undefined): string {
  if (!latest?.regimenId) return p.t('rxNoneUnknown');
  const key = PLAN[latest.regimenId];
  return p.t('rxNoneOwn', { plan: key ? p.t(key) : p.t('regimenClinician') });
}
