import type { OperationDef } from '../operation.js';
import { objectType } from '../schema/field.js';
import { webWalletSessionFields } from '../schema/web-wallet-objects.js';
import { openWalletSession, webWalletSessionResponse } from './web-wallet-session.js';

const { merchantName: _notHere, ...fields } = webWalletSessionFields;

/** createWebWallet: the shopper saves a first card, creating the wallet buyer.walletId (02502 if it exists). */
export const createWebWallet: OperationDef = {
  name: 'createWebWallet',
  service: 'WebPaymentAPI',
  request: objectType('createWebWalletRequest', fields, ['version', 'contractNumber', 'buyer', 'returnURL', 'cancelURL']),
  response: webWalletSessionResponse('createWebWallet'),
  handle: (context, request) => openWalletSession(context, 'createWebWallet', request, { walletId: (request.buyer as { walletId?: string }).walletId }),
};
