// The exercise package's sentences (cues, screening, care advice) in every app language. English
// comes from the package itself; the other tables are typed against its keys so none is missed.
import { type MessageKey as ExerciseKey, MESSAGES_EN, type MessageParams } from '@anklepump/exercise';
import { EXERCISE_ES } from './exercise-messages-es.ts';
import { EXERCISE_ZH } from './exercise-messages-zh.ts';
import type { Lang } from './i18n.ts';

export type { ExerciseKey };
/** Typed loosely on purpose: a key the exercise package adds later falls back to English at run
 * time, and exercise-messages.test.ts fails until it is translated. */
export type ExerciseCatalog = Partial<Record<ExerciseKey, string>>;

const TABLES: Record<Lang, ExerciseCatalog> = { en: MESSAGES_EN, zh: EXERCISE_ZH, es: EXERCISE_ES };

/** Localises an exercise message; a `side` param ('left'|'right'|'both') reads as "left foot" etc. */
export function exerciseText(lang: Lang, key: ExerciseKey, params: MessageParams = {}): string {
  const table = TABLES[lang];
  return (table[key] ?? MESSAGES_EN[key]).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (name === 'side' && `side.${v}` in MESSAGES_EN) {
      const sideKey = `side.${v}` as ExerciseKey;
      return table[sideKey] ?? MESSAGES_EN[sideKey];
    }
    return String(v);
  });
}
