import { CODES } from '../../../core/result-codes.js';
import { findCard } from '../../../core/wallet.js';
import type { WalletOutcome } from '../../../service/wallets-service.js';
import { compact, resultOut } from '../../encode/payline-objects.js';
import type { Response } from '../../operation.js';

/** createWallet / updateWallet's answer: the result and the card the call wrote, masked. */
export function walletAnswer(outcome: WalletOutcome): Response {
  const result = resultOut(outcome.code, outcome.message);
  if (outcome.code !== CODES.OPERATION_SUCCESSFUL) return { result };
  const found = outcome.wallet ? findCard(outcome.wallet, outcome.cardInd) : undefined;
  if (!found?.ok) return { result };
  const { card } = found.card;
  return { result, card: compact({ number: card.maskedNumber, type: card.type, expirationDate: card.expirationDate, cardholder: card.cardholder }) };
}
