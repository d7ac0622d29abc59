import type { Clock } from '../core/clock.js';
import { isSmartBillContract } from '../core/smartbill.js';
import type { Logger } from '../logging/logger.js';
import type { MerchantDirectory } from '../merchants/merchant-directory.js';
import { CARD_EXPIRY_ALERT_JOB, CARD_EXPIRY_ALERT_PERIOD_MS, type CardExpiryAlerts } from '../service/card-expiry-alerts.js';
import { SMARTBILL_ENROLMENT_JOB, type SmartBillService } from '../service/smartbill-service.js';
import type { SmartBillUpdates } from '../service/smartbill-updates.js';
import type { Job, Store } from '../store/store.js';
import type { JobHandler } from './job-runner.js';
import { nextPeriodicRun, periodicJob } from './periodic-job.js';
import { runUpdateFiles, SMARTBILL_UPDATE_FILES_JOB, SMARTBILL_UPDATE_FILES_PERIOD_MS } from './smartbill-update-files-job.js';

/**
 * The wallet batch jobs, wired for the job runner: the SmartBill enrolment of each card (24 h
 * after it is saved), the hourly SmartBill update files of each merchant with an AMEX-REC BILLING
 * contract, and the daily expiring-cards alert of every merchant. The periodic ones are scheduled
 * when the gateway starts (first run at once: both catch up on what they missed).
 */
export interface SmartBillJobsOptions {
  store: Store;
  clock: Clock;
  merchants: MerchantDirectory;
  logger: Logger;
  dataDir: string;
  smartBill: SmartBillService;
  updates: SmartBillUpdates;
  alerts: CardExpiryAlerts;
}

export function smartBillJobs(options: SmartBillJobsOptions): { handlers: Record<string, JobHandler>; schedule(): Promise<void> } {
  const { store, clock, merchants, logger, dataDir } = options;
  /** A job whose merchant left the merchants file is simply finished. */
  const forMerchant = (run: (merchant: NonNullable<ReturnType<MerchantDirectory['get']>>, job: Job) => Promise<void>): JobHandler => async (job) => {
    const merchant = merchants.get(job.merchantId);
    if (merchant) await run(merchant, job);
    else await store.commit({ doneJobs: [job] });
  };
  return {
    handlers: {
      [SMARTBILL_ENROLMENT_JOB]: forMerchant((merchant, job) => options.smartBill.runEnrolment(merchant, job)),
      [SMARTBILL_UPDATE_FILES_JOB]: forMerchant(async (merchant, job) => {
        const reports = await runUpdateFiles(dataDir, merchant, options.updates, clock.now());
        for (const report of reports) logger.info({ merchant: merchant.merchantId, ...report }, 'SmartBill update file applied');
        await store.commit({ jobs: [nextPeriodicRun(job, SMARTBILL_UPDATE_FILES_PERIOD_MS, clock.now())], doneJobs: [job] });
      }),
      [CARD_EXPIRY_ALERT_JOB]: forMerchant(async (merchant, job) => {
        const run = await options.alerts.run(merchant, job, nextPeriodicRun(job, CARD_EXPIRY_ALERT_PERIOD_MS, clock.now()));
        if (run.file) logger.info({ merchant: merchant.merchantId, file: run.file, cards: run.lines.length }, 'expiring-cards alert file written');
      }),
    },
    async schedule() {
      const now = clock.now();
      // One commit per merchant: on Redis Cluster a commit stays within one merchant's slot.
      await Promise.all(
        merchants.all().map((merchant) =>
          store.commit({
            jobs: [
              periodicJob(CARD_EXPIRY_ALERT_JOB, merchant.merchantId, now),
              ...(merchant.contracts.some(isSmartBillContract) ? [periodicJob(SMARTBILL_UPDATE_FILES_JOB, merchant.merchantId, now)] : []),
            ],
          }),
        ),
      );
    },
  };
}
