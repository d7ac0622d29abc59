import { object, text } from './field.js';
import * as schema from './objects.js';

/**
 * The request fields manageWebWallet, createWebWallet and updateWebWallet share (payline-api.md
 * §2.2), in Payline's order.
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
  privateDataList: schema.walletPrivateDataList,
  customPaymentTemplateURL: schema.url,
  merchantName: text(100),
};
