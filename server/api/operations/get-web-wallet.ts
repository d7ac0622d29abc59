import { CODES } from '../../core/result-codes.js';
import { webWalletResultCode } from '../../core/web-wallet-session.js';
import type { Wallet, WalletCard } from '../../core/wallet.js';
import type { OperationDef } from '../operation.js';
import { object, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { wallet as walletSchema } from '../schema/wallet-objects.js';
import { walletOut } from '../encode/wallet-objects.js';
import { compact, privateDataListOut, resultOut } from '../encode/payline-objects.js';

/** The card `wallet` shows (§3.8): the one the session updated (updateWebWallet), else the default active card. */
function shownCard(wallet: Wallet, cardInd: string | undefined): WalletCard | undefined {
  const active = wallet.cards.filter((c) => !c.isDisabled);
  return active.find((c) => String(c.cardInd) === cardInd) ?? active.find((c) => c.isDefault);
}

/**
 * getWebWallet: the outcome of a web-wallet session: 02500 done, 02533 still open, 02536
 * cancelled, 02535 expired, 02304 unknown token (a payment session's token included), with
 * the wallet as it is now (absent while no card created it) and the number of changes made.
 */
export const getWebWallet: OperationDef = {
  name: 'getWebWallet',
  service: 'WebPaymentAPI',
  request: objectType('getWebWalletRequest', { version: schema.version, token: text(100) }, ['version', 'token']),
  response: responses.responseType('getWebWalletResponse', {
    wallet: object(walletSchema),
    owner: object(schema.owner),
    privateDataList: schema.privateDataList,
    numberOfAttempt: responses.out,
  }),
  async handle(context, request) {
    const session = await context.webWallets.session(request.token as string, context.merchant.merchantId);
    if (!session) return { result: resultOut(CODES.TOKEN_NOT_FOUND) };
    const code = webWalletResultCode(session, context.clock.now());
    await context.detailsFetched.webWallet(session, code);
    const wallet = (await context.wallets.get(context.merchant, session.walletManagement!.walletId))?.value;
    const card = wallet && shownCard(wallet, session.walletManagement!.cardInd);
    return compact({
      result: resultOut(code),
      wallet: wallet && card ? walletOut(wallet, card, context.clock.now()) : undefined,
      owner: wallet && (wallet.owner.lastName || wallet.owner.firstName) ? compact({ lastName: wallet.owner.lastName, firstName: wallet.owner.firstName }) : undefined,
      privateDataList: privateDataListOut(session.privateDataList),
      numberOfAttempt: session.walletManagement!.changes,
    });
  },
};
