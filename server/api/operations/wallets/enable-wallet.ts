import type { OperationDef } from '../../operation.js';
import { resultOut } from '../../encode/payline-objects.js';
import { objectType, text } from '../../schema/field.js';
import * as responses from '../../schema/response-objects.js';
import { cardInd, walletId } from '../../schema/wallet-objects.js';

/** enableWallet (DirectPaymentAPI): the wallet, or its card cardInd; 02519 when it is not disabled. */
export const enableWallet: OperationDef = {
  name: 'enableWallet',
  service: 'DirectPaymentAPI',
  request: objectType('enableWalletRequest', { contractNumber: text(20), cardInd, walletId }, ['contractNumber', 'walletId']),
  response: responses.responseType('enableWalletResponse'),
  async handle(context, request) {
    const outcome = await context.wallets.enable(context.merchant, {
      contractNumber: request.contractNumber as string,
      walletId: request.walletId as string,
      ...(request.cardInd !== undefined ? { cardInd: request.cardInd as number } : {}),
    });
    return { result: resultOut(outcome.code, outcome.message) };
  },
};
