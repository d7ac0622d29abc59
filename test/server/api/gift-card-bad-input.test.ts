import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { assertCode, expectCode } from '../support/api-helpers.js';
import { webPaymentRequest } from '../support/requests.js';
import { addGiftCard, confirmGiftCards, GIFT, giftCardBalance, openGiftSession, removeGiftCard, sessionView } from '../support/gift-card-calls.js';
import { cancel, pay } from '../support/widget-calls.js';

/**
 * What bad gift-card input gets (docs/WIDGET-PROTOCOL.md): each refusal its code and `reason`,
 * the session unchanged and nothing reserved; the per-basket maximum (02610) and the card limit.
 */
describe('gift cards: bad input', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const refusals: Array<[name: string, body: unknown, code: string, reason: string]> = [
    ['an unknown card', { number: '6035010000000000099', code: '1111' }, '02998', 'unknown-card'],
    ['a wrong secret code', { ...GIFT.g50, code: '0000' }, '02998', 'wrong-code'],
    ['an expired card', GIFT.expired, '02998', 'expired'],
    ['a blocked card', GIFT.blocked, '02998', 'blocked'],
    ['a card with a zero balance', GIFT.empty, '02998', 'empty'],
    ['a discounted card on a contract that does not accept them', GIFT.discounted, '02998', 'discounted-not-accepted'],
    ['a number with letters', { number: '60350100000000000AB', code: '1111' }, '02305', 'invalid-number'],
    ['a number too short', { number: '603501', code: '1111' }, '02305', 'invalid-number'],
    ['no number', { code: '1111' }, '02305', 'invalid-number'],
    ['a number given as a JSON number', { number: 6035010000000000002, code: '2222' }, '02305', 'invalid-number'],
    ['a code too short', { number: GIFT.g50.number, code: '12' }, '02305', 'invalid-code'],
    ['a code with spaces', { number: GIFT.g50.number, code: '22 22' }, '02305', 'invalid-code'],
    ['no body', undefined, '02305', 'invalid-number'],
  ];
  for (const [name, body, code, reason] of refusals) {
    it(`refuses ${name}: ${code} ${reason}, nothing reserved`, async () => {
      const token = await openGiftSession(gw, 4000);
      const before = await sessionView(gw, token);
      const answer = await addGiftCard(gw, token, body);
      assertCode(answer, code);
      assert.equal(answer.result.reason, reason);
      assert.equal(answer.giftCard, undefined);
      assert.deepEqual(answer.session, before);
      if (reason.startsWith('invalid-')) assert.match(answer.result.longMessage, reason === 'invalid-number' ? /^number / : /^code /);
      if (code === '02998') assert.deepEqual([answer.result.shortMessage, answer.result.longMessage], ['REFUSED', 'Transaction refused']);
    });
  }

  it('the refused cards kept their balance', async () => {
    assert.equal(await giftCardBalance(gw, GIFT.g50), 5000);
  });

  it('refuses the same card twice (02305 already-entered), keeping the first entry', async () => {
    const token = await openGiftSession(gw, 9000);
    assertCode(await addGiftCard(gw, token, GIFT.g30), '00000');
    const again = await addGiftCard(gw, token, GIFT.g30);
    assertCode(again, '02305');
    assert.equal(again.result.reason, 'already-entered');
    assert.equal(again.session.giftCards.entries.length, 1);
    assert.equal(again.session.giftCards.amountLeft, 6000);
    await cancel(gw, token);
  });

  it('refuses a card once the cards pay everything (02305 nothing-left)', async () => {
    const token = await openGiftSession(gw, 2000);
    assertCode(await addGiftCard(gw, token, GIFT.g50), '00000');
    const more = await addGiftCard(gw, token, GIFT.g30);
    assertCode(more, '02305');
    assert.equal(more.result.reason, 'nothing-left');
    assert.equal(await giftCardBalance(gw, GIFT.g30), 3000);
    // A card payment is refused too: the cards are confirmed instead.
    const paid = await pay(gw, token, { card: { number: '4111111111111111', expirationDate: '1255', cvx: '123' } });
    assertCode(paid, '02305');
    await cancel(gw, token);
  });

  it('caps a card at the per-basket maximum (1000.00 EUR), then refuses more (02610 max-amount); the card pays the rest', async () => {
    const token = await openGiftSession(gw, 150_000);
    const capped = await addGiftCard(gw, token, GIFT.g1500);
    assertCode(capped, '00000');
    assert.deepEqual([capped.giftCard.amount, capped.giftCard.capped, capped.giftCard.initialBalance], [100_000, true, 150_000]);
    assert.deepEqual([capped.session.giftCards.coveredAmount, capped.session.giftCards.amountLeft], [100_000, 50_000]);
    const beyond = await addGiftCard(gw, token, GIFT.g30);
    assertCode(beyond, '02610', 'REFUSED');
    assert.deepEqual([beyond.result.reason, beyond.result.longMessage], ['max-amount', 'The max amount is exceeded']);
    assert.equal(await giftCardBalance(gw, GIFT.g30), 3000);
    const paid = await pay(gw, token, { card: { number: '4111111111111111', expirationDate: '1255', cvx: '123' } });
    assertCode(paid, '00000');
    assert.equal(paid.session.complement.amount, 50_000);
    assert.equal(await giftCardBalance(gw, GIFT.g1500), 50_000);
  });

  it(`refuses a sixth card (02610 max-cards)`, async () => {
    const fresh = await startTestGateway();
    try {
      const token = await openGiftSession(fresh, 90_000);
      for (const c of [GIFT.g30, GIFT.g50, GIFT.g200, GIFT.g100, GIFT.g20]) assertCode(await addGiftCard(fresh, token, c), '00000');
      const sixth = await addGiftCard(fresh, token, GIFT.g10);
      assertCode(sixth, '02610');
      assert.equal(sixth.result.reason, 'max-cards');
      assert.deepEqual([sixth.session.giftCards.entries.length, sixth.session.giftCards.amountLeft], [5, 50_000]);
      assert.equal(await giftCardBalance(fresh, GIFT.g10), 1000);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a removed id twice (02305 unknown-entry), and confirm with an amount left (02305 amount-left)', async () => {
    const token = await openGiftSession(gw, 9000);
    const added = await addGiftCard(gw, token, GIFT.g30);
    const removed = await removeGiftCard(gw, token, added.giftCard.id);
    assertCode(removed, '00000');
    assert.deepEqual(removed.session.giftCards.entries, []);
    assert.equal(await giftCardBalance(gw, GIFT.g30), 3000);
    const again = await removeGiftCard(gw, token, added.giftCard.id);
    assertCode(again, '02305');
    assert.equal(again.result.reason, 'unknown-entry');
    const confirmed = await confirmGiftCards(gw, token);
    assertCode(confirmed, '02305');
    assert.equal(confirmed.result.reason, 'amount-left');
    assert.equal(confirmed.session.state, 'WAITING');
  });

  it('refuses gift cards on a session without a gift-card contract (02303), and after the session ended', async () => {
    const token = (await expectCode(gw, 'doWebPayment', webPaymentRequest(3000), '00000')).token;
    assertCode(await addGiftCard(gw, token, GIFT.g30), '02303');
    const open = await openGiftSession(gw, 3000);
    await cancel(gw, open);
    assertCode(await addGiftCard(gw, open, GIFT.g30), '02319');
    assert.equal(await giftCardBalance(gw, GIFT.g30), 3000);
  });

  it('answers 400 to a body that is not JSON, 413 to one over 8 kB', async () => {
    const token = await openGiftSession(gw, 3000);
    const post = (body: string) => gw.fetch(`/widget/sessions/${token}/gift-cards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal((await post('{"number":')).status, 400);
    assert.equal((await post(JSON.stringify({ number: '1'.repeat(9000), code: '1111' }))).status, 413);
    assert.deepEqual((await sessionView(gw, token)).giftCards.entries, []);
  });

  it('answers 404 02304 for an unknown token', async () => {
    const response = await gw.fetch('/widget/sessions/0123456789abcdef0123456789abcdef/gift-cards', { method: 'POST', body: JSON.stringify(GIFT.g30) });
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as any).result.code, '02304');
  });

  it('answers CORS preflights of the gift-card endpoints with DELETE allowed, for the merchant origins only', async () => {
    const token = await openGiftSession(gw, 3000);
    const preflight = await gw.fetch(`/widget/sessions/${token}/gift-cards/gc1`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'DELETE' } });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /DELETE/);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
  });
});
