import type { OperationDef } from '../../operation.js';
import { object, objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { cardInd, wallet } from '../../schema/wallet-objects.js';
import { walletAnswer } from './wallet-answer.js';
import { walletRequestOf } from './wallet-request.js';

/**
 * updateWallet (DirectPaymentAPI). With cardInd: that card changes (a new number replaces it,
 * else its expiry, cardholder, default flag), 02518 if there is no such card. Without cardInd:
 * the card is added with the next index, 02521 if the wallet holds it already. 02503 unknown
 * wallet, 02505 disabled wallet.
 */
export const updateWallet: OperationDef = {
  name: 'updateWallet',
  service: 'DirectPaymentAPI',
  request: objectType(
    'updateWalletRequest',
    {
      version: schema.version,
      contractNumber: text(20),
      cardInd,
      wallet: object(wallet),
      buyer: object(schema.buyer),
      owner: object(schema.owner),
      privateDataList: schema.walletPrivateDataList,
      media: schema.media,
    },
    ['version', 'contractNumber', 'wallet'],
  ),
  response: responses.responseType('updateWalletResponse', { card: object(responses.cardOut) }),
  async handle(context, request) {
    const outcome = await context.wallets.update(context.merchant, {
      ...walletRequestOf(request),
      ...(request.cardInd !== undefined ? { cardInd: request.cardInd as number } : {}),
    });
    return walletAnswer(outcome);
  },
};
