import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { addGiftCard, GIFT, openGiftSession } from '../support/gift-card-calls.js';
import { pay } from '../support/widget-calls.js';
import { VERSION } from '../support/requests.js';
import { soapCall, soapClients } from './soap-support.js';

/**
 * The SOAP face carries the gift-card order like the JSON one: partnerAdditionalData in the
 * transaction and the complementary payment in paymentAdditionalList, read by a client built
 * from the gateway's own WSDL.
 */
describe('gift cards on the SOAP face', () => {
  let gw: TestGateway;
  before(async () => (gw = await startTestGateway()));
  after(() => gw.close());

  it('getWebPaymentDetails and getTransactionDetails answer partnerAdditionalData and paymentAdditionalList', async () => {
    const token = await openGiftSession(gw, 8000);
    await addGiftCard(gw, token, GIFT.g50);
    const paid = await pay(gw, token, { card: { number: '4111111111111111', expirationDate: '1255', cvx: '123' } });
    assert.equal(paid.result.code, '00000');
    const clients = await soapClients(gw);
    const answer = await soapCall(clients, 'getWebPaymentDetails', { version: VERSION, token });
    assert.equal(answer.result.code, '00000');
    assert.equal(answer.transaction.id, paid.session.transaction.id);
    assert.deepEqual(JSON.parse(answer.transaction.partnerAdditionalData), [{ PAN: 'XXXXXXXXXXXXXXX0002', initialBalance: '5000', finalBalance: '0', paymentAmount: '5000' }]);
    const additional = [answer.paymentAdditionalList.paymentAdditional].flat()[0];
    assert.equal(additional.transaction.id, paid.session.complement.transaction.id);
    assert.equal(String(additional.payment.amount), '3000');
    assert.equal(additional.card.number, '411111XXXXXX1111');

    const transaction = await soapCall(clients, 'getTransactionDetails', { version: VERSION, transactionId: answer.transaction.id });
    assert.equal(transaction.transaction.partnerAdditionalData, answer.transaction.partnerAdditionalData);
  });

  it('declares partnerAdditionalData and paymentAdditionalList in the WSDL', async () => {
    const wsdl = await (await gw.fetch('/V4/services/WebPaymentAPI?wsdl')).text();
    assert.match(wsdl, /name="partnerAdditionalData"/);
    assert.match(wsdl, /name="paymentAdditionalList"/);
    assert.match(wsdl, /name="paymentAdditional"/);
  });
});
