import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { SANDBOX_AUTH } from '../../support/gateway-harness.js';

/**
 * A gateway as an operator runs it: `node build/server/main.js` in a child process, configured
 * by its environment, on a loopback port chosen once so that a restart comes back on it. Its
 * log lines (stdout, JSON) are kept for the test to read.
 */
export interface GatewayProcess {
  name: string;
  url: string;
  /** The log lines so far, parsed. */
  logs(): Record<string, unknown>[];
  /** POST /v4/{operation} as the sandbox merchant; the status and parsed body, or the network error (or no answer in `timeoutMs`, 10 s by default). */
  post(operation: string, body: unknown, timeoutMs?: number): Promise<Reply>;
  /** Like post, but any answer other than HTTP 200 throws. */
  call(operation: string, body: unknown, timeoutMs?: number): Promise<any>;
  /** A request to the merchant API (/api/…) as the sandbox merchant. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Sends the signal and waits for the process to end (SIGKILL: a crash). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again with the same environment and port (its log lines go on after the old ones). */
  restart(): Promise<void>;
  running(): boolean;
}

export type Reply = { status: number; body: any } | { error: string };

const MAIN = new URL('../../../../server/main.js', import.meta.url).pathname;
const START_TIMEOUT_MS = 15_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startGatewayProcess(name: string, env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const lines: string[] = [];

  async function launch(): Promise<void> {
    let pending = '';
    const started = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let stderr = '';
    started.stderr!.on('data', (chunk) => (stderr += chunk));
    started.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split('\n');
      pending = complete.pop()!;
      lines.push(...complete);
    });
    // Ready once it answers /health, whatever its log level.
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (started.exitCode !== null || started.signalCode !== null) throw new Error(`${name} exited (${started.exitCode ?? started.signalCode}) before listening: ${stderr}`);
      if (Date.now() > deadline) {
        started.kill('SIGKILL');
        throw new Error(`${name} did not start in ${START_TIMEOUT_MS} ms: ${stderr}`);
      }
      const health = await fetch(`${url}/health`).catch(() => undefined);
      if (health?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const fetchGateway = (path: string, init?: RequestInit) => fetch(url + path, init);
  const post = async (operation: string, body: unknown, timeoutMs = 10_000): Promise<Reply> => {
    try {
      const response = await fetchGateway(`/v4/${operation}`, {
        method: 'POST',
        headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON: kept as text, for the test's message.
      }
      return { status: response.status, body: parsed };
    } catch (error) {
      return { error: String((error as Error).cause ?? error) };
    }
  };

  await launch();
  return {
    name,
    url,
    logs: () =>
      lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    post,
    async call(operation, body, timeoutMs) {
      const reply = await post(operation, body, timeoutMs);
      if ('error' in reply) throw new Error(`${name} ${operation}: ${reply.error}`);
      if (reply.status !== 200) throw new Error(`${name} ${operation}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    },
    async api(method, path, body) {
      const response = await fetchGateway(path, {
        method,
        headers: { authorization: SANDBOX_AUTH, 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    fetch: fetchGateway,
    async kill(signal = 'SIGKILL') {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill(signal);
      await exited;
    },
    restart: launch,
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
  };
}
