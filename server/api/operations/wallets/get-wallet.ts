import { CODES } from '../../../core/result-codes.js';
import { findCard } from '../../../core/wallet.js';
import { compact, privateDataListOut, resultOut } from '../../encode/payline-objects.js';
import { walletOut } from '../../encode/wallet-objects.js';
import { formatShortDateTime } from '../../../core/payline-date.js';
import type { OperationDef } from '../../operation.js';
import { object, objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { cardInd, wallet, walletId } from '../../schema/wallet-objects.js';

/**
 * getWallet (DirectPaymentAPI): the owner and one card, the default one unless cardInd names
 * another; a disabled wallet is answered too (isDisabled 1). Stops the WALLET notifications.
 */
export const getWallet: OperationDef = {
  name: 'getWallet',
  service: 'DirectPaymentAPI',
  request: objectType('getWalletRequest', { version: schema.version, contractNumber: text(20), walletId, cardInd, media: schema.media }, ['version', 'contractNumber', 'walletId']),
  response: responses.responseType('getWalletResponse', {
    wallet: object(wallet),
    owner: object(schema.owner),
    isDisabled: responses.out,
    disableDate: responses.out,
    privateDataList: schema.privateDataList,
  }),
  async handle(context, request) {
    const stored = await context.wallets.get(context.merchant, request.walletId as string);
    if (!stored) return { result: resultOut(CODES.WALLET_NOT_FOUND, `wallet ${request.walletId as string} does not exist`) };
    const w = stored.value;
    const found = findCard(w, request.cardInd as number | undefined);
    if (!found.ok) return { result: resultOut(found.code, found.message) };
    await context.detailsFetched.wallet(context.merchant.merchantId, w.walletId);
    const disabled = w.isDisabled || found.card.isDisabled;
    const disableDate = w.disableDate ?? found.card.disableDate;
    return compact({
      result: resultOut(CODES.OPERATION_SUCCESSFUL),
      wallet: walletOut(w, found.card, context.clock.now()),
      isDisabled: disabled ? '1' : '0',
      disableDate: disabled && disableDate !== undefined ? formatShortDateTime(disableDate, context.timeZone) : undefined,
      privateDataList: privateDataListOut(w.privateDataList),
    });
  },
};
