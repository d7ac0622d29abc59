import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { ManualClock, systemClock, type Clock } from './core/clock.js';
import type { Acquirer } from './connectors/acquirer.js';
import { SimulatorAcquirer } from './connectors/simulator/simulator.js';
import type { GiftCardProcessor } from './connectors/gift-card.js';
import { RESERVATION_EXPIRY_JOB, SimulatorGiftCardProcessor } from './connectors/simulator/gift-card/simulator-gift-cards.js';
import { acsRoutes } from './connectors/simulator/acs/acs-routes.js';
import { SimulatorAcs } from './connectors/simulator/acs/simulator-acs.js';
import type { ThreeDSecureServer } from './connectors/three-d-secure.js';
import { CardVault } from './crypto/card-vault.js';
import { loadDataKey } from './crypto/data-key.js';
import type { Config } from './config.js';
import { JobRunner } from './jobs/job-runner.js';
import { createLogger, type Logger } from './logging/logger.js';
import { AccessKeyVerifier } from './merchants/access-key.js';
import type { Merchant } from './merchants/merchant.js';
import { MerchantDirectory } from './merchants/merchant-directory.js';
import { loadMerchantsFile } from './merchants/merchants-file.js';
import { SANDBOX_MERCHANT } from './merchants/sandbox-merchant.js';
import { DetailsFetched } from './service/details-fetched.js';
import { randomIds, type IdSource } from './service/ids.js';
import { GiftCardsService } from './service/gift-cards-service.js';
import { PaymentsService } from './service/payments-service.js';
import { ThreeDSecureService } from './service/three-d-secure-service.js';
import { WebPaymentsService } from './service/web-payments-service.js';
import { WalletsService } from './service/wallets-service.js';
import { WalletCardsOnWallets, type CardRegistrationCheck } from './service/wallet-cards-on-wallets.js';
import { WebWalletsService } from './service/web-wallets-service.js';
import { SmartBillService } from './service/smartbill-service.js';
import { SmartBillUpdates } from './service/smartbill-updates.js';
import { CardExpiryAlerts } from './service/card-expiry-alerts.js';
import type { SmartBillNetwork } from './connectors/smartbill-network.js';
import { SimulatorSmartBill } from './connectors/simulator/smartbill/simulator-smartbill.js';
import { smartBillJobs } from './jobs/smartbill-jobs.js';
import { writeExpiringCardsFile } from './jobs/expiring-cards-file.js';
import { smartBillRoutes } from './api/sandbox/smartbill-routes.js';
import { BILLING_JOB, PaymentRecordsService } from './service/payment-records-service.js';
import { BillingRunner } from './service/billing-runner.js';
import { RecurringWebPayments } from './service/recurring-web-payments.js';
import { createStore } from './store/create-store.js';
import { DELIVERY_JOB } from './notify/delivery-queue.js';
import { createNotifyHub, type NotifyHub, type NotifySettings } from './notify/notify-hub.js';
import { openLiveAdapter } from './notify/socket-adapter.js';
import { checkRedisDurability } from './redis/durability-check.js';
import type { Job, Store } from './store/store.js';
import { merchantAuth } from './api/auth/merchant-auth.js';
import { jsonErrorHandler } from './api/http-errors.js';
import { jsonFace } from './api/json/json-face.js';
import { soapFace } from './api/soap/soap-face.js';
import { OPERATIONS } from './api/operations/registry.js';
import { requestLog } from './api/request-log.js';
import { clockRoutes } from './api/sandbox/clock-routes.js';
import { mailRoutes } from './api/sandbox/mail-routes.js';
import { giftCardRoutes } from './api/sandbox/gift-card-routes.js';
import { merchantApi } from './api/merchant/merchant-api.js';
import { hostedPageRoutes } from './api/pages/hosted-page-routes.js';
import { challengeRoutes } from './api/widget/challenge-routes.js';
import { widgetAssets } from './api/widget/widget-assets.js';
import { widgetRoutes } from './api/widget/widget-routes.js';

/**
 * Wires the gateway's parts from a Config: store, acquirer, card vault, services, job runner
 * and the HTTP faces. main.ts runs one; tests run as many as they like, on free ports.
 */
export interface GatewayOptions {
  config: Config;
  /** Defaults: a ManualClock when config.testClock, else the system clock. */
  clock?: Clock;
  ids?: IdSource;
  merchants?: Merchant[];
  logger?: Logger;
  acquirer?: Acquirer;
  /** Default: the simulator's ACS, whose challenge pages the gateway then serves under /acs/. */
  threeDSecure?: ThreeDSecureServer;
  /** Default: the simulator's gift-card processor, its accounts kept in the store. */
  giftCardProcessor?: GiftCardProcessor;
  store?: Store;
  /**
   * The check a card passes before the web pages save it (web wallets, "save this card"): the
   * one call site for Amex Recurring's 1 EUR authorization. Default: SmartBillService.verifyCard.
   */
  cardRegistrationCheck?: CardRegistrationCheck;
  /** Default: the simulated American Express SmartBill. */
  smartBillNetwork?: SmartBillNetwork;
  /** Notification hub settings beyond the config (tests shorten timeouts), and its jitter source. */
  notify?: Pick<NotifySettings, 'webhookTimeoutMs' | 'notificationTimeoutMs' | 'templatesDir'> & { random?: () => number };
}

export interface Gateway {
  app: Express;
  clock: Clock;
  store: Store;
  jobs: JobRunner;
  payments: PaymentsService;
  webPayments: WebPaymentsService;
  giftCards: GiftCardsService;
  wallets: WalletsService;
  /** Amex Recurring: the web pages' 1 EUR check (verifyCard) before a card is saved. */
  smartBill: SmartBillService;
  paymentRecords: PaymentRecordsService;
  /** Outbox dispatcher, webhooks, Payline notifications, socket.io, email. */
  notify: NotifyHub;
  logger: Logger;
  /** Listens on config.host:config.port (0: a free port) and starts the job timer. */
  listen(): Promise<{ port: number; url: string }>;
  /** Stops taking requests, waits for those in flight, stops the jobs, closes the live-events connections and the store. */
  close(): Promise<void>;
}

/** Request bodies larger than this are refused (413). */
const BODY_LIMIT = '64kb';

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? (config.testClock ? new ManualClock(Date.now()) : systemClock);
  const merchants = new MerchantDirectory(options.merchants ?? (config.merchantsFile ? loadMerchantsFile(config.merchantsFile) : [SANDBOX_MERCHANT]));
  const dataKey = loadDataKey({ ...(config.dataKey ? { envValue: config.dataKey } : {}), dataDir: config.dataDir, warn: (m) => logger.warn(m) });
  const retention = { eventMs: config.eventRetentionMs, sessionMs: config.sessionRetentionMs };
  const store = options.store ?? createStore(config.redisUrl ? { kind: 'redis', url: config.redisUrl, clock, retention } : { kind: 'memory', clock });
  const ids = options.ids ?? randomIds;
  // Read at each use: with port 0 the public URL is known only once listening (see listen()).
  const settings = { sessionTtlMs: config.sessionTtlMs, maxAttempts: config.maxAttempts, publicUrl: config.publicUrl, timeZone: config.timeZone };
  const threeDSecure = options.threeDSecure ?? new SimulatorAcs({ clock, publicUrl: () => settings.publicUrl, newId: () => ids.token() });
  const deps = {
    store,
    acquirer: options.acquirer ?? new SimulatorAcquirer({ latencyMs: config.acquirerLatencyMs }),
    threeDSecure,
    vault: new CardVault(dataKey.key),
    clock,
    ids,
    settings,
  };
  const payments = new PaymentsService(deps);
  const giftCardProcessor = options.giftCardProcessor ?? new SimulatorGiftCardProcessor(store, clock);
  const giftCards = new GiftCardsService(deps, giftCardProcessor);
  const smartBill = new SmartBillService({ ...deps, network: options.smartBillNetwork ?? new SimulatorSmartBill() }, payments);
  const wallets = new WalletsService(deps, payments, { newCard: (...args) => smartBill.onNewCard(...args) });
  const smartBillUpdates = new SmartBillUpdates(deps);
  const walletBatches = smartBillJobs({
    store,
    clock,
    merchants,
    logger,
    dataDir: config.dataDir,
    smartBill,
    updates: smartBillUpdates,
    alerts: new CardExpiryAlerts(deps, (merchantId, day, csv) => writeExpiringCardsFile(config.dataDir, merchantId, day, csv)),
  });
  // Cards saved through the web pages pass Amex Recurring's 1 EUR authorization when their contract is AMEX-REC BILLING.
  const walletCards = new WalletCardsOnWallets(store, clock, wallets, options.cardRegistrationCheck ?? ((merchant, input) => smartBill.verifyCard(merchant, input)));
  const webWallets = new WebWalletsService(deps, walletCards);
  const paymentRecords = new PaymentRecordsService(deps, wallets);
  const webPayments = new WebPaymentsService(deps, payments, giftCards, walletCards, new RecurringWebPayments(deps, wallets, paymentRecords));
  const billing = new BillingRunner(deps, wallets, paymentRecords);
  const threeDSecureService = new ThreeDSecureService(deps);
  const verifier = new AccessKeyVerifier();
  const { random, ...notifySettings } = options.notify ?? {};
  // Several processes may share this Redis: live events go through it too.
  const live = config.redisUrl ? openLiveAdapter(config.redisUrl) : undefined;
  if (live) await checkRedisDurability(live.redis, logger);
  const notify = createNotifyHub({
    store,
    clock,
    ids,
    merchants,
    logger,
    verifier,
    dataKey: dataKey.key,
    settings: { dataDir: config.dataDir, timeZone: config.timeZone, leaseMs: config.leaseMs, ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}), ...notifySettings },
    ...(random ? { random } : {}),
    ...(live ? { liveAdapter: live.adapter } : {}),
  });
  const jobs = new JobRunner({
    store,
    clock,
    leaseMs: config.leaseMs,
    handlers: {
      'deferred-capture': async (job) => {
        const merchant = merchants.get(job.merchantId);
        if (merchant) await payments.runDeferredCapture(merchant, job);
        else await store.commit({ doneJobs: [job] });
      },
      'session-expiry': (job) => webPayments.runExpiry(job),
      [BILLING_JOB]: async (job) => {
        const merchant = merchants.get(job.merchantId);
        if (merchant) await billing.run(merchant, job);
        else await store.commit({ doneJobs: [job] });
      },
      [DELIVERY_JOB]: (job) => notify.runJob(job),
      ...(giftCardProcessor instanceof SimulatorGiftCardProcessor ? { [RESERVATION_EXPIRY_JOB]: (job: Job) => giftCardProcessor.runExpiryJob(job) } : {}),
      ...walletBatches.handlers,
    },
    onError: (job, error) => logger.error({ err: error, job: job.id }, 'job failed; it will run again'),
    onRoundError: (error) => logger.error({ err: error }, 'job round failed; the next tick tries again'),
  });

  const authenticate = merchantAuth(merchants, verifier);
  const app = express();
  app.disable('x-powered-by');
  // API answers are fresh by nature (POST, per-request results): no ETag to compute.
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use(requestLog(logger));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', store: store.name, acquirer: deps.acquirer.name });
  });
  const detailsFetched = new DetailsFetched({ store, clock });
  const contextFor = (merchant: Merchant) => ({ merchant, payments, webPayments, webWallets, wallets, paymentRecords, threeDSecure: threeDSecureService, detailsFetched, clock, timeZone: config.timeZone });
  app.use(jsonFace({ operations: OPERATIONS, authenticate, bodyLimit: BODY_LIMIT, contextFor }));
  app.use(soapFace({ operations: OPERATIONS, authenticate, bodyLimit: BODY_LIMIT, contextFor, publicUrl: () => settings.publicUrl, logger }));
  app.use(widgetRoutes({ merchants, webPayments, giftCards, webWallets, clock, timeZone: config.timeZone, settings, sandbox: deps.acquirer.name === 'simulator' }));
  app.use(challengeRoutes({ merchants, webPayments, clock, settings }));
  app.use(widgetAssets({ dir: config.widgetDir, merchants, webPayments, settings }));
  app.use(hostedPageRoutes({ merchants, webPayments, settings }));
  if (threeDSecure instanceof SimulatorAcs) app.use(acsRoutes(threeDSecure));
  if (clock instanceof ManualClock) app.use(clockRoutes(clock, jobs, authenticate));
  if (giftCardProcessor instanceof SimulatorGiftCardProcessor) app.use(giftCardRoutes({ processor: giftCardProcessor, clock, authenticate }));
  if (deps.acquirer.name === 'simulator') app.use(smartBillRoutes({ authenticate, updates: smartBillUpdates }));
  app.use(merchantApi({ authenticate, notify, clock }));
  if (notify.transport.name === 'eml') app.use(mailRoutes({ authenticate, dataDir: config.dataDir }));
  app.use((_req, res) => {
    res.status(404).json({ error: { status: 404, message: 'not found' } });
  });
  app.use(jsonErrorHandler(logger));

  await walletBatches.schedule();
  let server: Server | undefined;
  return {
    app,
    clock,
    store,
    jobs,
    payments,
    webPayments,
    giftCards,
    wallets,
    smartBill,
    paymentRecords,
    notify,
    logger,
    async listen() {
      server = createServer(app);
      notify.attach(server);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.port, config.host, resolve);
      });
      jobs.start();
      notify.start();
      const { port } = server.address() as AddressInfo;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      const url = `http://${host}:${port}`;
      // A public URL derived from port 0 (tests) names no real port: the one listened on replaces it.
      if (new URL(settings.publicUrl).port === '0') settings.publicUrl = url;
      return { port, url };
    },
    async close() {
      await notify.close();
      if (server) {
        const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
        server.closeIdleConnections();
        await closing;
      }
      await jobs.stop();
      await live?.close();
      await store.close();
    },
  };
}
