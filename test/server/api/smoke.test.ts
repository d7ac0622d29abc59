import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest } from '../support/requests.js';

describe('smoke', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('authorizes then captures', async () => {
    const auth = await gw.call('doAuthorization', authorizationRequest(1000, { action: 100 }));
    assert.equal(auth.result.code, '00000');
    const cap = await gw.call('doCapture', captureRequest(auth.transaction.id, 400));
    assert.equal(cap.result.code, '00000');
    const over = await gw.call('doCapture', captureRequest(auth.transaction.id, 601));
    assert.equal(over.result.code, '02613');
  });
});
