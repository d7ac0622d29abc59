import type { Merchant } from './merchant.js';

/**
 * The built-in sandbox merchant, used when GUICHET_MERCHANTS names no file.
 * Its access key is `demo-access-key` (documented in the README); only its hash is here.
 */
export const SANDBOX_MERCHANT: Merchant = {
  merchantId: 'demo-merchant',
  name: 'Guichet demo shop',
  accessKeyHash: 'scrypt$6775696368657473616e64626f780001$828f6e259391078086df6ebf9a8c7aa6e454161df7c64fcaa1049c0dd3bd552a',
  widgetOrigins: ['*'],
  defaultLanguage: 'fr',
  // The shopper's emails land in the data folder's .eml mailbox (/sandbox/mail) unless SMTP_URL is set.
  pointsOfSell: [
    {
      id: 'demo-shop',
      label: 'Demo shop',
      email: {
        from: 'Guichet demo shop <shop@guichet.invalid>',
        merchantTo: ['merchant@guichet.invalid'],
        send: ['payment-confirmation-shopper', 'refund-confirmation-shopper', 'webhook-endpoint-disabled'],
      },
      // Every wallet notification the seed offers (seed 001 "Notification email et serveur").
      walletNotifications: {
        smartbillEnrollResult: { email: true, server: true },
        smartBillCanceledCard: { server: true },
        cardExpiring: { email: true },
        walletCreated: { server: true },
      },
    },
  ],
  contracts: [
    { contractNumber: 'CB', cardTypes: ['CB', 'VISA', 'MASTERCARD'], currency: 978, label: 'CB, Visa, Mastercard', walletCvvRequired: true },
    { contractNumber: 'AMEX', cardTypes: ['AMEX'], currency: 978, label: 'American Express' },
    { contractNumber: 'AMEX-REC', cardTypes: ['AMEX-REC BILLING'], currency: 978, label: 'American Express Recurring (SmartBill)' },
    { contractNumber: 'DINERS', cardTypes: ['DINERS'], currency: 978, label: 'Diners Club' },
    { contractNumber: 'JCB', cardTypes: ['JCB'], currency: 978, label: 'JCB' },
    {
      contractNumber: 'CADEAU',
      cardTypes: ['CADEAU_CARREFOUR'],
      currency: 978,
      label: 'Carte Cadeau Carrefour',
      giftCard: { processorContractNumber: 'CCC-DEMO-1', contractType: 'non-food', maxAmount: 100_000, acceptsDiscounted: false },
    },
  ],
};
