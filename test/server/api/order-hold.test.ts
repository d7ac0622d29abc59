import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Acquirer, AcquirerAnswer, AcquirerRequest } from '../../../server/connectors/acquirer.js';
import { SimulatorAcquirer } from '../../../server/connectors/simulator/simulator.js';
import { startTestGateway, SANDBOX_AUTH, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, nextOrderRef } from '../support/requests.js';

/**
 * The duplicate-order hold: an order is held while its payment is at the acquirer, released when
 * the acquirer fails, and lapses after 5 minutes if the request never comes back.
 */
class ScriptedAcquirer implements Acquirer {
  readonly name = 'scripted';
  readonly #simulator = new SimulatorAcquirer();
  /** What the next authorize does: fail, hang until released, or answer like the simulator. */
  next: 'fail' | 'hang' | 'answer' = 'answer';
  release: (() => void) | undefined;

  async authorize(request: AcquirerRequest): Promise<AcquirerAnswer> {
    const mode = this.next;
    this.next = 'answer';
    if (mode === 'fail') throw new Error('acquirer unreachable');
    if (mode === 'hang') await new Promise<void>((resolve) => (this.release = resolve));
    return this.#simulator.authorize(request);
  }
  debit(request: AcquirerRequest & { authorizationNumber: string }) {
    return this.#simulator.debit(request);
  }
  credit(request: AcquirerRequest) {
    return this.#simulator.credit(request);
  }
}

describe('order hold', () => {
  let gw: TestGateway;
  const acquirer = new ScriptedAcquirer();
  before(async () => (gw = await startTestGateway({}, { acquirer })));
  after(() => gw.close());

  const post = (body: unknown) =>
    gw.fetch('/v4/doAuthorization', { method: 'POST', headers: { authorization: SANDBOX_AUTH }, body: JSON.stringify(body) });

  it('is released when the acquirer fails, so the same order can be paid', async () => {
    const body = authorizationRequest(2300, { orderRef: nextOrderRef('hold') });
    acquirer.next = 'fail';
    assert.equal((await post(body)).status, 500);
    assert.ok(gw.logs.some((line) => line.includes('acquirer unreachable')));
    assert.equal((await gw.call('doAuthorization', body)).result.code, '00000');
  });

  it('answers 02002 while the first request is in flight, then lapses after 5 minutes if it never returns', async () => {
    const body = authorizationRequest(2400, { orderRef: nextOrderRef('hold') });
    acquirer.next = 'hang';
    const first = gw.call('doAuthorization', body);
    while (!acquirer.release) await new Promise((resolve) => setImmediate(resolve));
    const second = await gw.call('doAuthorization', body);
    assert.equal(second.result.code, '02002');
    assert.match(second.result.longMessage, /in progress/);

    gw.clock.advance(5 * 60 * 1000);
    const third = await gw.call('doAuthorization', body);
    assert.equal(third.result.code, '00000', 'a hold whose request died no longer blocks the order');
    acquirer.release!();
    const late = await first;
    assert.equal(late.result.code, '01913', 'the late request finds the order paid, and pays nothing');
    assert.equal(late.transaction.id, third.transaction.id);
  });
});
