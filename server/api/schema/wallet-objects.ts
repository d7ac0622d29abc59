import { coded, integer, list, object, objectType, oneOf, text } from './field.js';
import * as schema from './objects.js';
import { cardOut, out, result, transaction } from './response-objects.js';

/**
 * The wallet and recurring objects (payline-api.md §3.7, §3.8), requests and answers, fields in
 * Payline's order. Dates: recurring.startDate `dd/mm/yyyy`, endDate and amountModificationDate
 * `dd/mm/yyyy` with an optional `HH:mm`, billingRecord.date `dd/mm/yyyy`.
 */

export const walletId = coded(50, /^[^\s<>&]{1,50}$/, 'a wallet id (1 to 50 characters, no spaces)');
/** §9.2 cardInd: AN2, the gateway's indexes 1 to 99. */
export const cardInd = integer(1, 99, 'a card index from 1 to 99');
export const day = coded(10, /^\d{2}\/\d{2}\/\d{4}$/, 'a date dd/mm/yyyy');
export const dayAndTime = coded(16, /^\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2})?$/, 'a date dd/mm/yyyy or dd/mm/yyyy HH:mm');
export const paymentRecordId = coded(20, /^\d{1,20}$/, 'a payment record id (digits)');
export const billingRecordId = coded(25, /^\d{1,25}$/, 'a billing record id (digits)');

/** §3.8 wallet (request). */
export const wallet = objectType(
  'wallet',
  {
    walletId,
    lastName: text(100),
    firstName: text(100),
    email: text(150),
    shippingAddress: object(schema.address),
    card: object(schema.card),
    comment: text(255),
    default: oneOf(['Y', 'N']),
    cardStatus: oneOf(['EXP', 'OPP', 'MAN', 'INT']),
    cardBrand: text(20),
    /** Amex Recurring (SmartBill) card status, answered by getWallet (seed 001); ignored in requests. */
    card_status: oneOf(['WR', 'EA', 'ER', 'EDU', 'PU', 'CC']),
  },
  ['walletId', 'card'],
);

export const walletIdList = list('walletId', walletId, 100, 'walletIdList');

/** §3.7 recurring (request). */
export const recurring = objectType(
  'recurring',
  {
    firstAmount: schema.amount,
    amount: schema.amount,
    billingCycle: integer(10, 90, 'a billing cycle code 10, 20, … 90', [10, 20, 30, 40, 50, 60, 70, 80, 90]),
    billingLeft: integer(1, 999, 'a number of due dates from 1 to 999'),
    billingDay: integer(1, 31, 'a day of the month from 01 to 31'),
    startDate: day,
    endDate: dayAndTime,
    newAmount: schema.amount,
    amountModificationDate: dayAndTime,
    billingRank: integer(1, 99, 'a rank from 1 to 99'),
  },
  ['amount', 'billingCycle'],
);

/** §3.7 recurringForUpdate. */
export const recurringForUpdate = objectType('recurringForUpdate', {
  billingLeft: recurring.fields.find((f) => f.name === 'billingLeft')!.spec,
  billingDay: recurring.fields.find((f) => f.name === 'billingDay')!.spec,
  endDate: dayAndTime,
  newAmount: schema.amount,
  amountModificationDate: dayAndTime,
});

/** §3.7 billingRecordForUpdate. */
export const billingRecordForUpdate = objectType('billingRecordForUpdate', {
  date: day,
  amount: schema.amount,
  status: integer(0, 4, 'a billing record status 0 to 4'),
  executionDate: day,
});

// ---- Answers ----
// Payline's WSDL answers with the request types (wallet, recurring); only the lists are new.

/** §3.8 cards, one per card of getCards. */
export const cardsOut = objectType('cards', {
  walletId: out,
  lastName: out,
  firstName: out,
  email: out,
  shippingAddress: object(schema.address),
  card: object(cardOut),
  cardInd: out,
  comment: out,
  isDisabled: out,
  disableDate: out,
  default: out,
  cardStatus: out,
});

export const cardsList = list('cards', object(cardsOut), 100, 'cardsList');

/** §3.7 billingRecord; the transaction and authorization of its last attempt. */
export const billingRecord = objectType('billingRecord', {
  date: out,
  amount: out,
  status: out,
  result: object(result),
  transaction: object(transaction),
  authorization: object(schema.authorization),
  nbTry: out,
  rank: out,
  billingRecordId: out,
});

export const billingRecordList = list('billingRecord', object(billingRecord), 1000, 'billingRecordList');
