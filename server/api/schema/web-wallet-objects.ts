import { object, objectType, text } from './field.js';
import * as schema from './objects.js';
import { cardOut, out } from './response-objects.js';

/**
 * The web wallets' request and response objects (payline-api.md §2.2, §3.8): the fields the
 * three session operations share, and the `wallet` getWebWallet and getWebPaymentDetails answer.
 */

/** manageWebWallet's request fields, in Payline's order (createWebWallet: the same, less merchantName). */
export const webWalletSessionFields = {
  version: schema.version,
  contractNumber: text(20),
  selectedContractList: schema.selectedContractList,
  updatePersonalDetails: text(1),
  buyer: object(schema.buyer),
  owner: object(schema.owner),
  languageCode: schema.languageCode,
  customPaymentPageCode: text(50),
  securityMode: text(10),
  returnURL: schema.url,
  cancelURL: schema.url,
  notificationURL: schema.url,
  privateDataList: schema.privateDataList,
  customPaymentTemplateURL: schema.url,
  merchantName: text(100),
};

/** §3.8 `wallet`, as answered: one card of the wallet, masked. */
export const walletOut = objectType(
  'wallet',
  { walletId: out, lastName: out, firstName: out, email: out, card: object(cardOut), comment: out, default: out, cardStatus: out, cardBrand: out },
  ['walletId'],
);
