import { CODES } from '../../../core/result-codes.js';
import type { OperationDef } from '../../operation.js';
import { resultOut } from '../../encode/payline-objects.js';
import { objectType, text } from '../../schema/field.js';
import * as responses from '../../schema/response-objects.js';
import { cardInd, walletIdList } from '../../schema/wallet-objects.js';

/**
 * disableWallet (DirectPaymentAPI): each wallet of walletIdList, or card cardInd of each.
 * 02500 all disabled, 02517 some, 02516 none; walletIdList answers those not disabled.
 * A disabled wallet keeps its payment records, whose due dates are refused (02505) meanwhile.
 */
export const disableWallet: OperationDef = {
  name: 'disableWallet',
  service: 'DirectPaymentAPI',
  request: objectType('disableWalletRequest', { contractNumber: text(20), cardInd, walletIdList }, ['contractNumber', 'walletIdList']),
  response: responses.responseType('disableWalletResponse', { walletIdList }),
  async handle(context, request) {
    const walletIds = request.walletIdList as string[];
    if (walletIds.length === 0) return { result: resultOut(CODES.WALLET_ID_REQUIRED, 'walletIdList must name at least one wallet') };
    const outcome = await context.wallets.disable(context.merchant, {
      contractNumber: request.contractNumber as string,
      walletIds,
      ...(request.cardInd !== undefined ? { cardInd: request.cardInd as number } : {}),
    });
    return { result: resultOut(outcome.code, outcome.message), walletIdList: { walletId: outcome.notDisabled } };
  },
};
