import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { ManualClock } from '../../../server/core/clock.js';
import type { GiftCardProcessorContract } from '../../../server/connectors/gift-card.js';
import { GIFT_CARD_SCOPE, RESERVATION_EXPIRY_JOB, SimulatorGiftCardProcessor } from '../../../server/connectors/simulator/gift-card/simulator-gift-cards.js';
import { TEST_GIFT_CARDS } from '../../../server/connectors/simulator/gift-card/test-gift-cards.js';
import { MemoryStore } from '../../../server/store/memory/memory-store.js';
import { RedisStore } from '../../../server/store/redis/redis-store.js';
import type { Store } from '../../../server/store/store.js';
import { startRedis, type RedisProcess } from '../support/redis-process.js';

/**
 * The simulated gift-card processor on each store backend: refusals by card, reserve up to the
 * balance, capture and release (idempotent), reservations that lapse at their time and are
 * freed for good by their job.
 */
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const CONTRACT: GiftCardProcessorContract = { processorContractNumber: 'CCC-1', contractType: 'food', acceptsDiscounted: false };
const card = (number: string) => {
  const test = TEST_GIFT_CARDS.find((c) => c.number === number)!;
  return { number, code: test.code };
};
const G50 = card('6035010000000000002');

function processorSuite(name: string, makeStore: (clock: ManualClock) => Promise<Store>) {
  describe(`simulated gift-card processor on ${name}`, () => {
    async function setUp() {
      const clock = new ManualClock(T0);
      const store = await makeStore(clock);
      return { clock, store, processor: new SimulatorGiftCardProcessor(store, clock) };
    }
    const reserve = (p: SimulatorGiftCardProcessor, clock: ManualClock, reservationId: string, upTo: number, contract = CONTRACT, c = G50) =>
      p.reserve({ contract, card: c, currency: 978, upTo, reservationId, expiresAt: clock.now() + 60_000, now: clock.now() });

    it('refuses by card: unknown, wrong code, expired, blocked, empty, discounted unless the contract accepts them', async () => {
      const { clock, store, processor } = await setUp();
      const cases: Array<[{ number: string; code: string }, string]> = [
        [{ number: '6035010000000000099', code: '1111' }, 'unknown-card'],
        [{ number: G50.number, code: '0000' }, 'wrong-code'],
        [card('6035010000000000006'), 'expired'],
        [card('6035010000000000007'), 'blocked'],
        [card('6035010000000000008'), 'empty'],
        [card('6035010000000000005'), 'discounted-not-accepted'],
      ];
      for (const [c, reason] of cases) assert.deepEqual(await reserve(processor, clock, `r-${reason}`, 1000, CONTRACT, c), { ok: false, reason });
      const discounted = await reserve(processor, clock, 'r-disc', 1000, { ...CONTRACT, acceptsDiscounted: true }, card('6035010000000000005'));
      assert.deepEqual(discounted, { ok: true, amount: 1000, balance: 10_000 });
      await store.close();
    });

    it('reserves up to the available balance; capture debits once; release gives back', async () => {
      const { clock, store, processor } = await setUp();
      assert.deepEqual(await reserve(processor, clock, 'a', 3000), { ok: true, amount: 3000, balance: 5000 });
      assert.deepEqual(await reserve(processor, clock, 'a', 3000), { ok: true, amount: 3000, balance: 5000 }, 'the same id twice changes nothing');
      assert.deepEqual(await reserve(processor, clock, 'b', 3000), { ok: true, amount: 2000, balance: 2000 });
      assert.deepEqual(await reserve(processor, clock, 'c', 3000), { ok: false, reason: 'empty' });
      const now = clock.now();
      assert.deepEqual(await processor.capture({ number: G50.number, reservationId: 'a', now }), { ok: true, amount: 3000, balance: 2000 });
      assert.deepEqual(await processor.capture({ number: G50.number, reservationId: 'a', now }), { ok: true, amount: 3000, balance: 2000 });
      await processor.release({ number: G50.number, reservationId: 'b', now });
      await processor.release({ number: G50.number, reservationId: 'b', now });
      assert.deepEqual(await processor.capture({ number: G50.number, reservationId: 'b', now }), { ok: false, reason: 'unknown-reservation' });
      assert.deepEqual(await processor.balance({ contract: CONTRACT, card: G50, currency: 978, now }), { ok: true, balance: 2000 });
      await store.close();
    });

    it('a lapsed reservation keeps nothing as soon as its time has passed, and its job deletes it', async () => {
      const { clock, store, processor } = await setUp();
      assert.equal((await reserve(processor, clock, 'lapsing', 5000)).ok, true);
      assert.deepEqual(await processor.balance({ contract: CONTRACT, card: G50, currency: 978, now: clock.now() }), { ok: true, balance: 0 });
      clock.advance(60_000);
      assert.deepEqual(await processor.balance({ contract: CONTRACT, card: G50, currency: 978, now: clock.now() }), { ok: true, balance: 5000 });
      assert.deepEqual(await processor.capture({ number: G50.number, reservationId: 'lapsing', now: clock.now() }), { ok: false, reason: 'unknown-reservation' });
      const jobs = await store.leaseDueJobs(clock.now(), 10, 1000);
      assert.deepEqual(jobs.map((j) => j.type), [RESERVATION_EXPIRY_JOB]);
      await processor.runExpiryJob(jobs[0]!);
      const account = await store.getRecord('gift-card-account', GIFT_CARD_SCOPE, G50.number);
      assert.deepEqual(account!.data.reservations, {});
      assert.deepEqual(await store.leaseDueJobs(clock.now() + 120_000, 10, 1000), []);
      await store.close();
    });

    it('a captured reservation has no expiry job left', async () => {
      const { clock, store, processor } = await setUp();
      await reserve(processor, clock, 'kept', 1000);
      await processor.capture({ number: G50.number, reservationId: 'kept', now: clock.now() });
      assert.deepEqual(await store.leaseDueJobs(clock.now() + 120_000, 10, 1000), []);
      await store.close();
    });
  });
}

processorSuite('memory', async (clock) => new MemoryStore({ clock }));

describe('on redis', () => {
  let redis: RedisProcess;
  before(async () => (redis = await startRedis()));
  after(() => redis.stop());
  processorSuite('redis', async (clock) => {
    const admin = new Redis(redis.url);
    await admin.flushall();
    await admin.quit();
    return new RedisStore({ url: redis.url, clock });
  });
});
