import type { OperationDef } from '../operation.js';
import { objectType } from '../schema/field.js';
import { webWalletSessionFields } from '../schema/web-wallet-objects.js';
import { openWalletSession, webWalletSessionResponse } from './web-wallet-session.js';

/** manageWebWallet: the shopper manages the wallet buyer.walletId (created by its first card) in the widget. */
export const manageWebWallet: OperationDef = {
  name: 'manageWebWallet',
  service: 'WebPaymentAPI',
  request: objectType('manageWebWalletRequest', webWalletSessionFields, ['version', 'contractNumber', 'buyer', 'returnURL', 'cancelURL']),
  response: webWalletSessionResponse('manageWebWallet'),
  handle: (context, request) => openWalletSession(context, 'manageWebWallet', request, { walletId: (request.buyer as { walletId?: string }).walletId }),
};
