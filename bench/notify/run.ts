// `npm run bench:notify`: payments through the notification hub, over loopback. A gateway process
// (gateway.js) takes web payments (doWebPayment, then the widget's pay) at a fixed rate, an open
// model; every accepted payment causes a signed webhook and a Payline WEBTRS notification to a
// local receiver in this process. Reports payments committed per second, deliveries per second,
// and the latency from the commit (the event's time) to the receipt, p50/p99.
// Settings: BENCH_RATE (payments/s, 300), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2).
import { fork } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { GatewayMessage } from './gateway.js';
import { envInt } from '../env-int.js';

/** The target: p99 commit-to-receipt under 100 ms at 300 payments/s. */
const TARGET_P99_MS = 100;

const settings = {
  rate: envInt('BENCH_RATE', 300, 1, 3000),
  seconds: envInt('BENCH_SECONDS', 10, 1, 120),
  warmupSeconds: envInt('BENCH_WARMUP_SECONDS', 2, 0, 30),
};
const AUTH = 'Basic ' + Buffer.from('demo-merchant:demo-access-key').toString('base64');
const CARD = { number: '4970101122334455', type: 'CB', expirationDate: '1255', cvx: '123' };

interface Receipt {
  kind: 'webhook' | 'payline';
  token: string;
  at: number;
}

/** The merchant's server: answers 200 at once and notes what came when. */
async function startReceiver(receipts: Receipt[], occurredAt: Map<string, number>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = Date.now();
      if (req.method === 'POST') {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { timestamp: string; data: { token?: string } };
        if (event.data.token) {
          occurredAt.set(event.data.token, Date.parse(event.timestamp));
          receipts.push({ kind: 'webhook', token: event.data.token, at });
        }
      } else {
        const token = new URL(req.url ?? '/', 'http://receiver').searchParams.get('token');
        if (token) receipts.push({ kind: 'payline', token, at });
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function startGateway(): Promise<{ port: number; stop(): Promise<void> }> {
  const child = fork(fileURLToPath(new URL('./gateway.js', import.meta.url)), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the gateway did not start within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`the gateway exited with code ${code}`)));
    child.on('message', (message: GatewayMessage) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        port: message.port,
        stop: () => new Promise((done) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(kill);
            done();
          });
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

async function postJson(url: string, body: unknown, auth?: string): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body) });
  return response.json();
}

interface Payment {
  token?: string;
  code?: string;
  startedAt: number;
  doneAt?: number;
  measured: boolean;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
};

async function main(): Promise<void> {
  const receipts: Receipt[] = [];
  const occurredAt = new Map<string, number>();
  const receiver = await startReceiver(receipts, occurredAt);
  const gateway = await startGateway();
  const base = `http://127.0.0.1:${gateway.port}`;
  try {
    const endpoint = await postJson(`${base}/api/webhook-endpoints`, { url: `${receiver.url}/hooks`, eventTypes: ['payment.accepted'] }, AUTH);
    if (!endpoint.id) throw new Error(`could not create the webhook endpoint: ${JSON.stringify(endpoint)}`);

    const payments: Payment[] = [];
    const runId = `${process.pid}-${Date.now().toString(36)}`;
    const today = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    const orderDate = `${two(today.getUTCDate())}/${two(today.getUTCMonth() + 1)}/${today.getUTCFullYear()} 10:00`;
    async function pay(payment: Payment, i: number): Promise<void> {
      const session = await postJson(`${base}/v4/doWebPayment`, {
        version: '34',
        payment: { amount: 1000, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
        returnURL: 'https://shop.example/return',
        cancelURL: 'https://shop.example/cancel',
        notificationURL: `${receiver.url}/notify`,
        order: { ref: `bench-${runId}-${i}`, amount: 1000, currency: 978, date: orderDate },
      }, AUTH);
      payment.token = session.token;
      const paid = await postJson(`${base}/widget/sessions/${session.token}/pay`, { card: CARD });
      payment.code = paid.result?.code;
      payment.doneAt = Date.now();
    }

    // Open model: payment i starts at start + i / rate, whatever the answers do.
    const total = (settings.warmupSeconds + settings.seconds) * settings.rate;
    const warmupCount = settings.warmupSeconds * settings.rate;
    const start = Date.now() + 50;
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / settings.rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const payment: Payment = { startedAt: Date.now(), measured: i >= warmupCount };
      payments.push(payment);
      inFlight.push(pay(payment, i).catch(() => undefined));
    }
    await Promise.all(inFlight);
    const measured = payments.filter((p) => p.measured);
    const windowStart = start + settings.warmupSeconds * 1000;
    const windowEnd = Math.max(...measured.map((p) => p.doneAt ?? 0));
    const accepted = measured.filter((p) => p.code === '00000');
    const tokens = new Set(accepted.map((p) => p.token!));
    // Every accepted payment should bring two deliveries; give the last ones up to 15 s.
    const deadline = Date.now() + 15_000;
    const arrived = () => receipts.filter((r) => tokens.has(r.token));
    while (arrived().length < tokens.size * 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

    const mine = arrived();
    const latency = (kind: Receipt['kind']) => mine.filter((r) => r.kind === kind && occurredAt.has(r.token)).map((r) => r.at - occurredAt.get(r.token)!);
    const inWindow = receipts.filter((r) => r.at >= windowStart && r.at <= windowEnd).length;
    const seconds = (windowEnd - windowStart) / 1000;
    const both = summary([...latency('webhook'), ...latency('payline')]);
    const result = {
      settings,
      payments: { started: measured.length, accepted: accepted.length, perSecond: +(accepted.length / seconds).toFixed(1) },
      paymentRequestMs: summary(accepted.map((p) => p.doneAt! - p.startedAt)),
      deliveries: { expected: tokens.size * 2, received: mine.length, perSecond: +(inWindow / seconds).toFixed(1) },
      commitToReceiptMs: { webhook: summary(latency('webhook')), payline: summary(latency('payline')), all: both },
      target: { p99UnderMs: TARGET_P99_MS, met: both.p99 < TARGET_P99_MS && mine.length === tokens.size * 2 },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await gateway.stop();
    await receiver.close();
  }
}

await main();
