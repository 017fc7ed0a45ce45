// The safety decision: from the questionnaire's answers (and any clearance a clinician recorded)
// to go / see a doctor first / supervised only / not suitable, always with the rule and the reason.

import { formatMessage, type MessageKey, type MessageParams } from './messages.ts';
import { SCREENING_QUESTIONNAIRE, type ScreeningAnswers } from './screening-questionnaire.ts';
import { checkNumber, type ValidationIssue, type ValidationResult } from './validation.ts';

/** Ordered from least to most restrictive; the most restrictive matching rule decides. */
export type ScreeningOutcome = 'go' | 'supervised-only' | 'see-doctor-first' | 'not-suitable';

const SEVERITY: { readonly [K in ScreeningOutcome]: number } = {
  go: 0,
  'supervised-only': 1,
  'see-doctor-first': 2,
  'not-suitable': 3,
};

export type ScreeningRuleId =
  | 'severe-injury'
  | 'swelling'
  | 'pain-high'
  | 'clot-history'
  | 'clot-history-cleared'
  | 'pain-stop-today'
  | 'pain-moderate'
  | 'all-clear';

/** Pain at or above this (0-10) means see a doctor first; matches the clinician alert threshold. */
export const PAIN_SEE_DOCTOR_AT = 7;
/** Pain at or above this (and below the doctor threshold) still goes, with a caution. */
export const PAIN_CAUTION_AT = 4;

/** A clinician's record that this patient may exercise despite a past clot (supervised or cleared). */
export interface ScreeningClearance {
  readonly clinicianId: string;
  readonly recordedAtMs: number;
}

/** A session that stopped because of pain earlier on the patient's local day (see `painStopOnDay`). */
export interface PainStopToday {
  readonly stoppedAtMs: number;
  /** The pain level reported with the stop (0-10), or null when none was given. */
  readonly level: number | null;
}

export interface ScreeningContext {
  readonly clearance?: ScreeningClearance | null;
  /**
   * A pain stop earlier today: the rest of the day is blocked ("do not continue today"), whatever
   * the answers now. Only the caller knows the patient's day, so it finds the stop and passes it in.
   */
  readonly painStopToday?: PainStopToday | null;
}

export interface ScreeningReason {
  readonly rule: ScreeningRuleId;
  readonly outcome: ScreeningOutcome;
  readonly messageKey: MessageKey;
  readonly params: MessageParams;
  /** The reason in plain English. */
  readonly message: string;
}

export interface ScreeningDecision {
  readonly outcome: ScreeningOutcome;
  /** The rule that decided (the most restrictive that matched). */
  readonly rule: ScreeningRuleId;
  /** Plain-words reason for the deciding rule. */
  readonly reason: string;
  /** Every rule that matched, most restrictive first. */
  readonly reasons: readonly ScreeningReason[];
  readonly questionnaireId: string;
  readonly questionnaireVersion: string;
  /** Pain before exercise, the baseline for the session's pain-rise stop rule. */
  readonly painNow: number;
}

function reason(
  rule: ScreeningRuleId,
  outcome: ScreeningOutcome,
  key: MessageKey,
  params: MessageParams = {},
) {
  return { rule, outcome, messageKey: key, params, message: formatMessage(key, params) };
}

/** Decides whether the patient may do ankle pumps now. Pure: the clearance is passed in. */
export function decideScreening(
  answers: ScreeningAnswers,
  context: ScreeningContext = {},
): ScreeningDecision {
  const reasons: ScreeningReason[] = [];
  if (context.painStopToday) {
    reasons.push(reason('pain-stop-today', 'see-doctor-first', 'screening.reason.painStopToday'));
  }
  if (answers.severeInjury)
    reasons.push(reason('severe-injury', 'not-suitable', 'screening.reason.severeInjury'));
  if (answers.swelling) reasons.push(reason('swelling', 'see-doctor-first', 'screening.reason.swelling'));
  if (answers.painNow >= PAIN_SEE_DOCTOR_AT) {
    reasons.push(
      reason('pain-high', 'see-doctor-first', 'screening.reason.painHigh', { level: answers.painNow }),
    );
  }
  if (answers.clotHistory) {
    reasons.push(
      context.clearance
        ? reason('clot-history-cleared', 'go', 'screening.reason.clotCleared')
        : reason('clot-history', 'supervised-only', 'screening.reason.clotHistory'),
    );
  }
  if (answers.painNow >= PAIN_CAUTION_AT && answers.painNow < PAIN_SEE_DOCTOR_AT) {
    reasons.push(reason('pain-moderate', 'go', 'screening.reason.painModerate', { level: answers.painNow }));
  }
  if (reasons.length === 0) reasons.push(reason('all-clear', 'go', 'screening.reason.allClear'));
  // Stable sort keeps the listed order (injury, swelling, pain, clot) within one outcome.
  reasons.sort((a, b) => SEVERITY[b.outcome] - SEVERITY[a.outcome]);
  const top = reasons[0]!;
  return {
    outcome: top.outcome,
    rule: top.rule,
    reason: top.message,
    reasons,
    questionnaireId: SCREENING_QUESTIONNAIRE.id,
    questionnaireVersion: SCREENING_QUESTIONNAIRE.version,
    painNow: answers.painNow,
  };
}

/** Validates answers from untrusted input (form, JSON file, API body); never throws. */
export function validateScreeningAnswers(input: unknown): ValidationResult<ScreeningAnswers> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      success: false,
      issues: [{ code: 'invalid_value', path: [], message: 'Answers must be an object' }],
    };
  }
  const raw = input as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const q of SCREENING_QUESTIONNAIRE.questions) {
    const v = raw[q.id];
    if (q.type === 'boolean') {
      if (typeof v !== 'boolean') {
        issues.push({
          code: v === undefined ? 'required' : 'invalid_value',
          path: [q.id],
          message:
            v === undefined
              ? `Answer to "${q.id}" is required (true or false)`
              : `Answer to "${q.id}" must be true or false, got ${JSON.stringify(v)}`,
        });
      }
    } else {
      const i = checkNumber(v, [q.id], `Answer to "${q.id}"`, q.min, q.max, true);
      if (i) issues.push(i);
    }
  }
  const known = new Set<string>(SCREENING_QUESTIONNAIRE.questions.map((q) => q.id));
  for (const k of Object.keys(raw)) {
    if (!known.has(k)) {
      issues.push({ code: 'invalid_value', path: [k], message: `Unknown question "${k}"` });
    }
  }
  if (issues.length > 0) return { success: false, issues };
  return {
    success: true,
    data: {
      swelling: raw.swelling as boolean,
      clotHistory: raw.clotHistory as boolean,
      severeInjury: raw.severeInjury as boolean,
      painNow: raw.painNow as number,
    },
    warnings: [],
  };
}

/** The "stop and seek care" advice every screen and summary shows, most urgent last. */
export const STOP_AND_SEEK_CARE: readonly MessageKey[] = [
  'care.stopSharpPain',
  'care.legChanges',
  'care.emergency',
];
