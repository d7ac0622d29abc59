/** Every refusal reason of the gift-card protocol has its words, beside the right field, in every locale. */
import { expect } from '@esm-bundle/chai';
import { giftCardRefusal } from '../../../widget/checkout/gift-card-reason.js';
import { LOCALES, loadTranslation } from '../../../widget/i18n/locales.js';

/** docs/WIDGET-PROTOCOL.md's reasons and where the widget says each. */
const REASONS = {
  'unknown-card': 'number',
  'wrong-code': 'code',
  expired: 'number',
  blocked: 'number',
  empty: 'number',
  'discounted-not-accepted': 'number',
  'already-entered': 'number',
  'max-amount': 'form',
  'max-cards': 'form',
  'nothing-left': 'form',
  'invalid-number': 'number',
  'invalid-code': 'code',
  'amount-left': 'form',
} as const;

describe('gift-card refusals', () => {
  it('puts each reason beside its field, with words of its own', () => {
    const keys = new Set<string>();
    for (const [reason, field] of Object.entries(REASONS)) {
      const refusal = giftCardRefusal(reason);
      expect(refusal.field, reason).to.equal(field);
      expect(refusal.key, reason).to.not.equal('giftCardRefused');
      keys.add(refusal.key);
    }
    expect(keys.size).to.equal(Object.keys(REASONS).length);
  });

  it('says a plain refusal under the form for a reason it does not know, or none', () => {
    expect(giftCardRefusal('toString')).to.deep.equal({ field: 'form', key: 'giftCardRefused' });
    expect(giftCardRefusal('something-new')).to.deep.equal({ field: 'form', key: 'giftCardRefused' });
    expect(giftCardRefusal(undefined)).to.deep.equal({ field: 'form', key: 'giftCardRefused' });
  });

  it('has every refusal translated in the eight locales, none left in English', async () => {
    const english = await loadTranslation('en');
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const t = await loadTranslation(locale);
      for (const reason of Object.keys(REASONS)) {
        const { key } = giftCardRefusal(reason);
        const words = (tr: typeof t) => (key === 'giftCardMaxAmount' ? tr.giftCardMaxAmount('X') : key === 'giftCardMaxCards' ? tr.giftCardMaxCards(5) : tr[key]);
        expect(words(t), `${locale} ${reason}`).to.be.a('string').and.not.equal(words(english));
      }
    }
  });
});
