import type { OperationDef } from '../operation.js';
import { doAuthorization } from './do-authorization.js';
import { doCapture } from './do-capture.js';
import { doCredit } from './do-credit.js';
import { doDebit } from './do-debit.js';
import { doReAuthorization } from './do-re-authorization.js';
import { doRefund } from './do-refund.js';
import { doReset } from './do-reset.js';
import { doWebPayment } from './do-web-payment.js';
import { getTransactionDetails } from './get-transaction-details.js';
import { getWebPaymentDetails } from './get-web-payment-details.js';
import { transactionsSearch } from './transactions-search.js';
import { verifyAuthentication } from './verify-authentication.js';
import { verifyEnrollment } from './verify-enrollment.js';
import { disablePaymentRecord } from './records/disable-payment-record.js';
import { doRecurrentWalletPayment } from './records/do-recurrent-wallet-payment.js';
import { doScheduledWalletPayment } from './records/do-scheduled-wallet-payment.js';
import { getBillingRecord } from './records/get-billing-record.js';
import { getPaymentRecord } from './records/get-payment-record.js';
import { updateBillingRecord } from './records/update-billing-record.js';
import { updatePaymentRecord } from './records/update-payment-record.js';
import { createWallet } from './wallets/create-wallet.js';
import { disableWallet } from './wallets/disable-wallet.js';
import { doImmediateWalletPayment } from './wallets/do-immediate-wallet-payment.js';
import { enableWallet } from './wallets/enable-wallet.js';
import { getCards } from './wallets/get-cards.js';
import { getWallet } from './wallets/get-wallet.js';
import { updateWallet } from './wallets/update-wallet.js';

/** Every operation Guichet implements, by name: the table both faces serve. */
export const OPERATIONS: ReadonlyMap<string, OperationDef> = new Map(
  [
    doWebPayment,
    getWebPaymentDetails,
    doAuthorization,
    doCapture,
    doReset,
    doRefund,
    doReAuthorization,
    doDebit,
    doCredit,
    getTransactionDetails,
    transactionsSearch,
    verifyEnrollment,
    verifyAuthentication,
    createWallet,
    getWallet,
    updateWallet,
    disableWallet,
    enableWallet,
    getCards,
    doImmediateWalletPayment,
    doScheduledWalletPayment,
    doRecurrentWalletPayment,
    getPaymentRecord,
    updatePaymentRecord,
    disablePaymentRecord,
    getBillingRecord,
    updateBillingRecord,
  ].map((op) => [op.name, op]),
);
