import { formatShortDateTime } from '../../core/payline-date.js';
import type { BillingRecord, PaymentRecord } from '../../core/payment-record.js';
import { cardStatusAt, type Wallet, type WalletCard } from '../../core/wallet.js';
import { compact, orderOut, privateDataListOut, resultOut } from './payline-objects.js';

/**
 * The wallet and recurring answer objects (payline-api.md §3.7, §3.8, §9) from the records:
 * the card masked, flags `0`/`1`, `default` `Y`/`N`, disableDate `dd/mm/yy HH:mm`.
 */
type Out = Record<string, unknown>;

function ownerFields(wallet: Wallet): Out {
  return compact({
    walletId: wallet.walletId,
    lastName: wallet.owner.lastName,
    firstName: wallet.owner.firstName,
    email: wallet.owner.email,
    shippingAddress: wallet.owner.shippingAddress,
  });
}

function maskedCard(card: WalletCard): Out {
  return compact({ number: card.card.maskedNumber, type: card.card.type, expirationDate: card.card.expirationDate, cardholder: card.card.cardholder });
}

/** §3.8 wallet: the owner and one card (getWallet). */
export function walletOut(wallet: Wallet, card: WalletCard, now: number): Out {
  return compact({
    ...ownerFields(wallet),
    card: maskedCard(card),
    comment: card.comment,
    default: card.isDefault ? 'Y' : 'N',
    cardStatus: cardStatusAt(card, now),
    cardBrand: card.cardBrand,
    card_status: card.smartBill?.cardStatus,
  });
}

/** §3.8 cards: one entry per card (getCards). */
export function cardsOut(wallet: Wallet, card: WalletCard, now: number, timeZone: string): Out {
  return compact({
    ...ownerFields(wallet),
    card: maskedCard(card),
    cardInd: String(card.cardInd),
    comment: card.comment,
    isDisabled: card.isDisabled || wallet.isDisabled ? '1' : '0',
    disableDate: card.disableDate !== undefined ? formatShortDateTime(card.disableDate, timeZone) : undefined,
    default: card.isDefault ? 'Y' : 'N',
    cardStatus: cardStatusAt(card, now),
  });
}

/** §3.7 recurring as the record keeps it (absent for a scheduled payment). */
export function recurringOut(record: PaymentRecord): Out | undefined {
  const r = record.recurring;
  if (!r) return undefined;
  return compact({
    firstAmount: r.firstAmount ?? r.amount,
    amount: r.amount,
    billingCycle: r.billingCycle,
    billingLeft: r.billingLeft,
    billingDay: r.billingDay !== undefined ? String(r.billingDay).padStart(2, '0') : undefined,
    startDate: r.startDate,
    endDate: r.endDate,
    newAmount: r.newAmount,
    amountModificationDate: r.amountModificationDate,
  });
}

/** §3.7 billingRecord. */
export function billingRecordOut(billing: BillingRecord): Out {
  return compact({
    date: billing.date,
    amount: billing.amount,
    status: billing.status,
    result: billing.result ? resultOut(billing.result) : undefined,
    transaction: billing.transactionId ? { id: billing.transactionId } : undefined,
    authorization: billing.authorizationNumber ? { number: billing.authorizationNumber } : undefined,
    nbTry: billing.nbTry,
    rank: billing.rank,
    billingRecordId: billing.billingRecordId,
  });
}

/** The fields getPaymentRecord, updatePaymentRecord, getBillingRecord share (§2.5). */
export function paymentRecordFields(record: PaymentRecord, timeZone: string): Out {
  return compact({
    recurring: recurringOut(record),
    isDisabled: record.isDisabled ? '1' : '0',
    disableDate: record.disableDate !== undefined ? formatShortDateTime(record.disableDate, timeZone) : undefined,
    privateDataList: privateDataListOut(record.privateDataList),
    order: orderOut(record.order, timeZone),
    walletId: record.walletId,
  });
}
