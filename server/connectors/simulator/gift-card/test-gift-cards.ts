/**
 * The simulated gift-card processor's test cards (docs/test-cards.md, docs/API.md), as data.
 * The starting balance is where a card begins; what shoppers spend is kept in the store, so a
 * card drained in the sandbox stays drained until the store is emptied.
 */
export interface TestGiftCard {
  readonly number: string;
  readonly code: string;
  /** Minor units (EUR). */
  readonly balance: number;
  readonly discounted?: boolean;
  readonly expired?: boolean;
  readonly blocked?: boolean;
  readonly label: string;
}

export const TEST_GIFT_CARDS: readonly TestGiftCard[] = [
  { number: '6035010000000000001', code: '1111', balance: 3_000, label: '30.00 EUR' },
  { number: '6035010000000000002', code: '2222', balance: 5_000, label: '50.00 EUR' },
  { number: '6035010000000000003', code: '3333', balance: 20_000, label: '200.00 EUR' },
  { number: '6035010000000000004', code: '4444', balance: 150_000, label: '1500.00 EUR: more than the default per-basket maximum' },
  { number: '6035010000000000005', code: '5555', balance: 10_000, discounted: true, label: 'discounted card, 100.00 EUR' },
  { number: '6035010000000000006', code: '6666', balance: 10_000, expired: true, label: 'expired' },
  { number: '6035010000000000007', code: '7777', balance: 10_000, blocked: true, label: 'blocked' },
  { number: '6035010000000000008', code: '8888', balance: 0, label: 'empty (zero balance)' },
  { number: '6035010000000000009', code: '9999', balance: 10_000, label: '100.00 EUR' },
  { number: '6035010000000000010', code: '1010', balance: 2_000, label: '20.00 EUR' },
  { number: '6035010000000000011', code: '1212', balance: 1_000, label: '10.00 EUR' },
];

const BY_NUMBER: ReadonlyMap<string, TestGiftCard> = new Map(TEST_GIFT_CARDS.map((c) => [c.number, c]));

export function findTestGiftCard(number: string): TestGiftCard | undefined {
  return BY_NUMBER.get(number);
}
