// Looks up the wording of a key in the chosen language and fills in its {placeholders}.
import { en, type MessageKey, type Messages } from './messages-en.ts';
import { es } from './messages-es.ts';
import { zh } from './messages-zh.ts';

export const LANGS = ['en', 'zh', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export const CATALOGS: Record<Lang, Messages> = { en, zh, es };

/** BCP 47 tags, for `<html lang>`, speech synthesis and date formatting. */
export const LANG_TAG: Record<Lang, string> = { en: 'en', zh: 'zh-CN', es: 'es' };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Returns a translate function for `lang`; a missing placeholder value is left visible as {name}. */
export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** Picks the supported language closest to the browser's preference list. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh' || base === 'es' || base === 'en') return base;
  }
  return 'en';
}

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

export type { MessageKey };
