import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Merchant, PointOfSell } from '../../../../server/merchants/merchant.js';
import { SANDBOX_MERCHANT } from '../../../../server/merchants/sandbox-merchant.js';
import { startReceiver, type Receiver } from '../../notify/support/receiver.js';
import { startSmtp, type SmtpInbox } from '../../notify/support/smtp.js';
import { SANDBOX_AUTH, startTestGateway, type TestGateway } from '../../support/gateway-harness.js';
import { VERSION } from '../../support/requests.js';

/**
 * A gateway for the SmartBill tests: the sandbox merchant (its AMEX-REC contract) whose point of
 * sale notifies a real HTTP receiver and emails a real SMTP server, its own data folder (for the
 * update and alert files), and calls for the wallet operations over JSON.
 */
export interface SmartBillTest extends TestGateway {
  dataDir: string;
  receiver: Receiver;
  smtp: SmtpInbox;
  /** POST /v4/{operation} with `auth` (the sandbox merchant's by default). */
  callAs(auth: string, operation: string, body: unknown): Promise<any>;
  /** Moves the clock, runs the jobs due, waits for every notification and email. */
  tick(ms: number): Promise<void>;
  settle(): Promise<void>;
  /** The Payline server notifications received, as query objects. */
  notifications(): Record<string, string>[];
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** The seed's Amex Recurring test cards (docs/test-cards.md). */
export const AMEX_EA = '374200000000004';
export const AMEX_ER_UNKNOWN = '374200000000111';

export const MERCHANT_TO = 'billing@shop.example';

export function pointOfSell(receiver: Receiver, extra: Partial<PointOfSell> = {}): PointOfSell {
  return {
    id: 'web',
    label: 'Web shop',
    notificationURL: `${receiver.url}/notify`,
    email: { from: 'Shop <shop@shop.example>', merchantTo: [MERCHANT_TO], send: [] },
    ...extra,
  };
}

export async function startSmartBillTest(options: { merchant?: (receiver: Receiver) => Partial<Merchant>; others?: (receiver: Receiver) => Merchant[] } = {}): Promise<SmartBillTest> {
  const receiver = await startReceiver();
  const smtp = await startSmtp();
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-smartbill-'));
  const merchant: Merchant = { ...SANDBOX_MERCHANT, pointsOfSell: [pointOfSell(receiver)], ...options.merchant?.(receiver) };
  const gw = await startTestGateway(
    { SMTP_URL: smtp.url, GUICHET_DATA_DIR: dataDir },
    { merchants: [merchant, ...(options.others?.(receiver) ?? [])], notify: { webhookTimeoutMs: 2000, notificationTimeoutMs: 2000, random: () => 0.5 } },
  );
  const settle = () => gw.gateway.notify.settled();
  return {
    ...gw,
    dataDir,
    receiver,
    smtp,
    async callAs(auth, operation, body) {
      const response = await gw.fetch(`/v4/${operation}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 200) throw new Error(`${operation}: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    },
    settle,
    async tick(ms) {
      await gw.advance(ms);
      await settle();
    },
    notifications: () => receiver.received.map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams)),
    async close() {
      await gw.close();
      await receiver.close();
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function basicAuth(merchantId: string, key: string): string {
  return 'Basic ' + Buffer.from(`${merchantId}:${key}`).toString('base64');
}

export { SANDBOX_AUTH };

/** createWallet on the AMEX-REC contract (or `contractNumber`) with an Amex card. */
export function createWalletRequest(walletId: string, pan: string, overrides: { contractNumber?: string; type?: string; expirationDate?: string } = {}) {
  return {
    version: VERSION,
    contractNumber: overrides.contractNumber ?? 'AMEX-REC',
    wallet: {
      walletId,
      lastName: 'Martin',
      firstName: 'Claire',
      email: 'claire.martin@example.com',
      card: { number: pan, type: overrides.type ?? 'AMEX-REC BILLING', expirationDate: overrides.expirationDate ?? '1230' },
    },
  };
}

export function getWalletRequest(walletId: string, contractNumber = 'AMEX-REC') {
  return { version: VERSION, contractNumber, walletId };
}
