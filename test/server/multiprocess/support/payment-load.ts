import assert from 'node:assert/strict';
import { assertLedgerHolds, readLedger } from '../../support/ledger.js';
import { authorizationRequest, captureRequest, refundRequest } from '../../support/requests.js';
import type { GatewayProcess, Reply } from './gateway-process.js';

/**
 * A steady load of payments, captures and refunds spread over several gateway processes, that
 * records every answer, and the checks that must hold afterwards whatever happened meanwhile
 * (a process killed, Redis restarted): what was answered ACCEPTED is stored, and the stored
 * totals are what was accepted plus, at most, what got no clear answer.
 */
export type Operation = 'doAuthorization' | 'doCapture' | 'doRefund';

export interface Answered {
  op: Operation;
  gateway: string;
  /** The authorization's id (the payment), once known. */
  paymentId?: string;
  amount: number;
  /** accepted: HTTP 200 and 00000; refused: HTTP 200 and another code; failed: another status, or no answer. */
  outcome: 'accepted' | 'refused' | 'failed';
  status?: number;
  code?: string;
  error?: string;
  transactionId?: string;
  /** Wall clock when the answer came (ms). */
  at: number;
}

export interface LoadOptions {
  gateways: readonly GatewayProcess[];
  /** Payment cycles running at once. */
  workers: number;
  durationMs: number;
}

const AUTHORIZED = 1000;
const CAPTURE = 600;
const REFUNDS = [300, 400];

/**
 * Each worker, until the time is up: authorizes 1000 on a process picked at random, then races a
 * capture of 600 on each process (one fits), then a refund of 300 and one of 400 on each (one fits).
 */
export async function runPaymentLoad(options: LoadOptions): Promise<Answered[]> {
  const answers: Answered[] = [];
  const deadline = Date.now() + options.durationMs;
  const pick = () => options.gateways[Math.floor(Math.random() * options.gateways.length)]!;

  async function send(gateway: GatewayProcess, op: Operation, body: unknown, amount: number, paymentId?: string): Promise<Answered> {
    const reply: Reply = await gateway.post(op, body);
    const answer: Answered = { op, gateway: gateway.name, amount, outcome: 'failed', at: Date.now(), ...(paymentId ? { paymentId } : {}) };
    if ('error' in reply) answer.error = reply.error;
    else {
      answer.status = reply.status;
      const code = reply.body?.result?.code;
      if (reply.status === 200 && typeof code === 'string') {
        answer.code = code;
        answer.outcome = code === '00000' ? 'accepted' : 'refused';
        answer.transactionId = reply.body.transaction?.id;
      }
    }
    if (op === 'doAuthorization' && answer.outcome === 'accepted') answer.paymentId = answer.transactionId;
    answers.push(answer);
    // A process that is down refuses connections at once: no need to hammer it.
    if (answer.outcome === 'failed') await new Promise((resolve) => setTimeout(resolve, 20));
    return answer;
  }

  async function worker(): Promise<void> {
    while (Date.now() < deadline) {
      const auth = await send(pick(), 'doAuthorization', authorizationRequest(AUTHORIZED, { action: 100 }), AUTHORIZED);
      if (auth.outcome !== 'accepted') continue;
      const id = auth.paymentId!;
      const [first, second] = options.gateways;
      await Promise.all([first, second].map((gateway) => send(gateway!, 'doCapture', captureRequest(id, CAPTURE), CAPTURE, id)));
      await Promise.all(REFUNDS.map((amount, i) => send(options.gateways[i % options.gateways.length]!, 'doRefund', refundRequest(id, amount), amount, id)));
    }
  }

  await Promise.all(Array.from({ length: options.workers }, worker));
  return answers;
}

/**
 * Reads every payment the load touched from `reader` and checks it: each one answered ACCEPTED
 * is there with all its accepted operations, the ledger's limits hold, and its stored captures
 * and refunds lie between what was accepted and what was accepted plus what failed. `others`
 * (payments whose authorization got no clear answer, found through their events) are checked
 * against the ledger's limits.
 */
export async function checkPaymentsAfterLoad(reader: GatewayProcess, answers: readonly Answered[], others: Iterable<string> = []): Promise<{ payments: number }> {
  const byPayment = new Map<string, Answered[]>();
  for (const answer of answers) {
    if (answer.paymentId) byPayment.set(answer.paymentId, [...(byPayment.get(answer.paymentId) ?? []), answer]);
  }
  const sum = (list: Answered[], op: Operation, outcome: Answered['outcome']) => list.filter((a) => a.op === op && a.outcome === outcome).reduce((total, a) => total + a.amount, 0);
  for (const [paymentId, list] of byPayment) {
    const ledger = await readLedger(reader, paymentId);
    assertLedgerHolds(ledger);
    assert.equal(ledger.authorized, AUTHORIZED, `payment ${paymentId} is authorized`);
    const stored = new Set(ledger.list.filter((t) => t.status === 'ACCEPTED').map((t) => t.transactionId));
    for (const answer of list.filter((a) => a.outcome === 'accepted')) {
      assert.ok(stored.has(answer.transactionId!), `${answer.op} ${answer.transactionId} on payment ${paymentId} was answered ACCEPTED by ${answer.gateway} and is not stored`);
    }
    for (const [op, total] of [['doCapture', ledger.captured], ['doRefund', ledger.refunded]] as const) {
      const accepted = sum(list, op, 'accepted');
      const unknown = sum(list, op, 'failed');
      assert.ok(total >= accepted && total <= accepted + unknown, `payment ${paymentId}: ${op} stored ${total}, accepted ${accepted}, without a clear answer ${unknown}`);
    }
  }
  for (const paymentId of others) {
    if (!byPayment.has(paymentId)) assertLedgerHolds(await readLedger(reader, paymentId));
  }
  return { payments: byPayment.size };
}
