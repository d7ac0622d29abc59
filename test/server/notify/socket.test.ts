import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { io as connect, type Socket } from 'socket.io-client';
import { SANDBOX_MERCHANT } from '../../../server/merchants/sandbox-merchant.js';
import type { LiveEvent, SessionState } from '../../../server/notify/socket-protocol.js';
import { completeChallenge, openChallenge } from '../support/acs-browser.js';
import { authorizationRequest, webPaymentRequest } from '../support/requests.js';
import { THREE_DS_CARDS } from '../support/widget-calls.js';
import { startNotifyTest, type NotifyTest } from './support/notify-harness.js';

/*
 * socket.io live events with real clients: the widget's payment room, the merchant room and its
 * three ways in, refusals, and catching up after a reconnection.
 */

interface Client {
  socket: Socket;
  events: LiveEvent[];
  states: SessionState[];
}

/** Resolves once `test()` holds, polling; fails after `ms`. */
async function until(test: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('socket.io live events', () => {
  let t: NotifyTest;
  const clients: Socket[] = [];

  before(async () => {
    t = await startNotifyTest({
      others: [{ ...SANDBOX_MERCHANT, merchantId: 'other-shop', name: 'Other', widgetOrigins: ['https://other.example'] }],
    });
  });
  after(async () => {
    for (const socket of clients) socket.disconnect();
    await t.close();
  });

  /** A connected client (or the refusal's message). */
  async function client(auth: Record<string, string>, extra: { origin?: string } = {}): Promise<Client> {
    const socket = connect(t.url, {
      auth,
      transports: ['websocket'],
      reconnectionDelay: 20,
      reconnectionDelayMax: 50,
      ...(extra.origin ? { extraHeaders: { origin: extra.origin } } : {}),
    });
    clients.push(socket);
    const c: Client = { socket, events: [], states: [] };
    socket.on('event', (event: LiveEvent) => c.events.push(event));
    socket.on('session-state', (state: SessionState) => c.states.push(state));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return c;
  }

  async function refusal(auth: Record<string, string>, extra: { origin?: string } = {}): Promise<string> {
    try {
      await client(auth, extra);
    } catch (error) {
      clients.at(-1)!.disconnect();
      return (error as Error).message;
    }
    throw new Error('connected');
  }

  it('gives the widget its session’s events and states, and nothing of other sessions', async () => {
    const mine = await t.webPayment(1000);
    const theirs = await t.webPayment(2000);
    const widget = await client({ token: mine });
    await until(() => widget.states.length === 1);
    assert.deepEqual({ ...widget.states[0], expiresAt: undefined }, { token: mine, state: 'WAITING', code: '02306', attempts: 0, attemptsLeft: 3, expiresAt: undefined });

    await t.pay(theirs);
    const paid = await t.pay(mine);
    await t.settle();
    await until(() => widget.states.length === 2);
    assert.deepEqual(widget.events.map((e) => [e.type, e.data.token]), [['payment.accepted', mine]]);
    assert.equal(widget.events[0]!.data.transactionId, paid.transaction.id);
    assert.doesNotMatch(JSON.stringify(widget.events), /4970101122334455/);
    assert.deepEqual([widget.states[1]!.state, widget.states[1]!.code, widget.states[1]!.transactionId], ['ACCEPTED', '00000', paid.transaction.id]);
    assert.deepEqual(widget.states[1]!.ticket, { transaction: { id: paid.transaction.id, date: paid.transaction.date }, authorization: { number: paid.authorization.number, date: paid.authorization.date }, card: { number: paid.card.number, type: paid.card.type } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(widget.events.every((e) => e.data.token === mine));
  });

  it('says whether a refused attempt leaves another try', async () => {
    const token = await t.webPayment(33305);
    const widget = await client({ token });
    await t.pay(token);
    await t.settle();
    await until(() => widget.states.length === 2);
    assert.deepEqual([widget.states[1]!.state, widget.states[1]!.code, widget.states[1]!.attemptsLeft], ['WAITING', '01100', 2]);
  });

  it('tells the widget of a 3-D Secure challenge failed elsewhere (03003, payment.refused)', async () => {
    const token = await t.webPayment(1000);
    const widget = await client({ token });
    const answer = await t.pay(token, THREE_DS_CARDS.challengeFail);
    const acs = await openChallenge(answer.challenge.url);
    await completeChallenge(t, acs, 'authenticate');
    await t.settle();
    await until(() => widget.states.length === 2);
    assert.deepEqual(widget.events.map((e) => [e.type, e.data.token, e.data.code]), [['payment.refused', token, '03003']]);
    assert.deepEqual([widget.states[1]!.state, widget.states[1]!.code, widget.states[1]!.attemptsLeft], ['WAITING', '03003', 2]);
  });

  it('tells the widget of an attempt refused before any payment (an order paid through another session: 01913)', async () => {
    const order = { ref: `paid-twice-${Date.now()}`, amount: 1500, currency: 978, date: '02/03/2026 11:00' };
    const first = await t.webPayment(1500, { order });
    const second = await t.webPayment(1500, { order });
    assert.equal((await t.pay(first)).result.code, '00000');
    const widget = await client({ token: second });
    assert.equal((await t.pay(second)).result.code, '01913');
    await t.settle();
    await until(() => widget.events.length === 1);
    assert.deepEqual(widget.events.map((e) => [e.type, e.data.token, e.data.code]), [['payment.refused', second, '01913']]);
  });

  it('refuses a wrong token, wrong credentials or a foreign origin with one word', async () => {
    const token = await t.webPayment(1000);
    assert.equal(await refusal({ token: 'f'.repeat(32) }), 'unauthorized');
    assert.equal(await refusal({ token: 'not a token' }), 'unauthorized');
    assert.equal(await refusal({ merchantId: 'demo-merchant', accessKey: 'wrong' }), 'unauthorized');
    assert.equal(await refusal({ merchantId: 'nobody', accessKey: 'demo-access-key' }), 'unauthorized');
    assert.equal(await refusal({ merchantToken: 'forged.token' }), 'unauthorized');
    assert.equal(await refusal({}), 'unauthorized');
    const other = await t.api('POST', '/api/socket-tokens', undefined, 'Basic ' + Buffer.from('other-shop:demo-access-key').toString('base64'));
    assert.equal(other.status, 201);
    // A session of a merchant that allows only its own origin.
    const answer = (await t.fetch('/v4/doWebPayment', {
      method: 'POST',
      headers: { authorization: 'Basic ' + Buffer.from('other-shop:demo-access-key').toString('base64'), 'content-type': 'application/json' },
      body: JSON.stringify(webPaymentRequest(1000)),
    }).then((r) => r.json())) as { token: string };
    assert.equal(await refusal({ token: answer.token }, { origin: 'https://evil.example' }), 'unauthorized');
    await client({ token: answer.token }, { origin: 'https://other.example' });
    await client({ token }, { origin: 'https://anything.example' });
  });

  it('gives a merchant server (credentials) and browser (short-lived token) every event of the merchant only', async () => {
    const server = await client({ merchantId: 'demo-merchant', accessKey: 'demo-access-key' });
    const issued = await t.api('POST', '/api/socket-tokens');
    assert.equal(issued.status, 201);
    assert.equal(Date.parse(issued.body.expiresAt), t.clock.now() + 5 * 60_000);
    const browser = await client({ merchantToken: issued.body.token });

    const auth = await t.call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    await t.gateway.store.commit({ events: [{ id: 'evt_other_1', type: 'payment.accepted', merchantId: 'other-shop', occurredAt: t.clock.now(), data: { transactionId: 'X' } }] });
    await t.settle();
    for (const c of [server, browser]) {
      await until(() => c.events.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.deepEqual(c.events.map((e) => [e.type, e.data.transactionId]), [['payment.accepted', auth.transaction.id]]);
    }

    t.clock.advance(5 * 60_000);
    assert.equal(await refusal({ merchantToken: issued.body.token }), 'unauthorized', 'an expired token is refused');
  });

  it('catches up after a reconnection: missed events by recovery, the state on a new connection', async () => {
    const token = await t.webPayment(1000);
    const widget = await client({ token });
    await until(() => widget.states.length === 1);
    const dropped = new Promise((resolve) => widget.socket.once('disconnect', resolve));
    widget.socket.io.engine.close(); // the network drops; the client reconnects on its own
    await dropped;
    await t.pay(token);
    await t.settle();
    await new Promise<void>((resolve) => widget.socket.once('connect', () => resolve()));
    assert.equal(widget.socket.recovered, true);
    await until(() => widget.events.length === 1 && widget.states.length === 2);
    assert.equal(widget.events[0]!.type, 'payment.accepted');
    assert.equal(widget.states[1]!.state, 'ACCEPTED');

    // A page opened (or reloaded) later learns the state at once.
    const late = await client({ token });
    await until(() => late.states.length === 1);
    assert.equal(late.states[0]!.state, 'ACCEPTED');
    assert.equal(late.events.length, 0);
  });
});
