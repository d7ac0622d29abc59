import type { Clock } from '../../../core/clock.js';
import type { Job, JobRef, Store, StoredRecord } from '../../../store/store.js';
import type {
  BalanceAnswer,
  CaptureAnswer,
  GiftCardCredentials,
  GiftCardProcessor,
  GiftCardProcessorContract,
  GiftCardRefusalReason,
  ReservationRef,
  ReserveAnswer,
  ReserveRequest,
} from '../../gift-card.js';
import { findTestGiftCard, TEST_GIFT_CARDS, type TestGiftCard } from './test-gift-cards.js';

/**
 * The simulated Carte Cadeau Carrefour processor. Each card's account (balance, live
 * reservations, captures) is one store record of kind `gift-card-account` in the scope
 * `processor:gift-card`, written with optimistic versions: a reserve, capture or release reads
 * the account, decides, and writes it only if nobody wrote it in between, else starts again. So
 * two gateways (processes) sharing one Redis never overdraw a card. A lapsed reservation counts
 * for nothing as soon as its time has passed; the job scheduled with it deletes it for good.
 */
export const GIFT_CARD_SCOPE = 'processor:gift-card';
const ACCOUNT = 'gift-card-account';
/** The job that frees a reservation for good once it has lapsed. */
export const RESERVATION_EXPIRY_JOB = 'gift-card-reservation-expiry';
const MAX_TRIES = 1000;
const EUR = 978;

interface Reservation {
  amount: number;
  expiresAt: number;
}
interface Account {
  balance: number;
  reservations: Record<string, Reservation>;
  /** Captured reservations: a repeated capture answers the same. */
  captured: Record<string, { amount: number; balance: number }>;
}

type Refusal = { ok: false; reason: GiftCardRefusalReason };

/** The card and code as the processor judges them, before any balance. The test cards hold euros: no card exists in another currency. */
function checkCard(card: GiftCardCredentials, contract: GiftCardProcessorContract, currency: number): Refusal | undefined {
  const test = findTestGiftCard(card.number);
  if (!test || currency !== EUR) return { ok: false, reason: 'unknown-card' };
  if (test.code !== card.code) return { ok: false, reason: 'wrong-code' };
  if (test.expired) return { ok: false, reason: 'expired' };
  if (test.blocked) return { ok: false, reason: 'blocked' };
  if (test.discounted && !contract.acceptsDiscounted) return { ok: false, reason: 'discounted-not-accepted' };
  return undefined;
}

function expiryJob(number: string, reservationId: string, at: number): Job {
  return { id: `${RESERVATION_EXPIRY_JOB}:${reservationId}`, type: RESERVATION_EXPIRY_JOB, at, merchantId: GIFT_CARD_SCOPE, ref: `${number}/${reservationId}` };
}

function liveReserved(account: Account, now: number, except?: string): number {
  return Object.entries(account.reservations).reduce((sum, [id, r]) => (id !== except && r.expiresAt > now ? sum + r.amount : sum), 0);
}

export class SimulatorGiftCardProcessor implements GiftCardProcessor {
  readonly name = 'simulator';

  constructor(
    private readonly store: Store,
    /** The gateway's clock (the test clock in the sandbox): judges lapsed reservations for the expiry job. */
    private readonly clock: Clock,
  ) {}

  async balance(request: { contract: GiftCardProcessorContract; card: GiftCardCredentials; currency: number; now: number }): Promise<BalanceAnswer> {
    const refused = checkCard(request.card, request.contract, request.currency);
    if (refused) return refused;
    const { account } = await this.#read(request.card.number);
    return { ok: true, balance: account.balance - liveReserved(account, request.now) };
  }

  reserve(request: ReserveRequest): Promise<ReserveAnswer> {
    const refused = checkCard(request.card, request.contract, request.currency);
    if (refused) return Promise.resolve(refused);
    const { number } = request.card;
    return this.#update<ReserveAnswer>(number, (account) => {
      const held = account.reservations[request.reservationId];
      if (held) return { answer: { ok: true, amount: held.amount, balance: account.balance - liveReserved(account, request.now, request.reservationId) } };
      const available = account.balance - liveReserved(account, request.now);
      if (available <= 0) return { answer: { ok: false, reason: 'empty' } };
      const amount = Math.min(available, request.upTo);
      const reservations = { ...account.reservations, [request.reservationId]: { amount, expiresAt: request.expiresAt } };
      return { answer: { ok: true, amount, balance: available }, next: { ...account, reservations }, jobs: [expiryJob(number, request.reservationId, request.expiresAt)] };
    });
  }

  capture(request: ReservationRef): Promise<CaptureAnswer> {
    return this.#update<CaptureAnswer>(request.number, (account) => {
      const done = account.captured[request.reservationId];
      if (done) return { answer: { ok: true, ...done } };
      const held = account.reservations[request.reservationId];
      if (!held || held.expiresAt <= request.now) return { answer: { ok: false, reason: 'unknown-reservation' } };
      const { [request.reservationId]: _captured, ...reservations } = account.reservations;
      const balance = account.balance - held.amount;
      const captured = { ...account.captured, [request.reservationId]: { amount: held.amount, balance } };
      return { answer: { ok: true, amount: held.amount, balance }, next: { balance, reservations, captured }, doneJobs: [expiryJob(request.number, request.reservationId, 0)] };
    });
  }

  async release(request: ReservationRef): Promise<void> {
    await this.#dropReservation(request.number, request.reservationId, false);
  }

  /** The sandbox's view of every test card: its balance, and what live reservations leave of it. */
  async testCards(now: number): Promise<Array<TestGiftCard & { startingBalance: number; available: number; reserved: number }>> {
    return Promise.all(
      TEST_GIFT_CARDS.map(async (card) => {
        const { account } = await this.#read(card.number);
        const reserved = liveReserved(account, now);
        return { ...card, startingBalance: card.balance, balance: account.balance, reserved, available: account.balance - reserved };
      }),
    );
  }

  /** The sandbox's reset: every test card back to its starting balance; live reservations stay (their sessions go on). */
  async restoreBalances(): Promise<void> {
    for (const card of TEST_GIFT_CARDS) await this.#update<void>(card.number, (account) => ({ answer: undefined, next: { ...account, balance: card.balance } }));
  }

  /** The expiry job of a reservation: gone for good unless it was captured. */
  async runExpiryJob(job: Job): Promise<void> {
    const [number, reservationId] = job.ref.split('/') as [string, string];
    await this.#dropReservation(number, reservationId, true, job.id);
  }

  async #dropReservation(number: string, reservationId: string, lapsedOnly: boolean, jobId = expiryJob(number, reservationId, 0).id): Promise<void> {
    if (!findTestGiftCard(number)) return;
    await this.#update<void>(number, (account, now) => {
      const held = account.reservations[reservationId];
      // A job that runs early (another gateway's clock) leaves a live reservation alone, and runs again later.
      if (held && lapsedOnly && held.expiresAt > now) return { answer: undefined, jobs: [expiryJob(number, reservationId, held.expiresAt)] };
      if (!held) return { answer: undefined, doneJobs: [{ merchantId: GIFT_CARD_SCOPE, id: jobId }] };
      const { [reservationId]: _released, ...reservations } = account.reservations;
      return { answer: undefined, next: { ...account, reservations }, doneJobs: [{ merchantId: GIFT_CARD_SCOPE, id: jobId }] };
    });
  }

  async #read(number: string): Promise<{ record: StoredRecord | undefined; account: Account }> {
    const record = await this.store.getRecord(ACCOUNT, GIFT_CARD_SCOPE, number);
    if (record) return { record, account: record.data as unknown as Account };
    return { record, account: { balance: findTestGiftCard(number)?.balance ?? 0, reservations: {}, captured: {} } };
  }

  /** Read, decide, write if unchanged, else again: one card's account changes atomically. */
  async #update<T>(number: string, decide: (account: Account, now: number) => { answer: T; next?: Account; jobs?: Job[]; doneJobs?: JobRef[] }): Promise<T> {
    for (let i = 0; i < MAX_TRIES; i++) {
      const { record, account } = await this.#read(number);
      const decision = decide(account, this.clock.now());
      const writes = decision.next
        ? [{ next: { kind: ACCOUNT, scope: GIFT_CARD_SCOPE, id: number, version: (record?.version ?? 0) + 1, data: decision.next as unknown as StoredRecord['data'] }, expectedVersion: record?.version ?? null }]
        : [];
      if (writes.length === 0 && !decision.jobs && !decision.doneJobs) return decision.answer;
      const committed = await this.store.commit({ records: writes, ...(decision.jobs ? { jobs: decision.jobs } : {}), ...(decision.doneJobs ? { doneJobs: decision.doneJobs } : {}) });
      if (committed.ok) return decision.answer;
      if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`gift card account: gave up after ${MAX_TRIES} conflicting writes`);
  }
}
