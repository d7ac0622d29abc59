/**
 * The cases every Acquirer must pass, whatever bank it speaks to. A connector's test file runs
 * `runAcquirerContract('<name>', () => new TheAcquirer(…))` and then its own cases.
 * The card is the Payline SDK test card (payline-api.md §8.3), which every Payline sandbox knows.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Acquirer, AcquirerRequest } from '../../../server/connectors/acquirer.js';

const NOW = Date.UTC(2026, 0, 15, 10, 30);

/** A request for 10.00 EUR with the SDK card; `card` fields override its own. */
function request(card: Partial<AcquirerRequest['card']> = {}, transactionId = 'contract-1'): AcquirerRequest {
  return {
    merchantId: 'merchant-1',
    contractNumber: '1234567',
    amount: 1000,
    currency: 978,
    card: { number: '4970101122334455', expirationDate: '1255', cvx: '123', type: 'CB', ...card },
    transactionId,
    now: NOW,
  };
}

/** Runs the shared Acquirer cases against the acquirers `make` returns (a new one per case). */
export function runAcquirerContract(name: string, make: () => Acquirer): void {
  describe(`Acquirer contract: ${name}`, () => {
    it('accepts an authorization with a test card and gives an authorization number', async () => {
      const answer = await make().authorize(request());
      assert.equal(answer.code, '00000');
      assert.match(answer.authorizationNumber ?? '', /^[0-9A-Za-z]+$/);
    });

    it('refuses an expired card with 01101 and no authorization number', async () => {
      const answer = await make().authorize(request({ expirationDate: '1225' }));
      assert.deepEqual(answer, { code: '01101' });
    });

    it('refuses a PAN that fails Luhn with 01111', async () => {
      const answer = await make().authorize(request({ number: '4970101122334456' }));
      assert.deepEqual(answer, { code: '01111' });
    });

    it('keeps the authorization number given to a debit', async () => {
      const answer = await make().debit({ ...request(), authorizationNumber: 'A1B2C3' });
      assert.deepEqual(answer, { code: '00000', authorizationNumber: 'A1B2C3' });
    });

    it('accepts a credit to a valid card and refuses one to an expired card', async () => {
      const acquirer = make();
      assert.equal((await acquirer.credit(request())).code, '00000');
      assert.equal((await acquirer.credit(request({ expirationDate: '0120' }))).code, '01101');
    });

    it('answers every operation with a 5-digit code', async () => {
      const acquirer = make();
      for (const card of [{}, { number: '4970101122334456' }, { expirationDate: '0120' }, { cvx: undefined }]) {
        const answers = [
          await acquirer.authorize(request(card)),
          await acquirer.debit({ ...request(card), authorizationNumber: '123456' }),
          await acquirer.credit(request(card)),
        ];
        for (const answer of answers) assert.match(answer.code, /^\d{5}$/);
      }
    });
  });
}
