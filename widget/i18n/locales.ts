/**
 * The eight locales and how to pick one: attribute, then the session's languageCode, then the
 * browser, then English. Each locale is its own lazily loaded chunk.
 */
import type { Translation } from './translation.js';

/** The locales the widget speaks (the offer promises 8). */
export const LOCALES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt', 'pl'] as const;
/** One of LOCALES. */
export type Locale = (typeof LOCALES)[number];

/** The locale used when none of the candidates is supported. */
export const DEFAULT_LOCALE: Locale = 'en';

const LOADERS: Record<Locale, () => Promise<{ default: Translation }>> = {
  fr: () => import('./fr.js'),
  en: () => import('./en.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  nl: () => import('./nl.js'),
  pt: () => import('./pt.js'),
  pl: () => import('./pl.js'),
};

/** ISO 639-2 codes a Payline languageCode may carry, for our locales. */
const THREE_LETTER: Record<string, Locale> = {
  fra: 'fr', fre: 'fr', eng: 'en', deu: 'de', ger: 'de', spa: 'es',
  ita: 'it', nld: 'nl', dut: 'nl', por: 'pt', pol: 'pl',
};

/** Our locale for a language tag or Payline languageCode (`fr-BE`, `FR`, `fre`), else undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if ((LOCALES as readonly string[]).includes(language)) return language as Locale;
  return THREE_LETTER[language];
}

/** The first supported locale among `candidates` (most wanted first), else DEFAULT_LOCALE. */
export function resolveLocale(candidates: ReadonlyArray<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const locale = toLocale(candidate);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The translation of `locale`, loaded on first use (a network request for its chunk). */
export async function loadTranslation(locale: Locale): Promise<Translation> {
  return (await LOADERS[locale]()).default;
}
