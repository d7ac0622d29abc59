import { CODES } from '../../core/result-codes.js';
import { webWalletResultCode } from '../../core/web-wallet-session.js';
import type { WalletView } from '../../service/wallet-cards.js';
import type { OperationDef } from '../operation.js';
import { object, objectType, text } from '../schema/field.js';
import * as schema from '../schema/objects.js';
import * as responses from '../schema/response-objects.js';
import { walletOut } from '../schema/web-wallet-objects.js';
import { compact, privateDataListOut, resultOut } from '../encode/payline-objects.js';

/** `wallet` with one card (§3.8): the card the session updated (updateWebWallet), else the default card. */
function walletWith(wallet: WalletView, cardInd: string | undefined) {
  const card = wallet.cards.find((c) => c.cardInd === cardInd) ?? wallet.cards.find((c) => c.isDefault);
  return compact({
    walletId: wallet.walletId,
    lastName: wallet.owner.lastName,
    firstName: wallet.owner.firstName,
    email: wallet.owner.email,
    card: card && compact({ number: card.maskedNumber, type: card.type, expirationDate: card.expirationDate, cardholder: card.cardholder }),
    default: card ? (card.isDefault ? 'Y' : 'N') : undefined,
  });
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
    wallet: object(walletOut),
    owner: object(schema.owner),
    privateDataList: schema.privateDataList,
    numberOfAttempt: responses.out,
  }),
  async handle(context, request) {
    const session = await context.webWallets.session(request.token as string, context.merchant.merchantId);
    if (!session) return { result: resultOut(CODES.TOKEN_NOT_FOUND) };
    const code = webWalletResultCode(session, context.clock.now());
    await context.detailsFetched.webWallet(session, code);
    const wallet = await context.webWallets.wallet(session);
    return compact({
      result: resultOut(code),
      wallet: wallet && walletWith(wallet, session.walletManagement!.cardInd),
      owner: wallet && (wallet.owner.lastName || wallet.owner.firstName) ? compact({ lastName: wallet.owner.lastName, firstName: wallet.owner.firstName }) : undefined,
      privateDataList: privateDataListOut(session.privateDataList),
      numberOfAttempt: session.walletManagement!.changes,
    });
  },
};
