import { notificationUrlProblem } from '../../core/notification-url.js';
import { CODES } from '../../core/result-codes.js';
import type { WebWalletOperation } from '../../core/web-session-types.js';
import type { OpenWalletSessionRequest } from '../../service/web-wallets-service.js';
import { resultOnly, type OperationContext, type Response } from '../operation.js';
import * as responses from '../schema/response-objects.js';
import { resultOut } from '../encode/payline-objects.js';

/**
 * What manageWebWallet, createWebWallet and updateWebWallet share: they open a web-wallet
 * session and answer `{result, token, redirectURL}` (00000), or the wallet's code (02502,
 * 02503, 02505, 02513, 02518), 02303 for a contract the merchant lacks, 02305 naming a field,
 * 02528 for a selectedContractList of more than one contract, 02529 for one other than
 * contractNumber, 02514 for over 99 privateData.
 */
export const webWalletSessionResponse = (operation: WebWalletOperation) =>
  responses.responseType(`${operation}Response`, { token: responses.out, redirectURL: responses.out });

type Buyer = { walletId?: string; lastName?: string; firstName?: string; email?: string };

/** The wallet's owner when the shopper's first card creates it: the buyer's names and email. */
function ownerOf(buyer: Buyer | undefined): OpenWalletSessionRequest['owner'] {
  if (!buyer) return undefined;
  const owner = Object.fromEntries((['lastName', 'firstName', 'email'] as const).filter((k) => buyer[k]).map((k) => [k, buyer[k]!]));
  return Object.keys(owner).length > 0 ? owner : undefined;
}

export async function openWalletSession(
  context: OperationContext,
  operation: WebWalletOperation,
  request: Record<string, unknown>,
  target: { walletId: string | undefined; cardInd?: string },
): Promise<Response> {
  const notificationURL = request.notificationURL as string | undefined;
  const urlProblem = notificationURL ? notificationUrlProblem(notificationURL) : undefined;
  if (urlProblem) return resultOnly(CODES.INVALID_FIELD, `notificationURL ${urlProblem}`);
  // A web wallet saves cards under one contract: a selectedContractList, when given, names just that one.
  const selected = request.selectedContractList as string[] | undefined;
  if (selected && selected.length > 1) {
    return resultOnly(CODES.ONE_SELECTED_CONTRACT, `selectedContractList must hold exactly one contract (it holds ${selected.length})`);
  }
  if (selected?.length === 1 && selected[0] !== request.contractNumber) {
    return resultOnly(CODES.SAME_CONTRACT, `selectedContractList names ${selected[0]}, contractNumber ${String(request.contractNumber)}: they must be the same contract`);
  }
  const buyer = request.buyer as Buyer | undefined;
  const owner = ownerOf(buyer);
  const outcome = await context.webWallets.open({
    merchant: context.merchant,
    operation,
    contractNumber: request.contractNumber as string,
    walletId: target.walletId,
    ...(target.cardInd ? { cardInd: target.cardInd } : {}),
    ...(owner ? { owner } : {}),
    returnURL: request.returnURL as string,
    cancelURL: request.cancelURL as string,
    ...(notificationURL ? { notificationURL } : {}),
    ...(request.languageCode ? { languageCode: request.languageCode as string } : {}),
    ...(buyer ? { buyer: buyer as never } : {}),
    ...(request.privateDataList ? { privateDataList: request.privateDataList as never } : {}),
  });
  if (!outcome.session) return { result: resultOut(outcome.code, outcome.message) };
  return { result: resultOut(outcome.code), token: outcome.session.token, redirectURL: outcome.redirectURL };
}
