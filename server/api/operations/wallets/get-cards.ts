import { CODES } from '../../../core/result-codes.js';
import { findCard } from '../../../core/wallet.js';
import { compact, privateDataListOut, resultOut } from '../../encode/payline-objects.js';
import { cardsOut } from '../../encode/wallet-objects.js';
import type { OperationDef } from '../../operation.js';
import { objectType, text } from '../../schema/field.js';
import * as schema from '../../schema/objects.js';
import * as responses from '../../schema/response-objects.js';
import { cardInd, cardsList, walletId } from '../../schema/wallet-objects.js';

/** getCards (DirectPaymentAPI): every card of the wallet (disabled ones flagged), or the one cardInd names. */
export const getCards: OperationDef = {
  name: 'getCards',
  service: 'DirectPaymentAPI',
  request: objectType('getCardsRequest', { version: schema.version, contractNumber: text(20), walletId, cardInd }, ['version', 'contractNumber', 'walletId']),
  response: responses.responseType('getCardsResponse', { cardsList, privateDataList: schema.privateDataList }),
  async handle(context, request) {
    const stored = await context.wallets.get(context.merchant, request.walletId as string);
    if (!stored) return { result: resultOut(CODES.WALLET_NOT_FOUND, `wallet ${request.walletId as string} does not exist`) };
    const w = stored.value;
    let cards = w.cards;
    if (request.cardInd !== undefined) {
      const found = findCard(w, request.cardInd as number);
      if (!found.ok) return { result: resultOut(found.code, found.message) };
      cards = [found.card];
    }
    await context.detailsFetched.wallet(context.merchant.merchantId, w.walletId);
    const now = context.clock.now();
    return compact({
      result: resultOut(CODES.OPERATION_SUCCESSFUL),
      cardsList: { cards: cards.map((card) => cardsOut(w, card, now, context.timeZone)) },
      privateDataList: privateDataListOut(w.privateDataList),
    });
  },
};
