import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestGateway, type TestGateway } from '../support/gateway-harness.js';
import { authorizationRequest, captureRequest, resetRequest, webPaymentRequest, withField } from '../support/requests.js';
import { assertFieldError, details, expectCode, HOUR } from '../support/api-helpers.js';

/**
 * payment.mode DIF over HTTP: a 101 authorization is captured by the job runner on its
 * differedActionDate (dd/mm/yy, midnight in Europe/Paris). TEST_EPOCH is 02/03/2026 11:00 Paris.
 */
describe('DIF mode', () => {
  const dif = (amount: number, date: string | undefined, action = 101) =>
    authorizationRequest(amount, { action, mode: 'DIF', ...(date ? { differedActionDate: date } : {}) });
  const transactions = async (gw: TestGateway, id: string) =>
    (await details(gw, id)).associatedTransactionsList.associatedTransactions.map((t: any) => [t.type, t.amount, t.date]);

  describe('deferred capture', () => {
    let gw: TestGateway;
    before(async () => (gw = await startTestGateway()));
    after(() => gw.close());

    it('captures a 101 DIF payment on its date, through the job runner', async () => {
      const paid = (await expectCode(gw, 'doAuthorization', dif(1800, '04/03/26'), '00000')).transaction.id;
      const authOnly = (await expectCode(gw, 'doAuthorization', dif(900, '04/03/26', 100), '00000')).transaction.id;
      const reset = (await expectCode(gw, 'doAuthorization', dif(700, '04/03/26'), '00000')).transaction.id;
      const partly = (await expectCode(gw, 'doAuthorization', dif(1000, '04/03/26'), '00000')).transaction.id;
      await expectCode(gw, 'doReset', resetRequest(reset), '00000');
      await expectCode(gw, 'doCapture', captureRequest(partly, 250), '00000');

      const stored = await details(gw, paid);
      assert.deepEqual([stored.payment.mode, stored.payment.differedActionDate, stored.payment.action], ['DIF', '04/03/26', 101]);
      assert.deepEqual(await transactions(gw, paid), [['AUTHORIZATION', 1800, '02/03/2026 11:00:00']]);

      // 04/03/2026 00:00 in Paris is 03/03 23:00 UTC: 37 hours after TEST_EPOCH (10:00 UTC).
      await gw.advance(37 * HOUR - 1);
      assert.equal((await transactions(gw, paid)).length, 1, 'not captured before its date');
      await gw.advance(1);
      assert.deepEqual(await transactions(gw, paid), [
        ['AUTHORIZATION', 1800, '02/03/2026 11:00:00'],
        ['CAPTURE', 1800, '04/03/2026 00:00:00'],
      ]);
      assert.deepEqual((await transactions(gw, authOnly)).map((t: unknown[]) => t[0]), ['AUTHORIZATION'], 'action 100 waits for doCapture');
      assert.deepEqual((await transactions(gw, reset)).map((t: unknown[]) => t[0]), ['AUTHORIZATION', 'RESET']);
      assert.deepEqual((await transactions(gw, partly)).map((t: unknown[]) => t.slice(0, 2)), [
        ['AUTHORIZATION', 1000],
        ['CAPTURE', 250],
        ['CAPTURE', 750],
      ]);
      // Captured once only, whatever runs later; the merchant can still capture action 100.
      await gw.advance(48 * HOUR);
      assert.equal((await transactions(gw, paid)).length, 2);
      await expectCode(gw, 'doCapture', captureRequest(paid, 1), '02617');
      await expectCode(gw, 'doCapture', captureRequest(authOnly, 900), '00000');
    });
  });

  describe('differedActionDate', () => {
    let gw: TestGateway;
    before(async () => (gw = await startTestGateway()));
    after(() => gw.close());

    const refusedDates = [
      { label: 'missing', date: undefined },
      { label: 'in the past', date: '01/03/26' },
      { label: 'today', date: '02/03/26' },
      { label: 'today + 7 days', date: '09/03/26' },
      { label: 'today + 8 days', date: '10/03/26' },
      { label: 'not a real date', date: '30/02/26' },
      { label: 'in another format', date: '2026-03-04' },
    ];
    for (const { label, date } of refusedDates) {
      it(`refuses a DIF date ${label} with 02305 naming payment.differedActionDate`, async () => {
        assertFieldError(await gw.call('doAuthorization', dif(1000, date)), '02305', 'payment.differedActionDate');
        const web = withField(withField(webPaymentRequest(1000), 'payment.mode', 'DIF'), 'payment.differedActionDate', date);
        assertFieldError(await gw.call('doWebPayment', web), '02305', 'payment.differedActionDate');
      });
    }

    it('accepts tomorrow and today + 6 days', async () => {
      await expectCode(gw, 'doAuthorization', dif(1000, '03/03/26'), '00000');
      await expectCode(gw, 'doAuthorization', dif(1001, '08/03/26'), '00000');
    });

    it('refuses a differedActionDate outside DIF mode', async () => {
      const body = authorizationRequest(1000, { mode: 'CPT', differedActionDate: '04/03/26' });
      assertFieldError(await gw.call('doAuthorization', body), '02305', 'payment.differedActionDate');
    });
  });
});
