import type { Clock } from '../core/clock.js';
import type { MerchantDirectory } from '../merchants/merchant-directory.js';
import type { PointOfSell } from '../merchants/merchant.js';
import { pointOfSellFor } from '../merchants/point-of-sell.js';
import { receivesWalletNotification } from '../merchants/wallet-notifications.js';
import type { Delivery } from '../store/notify-records.js';
import type { Store, StoredEvent } from '../store/store.js';
import type { AttemptOutcome, DeliveryHandler, DeliveryQueue } from './delivery-queue.js';
import { loadEventSubject, type EventSubject } from './event-subject.js';
import { httpAttempt } from './http-attempt.js';
import type { Channel } from './outbox.js';
import { notificationRequestUrl, paylineNotificationFor } from './payline-notification-types.js';
import { PAYLINE_SCHEDULE } from './retry-schedule.js';
import { walletNotificationCase } from './wallet-notification-cases.js';

/**
 * Payline server notifications (payline-api.md §7): `GET notificationURL?notificationType=…`
 * with the type's parameters, unsigned: it only says "come and fetch". The URL is the
 * doWebPayment request's, else the point of sale's, else the merchant's. Any 2xx is success;
 * otherwise every minute for two hours, then the delivery gives up (recorded, visible in
 * /api/events). Retries stop once the merchant has fetched the details (the stop mark).
 */
export interface PaylineNotificationOptions {
  store: Store;
  clock: Clock;
  merchants: MerchantDirectory;
  deliveries: DeliveryQueue;
  timeoutMs: number;
}

export class PaylineNotificationChannel implements Channel, DeliveryHandler {
  readonly name = 'payline-notification';
  readonly schedule = PAYLINE_SCHEDULE;

  constructor(private readonly options: PaylineNotificationOptions) {}

  async deliver(event: StoredEvent): Promise<void> {
    const notification = paylineNotificationFor(event);
    if (!notification) return;
    const { store, clock, deliveries } = this.options;
    const base = this.#notificationUrl(event, await loadEventSubject(store, event));
    if (!base) return;
    // Seed 001's table: a point of sale may switch each wallet case off.
    const which = walletNotificationCase(event);
    if (which && !receivesWalletNotification(this.#pointOfSell(event), which, 'server')) return;
    const now = clock.now();
    await deliveries.start([
      {
        id: `${event.id}:payline-notification`,
        version: 1,
        merchantId: event.merchantId,
        eventId: event.id,
        eventType: event.type,
        occurredAt: event.occurredAt,
        request: { channel: 'payline-notification', url: notificationRequestUrl(base, notification), notificationType: notification.type, subject: notification.subject },
        status: 'pending',
        attempts: [],
        seriesStart: 0,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  }

  async attempt(delivery: Delivery, signal: AbortSignal): Promise<AttemptOutcome> {
    const { store, clock, timeoutMs } = this.options;
    if (delivery.request.channel !== 'payline-notification') throw new TypeError(`not a Payline notification: ${delivery.id}`);
    const now = clock.now();
    if (await store.isNotificationStopped(delivery.merchantId, delivery.request.subject, now)) {
      return { next: 'stop', reason: 'the merchant fetched the details' };
    }
    const { attempt } = await httpAttempt({ method: 'GET', url: delivery.request.url, timeoutMs, now, signal });
    return { attempt, next: attempt.ok ? 'delivered' : 'retry' };
  }

  /** The request's notificationURL, else the point of sale's, else the merchant's. */
  #notificationUrl(event: StoredEvent, { payment, session }: EventSubject): string | undefined {
    if (session?.notificationURL) return session.notificationURL;
    const merchant = this.options.merchants.get(event.merchantId);
    if (!merchant) return undefined;
    const contract = payment?.contractNumber ?? session?.payment.contractNumber ?? (typeof event.data.contractNumber === 'string' ? event.data.contractNumber : undefined);
    return pointOfSellFor(merchant, contract)?.notificationURL ?? merchant.notificationURL;
  }

  /** The point of sale of an event that names its contract (the wallet events do). */
  #pointOfSell(event: StoredEvent): PointOfSell | undefined {
    const merchant = this.options.merchants.get(event.merchantId);
    const contract = typeof event.data.contractNumber === 'string' ? event.data.contractNumber : undefined;
    return merchant && pointOfSellFor(merchant, contract);
  }
}
