import { hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { Server } from 'node:http';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../logging/logger.js';
import type { AccessKeyVerifier } from '../merchants/access-key.js';
import type { MerchantDirectory } from '../merchants/merchant-directory.js';
import type { IdSource } from '../service/ids.js';
import type { Job, Store } from '../store/store.js';
import { DeliveryQueue } from './delivery-queue.js';
import { EventLog } from './event-log.js';
import { MailChannel } from './mail.js';
import { MailRenderer } from './mail-render.js';
import { createMailTransport, type MailTransport } from './mail-transport.js';
import { Outbox } from './outbox.js';
import { PaylineNotificationChannel } from './payline-notification.js';
import { createSocketServer, type LiveServer, type SocketServerOptions } from './socket-server.js';
import { SocketRoomsChannel } from './socket-rooms.js';
import { WebhookChannel } from './webhook.js';
import { WebhookEndpoints } from './webhook-endpoints.js';

/**
 * The notification hub, wired: the outbox dispatcher and its four channels (Payline server
 * notifications, signed webhooks, socket.io rooms, email), the delivery queue their retries go
 * through, and the services the merchant API uses. gateway.ts creates one and plugs it in.
 */
export interface NotifySettings {
  dataDir: string;
  timeZone: string;
  smtpUrl?: string;
  /** Per webhook attempt (ms): 15 s by default. */
  webhookTimeoutMs?: number;
  /** Per Payline notification attempt (ms): 15 s by default. */
  notificationTimeoutMs?: number;
  /** templates/email by default. */
  templatesDir?: string;
  /**
   * How long an event a process took from the outbox, or a delivery it began, stays its own (ms):
   * should the process die, another takes it over then. 60 s by default; keep it above the
   * attempt timeouts, or a slow attempt is made twice.
   */
  leaseMs?: number;
}

export interface NotifyHubOptions {
  store: Store;
  clock: Clock;
  ids: IdSource;
  merchants: MerchantDirectory;
  logger: Logger;
  verifier: AccessKeyVerifier;
  /** The gateway's data key: the socket rooms' merchant tokens are signed with a key derived from it. */
  dataKey: Buffer;
  settings: NotifySettings;
  /** [0, 1), for jitter; the CSPRNG by default. */
  random?: () => number;
  /** socket.io's adapter when several processes share the store (socket-adapter.ts). */
  liveAdapter?: SocketServerOptions['adapter'];
}

export interface NotifyHub {
  io: LiveServer;
  endpoints: WebhookEndpoints;
  events: EventLog;
  transport: MailTransport;
  socketTokenKey: Buffer;
  /** Serves the live events on the gateway's HTTP server. */
  attach(server: Server): void;
  /** The job runner's handler for delivery retries. */
  runJob(job: Job): Promise<void>;
  /** Starts dispatching committed events. */
  start(): void;
  /** Resolves once every committed event has been taken by every channel and no attempt runs (tests, benchmarks). */
  settled(): Promise<void>;
  /** Stops dispatching, cuts running attempts short (their jobs retry them), closes sockets and the mail transport. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_LEASE_MS = 60_000;

export function createNotifyHub(options: NotifyHubOptions): NotifyHub {
  const { store, clock, ids, merchants, logger, verifier, settings } = options;
  const socketTokenKey = Buffer.from(hkdfSync('sha256', options.dataKey, Buffer.alloc(0), 'guichet socket tokens', 32));
  const random = options.random ?? (() => randomInt(0, 2 ** 32) / 2 ** 32);
  const leaseMs = settings.leaseMs ?? DEFAULT_LEASE_MS;
  const deliveries = new DeliveryQueue({ store, clock, random, logger, guardMs: leaseMs });
  const io = createSocketServer({
    store,
    clock,
    merchants,
    verifier,
    tokenKey: socketTokenKey,
    timeZone: settings.timeZone,
    ...(options.liveAdapter ? { adapter: options.liveAdapter } : {}),
  });
  const transport = createMailTransport({ ...(settings.smtpUrl ? { smtpUrl: settings.smtpUrl } : {}), dataDir: settings.dataDir, clock });

  const payline = new PaylineNotificationChannel({ store, clock, merchants, deliveries, timeoutMs: settings.notificationTimeoutMs ?? DEFAULT_TIMEOUT_MS });
  const webhook = new WebhookChannel({ store, clock, ids, deliveries, timeZone: settings.timeZone, timeoutMs: settings.webhookTimeoutMs ?? DEFAULT_TIMEOUT_MS });
  const mail = new MailChannel({ store, clock, merchants, deliveries, renderer: new MailRenderer(settings.templatesDir), transport, logger, timeZone: settings.timeZone });
  const rooms = new SocketRoomsChannel({ io, store, timeZone: settings.timeZone });
  deliveries.handle('payline-notification', payline);
  deliveries.handle('webhook', webhook);
  deliveries.handle('mail', mail);
  const outbox = new Outbox({ store, logger, channels: [payline, webhook, rooms, mail], leaseMs });
  let attached = false;

  return {
    io,
    endpoints: new WebhookEndpoints({ store, clock, randomBytes }),
    events: new EventLog({ store, deliveries, sendToNewEndpoints: (event) => webhook.deliver(event) }),
    transport,
    socketTokenKey,
    attach(server) {
      io.attach(server);
      attached = true;
    },
    runJob: (job) => deliveries.runJob(job),
    start: () => outbox.start(),
    async settled() {
      do {
        await outbox.drained();
        await deliveries.settled();
      } while ((await outbox.backlog()) > 0);
    },
    async close() {
      await outbox.stop();
      await deliveries.close();
      transport.close();
      // Closing socket.io also closes the HTTP server it is attached to. Never attached, it still
      // has its adapter to close (the Redis one reads a stream until then).
      if (attached) await io.close();
      else io.of('/').adapter.close();
    },
  };
}
