import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, card, masked } from '../support/requests.js';
import { assertCode, details, simulatorPan } from '../support/api-helpers.js';
import { luhnCheckDigit } from '../../../server/core/luhn.js';

/**
 * Payline's homologation simulators through doAuthorization over HTTP: every row of the amount
 * simulator (payline-api.md §8.1) and the card-number rule (§8.2), as docs/test-cards.md tells.
 */
const AMOUNT_TABLE: ReadonlyArray<readonly [amount: number, code: string]> = [
  [33300, '00000'], [33308, '00000'], [33305, '01100'], [33360, '01103'], [33302, '01108'],
  [33303, '01109'], [33313, '01110'], [33314, '01111'], [33351, '01116'], [33355, '01117'],
  [33356, '01118'], [33357, '01119'], [33358, '01120'], [33361, '01121'], [33363, '01122'],
  [33316, '01131'], [33331, '01199'], [33304, '01200'], [33333, '01201'], [33354, '01201'],
  [33334, '01202'], [33338, '01206'], [33307, '01207'], [33341, '01208'], [33343, '01209'],
  [33312, '01902'], [33330, '01904'], [33391, '01907'], [33396, '01909'], [33315, '01912'],
  [33394, '01913'],
];
/** The 01xxx codes whose shortMessage is ERROR rather than REFUSED (payline-api.md §5.3). */
const ERROR_CODES = new Set(['01109', '01110', '01199', '01902', '01904', '01907', '01909', '01912', '01913']);
const shortMessageOf = (code: string) => (code === '00000' ? 'ACCEPTED' : ERROR_CODES.has(code) ? 'ERROR' : 'REFUSED');

describe('amount simulator', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  for (const [amount, code] of AMOUNT_TABLE) {
    it(`${(amount / 100).toFixed(2)} EUR → ${code}`, async () => {
      const answer = await gw.call('doAuthorization', authorizationRequest(amount));
      assertCode(answer, code, shortMessageOf(code));
      assert.match(answer.transaction.id, /^1\d{17}$/);
      assert.equal(answer.authorization?.authorizedAmount, code === '00000' ? amount : undefined);
      assertCode(await details(gw, answer.transaction.id), code);
    });
  }

  it('answers 00000 to other 333.xx amounts and to any other amount', async () => {
    for (const amount of [33301, 33399, 33400, 333, 3330000, 1]) {
      assertCode(await gw.call('doAuthorization', authorizationRequest(amount)), '00000');
    }
  });

  it('applies to the accepted test cards of every brand', async () => {
    assertCode(await gw.call('doAuthorization', authorizationRequest(33305, { contractNumber: 'AMEX', card: card('378282246310005', 'AMEX') })), '01100');
    assertCode(await gw.call('doAuthorization', authorizationRequest(33341, { card: card('5555555555554444', 'MASTERCARD') })), '01208');
  });
});

describe('card-number simulator', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('builds the documented PANs with the Luhn digit', () => {
    assert.equal(simulatorPan('01206'), '4970103469012066');
    assert.equal(simulatorPan('01108'), '4970103469011084');
    assert.equal(simulatorPan('01100'), '4970103469011001');
    assert.equal(simulatorPan('01116'), '4970103469011167');
  });

  const codes = [...new Set(AMOUNT_TABLE.map(([, code]) => code).filter((code) => code !== '00000')), '01101'];
  for (const code of codes) {
    it(`answers ${code} to a CB card with ${code} in digits 11–15, whatever the amount`, async () => {
      const pan = simulatorPan(code);
      const answer = await gw.call('doAuthorization', authorizationRequest(1000, { card: card(pan) }));
      assertCode(answer, code, shortMessageOf(code));
      assert.equal(answer.card.number, masked(pan));
    });
  }

  it('works on Visa and Mastercard numbers too, and wins over the amount simulator', async () => {
    assertCode(await gw.call('doAuthorization', authorizationRequest(1000, { card: card(simulatorPan('01209', '411111111'), 'VISA') })), '01209');
    assertCode(await gw.call('doAuthorization', authorizationRequest(1000, { card: card(simulatorPan('01120', '513210000'), 'MASTERCARD') })), '01120');
    assertCode(await gw.call('doAuthorization', authorizationRequest(33305, { card: card(simulatorPan('01206')) })), '01206');
  });

  it('ignores five digits that are not a 01xxx code, a 10th digit other than 9, and other brands', async () => {
    for (const digits of ['12345', '00000', '02614', '01999']) {
      assertCode(await gw.call('doAuthorization', authorizationRequest(1000, { card: card(simulatorPan(digits)) })), '00000');
    }
    const tenthNotNine = '497010346' + '8' + '01206';
    assertCode(await gw.call('doAuthorization', authorizationRequest(1000, { card: card(tenthNotNine + luhnCheckDigit(tenthNotNine)) })), '00000');
    // A 16-digit JCB number with 9 as 10th digit and 01100 after it: not the simulator (CB, Visa, Mastercard only).
    const jcb = simulatorPan('01100', '356600202');
    assertCode(await gw.call('doAuthorization', authorizationRequest(1000, { contractNumber: 'JCB', card: card(jcb, 'JCB') })), '00000');
  });
});
