import { MESSAGES_EN } from '@anklepump/exercise';
import { describe, expect, it } from 'vitest';
import { exerciseText } from './exercise-messages.ts';
import { EXERCISE_ES } from './exercise-messages-es.ts';
import { EXERCISE_ZH } from './exercise-messages-zh.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('exercise sentences in every app language', () => {
  for (const [lang, table] of [
    ['zh', EXERCISE_ZH],
    ['es', EXERCISE_ES],
  ] as const) {
    it(`${lang} translates every cue, screening and care sentence with the same placeholders`, () => {
      for (const [key, english] of Object.entries(MESSAGES_EN)) {
        const text = (table as Record<string, string | undefined>)[key];
        expect(text, `${lang} is missing ${key}`).toBeTypeOf('string');
        expect(text, `${lang}:${key} is untranslated`).not.toBe(english);
        expect(placeholders(text!), `${lang}:${key}`).toEqual(placeholders(english));
      }
    });
  }

  it('reads a side parameter as the foot in that language', () => {
    expect(exerciseText('es', 'cue.switchFoot', { side: 'left' })).toBe('Ahora cambie al pie izquierdo.');
    expect(exerciseText('zh', 'cue.switchFoot', { side: 'right' })).toBe('现在换到右脚。');
    expect(exerciseText('en', 'session.start', { set: 1, sets: 2, reps: 10, side: 'left' })).toBe(
      'Set 1 of 2: 10 pumps with your left foot.',
    );
  });
});
