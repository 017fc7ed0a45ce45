import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGS, pickLang, translator } from './i18n.ts';
import { en, type MessageKey } from './messages-en.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  for (const lang of LANGS) {
    it(`${lang} words every screen text and keeps each {placeholder}`, () => {
      for (const key of Object.keys(en) as MessageKey[]) {
        const text = CATALOGS[lang][key];
        expect(text.trim().length, `${lang}:${key} is empty`).toBeGreaterThan(0);
        expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(en[key]));
      }
    });
  }

  it('Chinese and Spanish are actually translated, not English copies', () => {
    const keys = Object.keys(en).filter((k) => !k.startsWith('lang.')) as MessageKey[];
    for (const lang of ['zh', 'es'] as const) {
      const same = keys.filter((k) => CATALOGS[lang][k] === en[k] && en[k].length > 12);
      expect(same, `${lang} untranslated`).toEqual([]);
    }
  });

  it('fills placeholders with the values given', () => {
    expect(translator('en')('home.done', { done: 2, planned: 4 })).toBe('2 of 4 sessions done today');
    expect(translator('es')('session.rep', { n: 3, total: 10 })).toContain('3');
  });

  it('picks the first supported language of the browser list', () => {
    expect(pickLang(['fr-FR', 'zh-CN', 'en'])).toBe('zh');
    expect(pickLang(['es-MX'])).toBe('es');
    expect(pickLang(['de'])).toBe('en');
  });
});
