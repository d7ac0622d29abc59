/** The card form's rules: Luhn, lengths, CID, expiry, accepted brands, CB co-badging (card-rules.ts). */
import { expect } from '@esm-bundle/chai';
import {
  cardTypeFor,
  cvxError,
  cvxLength,
  expiryError,
  isNumberComplete,
  networkChoices,
  numberError,
} from '../../../widget/fields/card-rules.js';

const ALL = ['CB', 'VISA', 'MASTERCARD', 'AMEX', 'DINERS', 'JCB', 'DISCOVER', 'MAESTRO'];
/** 15 March 2026, noon UTC. */
const NOW = Date.UTC(2026, 2, 15, 12);

describe('card number', () => {
  it('accepts the documented test cards of every brand', () => {
    for (const pan of ['4970101122334455', '5132100000000008', '4111111111111111', '5555555555554444', '2223003122003222', '378282246310005', '36227206271667', '3566002020360505', '6011111111111117', '6759649826438453']) {
      expect(numberError(pan, ALL, false), pan).to.equal(undefined);
      expect(isNumberComplete(pan), pan).to.equal(true);
    }
  });

  it('refuses a wrong Luhn check digit', () => {
    expect(numberError('4111111111111112', ALL, false)).to.equal('numberInvalid');
    expect(numberError('378282246310006', ALL, true)).to.equal('numberInvalid');
    expect(isNumberComplete('4111111111111112')).to.equal(false);
  });

  it('says incomplete only once the shopper has left the field', () => {
    expect(numberError('411111', ALL, true)).to.equal(undefined);
    expect(numberError('411111', ALL, false)).to.equal('numberIncomplete');
    expect(numberError('', ALL, true)).to.equal(undefined);
    expect(numberError('', ALL, false)).to.equal('numberRequired');
  });

  it('says at once that a number has no known brand', () => {
    expect(numberError('1', ALL, true)).to.equal('numberUnknown');
    expect(numberError('99', ALL, true)).to.equal('numberUnknown');
  });

  it('says at once that the shop does not take the brand', () => {
    expect(numberError('37', ['CB', 'VISA', 'MASTERCARD'], true)).to.equal('numberNotAccepted');
    expect(numberError('4111', ['AMEX'], true)).to.equal('numberNotAccepted');
    expect(numberError('4111', ['CB'], true)).to.equal(undefined);
  });

  it('moves on at each brand’s usual length', () => {
    expect(isNumberComplete('41111111111111')).to.equal(false);
    expect(isNumberComplete('4111111111111')).to.equal(false);
    expect(isNumberComplete('378282246310005')).to.equal(true);
    expect(isNumberComplete('36227206271667')).to.equal(true);
  });
});

describe('security code (CVV, Amex CID)', () => {
  it('has 4 digits for Amex, 3 for the others', () => {
    expect(cvxLength('378282246310005')).to.equal(4);
    expect(cvxLength('34')).to.equal(4);
    expect(cvxLength('4111111111111111')).to.equal(3);
    expect(cvxLength('')).to.equal(3);
  });

  it('judges the length for the brand', () => {
    expect(cvxError('123', '378282246310005', false)).to.equal('cvxIncomplete');
    expect(cvxError('1234', '378282246310005', false)).to.equal(undefined);
    expect(cvxError('123', '4111111111111111', false)).to.equal(undefined);
    expect(cvxError('', '4111111111111111', false)).to.equal('cvxRequired');
    expect(cvxError('12', '4111111111111111', true)).to.equal(undefined);
  });
});

describe('expiry', () => {
  it('takes this month and later', () => {
    expect(expiryError('0326', NOW, false)).to.equal(undefined);
    expect(expiryError('1255', NOW, false)).to.equal(undefined);
  });

  it('refuses last month', () => {
    expect(expiryError('0226', NOW, false)).to.equal('expiryPast');
    expect(expiryError('0120', NOW, true)).to.equal('expiryPast');
  });

  it('refuses a month that does not exist, at once', () => {
    expect(expiryError('13', NOW, true)).to.equal('expiryInvalid');
    expect(expiryError('00', NOW, true)).to.equal('expiryInvalid');
    expect(expiryError('1399', NOW, false)).to.equal('expiryInvalid');
  });

  it('refuses a year too far ahead and a half-typed date once left', () => {
    expect(expiryError('1299', NOW, false)).to.equal('expiryInvalid');
    expect(expiryError('123', NOW, false)).to.equal('expiryInvalid');
    expect(expiryError('123', NOW, true)).to.equal(undefined);
    expect(expiryError('', NOW, false)).to.equal('expiryRequired');
  });
});

describe('CB co-badged cards', () => {
  it('offers CB or Visa, CB or Mastercard when the shop takes both', () => {
    expect(networkChoices('4970101122334455', ALL)).to.deep.equal(['CB', 'VISA']);
    expect(networkChoices('5132100000000008', ALL)).to.deep.equal(['CB', 'MASTERCARD']);
  });

  it('offers nothing for a card that is not CB, or a shop taking one network', () => {
    expect(networkChoices('4111111111111111', ALL)).to.deep.equal([]);
    expect(networkChoices('4970101122334455', ['CB'])).to.deep.equal([]);
    expect(networkChoices('4970101122334455', ['VISA'])).to.deep.equal([]);
  });

  it('sends the chosen network, else CB for a CB card', () => {
    expect(cardTypeFor('4970101122334455', ALL, 'VISA')).to.equal('VISA');
    expect(cardTypeFor('4970101122334455', ALL)).to.equal('CB');
    expect(cardTypeFor('4970101122334455', ['VISA'])).to.equal('VISA');
  });

  it('sends the brand’s own type, else an accepted type carrying it', () => {
    expect(cardTypeFor('378282246310005', ALL)).to.equal('AMEX');
    expect(cardTypeFor('4111111111111111', ['CB'])).to.equal('CB');
    expect(cardTypeFor('6011111111111117', ['DINERS'])).to.equal('DINERS');
    expect(cardTypeFor('4111111111111111', ['AMEX'])).to.equal(undefined);
  });
});
