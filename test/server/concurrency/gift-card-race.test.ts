import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { startRedis, type RedisProcess } from '../support/redis-process.js';
import { addGiftCard, confirmGiftCards, GIFT, giftCardBalance, openGiftSession } from '../support/gift-card-calls.js';
import { pay } from '../support/widget-calls.js';

/**
 * 100 shoppers drain the same gift card (100.00 EUR) at once, each for a 7.00 EUR order, over
 * HTTP: the reservations never sum past the balance — 14 orders fully covered, one partly (2.00),
 * 85 refused (02998 empty) — and once paid the card is at zero, on memory and on Redis, where two
 * gateways share the store as two processes would.
 */
const SESSIONS = 100;
const ORDER = 700;
const BALANCE = 10_000;

async function race(gateways: TestGateway[]): Promise<void> {
  const tokens = await Promise.all(Array.from({ length: SESSIONS }, (_, i) => openGiftSession(gateways[i % gateways.length]!, ORDER)));
  const added = await Promise.all(tokens.map((token, i) => addGiftCard(gateways[i % gateways.length]!, token, GIFT.g100)));
  const reserved = added.filter((a) => a.result.code === '00000');
  const refused = added.filter((a) => a.result.code !== '00000');
  assert.equal(reserved.reduce((sum, a) => sum + a.giftCard.amount, 0), BALANCE);
  assert.deepEqual(reserved.map((a) => a.giftCard.amount).sort((a, b) => a - b), [200, ...Array(14).fill(ORDER)]);
  assert.equal(refused.length, SESSIONS - 15);
  for (const r of refused) assert.deepEqual([r.result.code, r.result.reason], ['02998', 'empty']);

  // Every covered order confirms at once; the partly covered one pays the rest by card.
  const finishing = added.map((a, i) => {
    if (a.result.code !== '00000') return undefined;
    const gw = gateways[i % gateways.length]!;
    return a.session.giftCards.amountLeft === 0 ? confirmGiftCards(gw, tokens[i]!) : pay(gw, tokens[i]!, { card: { number: '4111111111111111', expirationDate: '1255', cvx: '123' } });
  });
  const finished = (await Promise.all(finishing)).filter((f) => f !== undefined);
  assert.deepEqual(finished.map((f) => f.result.code), Array(15).fill('00000'));
  assert.equal(await giftCardBalance(gateways[0]!, GIFT.g100), 0);
  const account = await gateways[0]!.gateway.store.getRecord('gift-card-account', 'processor:gift-card', GIFT.g100.number);
  assert.deepEqual([account!.data.balance, Object.keys(account!.data.reservations as object).length], [0, 0]);
}

describe('100 concurrent sessions on one gift card', () => {
  it('never overdraw it on the memory store', async (t) => {
    const gw = await startTestGateway();
    t.after(() => gw.close());
    await race([gw]);
  });

  describe('on Redis, through two gateways', () => {
    let redis: RedisProcess;
    before(async () => (redis = await startRedis()));
    after(() => redis.stop());

    it('never overdraw it', async (t) => {
      const admin = new Redis(redis.url);
      await admin.flushall();
      await admin.quit();
      const first = await startTestGateway({ REDIS_URL: redis.url });
      const second = await startTestGateway({ REDIS_URL: redis.url });
      t.after(() => Promise.all([first.close(), second.close()]));
      assert.equal(first.gateway.store.name, 'redis');
      await race([first, second]);
    });
  });
});
