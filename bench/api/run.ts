// `npm run bench`: doAuthorization on Guichet against a bare Express 5 JSON route, over loopback.
// Each run forks a fresh target process (server.js), warms it up, measures it with autocannon
// from this process, and stops it; bare and gateway runs alternate so that noise shows. The
// Redis target runs on a redis-server of its own per run (redis-target.ts), and reports the
// Redis commands and round trips each doAuthorization costs.
// See bench/README.md for why the targets run in their own process and how to read the table.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon, { type RequestSpec, type Result } from 'autocannon';
import type { TargetKind, ToParent } from './server.js';
import { isSoapAccepted, soapAuthorizationRequest } from './soap-client.js';
import { envInt } from '../env-int.js';
import type { RedisTally } from './redis-round-trips.js';
import { BENCH_REDIS_SETTINGS, redisFigures, startBenchRedis, type BenchRedis, type RedisFigures } from './redis-target.js';

/** The issue's target: doAuthorization at 0.6 of the bare route's throughput or better. */
const TARGET_RATIO = 0.6;
/** The SOAP face's target (issue 7): SOAP doAuthorization at 0.7 of JSON's or better. */
const SOAP_TARGET_RATIO = 0.7;
/** The Redis store's target (issue 6): doAuthorization on Redis at 0.4 of the bare route or better, in 2 round trips at most. */
const REDIS_TARGET_RATIO = 0.4;
const REDIS_MAX_ROUND_TRIPS = 2;

const settings = {
  seconds: envInt('BENCH_SECONDS', 10, 1, 600),
  warmupSeconds: envInt('BENCH_WARMUP_SECONDS', 3, 0, 120),
  connections: envInt('BENCH_CONNECTIONS', 50, 1, 1000),
  rounds: envInt('BENCH_ROUNDS', 2, 1, 10),
  logLevel: process.env.BENCH_LOG_LEVEL || 'info',
};

const SERVER_JS = fileURLToPath(new URL('./server.js', import.meta.url));
const RESULTS_JSON = fileURLToPath(new URL('./results.json', import.meta.url));
const AUTHORIZATION = 'Basic ' + Buffer.from('demo-merchant:demo-access-key').toString('base64');
/** Both targets put `result` first; anything but an accepted result is a bad response. */
const ACCEPTED_PREFIX = '{"result":{"code":"00000"';

interface Target {
  kind: TargetKind;
  port: number;
  logLevel: string | null;
  child: ChildProcess;
}

/**
 * Forks server.js for `kind`, its logs (stdout) going to /dev/null as a production log would go
 * to a file; on Redis when `redisUrl` is given, else on the memory store whatever REDIS_URL says.
 */
function startTarget(kind: TargetKind, redisUrl?: string): Promise<Target> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_LOG_LEVEL: settings.logLevel };
  delete env.REDIS_URL;
  if (redisUrl) env.REDIS_URL = redisUrl;
  // BENCH_TARGET_NODE_ARGS: node flags for the targets only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const execArgv = process.env.BENCH_TARGET_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = fork(SERVER_JS, [kind], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env, execArgv });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} did not start within 20 s`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited with code ${code} before it was ready`));
    });
    child.on('message', function ready(message: ToParent) {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      child.off('message', ready);
      child.removeAllListeners('exit');
      resolve({ kind, port: message.port, logLevel: message.logLevel, child });
    });
  });
}

function stopTarget(target: Target): Promise<void> {
  return new Promise((resolve) => {
    if (target.child.exitCode !== null) return resolve();
    const timer = setTimeout(() => target.child.kill('SIGKILL'), 15_000);
    target.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    target.child.kill('SIGTERM');
  });
}

/** Asks the target over IPC and waits for its answer of the same type. */
function ask<T extends ToParent['type']>(target: Target, type: T): Promise<Extract<ToParent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target.kind} did not answer ${type}`)), 5_000);
    target.child.on('message', function answer(message: ToParent) {
      if (message.type !== type) return;
      clearTimeout(timer);
      target.child.off('message', answer);
      resolve(message as Extract<ToParent, { type: T }>);
    });
    target.child.send({ type });
  });
}

/** CPU time the target process has used so far (ms). */
async function targetCpuMs(target: Target): Promise<number> {
  const { userMs, systemMs } = await ask(target, 'cpu');
  return userMs + systemMs;
}

async function targetRedisTally(target: Target): Promise<RedisTally> {
  const { type: _type, ...tally } = await ask(target, 'redis');
  return tally;
}

// A doAuthorization (action 101, authorization + capture) with the Payline SDK test card; only
// order.ref changes, so that no request is a duplicate of another (01913).
const orderDate = (() => {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
})();
const [bodyHead, bodyTail] = JSON.stringify({
  version: '34',
  payment: { amount: 1000, currency: 978, action: 101, mode: 'CPT', contractNumber: 'CB' },
  card: { number: '4970101122334455', type: 'CB', expirationDate: '1255', cvx: '123' },
  order: { ref: '@REF@', amount: 1000, currency: 978, date: orderDate },
}).split('@REF@') as [string, string];
const refPrefix = `bench-${process.pid}-${Date.now().toString(36)}-`;
let orderCounter = 0;

/** What a run measures: the bare route, or the gateway's doAuthorization through one face, or over JSON on Redis. */
type Scenario = 'bare' | 'json' | 'soap' | 'redis';
const SCENARIOS: readonly Scenario[] = ['bare', 'json', 'soap', 'redis'];
const targetOf = (scenario: Scenario): TargetKind => (scenario === 'bare' ? 'bare' : 'gateway');

const jsonRequest: RequestSpec = {
  method: 'POST',
  path: '/v4/doAuthorization',
  headers: { authorization: AUTHORIZATION, 'content-type': 'application/json' },
  setupRequest: (request) => ({ ...request, body: bodyHead + refPrefix + ++orderCounter + bodyTail }),
};
const soapRequest = soapAuthorizationRequest(AUTHORIZATION, orderDate, () => refPrefix + ++orderCounter);

interface Load {
  result: Result;
  /** Responses that were not an accepted result, first few kept. */
  badSamples: string[];
  clientCpuMs: number;
  serverCpuMs: number;
  /** The Redis target's costs. */
  redis?: RedisFigures;
}

async function load(target: Target, scenario: Scenario, seconds: number, redis?: BenchRedis): Promise<Load> {
  const badSamples: string[] = [];
  const redisBefore = redis && { server: await redis.snapshot(), gateway: await targetRedisTally(target) };
  const clientStart = process.cpuUsage();
  const serverStart = await targetCpuMs(target);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections: settings.connections,
    duration: seconds,
    timeout: 10,
    requests: [scenario === 'soap' ? soapRequest : jsonRequest],
    verifyBody(body) {
      if (scenario === 'soap' ? isSoapAccepted(body) : body.startsWith(ACCEPTED_PREFIX)) return true;
      if (badSamples.length < 5) badSamples.push(body.slice(0, 300));
      return false;
    },
  });
  const client = process.cpuUsage(clientStart);
  const serverCpuMs = (await targetCpuMs(target)) - serverStart;
  const figures =
    redis &&
    redisBefore &&
    redisFigures({ before: redisBefore.server, after: await redis.snapshot() }, { before: redisBefore.gateway, after: await targetRedisTally(target) }, result.duration);
  return { result, badSamples, clientCpuMs: (client.user + client.system) / 1000, serverCpuMs, ...(figures ? { redis: figures } : {}) };
}

interface RunRecord {
  round: number;
  kind: Scenario;
  logLevel: string | null;
  requestsPerSecond: number;
  completed: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number; max: number };
  /** Share of one core used by the target and by autocannon during the measured run. */
  serverCpu: number;
  /** CPU time the target spent per answered request (µs): what the throughput would be, core for core, on an idle machine. */
  serverCpuPerRequestUs: number;
  clientCpu: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx or not, answers other than result 00000. */
  notAccepted: number;
  statusCodes: Record<string, number>;
  warmup: { completed: number; non2xx: number; errors: number; notAccepted: number } | null;
  badSamples: string[];
  redis?: RedisFigures;
}

async function measure(kind: Scenario, round: number): Promise<RunRecord> {
  const redis = kind === 'redis' ? await startBenchRedis() : undefined;
  const target = await startTarget(targetOf(kind), redis?.url).catch(async (error: unknown) => {
    await redis?.stop();
    throw error;
  });
  try {
    const warm = settings.warmupSeconds > 0 ? await load(target, kind, settings.warmupSeconds) : undefined;
    const run = await load(target, kind, settings.seconds, redis);
    const { result } = run;
    const seconds = result.duration;
    return {
      round,
      kind,
      logLevel: target.logLevel,
      requestsPerSecond: result.requests.total / seconds,
      completed: result.requests.total,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, average: result.latency.average, max: result.latency.max },
      serverCpu: run.serverCpuMs / (seconds * 1000),
      serverCpuPerRequestUs: (run.serverCpuMs * 1000) / result.requests.total,
      clientCpu: run.clientCpuMs / (seconds * 1000),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      notAccepted: result.mismatches,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
      warmup: warm
        ? { completed: warm.result.requests.total, non2xx: warm.result.non2xx, errors: warm.result.errors, notAccepted: warm.result.mismatches }
        : null,
      badSamples: [...(warm?.badSamples ?? []), ...run.badSamples].slice(0, 5),
      ...(run.redis ? { redis: run.redis } : {}),
    };
  } finally {
    await stopTarget(target);
    await redis?.stop();
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fixed = (n: number, digits = 0) => n.toFixed(digits);
const pct = (n: number) => `${Math.round(n * 100)} %`;

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const perRun = settings.warmupSeconds + settings.seconds;
  console.log(
    `doAuthorization (action 101, card 4970101122334455) over JSON and SOAP, and over JSON on Redis, vs a bare Express 5 JSON route, loopback, ` +
      `${settings.connections} connections; per run ${settings.warmupSeconds} s warm-up + ${settings.seconds} s measured; ` +
      `${settings.rounds} round(s) of bare, JSON, SOAP, Redis: about ${settings.rounds * SCENARIOS.length * perRun} s.`,
  );
  console.log(`Redis target: a redis-server of its own per run, ${BENCH_REDIS_SETTINGS.join(' ')}.`);
  const requestLines = ['info', 'debug', 'trace'].includes(settings.logLevel) ? 'one line per request is written' : 'the per-request lines (info) are not written';
  console.log(`Gateway log level: ${settings.logLevel} (${requestLines}), logs to /dev/null. Each run forks a fresh target process.`);

  const runs: RunRecord[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    for (const kind of SCENARIOS) {
      process.stdout.write(`round ${round}, ${kind}… `);
      const record = await measure(kind, round);
      runs.push(record);
      console.log(`${fixed(record.requestsPerSecond)} req/s`);
    }
  }

  const widths = [6, 8, 8, 7, 7, 11, 11, 11, 5];
  console.log('');
  console.log(row(['round', 'target', 'req/s', 'p50 ms', 'p99 ms', 'server CPU', 'µs CPU/req', 'client CPU', 'bad'], widths));
  for (const r of runs) {
    const badCount = r.non2xx + r.errors + r.notAccepted;
    console.log(
      row(
        [String(r.round), r.kind, fixed(r.requestsPerSecond), fixed(r.latencyMs.p50), fixed(r.latencyMs.p99), pct(r.serverCpu), fixed(r.serverCpuPerRequestUs), pct(r.clientCpu), String(badCount)],
        widths,
      ),
    );
  }
  const of = (kind: Scenario) => runs.filter((r) => r.kind === kind);
  const bare = of('bare');
  const gateway = of('json');
  const soap = of('soap');
  const onRedis = of('redis');
  const summary = (list: RunRecord[]) => ({
    requestsPerSecond: mean(list.map((r) => r.requestsPerSecond)),
    p50: mean(list.map((r) => r.latencyMs.p50)),
    p99: mean(list.map((r) => r.latencyMs.p99)),
    serverCpuPerRequestUs: mean(list.map((r) => r.serverCpuPerRequestUs)),
  });
  const bareMean = summary(bare);
  const gatewayMean = summary(gateway);
  const soapMean = summary(soap);
  const redisMean = summary(onRedis);
  const redisRatio = redisMean.requestsPerSecond / bareMean.requestsPerSecond;
  const redisPer = (pick: (f: RedisFigures) => number) => mean(onRedis.map((r) => pick(r.redis!)));
  const roundTrips = redisPer((f) => f.requestRoundTrips);
  const soapRatio = soapMean.requestsPerSecond / gatewayMean.requestsPerSecond;
  const ratio = gatewayMean.requestsPerSecond / bareMean.requestsPerSecond;
  const roundRatios = gateway.map((g, i) => g.requestsPerSecond / bare[i]!.requestsPerSecond);
  const cpuRatio = bareMean.serverCpuPerRequestUs / gatewayMean.serverCpuPerRequestUs;
  console.log(row(['mean', 'bare', fixed(bareMean.requestsPerSecond), fixed(bareMean.p50, 1), fixed(bareMean.p99, 1), '', fixed(bareMean.serverCpuPerRequestUs), '', ''], widths));
  console.log(row(['mean', 'json', fixed(gatewayMean.requestsPerSecond), fixed(gatewayMean.p50, 1), fixed(gatewayMean.p99, 1), '', fixed(gatewayMean.serverCpuPerRequestUs), '', ''], widths));
  console.log(row(['mean', 'soap', fixed(soapMean.requestsPerSecond), fixed(soapMean.p50, 1), fixed(soapMean.p99, 1), '', fixed(soapMean.serverCpuPerRequestUs), '', ''], widths));
  console.log(row(['mean', 'redis', fixed(redisMean.requestsPerSecond), fixed(redisMean.p50, 1), fixed(redisMean.p99, 1), '', fixed(redisMean.serverCpuPerRequestUs), '', ''], widths));
  console.log('');
  console.log('Redis, per doAuthorization (mean of the Redis runs):');
  console.log(`  request path: ${fixed(redisPer((f) => f.requestCommands), 2)} commands in ${fixed(roundTrips, 2)} round trips`);
  console.log(
    `  sent by the gateway process in all (outbox dispatch, live events, jobs included): ${fixed(redisPer((f) => f.processCommands), 2)} commands`,
  );
  const byName = new Map<string, number>();
  for (const r of onRedis) for (const [name, perRequest] of Object.entries(r.redis!.serverCommandsByName)) byName.set(name, (byName.get(name) ?? 0) + perRequest / onRedis.length);
  console.log(
    `  run by redis-server (INFO commandstats, Lua's calls included): ${fixed(redisPer((f) => f.serverCommands), 1)} commands: ` +
      [...byName].sort((a, b) => b[1] - a[1]).map(([name, perRequest]) => `${name} ${fixed(perRequest, 2)}`).join(', '),
  );
  console.log(`  redis-server CPU: ${pct(redisPer((f) => f.serverCpu))} of a core`);
  console.log('');
  console.log(`ratio gateway/bare: ${fixed(ratio, 2)} (per round: ${roundRatios.map((r) => fixed(r, 2)).join(', ')}); target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`);
  console.log(`ratio of CPU cost per request, bare/gateway: ${fixed(cpuRatio, 2)}`);
  console.log(`ratio SOAP/JSON: ${fixed(soapRatio, 2)}; target ≥ ${SOAP_TARGET_RATIO}: ${soapRatio >= SOAP_TARGET_RATIO ? 'met' : 'NOT met'}`);
  const redisMet = redisRatio >= REDIS_TARGET_RATIO && roundTrips <= REDIS_MAX_ROUND_TRIPS;
  console.log(
    `ratio Redis/bare: ${fixed(redisRatio, 2)} (per round: ${onRedis.map((r, i) => fixed(r.requestsPerSecond / bare[i]!.requestsPerSecond, 2)).join(', ')}), ` +
      `${fixed(roundTrips, 2)} round trips; target ≥ ${REDIS_TARGET_RATIO} in ≤ ${REDIS_MAX_ROUND_TRIPS} round trips: ${redisMet ? 'met' : 'NOT met'}`,
  );
  const starved = runs.filter((r) => r.serverCpu < 0.9);
  if (starved.length > 0) {
    console.log(
      `note: in ${starved.length} run(s) the target used less than 90 % of a core: something else had the CPU (a busy machine), so req/s ` +
        `understates what the target can do; the CPU cost per request is the steadier figure.`,
    );
  }

  const failures = runs.filter((r) => r.non2xx + r.errors + r.notAccepted > 0 || (r.warmup && r.warmup.non2xx + r.warmup.errors + r.warmup.notAccepted > 0));
  for (const r of failures) {
    console.log(
      `round ${r.round} ${r.kind}: ${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts), ${r.notAccepted} answers other than 00000; ` +
        `status codes ${JSON.stringify(r.statusCodes)}${r.warmup ? `; warm-up: ${JSON.stringify(r.warmup)}` : ''}`,
    );
    for (const sample of r.badSamples) console.log(`  ${sample}`);
  }
  if (failures.length === 0) console.log(`every response was HTTP 200 with result 00000 (${runs.reduce((n, r) => n + r.completed + (r.warmup?.completed ?? 0), 0)} requests, warm-ups included)`);

  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    settings: {
      ...settings,
      targetRatio: TARGET_RATIO,
      soapTargetRatio: SOAP_TARGET_RATIO,
      redisTargetRatio: REDIS_TARGET_RATIO,
      redisMaxRoundTrips: REDIS_MAX_ROUND_TRIPS,
      redisSettings: BENCH_REDIS_SETTINGS,
      logStream: '/dev/null',
    },
    ratio,
    soapRatio,
    redisRatio,
    roundRatios,
    cpuRatio,
    mean: { bare: bareMean, json: gatewayMean, soap: soapMean, redis: redisMean },
    runs,
  };
  writeFileSync(RESULTS_JSON, JSON.stringify(report, null, 2) + '\n');
  console.log(`results: ${RESULTS_JSON}`);

  if (failures.length > 0) {
    console.error('FAILED: some responses were not HTTP 200 with result 00000');
    return 1;
  }
  if (ratio < TARGET_RATIO) {
    console.error(`FAILED: the gateway reached ${fixed(ratio, 2)} of the bare route's throughput (target ${TARGET_RATIO})`);
    return 1;
  }
  if (soapRatio < SOAP_TARGET_RATIO) {
    console.error(`FAILED: SOAP reached ${fixed(soapRatio, 2)} of JSON's throughput (target ${SOAP_TARGET_RATIO})`);
    return 1;
  }
  if (!redisMet) {
    console.error(`FAILED: on Redis, ${fixed(redisRatio, 2)} of the bare route's throughput in ${fixed(roundTrips, 2)} round trips (target ${REDIS_TARGET_RATIO} in ${REDIS_MAX_ROUND_TRIPS})`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
