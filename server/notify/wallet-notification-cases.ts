import { SMARTBILL_CAUSE } from '../core/smartbill.js';
import { WalletNotificationCase } from '../merchants/wallet-notifications.js';
import type { OutboxEvent } from '../store/store.js';

/**
 * The wallet events that are a case of seed 001's notification table, pure: which case an event
 * is (so the point of sale's settings apply), and the server notification of the SmartBill cases,
 * `notificationType=Wallet` with the seed's own parameters ("Notification serveur résultat
 * d'enrôlement", "Notification serveur carte résiliée").
 */

/** The event a card's SmartBill status change commits (service/smartbill-service.ts). */
export const CARD_STATUS_CHANGED = 'wallet.card_status_changed';
/** A saved card falls within two months of its expiry (service/card-expiry-alerts.ts). */
export const CARD_EXPIRING = 'wallet.card_expiring';

/** The seed's notificationType for the SmartBill cases, spelt as the seed spells it. */
export const SMARTBILL_NOTIFICATION_TYPE = 'Wallet';

/** The table's case of an event, if it is one. */
export function walletNotificationCase(event: Pick<OutboxEvent, 'type' | 'data'>): WalletNotificationCase | undefined {
  if (event.type === 'wallet.created') return WalletNotificationCase.WALLET_CREATED;
  if (event.type === CARD_EXPIRING) return WalletNotificationCase.CARD_EXPIRING;
  if (event.type !== CARD_STATUS_CHANGED) return undefined;
  const status = event.data.cardStatus;
  if (status === 'EA' || status === 'ER') return WalletNotificationCase.SMARTBILL_ENROLL_RESULT;
  if (status === 'CC') return WalletNotificationCase.SMARTBILL_CANCELED_CARD;
  return undefined;
}

/**
 * The query parameters of a SmartBill server notification, in the seed's order; null for the
 * wallet events that cause none (an expiry alert is by email only; EDU and PU are not in the table).
 * Undefined: not a SmartBill or alert event, the generic WALLET rules apply.
 */
export function smartBillNotificationParams(event: Pick<OutboxEvent, 'type' | 'data'>): Record<string, string> | null | undefined {
  if (event.type === CARD_EXPIRING) return null;
  // A wallet or card disabled by SmartBill (ER, CC) is told by the SmartBill notification alone.
  if (event.data.cause === SMARTBILL_CAUSE && event.type !== CARD_STATUS_CHANGED) return null;
  if (event.type !== CARD_STATUS_CHANGED) return undefined;
  const { walletId, cardStatus, resultCode, cancellationCode } = event.data;
  if (typeof walletId !== 'string') return null;
  if (cardStatus === 'EA' || cardStatus === 'ER') {
    return { walletId, type: 'smartbillEnrollResult', result: cardStatus === 'EA' ? 'Y' : 'N', resultCode: String(resultCode ?? '') };
  }
  if (cardStatus === 'CC') return { walletId, type: 'smartBillCanceledCard', CancellationCode: String(cancellationCode ?? '') };
  return null;
}
