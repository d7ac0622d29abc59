import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { io as connect, type Socket } from 'socket.io-client';
import { scrubPans } from '../../../server/core/card-mask.js';
import type { LiveEvent, SessionState } from '../../../server/notify/socket-protocol.js';
import { startReceiver, type Receiver } from '../notify/support/receiver.js';
import { verifyWebhook } from '../notify/support/notify-harness.js';
import { assertLedgerHolds, readLedger, shuffle, tally } from '../support/ledger.js';
import { authorizationRequest, captureRequest, CB_CARD, detailsRequest, nextOrderRef, refundRequest, resetRequest, webPaymentDetailsRequest, webPaymentRequest } from '../support/requests.js';
import type { GatewayProcess } from './support/gateway-process.js';
import { startTwoGateways, type TwoGateways } from './support/two-gateways.js';

/*
 * Two gateway processes (`node build/server/main.js`) on one Redis, behind no balancer: each
 * request names the process it goes to. Whatever one process commits, the other reads, decides
 * on and tells its clients about; notifications leave once; the state machine's limits hold
 * under races that span both.
 */

/** Resolves once `test()` holds, polling; fails after `ms`. */
async function until(test: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function pay(gateway: GatewayProcess, token: string): Promise<any> {
  const response = await gateway.fetch(`/widget/sessions/${token}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: gateway.url },
    body: JSON.stringify({ card: CB_CARD }),
  });
  assert.equal(response.status, 200);
  return response.json();
}

async function authorize(gateway: GatewayProcess, amount: number, action: 100 | 101, orderRef?: string): Promise<string> {
  const answer = await gateway.call('doAuthorization', authorizationRequest(amount, { action, ...(orderRef ? { orderRef } : {}) }));
  assert.equal(answer.result.code, '00000', JSON.stringify(answer.result));
  return answer.transaction.id;
}

interface LiveClient {
  socket: Socket;
  events: LiveEvent[];
  states: SessionState[];
}

describe('two gateway processes on one Redis', () => {
  let g: TwoGateways;
  let receiver: Receiver;
  const sockets: Socket[] = [];

  before(async () => {
    // debug: the processes log each delivery they make, so the test sees who dispatched what.
    g = await startTwoGateways({ env: { LOG_LEVEL: 'debug' } });
    receiver = await startReceiver();
  });
  after(async () => {
    for (const socket of sockets) socket.disconnect();
    await receiver?.close();
    await g?.close();
  });

  function live(gateway: GatewayProcess, auth: Record<string, string>, options: { reconnection?: boolean; autoConnect?: boolean } = {}): LiveClient {
    const socket = connect(gateway.url, { auth, transports: ['websocket'], reconnection: options.reconnection ?? false, autoConnect: options.autoConnect ?? true });
    sockets.push(socket);
    const client: LiveClient = { socket, events: [], states: [] };
    socket.on('event', (event: LiveEvent) => client.events.push(event));
    socket.on('session-state', (state: SessionState) => client.states.push(state));
    return client;
  }

  function connected(client: LiveClient): Promise<void> {
    return new Promise((resolve, reject) => {
      if (client.socket.connected) return resolve();
      client.socket.once('connect', () => resolve());
      client.socket.once('connect_error', reject);
    });
  }

  const merchantAuth = { merchantId: 'demo-merchant', accessKey: 'demo-access-key' };

  it('warns at start-up that this Redis keeps nothing on disk', () => {
    for (const gateway of g.both) {
      const warning = gateway.logs().find((line) => line.redisSetting === 'appendonly');
      assert.ok(warning, `${gateway.name} did not warn`);
      assert.equal(warning.level, 40);
      assert.match(String(warning.msg), /Redis keeps nothing on disk \(appendonly no, save ""\): a Redis restart loses/);
    }
  });

  describe('payments through either process', () => {
    it('a web payment opened on A, paid in the widget on B, read on A', async () => {
      const opened = await g.a.call('doWebPayment', webPaymentRequest(1500));
      assert.equal(opened.result.code, '00000');
      const paid = await pay(g.b, opened.token);
      assert.equal(paid.result.code, '00000', JSON.stringify(paid.result));
      const details = await g.a.call('getWebPaymentDetails', webPaymentDetailsRequest(opened.token));
      assert.deepEqual([details.result.code, details.transaction.id, details.authorization.authorizedAmount], ['00000', paid.transaction.id, 1500]);
      assert.equal((await pay(g.a, opened.token)).result.code, '02001', 'a paid session takes no second payment, on either process');
    });

    it('authorized on A, captured on B, refunded on A, read on B', async () => {
      const id = await authorize(g.a, 1000, 100);
      assert.equal((await g.b.call('doCapture', captureRequest(id, 600))).result.code, '00000');
      assert.equal((await g.a.call('doRefund', refundRequest(id, 200))).result.code, '00000');
      assert.equal((await g.a.call('doRefund', refundRequest(id, 401))).result.code, '02613', 'more than is left to refund');
      const ledger = await readLedger(g.b, id);
      assertLedgerHolds(ledger);
      assert.deepEqual([ledger.authorized, ledger.captured, ledger.refunded], [1000, 600, 200]);
    });

    it('reset on B, then A refuses a capture; a duplicate order is caught across processes', async () => {
      const id = await authorize(g.a, 1000, 100);
      assert.equal((await g.b.call('doReset', resetRequest(id))).result.code, '00000');
      assert.notEqual((await g.a.call('doCapture', captureRequest(id, 100))).result.code, '00000');
      assert.equal((await g.a.call('getTransactionDetails', detailsRequest(id))).statusHistoryList.statusHistory[0].status, 'RESET');

      const orderRef = nextOrderRef('dup');
      const original = await authorize(g.a, 700, 101, orderRef);
      const again = await g.b.call('doAuthorization', authorizationRequest(700, { action: 101, orderRef }));
      assert.deepEqual([again.result.code, again.transaction.id, again.transaction.isDuplicated], ['01913', original, '1']);
    });
  });

  describe('live events', () => {
    it('a widget connected to B sees the payment made through A', async () => {
      const opened = await g.a.call('doWebPayment', webPaymentRequest(2500));
      const widget = live(g.b, { token: opened.token });
      await connected(widget);
      await until(() => widget.states.length === 1, 5000, 'the first state');
      assert.equal(widget.states[0]!.state, 'WAITING');
      const paid = await pay(g.a, opened.token);
      assert.equal(paid.result.code, '00000');
      await until(() => widget.states.at(-1)?.state === 'ACCEPTED', 5000, 'ACCEPTED on B');
      assert.deepEqual(widget.events.map((e) => [e.type, e.data.token]), [['payment.accepted', opened.token]]);
      assert.equal(widget.states.at(-1)!.transactionId, paid.transaction.id);
    });

    it('a merchant socket on B sees A’s payments, and recovers on A what it missed while away', async () => {
      const first = live(g.b, merchantAuth);
      await connected(first);
      const seen = await authorize(g.a, 1100, 101);
      await until(() => first.events.some((e) => e.data.paymentId === seen), 5000, 'the event on B');

      // The network drops: B keeps the client's session in Redis for its return.
      const client = first.socket as unknown as { _pid: string; _lastOffset: string };
      const [pid, offset] = [client._pid, client._lastOffset];
      assert.match(offset, /^\d+-\d+$/, 'events carry their offset in the stream');
      const redis = new Redis(g.redis.url);
      try {
        first.socket.io.engine.close();
        await until(async () => (await redis.exists(`guichet:live:session:${pid}`)) === 1, 5000, 'the session kept in Redis');
      } finally {
        await redis.quit();
      }
      const missed = [await authorize(g.a, 1200, 101), await authorize(g.b, 1300, 101)];

      // It comes back on A, as the client itself does on reconnecting (its session id and last offset).
      const back = live(g.a, merchantAuth, { autoConnect: false });
      Object.assign(back.socket, { _pid: pid, _lastOffset: offset });
      back.socket.connect();
      await connected(back);
      assert.equal(back.socket.recovered, true);
      await until(() => missed.every((id) => back.events.some((e) => e.data.paymentId === id)), 5000, 'the missed events');
      const accepted = back.events.filter((e) => e.type === 'payment.accepted').map((e) => e.data.paymentId);
      // Exactly what was missed, each once. Not in commit order: the two processes share the
      // dispatch of live events, and nothing orders their sends across payments.
      assert.deepEqual([...accepted].sort(), [...missed].sort(), 'exactly what was missed');
    });
  });

  it('webhooks: each event once, dispatched by both processes, signed', async () => {
    const types = (await g.a.api('GET', '/api/event-types')).body.eventTypes.map((t: { type: string }) => t.type);
    const created = await g.a.api('POST', '/api/webhook-endpoints', { url: receiver.url, eventTypes: types });
    assert.equal(created.status, 201);
    const { id: endpointId, secret } = created.body;

    // 40 payments at once, half through each process, some captured and refunded after.
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => authorize(g.both[i % 2]!, 1000 + i, 101)));
    await Promise.all(ids.slice(0, 10).map((id, i) => g.both[(i + 1) % 2]!.call('doRefund', refundRequest(id, 100))));
    const mine = new Set(ids);
    const events = (await g.b.api('GET', '/api/events?limit=200')).body.events.filter((e: any) => mine.has(e.data.paymentId));
    assert.deepEqual(tally(events.map((e: any) => e.type)), { 'payment.accepted': 40, 'payment.refunded': 10 });
    const expected = new Set<string>(events.map((e: any) => e.id));

    // Who sent what: each process logs a delivery once it has recorded it. (The log scrubber masks
    // any run of digits that looks like a card number, in event ids too: compare masked forms.)
    const expectedInLogs = new Set([...expected].map(scrubPans));
    const deliveredBy = (gateway: GatewayProcess) =>
      gateway.logs().filter((l) => l.msg === 'delivered' && l.channel === 'webhook' && expectedInLogs.has(String(l.event))).map((l) => String(l.event));
    const deliveredIds = () => receiver.received.map((r) => r.headers['webhook-id']!).filter((id) => expected.has(id));
    await until(() => new Set(deliveredIds()).size === expected.size, 10_000, 'every webhook');
    await until(() => deliveredBy(g.a).length + deliveredBy(g.b).length >= expected.size, 5000, 'every delivery recorded');
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a duplicate to show up
    assert.deepEqual(Object.values(tally(deliveredIds())).filter((n) => n !== 1), [], 'each event delivered exactly once');
    for (const request of receiver.received.filter((r) => expected.has(r.headers['webhook-id']!))) {
      const payload = verifyWebhook(secret, request, Number(request.headers['webhook-timestamp']) * 1000);
      assert.equal(payload.id, request.headers['webhook-id']);
    }
    const [byA, byB] = [deliveredBy(g.a), deliveredBy(g.b)];
    assert.equal(byA.length + byB.length, expected.size, 'one delivery per event between the two');
    assert.ok(byA.length > 0 && byB.length > 0, `both processes dispatch (A ${byA.length}, B ${byB.length})`);
    const deliveries = await g.a.api('GET', `/api/events/${[...expected][0]}`);
    assert.deepEqual(
      deliveries.body.deliveries.filter((d: any) => d.destination === endpointId).map((d: any) => [d.status, d.attempts.length]),
      [['delivered', 1]],
    );
  });

  // Each of the racing requests reads, decides and commits again after every commit that beat it
  // (optimistic concurrency), re-reading a payment that grows with each operation: a busy
  // machine makes that slow, hence the long bound on each answer.
  const RACE_ANSWER_MS = 60_000;

  describe('races spanning both processes', () => {
    it('200 captures of 73 on 10000, alternately on A and B: exactly 136 accepted, 64 × 02613', async () => {
      const id = await authorize(g.a, 10000, 100);
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => g.both[i % 2]!.call('doCapture', captureRequest(id, 73), RACE_ANSWER_MS)));
      assert.deepEqual(tally(answers.map((a) => a.result.code)), { '00000': 136, '02613': 64 });
      const ledger = await readLedger(g.b, id);
      assertLedgerHolds(ledger);
      assert.deepEqual([ledger.authorized, ledger.captured], [10000, 136 * 73]);
      const acceptedIds = answers.filter((a) => a.result.code === '00000').map((a) => a.transaction.id);
      assert.deepEqual(new Set(acceptedIds), new Set(ledger.list.filter((t) => t.type === 'CAPTURE').map((t) => t.transactionId)));
    });

    it('100 captures and 100 refunds at once on both: the stored totals are the sums of the accepted answers', async () => {
      const id = await authorize(g.b, 10000, 100);
      assert.equal((await g.a.call('doCapture', captureRequest(id, 1000))).result.code, '00000');
      const calls = shuffle([
        ...Array.from({ length: 100 }, () => ['doCapture', 250] as const),
        ...Array.from({ length: 100 }, () => ['doRefund', 100] as const),
      ]);
      const answers = await Promise.all(
        calls.map(async ([op, amount], i) => {
          const answer = await g.both[i % 2]!.call(op, op === 'doCapture' ? captureRequest(id, amount) : refundRequest(id, amount), RACE_ANSWER_MS);
          return { op, amount, code: answer.result.code as string, transactionId: answer.transaction?.id as string | undefined };
        }),
      );
      // Refused: more than is left (02613), nothing left to capture (02617).
      const allowed: Record<string, string[]> = { doCapture: ['00000', '02613', '02617'], doRefund: ['00000', '02613'] };
      for (const { op, code } of answers) assert.ok(allowed[op]!.includes(code), `${op} answered ${code}`);
      const sum = (op: string) => answers.filter((a) => a.op === op && a.code === '00000').reduce((total, a) => total + a.amount, 0);
      const ledger = await readLedger(g.a, id);
      assertLedgerHolds(ledger);
      assert.deepEqual([ledger.captured, ledger.refunded], [1000 + sum('doCapture'), sum('doRefund')]);
      assert.equal(ledger.captured, 10000, 'the captures filled the authorization');
      const stored = ledger.list.filter((t) => t.type === 'CAPTURE' || t.type === 'REFUND').map((t) => t.transactionId);
      const acceptedIds = answers.filter((a) => a.code === '00000').map((a) => a.transactionId);
      assert.equal(stored.length, acceptedIds.length + 1, 'one transaction per accepted answer (and the first capture)');
      for (const txId of acceptedIds) assert.ok(stored.includes(txId!), `accepted ${txId} is stored`);
    });
  });
});
