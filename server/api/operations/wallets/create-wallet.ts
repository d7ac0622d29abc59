import type { OperationDef } from '../../operation.js';
import { object, objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { wallet } from '../../schema/wallet-objects.js';
import { walletAnswer } from './wallet-answer.js';
import { walletRequestOf } from './wallet-request.js';

/**
 * createWallet (DirectPaymentAPI): a wallet with its first card (cardInd 1, the default), from
 * `wallet.card` or from the card of an earlier transaction (`transactionID`). 02502 if the
 * walletId is taken; the card is checked like doAuthorization's and never with its CVV kept.
 */
export const createWallet: OperationDef = {
  name: 'createWallet',
  service: 'DirectPaymentAPI',
  request: objectType(
    'createWalletRequest',
    {
      version: schema.version,
      contractNumber: text(20),
      wallet: object(wallet),
      buyer: object(schema.buyer),
      owner: object(schema.owner),
      privateDataList: schema.walletPrivateDataList,
      media: schema.media,
      transactionID: schema.transactionId,
    },
    ['version', 'contractNumber', 'wallet'],
  ),
  response: responses.responseType('createWalletResponse', { card: object(responses.cardOut) }),
  async handle(context, request) {
    return walletAnswer(await context.wallets.create(context.merchant, walletRequestOf(request)));
  },
};
