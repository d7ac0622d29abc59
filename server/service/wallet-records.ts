import type { JsonValue } from '../core/payment.js';
import type { PaymentRecord } from '../core/payment-record.js';
import type { Wallet } from '../core/wallet.js';
import type { StoredRecord, VersionedWrite } from '../store/store.js';

/**
 * Wallets and payment records as Store records (server/store/store.ts, kind by kind), scoped by
 * the merchant so they commit atomically with that merchant's payments, events and jobs.
 * A payment record is listed under its wallet and its wallet card, so that a wallet's or a
 * card's records are found together (disable them, stop them on 01133).
 */
export const WALLET_KIND = 'wallet';
export const PAYMENT_RECORD_KIND = 'payment-record';

/** A record as read, with the version the next write must expect. */
export interface Versioned<T> {
  value: T;
  version: number;
}

export const recordIndex = {
  wallet: (walletId: string) => `wallet:${walletId}`,
  card: (walletId: string, cardInd: number) => `card:${walletId}:${cardInd}`,
  /** The web payment whose first due date opened the record. */
  token: (token: string) => `token:${token}`,
} as const;

type Data = { [key: string]: JsonValue };

/** Wallet and PaymentRecord hold JSON values only (no undefined kept: optional fields are left out). */
const toData = (value: object): Data => value as unknown as Data;

export function walletWrite(wallet: Wallet, expectedVersion: number | null): VersionedWrite<StoredRecord> {
  return {
    next: { kind: WALLET_KIND, scope: wallet.merchantId, id: wallet.walletId, version: (expectedVersion ?? 0) + 1, data: toData(wallet) },
    expectedVersion,
  };
}

export function walletFrom(record: StoredRecord): Versioned<Wallet> {
  return { value: record.data as unknown as Wallet, version: record.version };
}

export function paymentRecordWrite(record: PaymentRecord, expectedVersion: number | null): VersionedWrite<StoredRecord> {
  return {
    next: {
      kind: PAYMENT_RECORD_KIND,
      scope: record.merchantId,
      id: record.paymentRecordId,
      version: (expectedVersion ?? 0) + 1,
      indexes: [recordIndex.wallet(record.walletId), recordIndex.card(record.walletId, record.cardInd), ...(record.token ? [recordIndex.token(record.token)] : [])],
      data: toData(record),
    },
    expectedVersion,
  };
}

export function paymentRecordFrom(record: StoredRecord): Versioned<PaymentRecord> {
  return { value: record.data as unknown as PaymentRecord, version: record.version };
}
