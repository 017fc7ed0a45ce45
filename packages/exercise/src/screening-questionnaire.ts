// The safety questionnaire as data: ids double as FHIR Questionnaire linkIds and answer keys,
// text comes from the message table, so the web app, the CLI and FHIR export share one source.

import { MESSAGES_EN, type MessageKey } from './messages.ts';

export type ScreeningQuestionId = 'swelling' | 'clotHistory' | 'severeInjury' | 'painNow';

export type ScreeningQuestion =
  | {
      readonly id: ScreeningQuestionId;
      readonly type: 'boolean';
      readonly textKey: MessageKey;
      /** English text, for the CLI and FHIR export. */
      readonly text: string;
    }
  | {
      readonly id: ScreeningQuestionId;
      readonly type: 'integer';
      readonly textKey: MessageKey;
      readonly text: string;
      readonly min: number;
      readonly max: number;
    };

export interface ScreeningQuestionnaire {
  /** Stable id (FHIR Questionnaire.id / url tail). */
  readonly id: string;
  /** Semantic version; decisions and records store it. */
  readonly version: string;
  readonly titleKey: MessageKey;
  readonly title: string;
  readonly questions: readonly ScreeningQuestion[];
}

/** The patient's answers, keyed by question id. `painNow` is the 0-10 numeric rating. */
export interface ScreeningAnswers {
  readonly swelling: boolean;
  readonly clotHistory: boolean;
  readonly severeInjury: boolean;
  readonly painNow: number;
}

/** Version 1 of the ankle-pump safety questionnaire. */
export const SCREENING_QUESTIONNAIRE: ScreeningQuestionnaire = {
  id: 'anklepump-safety',
  version: '1.0.0',
  titleKey: 'screening.title',
  title: MESSAGES_EN['screening.title'],
  questions: [
    {
      id: 'severeInjury',
      type: 'boolean',
      textKey: 'screening.q.severeInjury',
      text: MESSAGES_EN['screening.q.severeInjury'],
    },
    {
      id: 'swelling',
      type: 'boolean',
      textKey: 'screening.q.swelling',
      text: MESSAGES_EN['screening.q.swelling'],
    },
    {
      id: 'clotHistory',
      type: 'boolean',
      textKey: 'screening.q.clotHistory',
      text: MESSAGES_EN['screening.q.clotHistory'],
    },
    {
      id: 'painNow',
      type: 'integer',
      textKey: 'screening.q.painNow',
      text: MESSAGES_EN['screening.q.painNow'],
      min: 0,
      max: 10,
    },
  ],
};
