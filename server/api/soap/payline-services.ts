import type { PaylineService } from '../operation.js';

/**
 * Which operations Payline serves on each SOAP service (payline-api.md §2.1), so a request
 * for one Guichet does not implement yet gets a precise error result rather than "unknown".
 */
export const PAYLINE_SERVICES: Readonly<Record<PaylineService, readonly string[]>> = Object.freeze({
  WebPaymentAPI: ['doWebPayment', 'getWebPaymentDetails', 'manageWebWallet', 'createWebWallet', 'updateWebWallet', 'getWebWallet'],
  DirectPaymentAPI: [
    'doAuthorizationRedirect', 'doAuthorization', 'doCapture', 'doReAuthorization', 'doDebit', 'doRefund', 'doReset', 'doCredit',
    'createWallet', 'updateWallet', 'getWallet', 'getCards', 'disableWallet', 'enableWallet', 'doImmediateWalletPayment',
    'doScheduledWalletPayment', 'doRecurrentWalletPayment', 'getPaymentRecord', 'disablePaymentRecord', 'verifyEnrollment',
    'verifyAuthentication', 'doScoringCheque', 'getEncryptionKey', 'getMerchantSettings', 'getBalance', 'getToken', 'unBlock',
    'updatePaymentRecord', 'getBillingRecord', 'updateBillingRecord', 'doBankTransfer', 'isRegistered', 'prepareSession',
  ],
  ExtendedAPI: ['getTransactionDetails', 'transactionsSearch', 'getAlertDetails'],
});

/** The three services, as their paths name them. */
export const SERVICE_NAMES = Object.keys(PAYLINE_SERVICES) as PaylineService[];

/** The service Payline serves `operation` on, if it is one of Payline's. */
export function paylineServiceOf(operation: string): PaylineService | undefined {
  return SERVICE_NAMES.find((service) => PAYLINE_SERVICES[service].includes(operation));
}
