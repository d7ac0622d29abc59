import { CODES } from '../../core/result-codes.js';
import { coded, integer, list, object, objectType, oneOf, text } from './field.js';
import { MAX_AMOUNT } from '../../core/money.js';

/**
 * Payline's request objects (payline-api.md §3), fields in Payline's order. Fields Guichet does
 * not use yet are declared all the same when a client sends them often, so they are validated
 * and echoed; anything undeclared is ignored.
 */

export const amount = integer(0, MAX_AMOUNT, 'a whole number of minor units');
export const currency = integer(1, 999, 'an ISO 4217 numeric currency code');
export const url = coded(1000, /^https?:\/\/[^\s]+$/, 'an http or https URL');
export const dateTime = coded(19, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}(:\d{2})?$/, 'a date dd/mm/yyyy HH:mm');
export const shortDate = coded(8, /^\d{2}\/\d{2}\/\d{2}$/, 'a date dd/mm/yy');
export const transactionId = coded(50, /^[A-Za-z0-9_-]{1,50}$/, 'a transaction id (letters, digits, - and _)');

export const payment = objectType(
  'payment',
  {
    amount,
    currency,
    action: integer(100, 999, 'a payment action code'),
    mode: oneOf(['CPT', 'DIF', 'NX', 'REC']),
    contractNumber: text(20),
    differedActionDate: shortDate,
    method: text(50),
    softDescriptor: text(64),
    cardBrand: text(20),
    registrationToken: text(64),
    cumulatedAmount: amount,
  },
  ['amount', 'currency', 'action', 'mode'],
);

export const address = objectType('address', {
  title: text(10),
  name: text(100),
  firstName: text(100),
  lastName: text(100),
  street1: text(100),
  street2: text(100),
  streetNumber: text(20),
  cityName: text(60),
  zipCode: text(20),
  country: text(3),
  phone: text(30),
  state: text(60),
  county: text(60),
  phoneType: text(10),
  addressCreateDate: text(20),
  email: text(150),
});

export const orderDetail = objectType('orderDetail', {
  ref: text(50),
  price: amount,
  quantity: integer(0, 999_999, 'a whole number'),
  comment: text(255),
  category: text(50),
  brand: text(50),
  subcategory1: text(50),
  subcategory2: text(50),
  additionalData: text(255),
  taxRate: integer(0, 100_000, 'a whole number'),
  seller: text(100),
  sellerType: text(50),
});

export const order = objectType(
  'order',
  {
    ref: text(50),
    origin: text(50),
    country: text(3),
    taxes: amount,
    amount,
    currency,
    date: dateTime,
    details: list('details', object(orderDetail), 100, 'details'),
    deliveryTime: text(10),
    deliveryMode: text(10),
    deliveryExpectedDate: coded(10, /^\d{2}\/\d{2}\/\d{4}$/, 'a date dd/mm/yyyy'),
    deliveryExpectedDelay: text(10),
    deliveryCharge: amount,
    discountAmount: amount,
  },
  ['ref', 'amount', 'currency', 'date'],
);

export const card = objectType(
  'card',
  {
    encryptionKeyId: text(50),
    encryptedData: text(4000),
    number: coded(19, /^\d{12,19}$/, '12 to 19 digits'),
    type: text(30),
    expirationDate: coded(4, /^\d{4}$/, 'an expiry date MMYY'),
    cvx: coded(4, /^\d{3,4}$/, '3 or 4 digits'),
    ownerBirthdayDate: coded(6, /^\d{6}$/, 'a date ddmmyy'),
    password: text(50),
    cardPresent: text(1),
    cardholder: text(100),
    token: text(100),
  },
  ['type'],
);

export const buyer = objectType('buyer', {
  title: text(10),
  lastName: text(100),
  firstName: text(100),
  email: text(150),
  shippingAdress: object(address),
  billingAddress: object(address),
  accountCreateDate: text(20),
  accountAverageAmount: amount,
  accountOrderCount: integer(0, 999_999, 'a whole number'),
  walletId: text(50),
  walletDisplayed: text(10),
  walletSecured: text(10),
  walletCardInd: text(2),
  ip: text(45),
  mobilePhone: text(30),
  customerId: text(50),
  legalStatus: text(10),
  legalDocumentType: text(10),
  legalDocument: text(50),
  birthDate: text(20),
  fingerprintID: text(100),
});

export const owner = objectType('owner', {
  lastName: text(100),
  firstName: text(100),
  issueCardDate: text(10),
});

export const privateData = objectType('privateData', { key: text(50), value: text(255) }, ['key', 'value']);
/** payline-api.md §3.10: at most 99 entries; more is 02305 naming the field, as for any format error… */
export const privateDataList = list('privateData', object(privateData), 99);
/** …except in wallet, web-wallet and payment-record operations, where Payline has 02514 (§5.4). */
export const walletPrivateDataList = list('privateData', object(privateData), 99, 'privateDataList', CODES.PRIVATE_DATA_LIMITED);
export const selectedContractList = list('selectedContract', text(50), 50);

export const authorization = objectType(
  'authorization',
  { number: text(20), date: dateTime, authorizedAmount: amount, authorizedCurrency: currency },
  ['number', 'date'],
);

export const bankAccountData = objectType('bankAccountData', {
  countryCode: text(3),
  bankCode: text(20),
  accountNumber: text(50),
  key: text(10),
});

export const version = text(10);
export const comment = text(255);
export const sequenceNumber = text(20);
export const media = text(50);
export const languageCode = text(10);
