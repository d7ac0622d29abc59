import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SANDBOX_AUTH, startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { addGiftCard, confirmGiftCards, GIFT, openGiftSession } from '../support/gift-card-calls.js';

/** `/sandbox/gift-cards`: the test gift cards' balances as they stand, and their reset. */
describe('/sandbox/gift-cards', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  const list = async (path = '/sandbox/gift-cards', method = 'GET') => {
    const response = await gw.fetch(path, { method, headers: { authorization: SANDBOX_AUTH } });
    assert.equal(response.status, 200);
    return ((await response.json()) as any).giftCards as any[];
  };
  const card = (cards: any[], number: string) => cards.find((c) => c.number === number);

  it('needs the merchant credentials', async () => {
    assert.equal((await gw.fetch('/sandbox/gift-cards')).status, 401);
    assert.equal((await gw.fetch('/sandbox/gift-cards/reset', { method: 'POST' })).status, 401);
  });

  it('lists every test card with its starting balance and flags', async () => {
    const cards = await list();
    assert.equal(cards.length, 11);
    assert.deepEqual(card(cards, GIFT.discounted.number), {
      number: GIFT.discounted.number,
      code: GIFT.discounted.code,
      startingBalance: 10000,
      balance: 10000,
      reserved: 0,
      available: 10000,
      currency: 978,
      discounted: true,
      expired: false,
      blocked: false,
      label: 'discounted card, 100.00 EUR',
    });
  });

  it('shows reservations and spending, and the reset restores the starting balances', async () => {
    const token = await openGiftSession(gw, 1200);
    assert.equal((await addGiftCard(gw, token, GIFT.g50)).result.code, '00000');
    const reserved = card(await list(), GIFT.g50.number);
    assert.deepEqual([reserved.balance, reserved.reserved, reserved.available], [5000, 1200, 3800]);
    assert.equal((await confirmGiftCards(gw, token)).result.code, '00000');
    const spent = card(await list(), GIFT.g50.number);
    assert.deepEqual([spent.balance, spent.reserved, spent.available], [3800, 0, 3800]);
    const reset = card(await list('/sandbox/gift-cards/reset', 'POST'), GIFT.g50.number);
    assert.deepEqual([reset.balance, reset.available], [5000, 5000]);
  });
});
