/** The eight locales, how one is picked, and the amount and date formatters. */
import { expect } from '@esm-bundle/chai';
import { formatAmount } from '../../../widget/i18n/format-amount.js';
import { formatPaylineDate } from '../../../widget/i18n/format-date.js';
import { LOCALES, loadTranslation, resolveLocale, toLocale } from '../../../widget/i18n/locales.js';

describe('locales', () => {
  it('has eight, each with every text filled in', async () => {
    expect([...LOCALES]).to.deep.equal(['fr', 'en', 'de', 'es', 'it', 'nl', 'pt', 'pl']);
    const english = await loadTranslation('en');
    for (const locale of LOCALES) {
      const t = await loadTranslation(locale);
      expect(Object.keys(t).sort(), locale).to.deep.equal(Object.keys(english).sort());
      for (const [key, value] of Object.entries(t)) {
        const text = typeof value === 'function' ? String(value(3)) : value;
        expect(text, `${locale}.${key}`).to.be.a('string').and.not.equal('');
      }
      if (locale !== 'en') expect(t.pay('X'), locale).to.not.equal(english.pay('X'));
    }
  });

  it('makes plurals', async () => {
    const [en, fr, pl] = await Promise.all([loadTranslation('en'), loadTranslation('fr'), loadTranslation('pl')]);
    expect(en.refusedRetry(1)).to.include('1 attempt left');
    expect(fr.refusedRetry(2)).to.include('2 essais restants');
    expect(pl.refusedRetry(1)).to.include('1 próba');
    expect(pl.refusedRetry(2)).to.include('2 próby');
    expect(pl.refusedRetry(5)).to.include('5 prób');
    expect(pl.refusedRetry(12)).to.include('12 prób');
    expect(pl.refusedRetry(22)).to.include('22 próby');
  });

  it('reads language tags and Payline languageCodes', () => {
    expect(toLocale('fr-BE')).to.equal('fr');
    expect(toLocale('EN')).to.equal('en');
    expect(toLocale('ger')).to.equal('de');
    expect(toLocale('nl_NL')).to.equal('nl');
    expect(toLocale('ja')).to.equal(undefined);
    expect(toLocale(null)).to.equal(undefined);
  });

  it('picks the first supported candidate, else English', () => {
    expect(resolveLocale([undefined, 'ja', 'pt-BR', 'fr'])).to.equal('pt');
    expect(resolveLocale(['', null])).to.equal('en');
  });
});

describe('amounts', () => {
  it('writes minor units in the currency and the locale', () => {
    expect(formatAmount(1234, 978, 'en')).to.equal('€12.34');
    expect(formatAmount(1234, 978, 'fr')).to.equal('12,34\u00a0€');
    expect(formatAmount(123456789, 978, 'de')).to.equal('1.234.567,89\u00a0€');
    expect(formatAmount(1500, 392, 'en')).to.equal('¥1,500');
    expect(formatAmount(1234, 414, 'en')).to.equal('KWD\u00a01.234');
  });

  it('never goes through a float', () => {
    expect(formatAmount(999_999_999_999, 978, 'en')).to.equal('€9,999,999,999.99');
    expect(formatAmount(33305, 978, 'en')).to.equal('€333.05');
  });
});

describe('ticket dates', () => {
  it('keeps the gateway’s wall-clock time, written for the locale', () => {
    expect(formatPaylineDate('05/03/2026 14:07:00', 'en')).to.equal('March 5, 2026 at 2:07 PM');
    expect(formatPaylineDate('05/03/2026 14:07', 'de')).to.equal('5. März 2026 um 14:07');
    expect(formatPaylineDate('not a date', 'en')).to.equal('not a date');
  });
});
