/**
 * The component's language: the first supported of its candidates (the `locale` attribute, the
 * session's languageCode, the browser's languages), its translation loaded lazily; the host
 * re-renders once it is there.
 */
import type { ReactiveControllerHost } from 'lit';
import { loadTranslation, resolveLocale, type Locale } from '../i18n/locales.js';
import type { Translation } from '../i18n/translation.js';

/** The host's current locale and translation; `use()` switches. */
export class LocaleController {
  /** The locale shown, once its translation is loaded. */
  locale: Locale | undefined;
  /** Its translation: undefined until the first one is loaded. */
  t: Translation | undefined;
  private wanted: Locale | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Switches to the first supported of `candidates` (most wanted first); resolves when shown. */
  async use(candidates: ReadonlyArray<string | null | undefined>): Promise<void> {
    const locale = resolveLocale([...candidates, ...navigator.languages]);
    if (locale === this.locale) return;
    this.wanted = locale;
    const t = await loadTranslation(locale);
    if (this.wanted !== locale) return;
    this.locale = locale;
    this.t = t;
    this.host.requestUpdate();
  }
}
