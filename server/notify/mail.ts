import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../logging/logger.js';
import type { MerchantDirectory } from '../merchants/merchant-directory.js';
import type { Delivery } from '../store/notify-records.js';
import type { Store, StoredEvent } from '../store/store.js';
import type { AttemptOutcome, DeliveryHandler, DeliveryQueue } from './delivery-queue.js';
import { loadEventSubject } from './event-subject.js';
import { mailsFor } from './mail-messages.js';
import { MailTemplateError, type MailRenderer } from './mail-render.js';
import type { MailTransport } from './mail-transport.js';
import type { Channel } from './outbox.js';
import { MAIL_SCHEDULE } from './retry-schedule.js';
import { WALLET_MAIL_EVENTS } from './wallet-mail-messages.js';

/**
 * Emails: each event's messages (mail-messages.ts) become deliveries, rendered and sent at each
 * attempt. A template that fails to render is logged with its name and retried like an SMTP
 * server that is down: the event is never lost. The Message-ID is the same at every attempt.
 */
/** The events that can cause an email (mail-messages.ts); others are not even read further. */
const MAIL_EVENTS = new Set(['payment.accepted', 'payment.refunded', 'webhook.endpoint.disabled', ...WALLET_MAIL_EVENTS]);

export interface MailChannelOptions {
  store: Store;
  clock: Clock;
  merchants: MerchantDirectory;
  deliveries: DeliveryQueue;
  renderer: MailRenderer;
  transport: MailTransport;
  logger: Logger;
  timeZone: string;
}

export class MailChannel implements Channel, DeliveryHandler {
  readonly name = 'mail';
  readonly schedule = MAIL_SCHEDULE;

  constructor(private readonly options: MailChannelOptions) {}

  async deliver(event: StoredEvent): Promise<void> {
    const { store, clock, merchants, deliveries, timeZone } = this.options;
    const merchant = merchants.get(event.merchantId);
    if (!merchant || !MAIL_EVENTS.has(event.type) || !merchant.pointsOfSell.some((pos) => pos.email)) return;
    const mails = mailsFor(event, await loadEventSubject(store, event), merchant, timeZone);
    if (mails.length === 0) return;
    const now = clock.now();
    await deliveries.start(
      mails.map(
        (mail): Delivery => ({
          id: `${event.id}:mail:${mail.template}`,
          version: 1,
          merchantId: event.merchantId,
          eventId: event.id,
          eventType: event.type,
          occurredAt: event.occurredAt,
          request: { channel: 'mail', ...mail },
          status: 'pending',
          attempts: [],
          seriesStart: 0,
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      ),
    );
  }

  async attempt(delivery: Delivery): Promise<AttemptOutcome> {
    const { clock, renderer, transport, logger } = this.options;
    if (delivery.request.channel !== 'mail') throw new TypeError(`not an email: ${delivery.id}`);
    const { template, language, from, to, context } = delivery.request;
    const at = clock.now();
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      const rendered = renderer.render(template, language, context);
      const messageId = `<${createHash('sha256').update(delivery.id).digest('hex').slice(0, 32)}@guichet.mail>`;
      const reply = await transport.send({ merchantId: delivery.merchantId, messageId, from, to, ...rendered });
      const status = Number(/^\d{3}/.exec(reply)?.[0]) || undefined;
      return { next: 'delivered', attempt: { at, latencyMs: latency(), ok: true, ...(status ? { status } : {}), responseExcerpt: reply.slice(0, 256) } };
    } catch (error) {
      if (error instanceof MailTemplateError) logger.error({ err: error, template: error.template, delivery: delivery.id }, 'email template failed; the email is retried');
      const smtp = (error as { responseCode?: number }).responseCode;
      return { next: 'retry', attempt: { at, latencyMs: latency(), ok: false, ...(smtp ? { status: smtp } : {}), error: String((error as Error).message ?? error).slice(0, 200) } };
    }
  }
}
