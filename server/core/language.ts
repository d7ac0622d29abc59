/**
 * The shopper's language for the pages the gateway serves (hosted payment page, challenge page):
 * the widget's eight locales, read from Payline's `languageCode` (fr, FR, fra, fre, fr-FR…) or
 * from an Accept-Language header.
 */
export const LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** ISO 639-2 codes (bibliographic and terminological) Payline integrations send. */
const THREE_LETTERS: Readonly<Record<string, Language>> = {
  fra: 'fr', fre: 'fr', eng: 'en', deu: 'de', ger: 'de', spa: 'es', ita: 'it', nld: 'nl', dut: 'nl', por: 'pt', pol: 'pl',
};

/** The language a code names (`fr`, `FR`, `fra`, `fr-FR`, `en_GB`), if it is one of ours. */
export function toLanguage(code: string | undefined): Language | undefined {
  const primary = code?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if ((LANGUAGES as readonly string[]).includes(primary)) return primary as Language;
  return THREE_LETTERS[primary];
}

/** The first of ours in an Accept-Language header, by its q order. */
export function fromAcceptLanguage(header: string | undefined): Language | undefined {
  const ranges = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const language = toLanguage(range.tag);
    if (language) return language;
  }
  return undefined;
}
