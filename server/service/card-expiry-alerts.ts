import { expiringCardsCsv, isExpiryAlertDue, type ExpiringCardLine } from '../core/card-expiry-alert.js';
import { formatCompactDate } from '../core/payline-date.js';
import type { EventDraft } from '../core/transaction-state.js';
import type { Merchant } from '../merchants/merchant.js';
import type { Job, StoredRecord, VersionedWrite } from '../store/store.js';
import { stampEvents } from './commit.js';
import type { ServiceDeps } from './deps.js';
import { walletFrom, WALLET_KIND } from './wallet-records.js';

/**
 * The daily expiring-cards alert (seed 002 "Fichier d'alerte des cartes échues (2 mois avant
 * expiration)"; seed 001 "Expiration d'une carte dans un portefeuille"): every usable saved card
 * that enters its last two months is written once to the merchant's alert file of the day and
 * causes a `wallet.card_expiring` event (the email, per the point of sale). A mark record per
 * card and expiry keeps it from being alerted twice; a new expiry (updateWallet, EDU) re-arms it.
 */
export const CARD_EXPIRY_ALERT_JOB = 'wallet.card-expiry-alert';
export const CARD_EXPIRY_ALERT_PERIOD_MS = 24 * 60 * 60 * 1000;
/** Mark records: one per card and expiry alerted. */
const ALERT_MARK_KIND = 'card-expiry-alert';

export interface AlertRun {
  lines: ExpiringCardLine[];
  /** The file written, when there were cards. */
  file?: string;
}

export class CardExpiryAlerts {
  constructor(
    private readonly deps: ServiceDeps,
    /** Writes the day's file (jobs/expiring-cards-file.ts); answers its path. */
    private readonly writeFile: (merchantId: string, day: string, csv: string) => Promise<string>,
  ) {}

  /** One daily run for the merchant; `next` is the job's next run, committed with the marks. */
  async run(merchant: Merchant, job: Job, next: Job): Promise<AlertRun> {
    const { deps } = this;
    const now = deps.clock.now();
    const scope = merchant.merchantId;
    const wallets = (await deps.store.listRecords({ kind: WALLET_KIND, scope })).map((r) => walletFrom(r).value).filter((w) => !w.isDisabled);
    const lines: ExpiringCardLine[] = [];
    const marks: VersionedWrite<StoredRecord>[] = [];
    const events: EventDraft[] = [];
    for (const wallet of wallets) {
      for (const card of wallet.cards) {
        if (card.isDisabled || !isExpiryAlertDue(card.card.expirationDate, now)) continue;
        const id = `${wallet.walletId}:${card.cardInd}:${card.card.expirationDate}`;
        if (await deps.store.getRecord(ALERT_MARK_KIND, scope, id)) continue;
        const line: ExpiringCardLine = {
          walletId: wallet.walletId,
          cardInd: card.cardInd,
          cardType: card.card.type,
          maskedNumber: card.card.maskedNumber,
          expirationDate: card.card.expirationDate,
          ...(wallet.owner.lastName ? { lastName: wallet.owner.lastName } : {}),
          ...(wallet.owner.firstName ? { firstName: wallet.owner.firstName } : {}),
          ...(wallet.owner.email ? { email: wallet.owner.email } : {}),
        };
        lines.push(line);
        marks.push({ next: { kind: ALERT_MARK_KIND, scope, id, version: 1, data: { alertedAt: now } }, expectedVersion: null });
        events.push({
          type: 'wallet.card_expiring',
          data: { walletId: wallet.walletId, cardInd: card.cardInd, contractNumber: card.contractNumber, cardType: card.card.type, maskedNumber: card.card.maskedNumber, expirationDate: card.card.expirationDate },
        });
      }
    }
    // The file first: a commit that fails leaves the job to run again, and the same file is written again.
    const file = lines.length > 0 ? await this.writeFile(scope, formatCompactDate(now, deps.settings.timeZone), expiringCardsCsv(lines)) : undefined;
    const committed = await deps.store.commit({ records: marks, events: stampEvents(deps, scope, events, now), jobs: [next], doneJobs: [job] });
    if (!committed.ok) throw new Error(`expiring-cards alert of ${scope}: a card was alerted meanwhile (${committed.key}); the run starts again`);
    return { lines, ...(file ? { file } : {}) };
  }
}
