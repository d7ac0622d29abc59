import type { OperationDef } from '../operation.js';
import { coded, object, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import { webWalletSessionFields as shared } from '../schema/web-wallet-objects.js';
import { openWalletSession, webWalletSessionResponse } from './web-wallet-session.js';

/** updateWebWallet: the shopper updates card cardInd (the default card when absent) of an existing wallet (02503, 02518). */
export const updateWebWallet: OperationDef = {
  name: 'updateWebWallet',
  service: 'WebPaymentAPI',
  request: objectType(
    'updateWebWalletRequest',
    {
      version: shared.version,
      contractNumber: shared.contractNumber,
      cardInd: coded(2, /^\d{1,2}$/, 'a card index (1 to 99)'),
      walletId: text(50),
      updatePersonalDetails: text(1),
      updateOwnerDetails: text(1),
      updatePaymentDetails: text(1),
      buyer: object(schema.buyer),
      languageCode: shared.languageCode,
      customPaymentPageCode: shared.customPaymentPageCode,
      securityMode: shared.securityMode,
      returnURL: shared.returnURL,
      cancelURL: shared.cancelURL,
      notificationURL: shared.notificationURL,
      privateDataList: shared.privateDataList,
      customPaymentTemplateURL: shared.customPaymentTemplateURL,
    },
    ['version', 'contractNumber', 'walletId', 'returnURL', 'cancelURL'],
  ),
  response: webWalletSessionResponse('updateWebWallet'),
  handle: (context, request) =>
    openWalletSession(context, 'updateWebWallet', request, { walletId: request.walletId as string, ...(request.cardInd ? { cardInd: String(Number(request.cardInd)) } : {}) }),
};
