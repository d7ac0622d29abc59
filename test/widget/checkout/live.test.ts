/**
 * Live events at component level (docs/WIDGET-PROTOCOL.md "Live events"): a <guichet-checkout>
 * waiting on a 3-D Secure challenge taken elsewhere, or open while another tab pays, follows its
 * session over socket.io (test/widget/support/fake-live.mjs) and shows what happened there, the
 * ticket included, without reading the session again; a final state closes the connection.
 */
import { expect } from '@esm-bundle/chai';
import type { SessionState } from '../../../server/notify/socket-protocol.js';
import type { GuichetCheckout } from '../../../widget/checkout/checkout.component.js';
import { mount, part } from '../support/checkout-harness.js';
import { nextEvent, token, until } from '../support/helpers.js';

let element: GuichetCheckout | undefined;
let restoreFetch: (() => void) | undefined;
afterEach(() => {
  element?.remove();
  restoreFetch?.();
});

/** How many clients the fake gateway's room of `sessionToken` holds. */
async function clients(sessionToken: string): Promise<number> {
  return ((await (await fetch(`/fake-live/${sessionToken}`)).json()) as { clients: number }).clients;
}

/** Waits until the widget joined its room, then sends it `state`. */
async function sendState(sessionToken: string, state: Partial<SessionState>): Promise<void> {
  await roomSize(sessionToken, 1);
  const body: SessionState = { token: sessionToken, state: 'WAITING', code: '02306', attempts: 1, attemptsLeft: 2, expiresAt: '2099-01-01T00:00:00.000Z', ...state };
  await fetch(`/fake-live/${sessionToken}`, { method: 'POST', body: JSON.stringify(body) });
}

/** Records the URLs the page fetches from now on (the widget's session reads). */
function recordFetches(): string[] {
  const urls: string[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
  restoreFetch = () => (window.fetch = original);
  return urls;
}

describe('live events', () => {
  it('a challenge passed in another window: the success and its ticket, unasked, then the connection closes', async () => {
    const sessionToken = token('authenticating');
    element = await mount({ token: sessionToken, 'embedded-redirection-allowed': 'false' });
    expect(element.currentState).to.equal('ACTIVE_WAITING');
    const fetched = recordFetches();
    const final = nextEvent(element, 'guichet-final-state');
    await sendState(sessionToken, {
      state: 'ACCEPTED', code: '00000', attemptsLeft: 0, transactionId: '26064140000777',
      ticket: { transaction: { id: '26064140000777', date: '05/03/2026 14:07:00' }, authorization: { number: 'B77X01' }, card: { number: '497010XXXXXX4455', type: 'CB' } },
    });
    await final;
    expect(element.currentState).to.equal('PAYMENT_SUCCESS');
    await element.updateComplete;
    part(element, '[part="ticket-button"]')!.click();
    await until(() => part(element!, 'guichet-ticket'), 'the ticket');
    const ticketElement = part(element, 'guichet-ticket')!;
    await (ticketElement as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const ticket = ticketElement.shadowRoot!.textContent!;
    for (const line of ['26064140000777', 'B77X01', '497010XXXXXX4455']) expect(ticket).to.include(line);
    expect(fetched.filter((url) => url.includes('/widget/sessions/'))).to.deep.equal([]);
    await roomSize(sessionToken, 0);
  });

  it('a challenge failed in another window: the retry with its reason and attempts left', async () => {
    const sessionToken = token('authenticating');
    element = await mount({ token: sessionToken, 'embedded-redirection-allowed': 'false' });
    const fetched = recordFetches();
    const retry = nextEvent(element, 'guichet-state');
    await sendState(sessionToken, { code: '03003', attemptsLeft: 2 });
    await retry;
    expect(element.currentState).to.equal('PAYMENT_FAILURE_WITH_RETRY');
    await element.updateComplete;
    expect(part(element, '[part="message"]')!.textContent).to.match(/^Your bank could not authenticate you\..*2/);
    expect(part(element, '[part="challenge-link"]')).to.equal(null);
    expect(fetched.filter((url) => url.includes('/widget/sessions/'))).to.deep.equal([]);
    expect(await clients(sessionToken)).to.equal(1);
  });

  it('an open session paid in another tab, or expired: shown at once', async () => {
    const paid = token('open');
    element = await mount({ token: paid });
    expect(element.currentState).to.equal('PAYMENT_METHODS_LIST');
    await sendState(paid, { state: 'PROCESSING' });
    await sendState(paid, { state: 'ACCEPTED', code: '00000', attemptsLeft: 0 });
    await until(() => element!.currentState === 'PAYMENT_SUCCESS', 'the success');
    element.remove();
    const expired = token('open');
    element = await mount({ token: expired });
    await sendState(expired, { state: 'EXPIRED', code: '02324', attempts: 0, attemptsLeft: 0 });
    await until(() => element!.currentState === 'TOKEN_EXPIRED', 'the expiry');
  });

  it('closes the connection when taken out of the page, and opens it again when put back', async () => {
    const sessionToken = token('open');
    element = await mount({ token: sessionToken });
    await roomSize(sessionToken, 1);
    element.remove();
    await roomSize(sessionToken, 0);
    document.body.append(element);
    await roomSize(sessionToken, 1);
  });
});

/** Waits until the room of `sessionToken` holds `size` clients. */
async function roomSize(sessionToken: string, size: number): Promise<void> {
  const start = Date.now();
  while ((await clients(sessionToken)) !== size) {
    if (Date.now() - start > 10_000) throw new Error(`the room never held ${size} clients`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
