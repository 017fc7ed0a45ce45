// The exercise package's sentences (cues, screening, care advice) in every app language. English
// comes from the package itself; the other tables are typed against its keys so none is missed.
import { MESSAGES_EN, type MessageKey as ExerciseKey, type MessageParams } from '@anklepump/exercise';
import type { Lang } from './i18n.ts';
import { EXERCISE_ES } from './exercise-messages-es.ts';
import { EXERCISE_ZH } from './exercise-messages-zh.ts';

export type { ExerciseKey };
export type ExerciseCatalog = Record<ExerciseKey, string>;

const TABLES: Record<Lang, ExerciseCatalog> = { en: MESSAGES_EN, zh: EXERCISE_ZH, es: EXERCISE_ES };

/** Localises an exercise message; a `side` param ('left'|'right'|'both') reads as "left foot" etc. */
export function exerciseText(lang: Lang, key: ExerciseKey, params: MessageParams = {}): string {
  const table = TABLES[lang];
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (name === 'side' && `side.${v}` in table) return table[`side.${v}` as ExerciseKey];
    return String(v);
  });
}
