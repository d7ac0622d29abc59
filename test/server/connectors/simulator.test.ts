import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { BRAND_RULES, brandOfPan, cardTypeAcceptsBrand, CardBrand, isCbCoBadged } from '../../../server/core/card-brand.js';
import { parseExpiry } from '../../../server/core/card-expiry.js';
import { isLuhnValid, luhnCheckDigit } from '../../../server/core/luhn.js';
import { isKnownCode } from '../../../server/core/result-codes.js';
import type { AcquirerRequest } from '../../../server/connectors/acquirer.js';
import {
  authorizationNumber,
  cardOutcome,
  simulateOutcome,
  type OutcomeRequest,
} from '../../../server/connectors/simulator/outcome.js';
import { SimulatorAcquirer } from '../../../server/connectors/simulator/simulator.js';
import { findTestCard, TEST_CARDS, ThreeDSecureBehaviour } from '../../../server/connectors/simulator/test-cards.js';
import { runAcquirerContract } from './acquirer-contract.js';

runAcquirerContract('simulator', () => new SimulatorAcquirer());

const NOW = Date.UTC(2026, 0, 15, 10, 30);
const SDK_CARD = '4970101122334455';
/** A valid Visa that is in no table. */
const PLAIN_VISA = '4242424242424242';

function outcome(pan: string, amount = 1000, extra: Partial<OutcomeRequest> = {}): string {
  return simulateOutcome({ pan, expirationDate: '1255', amount, currency: 978, now: NOW, ...extra });
}

function acquirerRequest(pan: string, amount: number, transactionId = 'tx-1'): AcquirerRequest {
  return {
    merchantId: 'm',
    contractNumber: 'c',
    amount,
    currency: 978,
    card: { number: pan, expirationDate: '1255', cvx: '123', type: 'CB' },
    transactionId,
    now: NOW,
  };
}

function withLuhn(payload: string): string {
  return payload + luhnCheckDigit(payload);
}

/** The card-number simulator's layout (payline-api.md §8.2): BIN, `9`, code, Luhn digit. */
function simulatorPan(code: string, bin = '497010346'): string {
  return withLuhn(`${bin}9${code}`);
}

describe('test cards', () => {
  for (const card of TEST_CARDS) {
    it(`${card.number} (${card.label}) is well formed`, () => {
      assert.ok(isLuhnValid(card.number), 'Luhn');
      assert.equal(brandOfPan(card.number), card.brand, 'brand');
      assert.ok(cardTypeAcceptsBrand(card.cardType, card.brand), 'card.type carries the brand');
      assert.equal(card.cvx.length, BRAND_RULES[card.brand].cvvLength, 'CVV length');
      assert.notEqual(parseExpiry(card.expirationDate), undefined, 'expiry');
      if (card.cardType === 'CB') assert.ok(isCbCoBadged(card.number), 'CB BIN');
      assert.ok(card.number[9] !== '9', 'clear of the card-number simulator');
      assert.ok(isKnownCode(card.code), 'known code');
    });

    it(`${card.number} (${card.label}) → ${card.code}`, async () => {
      assert.equal(outcome(card.number, 1000, { expirationDate: card.expirationDate }), card.code);
      assert.equal(findTestCard(card.number), card);
      const answer = await new SimulatorAcquirer().authorize({
        ...acquirerRequest(card.number, 1000),
        card: { number: card.number, expirationDate: card.expirationDate, cvx: card.cvx, type: card.cardType },
      });
      assert.equal(answer.code, card.code);
    });
  }

  it('has unique numbers', () => assert.equal(new Set(TEST_CARDS.map((c) => c.number)).size, TEST_CARDS.length));

  it('has an accepted card per brand, and a CB one', () => {
    const accepted = TEST_CARDS.filter((c) => c.code === '00000');
    for (const brand of Object.values(CardBrand)) assert.ok(accepted.some((c) => c.brand === brand && c.cardType === brand), brand);
    assert.ok(accepted.some((c) => c.number === SDK_CARD && c.cardType === 'CB'));
    assert.ok(accepted.some((c) => c.brand === 'MASTERCARD' && c.number.startsWith('2')), 'Mastercard 2-series');
  });

  it('has the refusals and every 3-D Secure behaviour', () => {
    for (const code of ['01100', '01101', '01116', '01201', '01208', '01209']) assert.ok(TEST_CARDS.some((c) => c.code === code), code);
    for (const behaviour of Object.values(ThreeDSecureBehaviour)) assert.ok(TEST_CARDS.some((c) => c.threeDSecure === behaviour), behaviour);
  });
});

describe('amount simulator (payline-api.md §8.1, EUR)', () => {
  const table: [amount: number, code: string][] = [
    [33300, '00000'], [33308, '00000'], [33305, '01100'], [33360, '01103'], [33302, '01108'],
    [33303, '01109'], [33313, '01110'], [33314, '01111'], [33351, '01116'], [33355, '01117'],
    [33356, '01118'], [33357, '01119'], [33358, '01120'], [33361, '01121'], [33363, '01122'],
    [33316, '01131'], [33331, '01199'], [33304, '01200'], [33333, '01201'], [33354, '01201'],
    [33334, '01202'], [33338, '01206'], [33307, '01207'], [33341, '01208'], [33343, '01209'],
    [33312, '01902'], [33330, '01904'], [33391, '01907'], [33396, '01909'], [33315, '01912'],
    [33394, '01913'],
  ];
  for (const [amount, code] of table) {
    it(`${(amount / 100).toFixed(2)} EUR → ${code}`, async () => {
      assert.equal(outcome(SDK_CARD, amount), code);
      assert.equal(outcome(PLAIN_VISA, amount), code);
      assert.equal((await new SimulatorAcquirer().authorize(acquirerRequest(PLAIN_VISA, amount))).code, code);
    });
  }

  it('gives 00000 for every other 333.xx amount', () => {
    const listed = new Set(table.map(([amount]) => amount));
    for (let amount = 33300; amount <= 33399; amount++) {
      if (!listed.has(amount)) assert.equal(outcome(SDK_CARD, amount), '00000', String(amount));
    }
  });

  const others: [amount: number, currency: number][] = [[33305, 840], [33305, 826], [3330500, 978], [3330, 978], [333, 978], [0, 978]];
  for (const [amount, currency] of others) {
    it(`has no effect on ${amount} in currency ${currency}`, () => assert.equal(outcome(SDK_CARD, amount, { currency }), '00000'));
  }
});

describe('card-number simulator (payline-api.md §8.2)', () => {
  it('builds the reference examples', () => {
    assert.equal(simulatorPan('01206'), '4970103469012066');
    assert.equal(simulatorPan('01108'), '4970103469011084');
    assert.equal(simulatorPan('01100'), '4970103469011001');
    assert.equal(simulatorPan('01116'), '4970103469011167');
  });

  const cases: [bin: string, code: string][] = [
    ['497010346', '01206'], ['497010346', '01108'], ['497010346', '01100'], ['497010346', '01116'],
    ['497010346', '01101'], ['497010346', '01111'], ['497010346', '01208'], ['497010346', '01209'],
    ['497010346', '01913'], ['497010346', '01940'], ['411111111', '01202'], ['555555555', '01130'],
    ['222300312', '01183'],
  ];
  for (const [bin, code] of cases) {
    const pan = simulatorPan(code, bin);
    it(`${pan} → ${code}`, async () => {
      assert.equal(outcome(pan), code);
      assert.equal((await new SimulatorAcquirer().authorize(acquirerRequest(pan, 1000))).code, code);
    });
  }

  const inert: [pan: string, why: string][] = [
    [simulatorPan('01999'), 'not a known code'],
    [simulatorPan('12345'), 'not a code'],
    [simulatorPan('00000'), 'accepted is not simulated'],
    [simulatorPan('02614'), 'not a 01xxx code'],
    [simulatorPan('03003'), 'not a 01xxx code'],
    [withLuhn('497010346801206'), '10th digit 8'],
    [withLuhn('601100000901206'), 'Discover'],
    [withLuhn('356600202901206'), 'JCB'],
    [withLuhn('497010346901206000'), '19 digits'],
  ];
  for (const [pan, why] of inert) {
    it(`${pan} has no effect (${why})`, () => {
      assert.ok(isLuhnValid(pan) && brandOfPan(pan) !== undefined, 'a valid card');
      assert.equal(outcome(pan), '00000');
    });
  }
});

describe('precedence of the rules', () => {
  const lost = '4970110000012083';
  const cases: [why: string, request: Partial<OutcomeRequest> & { pan: string }, code: string][] = [
    ['bad Luhn beats an expired date and the amount', { pan: '4970101122334456', expirationDate: '0120', amount: 33305 }, '01111'],
    ['a Luhn-valid number of no brand is invalid', { pan: '1234567812345670' }, '01111'],
    ['a brand with a wrong length is invalid', { pan: '3782822463100052' }, '01111'],
    ['an empty PAN is invalid', { pan: '' }, '01111'],
    ['expiry beats a test card', { pan: lost, expirationDate: '0120' }, '01101'],
    ['expiry beats the card-number simulator', { pan: simulatorPan('01206'), expirationDate: '1225' }, '01101'],
    ['expiry beats the amount', { pan: SDK_CARD, expirationDate: '1225', amount: 33341 }, '01101'],
    ['an unreadable expiry counts as expired', { pan: SDK_CARD, expirationDate: '1355' }, '01101'],
    ['the expired test card is refused whatever the date', { pan: '4970110000011010', expirationDate: '1255' }, '01101'],
    ['a refusing test card beats the amount', { pan: lost, amount: 33305 }, '01208'],
    ['the card-number simulator beats the amount', { pan: simulatorPan('01206'), amount: 33305 }, '01206'],
    ['an accepted test card lets the amount decide', { pan: SDK_CARD, amount: 33305 }, '01100'],
    ['an inert card number lets the amount decide', { pan: simulatorPan('12345'), amount: 33341 }, '01208'],
    ['the current month is not expired', { pan: SDK_CARD, expirationDate: '0126' }, '00000'],
  ];
  for (const [why, request, code] of cases) {
    it(`${why} → ${code}`, () => assert.equal(outcome(request.pan, request.amount, request), code));
  }

  it('uses Luhn-valid numbers for the no-brand and wrong-length cases', () => {
    for (const pan of ['1234567812345670', '3782822463100052']) assert.ok(isLuhnValid(pan), pan);
  });
});

describe('SimulatorAcquirer operations', () => {
  it('debit follows the authorization rules and echoes the number only when accepted', async () => {
    const acquirer = new SimulatorAcquirer();
    const debit = (amount: number) => acquirer.debit({ ...acquirerRequest(SDK_CARD, amount), authorizationNumber: 'XYZ123' });
    assert.deepEqual(await debit(1000), { code: '00000', authorizationNumber: 'XYZ123' });
    assert.deepEqual(await debit(33305), { code: '01100' });
  });

  const credits: [pan: string, amount: number, code: string][] = [
    [SDK_CARD, 33305, '00000'],
    [SDK_CARD, 33341, '00000'],
    ['4970110000012083', 1000, '01208'],
    [simulatorPan('01206'), 1000, '01206'],
    ['4970101122334456', 1000, '01111'],
  ];
  for (const [pan, amount, code] of credits) {
    it(`credit ignores the amount but checks the card: ${pan}, ${amount} → ${code}`, async () => {
      const answer = await new SimulatorAcquirer().credit(acquirerRequest(pan, amount, 'credit-1'));
      assert.deepEqual(answer, code === '00000' ? { code, authorizationNumber: authorizationNumber('credit-1') } : { code });
      assert.equal(cardOutcome({ pan, expirationDate: '1255', now: NOW }), code);
    });
  }

  it('gives the authorization number derived from the transaction id', async () => {
    const answer = await new SimulatorAcquirer().authorize(acquirerRequest(SDK_CARD, 1000, 'tx-42'));
    assert.deepEqual(answer, { code: '00000', authorizationNumber: authorizationNumber('tx-42') });
  });
});

describe('latency', () => {
  it('answers without a timer by default', async () => {
    const acquirer = new SimulatorAcquirer();
    const first = await Promise.race([
      acquirer.authorize(acquirerRequest(SDK_CARD, 1000)).then(() => 'answer'),
      new Promise((resolve) => setImmediate(() => resolve('immediate'))),
    ]);
    assert.equal(first, 'answer');
  });

  it('waits latencyMs before answering', async () => {
    const latencyMs = 25;
    const acquirer = new SimulatorAcquirer({ latencyMs });
    for (const call of [
      () => acquirer.authorize(acquirerRequest(SDK_CARD, 1000)),
      () => acquirer.debit({ ...acquirerRequest(SDK_CARD, 1000), authorizationNumber: 'A' }),
      () => acquirer.credit(acquirerRequest(SDK_CARD, 1000)),
    ]) {
      const start = performance.now();
      assert.equal((await call()).code, '00000');
      const elapsed = performance.now() - start;
      // Timers count whole milliseconds: allow the rounding, nothing more.
      assert.ok(elapsed >= latencyMs - 1, `waited ${elapsed} ms`);
      assert.ok(elapsed < latencyMs + 5000, `waited ${elapsed} ms`);
    }
  });

  for (const latencyMs of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`refuses latencyMs ${latencyMs}`, () => assert.throws(() => new SimulatorAcquirer({ latencyMs }), RangeError));
  }
});

describe('determinism', () => {
  it('gives the same answer to the same request, from any instance', async () => {
    for (const pan of [SDK_CARD, '4970110000012083', simulatorPan('01206'), PLAIN_VISA]) {
      for (const amount of [1000, 33305, 33341]) {
        const request = acquirerRequest(pan, amount, `tx-${pan}-${amount}`);
        const answers = [
          await new SimulatorAcquirer().authorize(request),
          await new SimulatorAcquirer().authorize(request),
          await new SimulatorAcquirer({ latencyMs: 1 }).authorize(request),
        ];
        assert.deepEqual(answers[1], answers[0]);
        assert.deepEqual(answers[2], answers[0]);
      }
    }
  });

  it('derives 6-character alphanumeric authorization numbers, stable per id', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `tx-${i}`).concat(['', 'é', '0'.repeat(1000)]);
    const numbers = ids.map(authorizationNumber);
    for (const number of numbers) assert.match(number, /^[0-9A-Z]{6}$/);
    assert.deepEqual(ids.map(authorizationNumber), numbers);
    assert.equal(new Set(numbers).size, numbers.length);
  });
});
