/**
 * Why the gateway did not take a gift card (docs/WIDGET-PROTOCOL.md, "Gift cards"), in words a
 * shopper can act on, and where to say it: under the number, under the code, or under the form
 * when the card itself is not the problem (a limit reached, nothing left to pay).
 */
import type { TextKey } from '../i18n/translation.js';

/** Where a refusal shows: beside one of the two fields, or under the whole form. */
export type GiftCardField = 'number' | 'code' | 'form';

/** A refusal as the form shows it: where, and its Translation key (the two limits take their figure). */
export interface GiftCardRefusal {
  field: GiftCardField;
  key: TextKey | 'giftCardMaxAmount' | 'giftCardMaxCards';
}

const BY_REASON: Record<string, GiftCardRefusal> = {
  'unknown-card': { field: 'number', key: 'giftCardUnknown' },
  'wrong-code': { field: 'code', key: 'giftCardWrongCode' },
  expired: { field: 'number', key: 'giftCardExpired' },
  blocked: { field: 'number', key: 'giftCardBlocked' },
  empty: { field: 'number', key: 'giftCardEmpty' },
  'discounted-not-accepted': { field: 'number', key: 'giftCardDiscounted' },
  'already-entered': { field: 'number', key: 'giftCardAlreadyEntered' },
  'invalid-number': { field: 'number', key: 'giftCardNumberInvalid' },
  'invalid-code': { field: 'code', key: 'giftCardCodeInvalid' },
  'max-amount': { field: 'form', key: 'giftCardMaxAmount' },
  'max-cards': { field: 'form', key: 'giftCardMaxCards' },
  'nothing-left': { field: 'form', key: 'giftCardNothingLeft' },
  'amount-left': { field: 'form', key: 'giftCardAmountLeft' },
};

/** How to show the gateway's refusal `reason`; an unknown one is a plain refusal under the form. */
export function giftCardRefusal(reason: string | undefined): GiftCardRefusal {
  return (reason !== undefined && Object.hasOwn(BY_REASON, reason) ? BY_REASON[reason] : undefined) ?? { field: 'form', key: 'giftCardRefused' };
}
