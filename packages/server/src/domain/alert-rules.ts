// Turns stored records into clinician alerts with the exercise package's rules (sessionAlerts,
// trendAlerts). Two record kinds that package does not judge are handled here: a standalone pain
// report (same threshold, ALERT_PAIN_AT) and a screening whose decision is not "go".
import {
  ALERT_PAIN_AT,
  type Alert as ExerciseAlert,
  localDateOf,
  prescribedSessionsPerDay,
  type Regimen,
  type SessionRecord,
  sessionAlerts,
  trendAlerts,
  type WakingWindow,
} from '@anklepump/exercise';
import type { Alert, StoredRecord } from '../store/store.ts';

type Obj = Record<string, unknown>;
export type NewAlert = Omit<Alert, 'id' | 'ackBy' | 'ackMs' | 'patientId' | 'createdMs'>;

/** The waking day assumed for interval regimens and adherence until a patient sets their own. */
export const DEFAULT_WAKING: WakingWindow = { wake: '07:00', sleep: '22:00' };
/** Days of sessions read for trend rules: the exercise rules look back 7 days plus the latest. */
export const TREND_DAYS = 10;

/** The alert's identity: the same evidence never raises a second alert. */
function dedupeKey(a: ExerciseAlert): string {
  switch (a.code) {
    case 'sharp-pain':
    case 'pain-rising':
    case 'pain-high':
      return `${a.code}:${a.evidence.sessionId}`;
    case 'low-adherence':
      return `low-adherence:${a.evidence.days.map((d) => d.date).join(',')}`;
    case 'range-falling':
      return `range-falling:${a.evidence.side}:${a.evidence.latestDate}`;
  }
}

const fromExercise = (a: ExerciseAlert, recordId: string | null): NewAlert => ({
  kind: a.code,
  severity: a.severity,
  message: a.message,
  recordId,
  dedupeKey: dedupeKey(a),
});

/** Alerts that one record raises on its own. */
export function alertsForRecord(
  r: { id: string; kind: StoredRecord['kind']; body: unknown },
  timeZone: string,
): NewAlert[] {
  const d = r.body as Obj;
  if (r.kind === 'session')
    return sessionAlerts(d as unknown as SessionRecord, timeZone).map((a) => fromExercise(a, r.id));
  const out: NewAlert[] = [];
  if (r.kind === 'pain') {
    if (d.sharp === true) {
      out.push({
        kind: 'sharp-pain',
        severity: 'urgent',
        message: `Sharp pain was reported (${d.level}/10).`,
        recordId: r.id,
        dedupeKey: `sharp-pain:${r.id}`,
      });
    }
    if (typeof d.level === 'number' && d.level >= ALERT_PAIN_AT) {
      out.push({
        kind: 'pain-high',
        severity: 'urgent',
        message: `Pain of ${d.level}/10 was reported.`,
        recordId: r.id,
        dedupeKey: `pain-high:${r.id}`,
      });
    }
    return out;
  }
  const decision = d.decision as { outcome?: string; reason?: string } | undefined;
  if (decision?.outcome && decision.outcome !== 'go') {
    out.push({
      kind: 'screening-red-flag',
      severity: decision.outcome === 'supervised-only' ? 'warning' : 'urgent',
      message:
        `The safety check before exercise decided: ${SCREENING_WORDS[decision.outcome] ?? 'not safe to exercise now'}. ${decision.reason ?? ''}`.trim(),
      recordId: r.id,
      dedupeKey: `screening-red-flag:${r.id}`,
    });
  }
  return out;
}

/** A screening outcome in the words a clinician reads (the codes are for machines). */
const SCREENING_WORDS: Record<string, string> = {
  'supervised-only': 'exercise only with a physiotherapist or nurse present',
  'see-doctor-first': 'see a doctor before exercising',
  'not-suitable': 'ankle pumps are not suitable now',
};

/** Sessions per day the regimen asks for, in the default waking day; null without a usable regimen. */
export function sessionsPerDay(regimen: unknown): number | null {
  const f = (regimen as Partial<Regimen> | null)?.frequency;
  if (!f) return null;
  try {
    return prescribedSessionsPerDay(f, DEFAULT_WAKING);
  } catch {
    return null;
  }
}

/**
 * Trend alerts (adherence on the last two full days, range falling per foot) from the patient's
 * recent sessions. `prescribedSinceMs` keeps a brand-new prescription from counting days before it.
 */
export function trendAlertsFor(p: {
  sessions: readonly StoredRecord[];
  regimen: unknown;
  prescribedSinceMs: number | null;
  timeZone: string;
  nowMs: number;
}): NewAlert[] {
  const perDay = sessionsPerDay(p.regimen);
  const todayDate = localDateOf(p.timeZone, p.nowMs);
  // Adherence is judged only over days fully under the prescription (the two before today).
  const judgeAdherence = p.prescribedSinceMs !== null && p.nowMs - p.prescribedSinceMs >= 3 * 86_400_000;
  const alerts = trendAlerts({
    records: p.sessions.map((s) => s.body as SessionRecord),
    timeZone: p.timeZone,
    todayDate,
    prescribedPerDay: judgeAdherence && perDay !== null ? perDay : 0,
  });
  return alerts.map((a) =>
    fromExercise(a, a.code === 'range-falling' ? (p.sessions.at(-1)?.id ?? null) : null),
  );
}
