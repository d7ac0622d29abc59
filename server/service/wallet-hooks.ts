import type { Wallet } from '../core/wallet.js';
import type { Merchant } from '../merchants/merchant.js';
import type { Job } from '../store/store.js';

/**
 * What other capabilities add to a wallet change, committed in the same step: SmartBill gives a
 * card saved on an AMEX-REC BILLING contract its WR status and its enrolment job
 * (service/smartbill-service.ts `onNewCard`).
 */
export interface WalletHooks {
  /** A card was saved at `cardInd` (a new wallet, an added card, a card given a new PAN). */
  newCard?(merchant: Merchant, wallet: Wallet, cardInd: number, now: number): { wallet: Wallet; jobs: Job[] };
}
