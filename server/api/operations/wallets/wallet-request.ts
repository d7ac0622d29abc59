import type { JsonValue } from '../../../core/payment.js';
import type { WalletOwner } from '../../../core/wallet.js';
import type { WalletRequest } from '../../../service/wallets-service.js';
import type { CardIn } from '../../operation.js';

/** The validated `wallet` object (payline-api.md §3.8). */
export interface WalletIn {
  walletId: string;
  lastName?: string;
  firstName?: string;
  email?: string;
  shippingAddress?: { [key: string]: JsonValue };
  card: CardIn;
  comment?: string;
  default?: 'Y' | 'N';
  cardStatus?: string;
  cardBrand?: string;
}

/** createWallet / updateWallet's request as the wallets service takes it. */
export function walletRequestOf(request: Record<string, unknown>): WalletRequest {
  const wallet = request.wallet as WalletIn;
  const owner: WalletOwner = {
    ...(wallet.lastName ? { lastName: wallet.lastName } : {}),
    ...(wallet.firstName ? { firstName: wallet.firstName } : {}),
    ...(wallet.email ? { email: wallet.email } : {}),
    ...(wallet.shippingAddress ? { shippingAddress: wallet.shippingAddress } : {}),
  };
  return {
    walletId: wallet.walletId,
    contractNumber: request.contractNumber as string,
    owner,
    card: wallet.card,
    ...(typeof request.transactionID === 'string' ? { transactionID: request.transactionID } : {}),
    ...(wallet.default ? { isDefault: wallet.default === 'Y' } : {}),
    ...(wallet.comment !== undefined ? { comment: wallet.comment } : {}),
    ...(wallet.cardBrand !== undefined ? { cardBrand: wallet.cardBrand } : {}),
    ...(request.privateDataList !== undefined ? { privateDataList: request.privateDataList as JsonValue } : {}),
  };
}
