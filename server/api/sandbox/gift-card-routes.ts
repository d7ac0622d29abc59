import express, { type Router } from 'express';
import type { Clock } from '../../core/clock.js';
import type { SimulatorGiftCardProcessor } from '../../connectors/simulator/gift-card/simulator-gift-cards.js';

/**
 * `/sandbox/gift-cards`: the simulated gift-card processor's test cards with their balances now
 * (what was spent is kept in the store), and a reset to their starting balances, so a merchant's
 * tests can check a balance and start again. Merchant Basic auth is required.
 */
export function giftCardRoutes(options: { processor: SimulatorGiftCardProcessor; clock: Clock; authenticate: express.RequestHandler }): Router {
  const { processor, clock, authenticate } = options;
  const router = express.Router();

  async function list() {
    const cards = await processor.testCards(clock.now());
    return {
      giftCards: cards.map((c) => ({
        number: c.number,
        code: c.code,
        startingBalance: c.startingBalance,
        balance: c.balance,
        reserved: c.reserved,
        available: c.available,
        currency: 978,
        discounted: c.discounted ?? false,
        expired: c.expired ?? false,
        blocked: c.blocked ?? false,
        label: c.label,
      })),
    };
  }

  router.get('/sandbox/gift-cards', authenticate, async function listGiftCards(_req, res) {
    res.json(await list());
  });

  router.post('/sandbox/gift-cards/reset', authenticate, async function resetGiftCards(_req, res) {
    await processor.restoreBalances();
    res.json(await list());
  });
  return router;
}
