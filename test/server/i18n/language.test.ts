import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromAcceptLanguage, toLanguage } from '../../../server/core/language.js';

/** The shopper's language for the gateway's pages, from Payline's languageCode or Accept-Language. */
describe('language', () => {
  const codes: Array<[string | undefined, string | undefined]> = [
    ['fr', 'fr'], ['FR', 'fr'], ['fr-FR', 'fr'], ['en_GB', 'en'], ['fra', 'fr'], ['fre', 'fr'], ['eng', 'en'],
    ['ger', 'de'], ['dut', 'nl'], ['pt-BR', 'pt'], ['pl', 'pl'], [' it ', 'it'], ['ja', undefined], ['', undefined], [undefined, undefined],
  ];
  for (const [code, language] of codes) it(`toLanguage(${JSON.stringify(code)}) → ${language}`, () => assert.equal(toLanguage(code), language));

  const headers: Array<[string | undefined, string | undefined]> = [
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['ja, en;q=0.5', 'en'],
    ['en;q=0.5, de-CH', 'de'],
    ['fr;q=0, es', 'es'],
    ['ja, zh', undefined],
    [undefined, undefined],
  ];
  for (const [header, language] of headers) it(`fromAcceptLanguage(${JSON.stringify(header)}) → ${language}`, () => assert.equal(fromAcceptLanguage(header), language));
});
