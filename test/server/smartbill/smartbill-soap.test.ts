import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'soap';
import type { PaylineService } from '../../../server/api/operation.js';
import { soapCall, soapClients } from '../soap/soap-support.js';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { AMEX_EA, createWalletRequest, DAY, getWalletRequest } from './support/smartbill-harness.js';

/** getWallet's card_status through a real SOAP client built from Guichet's own ?wsdl. */
describe('SOAP face: Amex Recurring card_status', () => {
  let gw: TestGateway;
  let clients: Record<PaylineService, Client>;

  before(async () => {
    gw = await startTestGateway();
    clients = await soapClients(gw);
  });
  after(() => gw.close());

  it('WR, then EA once the enrolment batch has run', async () => {
    assert.equal((await soapCall(clients, 'createWallet', createWalletRequest('SOAP-SB', AMEX_EA))).result.code, '02500');
    assert.equal((await soapCall(clients, 'getWallet', getWalletRequest('SOAP-SB'))).wallet.card_status, 'WR');
    await gw.advance(DAY);
    assert.equal((await soapCall(clients, 'getWallet', getWalletRequest('SOAP-SB'))).wallet.card_status, 'EA');
  });
});
