import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startReceiver, type Receiver } from '../notify/support/receiver.js';
import { awaitEveryWebhook, listAllEvents } from './support/event-check.js';
import { checkGiftCardsAfterLoad, runGiftCardLoad, settleSessions } from './support/gift-card-load.js';
import { checkPaymentsAfterLoad, runPaymentLoad } from './support/payment-load.js';
import { startTwoGateways, type TwoGateways } from './support/two-gateways.js';

/*
 * A gateway process dies (`kill -9`) under a steady load spread over two processes, and is
 * started again. Nothing it acknowledged is lost, the ledgers hold, and the events it had taken
 * from the outbox or begun to deliver are taken over by the other process once their lease ends
 * (GUICHET_LEASE_SECONDS=2 here, 60 by default), so every committed event reaches the receiver.
 */

const LEASE_SECONDS = 2;

describe('a gateway process killed under load', () => {
  let g: TwoGateways;
  let receiver: Receiver;
  before(async () => {
    g = await startTwoGateways({ env: { GUICHET_LEASE_SECONDS: String(LEASE_SECONDS), LOG_LEVEL: 'warn' } });
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver?.close();
    await g?.close();
  });

  it('loses nothing it acknowledged, and its events reach the receiver through the other', async (t) => {
    const types = (await g.b.api('GET', '/api/event-types')).body.eventTypes.map((t: { type: string }) => t.type);
    assert.equal((await g.b.api('POST', '/api/webhook-endpoints', { url: receiver.url, eventTypes: types })).status, 201);

    const load = runPaymentLoad({ gateways: g.both, workers: 8, durationMs: 6000 });
    const giftLoad = runGiftCardLoad({ gateways: g.both, workers: 4, durationMs: 6000 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const killedAt = Date.now();
    await g.a.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await g.a.restart();
    const restartedAt = Date.now();
    const [answers, giftSessions] = await Promise.all([load, giftLoad]);

    const onA = answers.filter((a) => a.gateway === 'A');
    assert.ok(onA.some((a) => a.at > killedAt && a.at < restartedAt && a.outcome === 'failed'), 'requests to A failed while it was down');
    assert.ok(onA.some((a) => a.at > restartedAt && a.outcome === 'accepted'), 'A took payments again once restarted');
    assert.ok(answers.filter((a) => a.op === 'doAuthorization' && a.outcome === 'accepted').length >= 20, 'a real load');
    // Every payment stored, those whose answer was lost with A included (found through their events).
    const events = await listAllEvents(g.b);
    const { payments } = await checkPaymentsAfterLoad(g.b, answers, new Set(events.flatMap((e) => (typeof e.data.paymentId === 'string' ? [e.data.paymentId] : []))));
    assert.ok(payments >= 20);

    // No gift card overdrawn: what each lost is what the paid orders took from it, give or take what the crash cut.
    const gifts = await checkGiftCardsAfterLoad(g.b, giftSessions);
    assert.ok(gifts.paid >= 5, `${gifts.paid} orders paid with gift cards`);
    // Once the shoppers confirm or pay again what got no answer and cancel the rest: only what the cut sessions hold is left.
    await settleSessions(g.a, giftSessions, gifts.unpaid);
    const released = await checkGiftCardsAfterLoad(g.b, giftSessions, { settled: true });
    assert.ok(released.paid >= gifts.paid);

    // Every committed event, those A took or began before it died included, reaches the receiver.
    assert.ok(events.length >= payments, `${events.length} events`);
    const { duplicates } = await awaitEveryWebhook(receiver, events.map((e) => e.id), 30_000);
    const failed = answers.filter((a) => a.outcome === 'failed').length;
    t.diagnostic(`${answers.length} requests (${failed} without a clear answer), ${payments} payments, ${events.length} events, ${duplicates} delivered more than once`);
    const giftFailed = giftSessions.filter((s) => s.outcome === 'failed').length;
    t.diagnostic(`${giftSessions.length} gift-card sessions (${giftFailed} without a clear answer), ${gifts.paid} paid; per card spent/reserved at once: ${gifts.cards.map((c) => `${c.number.slice(-2)} ${c.spent}/${c.reserved}`).join(', ')}; once settled ${released.paid} paid, ${released.cards.reduce((sum, c) => sum + c.reserved, 0)} reserved`);
  });
});
