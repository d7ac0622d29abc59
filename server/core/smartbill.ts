/**
 * Amex Recurring (SmartBill), pure (seed 001 "Amex Recurring"): the alias sent to American
 * Express, the card statuses and how the enrolment answer and the network's later updates move
 * a card between them. The service reads the wallet, asks these rules, commits what they say.
 */

/** The Payline card.type of an Amex Recurring contract (payline-api.md §3.4). */
export const SMARTBILL_CARD_TYPE = 'AMEX-REC BILLING';

/** Seed 001 "Liste des statuts cartes AMEX". */
export const SmartBillStatus = {
  /** Waiting Enrolment Result: every new card, until the batch answers. */
  WR: 'WR',
  /** Enrollement Accepted. */
  EA: 'EA',
  /** Enrollement Refused: the wallet, its payment records and billing records are disabled. */
  ER: 'ER',
  /** Expiration Date Updated. */
  EDU: 'EDU',
  /** Product Updated. */
  PU: 'PU',
  /** Card Cancelled: the card is disabled. */
  CC: 'CC',
} as const;
export type SmartBillStatus = (typeof SmartBillStatus)[keyof typeof SmartBillStatus];

/** What a wallet card keeps about its SmartBill life (wallet-model.md `WalletCard.smartBill`). */
export interface SmartBillCard {
  cardStatus: SmartBillStatus;
  /** walletId + cardInd. */
  alias: string;
  /** ms since the epoch. */
  registeredAt: number;
  enrolledAt?: number;
  /** The enrolment's return code (accepted or refused). */
  resultCode?: string;
  /** The refusal's description, with ER. */
  resultDescription?: string;
  /** The network's product name, after a PU. */
  product?: string;
  /** The cancellation reason, after a CC. */
  cancellationCode?: string;
  /** ms of the last change the network made. */
  updatedAt?: number;
}

/** `data.cause` of the wallet events a SmartBill change causes besides the status change (wallet.disabled…). */
export const SMARTBILL_CAUSE = 'smartbill';

/** The batch runs 24 hours after the card is registered (seed 001 "sous 24h"). */
export const ENROLMENT_DELAY_MS = 24 * 60 * 60 * 1000;

/** Seed 001 "L'alias AMEX": ALIAS Amex = walletID + cardIndex. */
export function smartBillAlias(walletId: string, cardInd: number): string {
  return `${walletId}${cardInd}`;
}

/** Whether a contract's card types make it an Amex Recurring contract. */
export function isSmartBillContract(contract: { cardTypes: readonly string[] }): boolean {
  return contract.cardTypes.includes(SMARTBILL_CARD_TYPE);
}

/** A new card, before American Express answers: WR. */
export function newSmartBillCard(walletId: string, cardInd: number, now: number): SmartBillCard {
  return { cardStatus: SmartBillStatus.WR, alias: smartBillAlias(walletId, cardInd), registeredAt: now };
}

/** The enrolment batch's answer for one alias. */
export type EnrolmentAnswer = { accepted: true; code: string } | { accepted: false; code: string; description: string };

/** The card after the enrolment answer; undefined when the card is no longer waiting (the batch ran already). */
export function applyEnrolment(card: SmartBillCard, answer: EnrolmentAnswer, now: number): SmartBillCard | undefined {
  if (card.cardStatus !== SmartBillStatus.WR) return undefined;
  return answer.accepted
    ? { ...card, cardStatus: SmartBillStatus.EA, enrolledAt: now, resultCode: answer.code }
    : { ...card, cardStatus: SmartBillStatus.ER, enrolledAt: now, resultCode: answer.code, resultDescription: answer.description };
}

/** One line of the network's update file (seed 001 "Étape 3"): see core/smartbill-update-file.ts. */
export type NetworkUpdate =
  | { status: 'EDU'; alias: string; expirationDate: string }
  | { status: 'PU'; alias: string; product: string }
  | { status: 'CC'; alias: string; cancellationCode: string };

export type UpdateDecision =
  | { ok: true; changed: false }
  | { ok: true; changed: true; card: SmartBillCard; expirationDate?: string; disableCard: boolean }
  | { ok: false; reason: string };

/**
 * Applies a network update to a card. Only an enrolled card is updated (a card still waiting or
 * refused has no alias at American Express yet); a cancelled card takes no further update. The
 * same update twice changes nothing the second time, so a file can be replayed.
 */
export function applyNetworkUpdate(card: SmartBillCard, currentExpiry: string, update: NetworkUpdate, now: number): UpdateDecision {
  if (card.cardStatus === SmartBillStatus.WR || card.cardStatus === SmartBillStatus.ER) {
    return { ok: false, reason: `alias ${update.alias} is not enrolled (card_status ${card.cardStatus})` };
  }
  if (card.cardStatus === SmartBillStatus.CC) {
    if (update.status === 'CC') return { ok: true, changed: false };
    return { ok: false, reason: `alias ${update.alias} is cancelled (card_status CC)` };
  }
  switch (update.status) {
    case 'EDU':
      if (currentExpiry === update.expirationDate && card.cardStatus === SmartBillStatus.EDU) return { ok: true, changed: false };
      return { ok: true, changed: true, card: { ...card, cardStatus: SmartBillStatus.EDU, updatedAt: now }, expirationDate: update.expirationDate, disableCard: false };
    case 'PU':
      if (card.product === update.product && card.cardStatus === SmartBillStatus.PU) return { ok: true, changed: false };
      return { ok: true, changed: true, card: { ...card, cardStatus: SmartBillStatus.PU, product: update.product, updatedAt: now }, disableCard: false };
    case 'CC':
      return {
        ok: true,
        changed: true,
        card: { ...card, cardStatus: SmartBillStatus.CC, cancellationCode: update.cancellationCode, updatedAt: now },
        disableCard: true,
      };
  }
}
