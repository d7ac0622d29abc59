import { pino, type Logger } from 'pino';
import { scrubPans } from '../core/card-mask.js';

/**
 * Structured logs (pino). Card data never reaches them: card numbers, CVVs, access keys and
 * authorization headers are redacted by path, and any PAN-like digit run left in a message or a
 * string field is masked on the way out.
 */
export const REDACTED_PATHS = [
  'card.number',
  'card.cvx',
  '*.card.number',
  '*.card.cvx',
  'cvx',
  'pan',
  'accessKey',
  'password',
  'req.headers.authorization',
  'headers.authorization',
];

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** Where lines go (tests capture them); stdout by default. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'guichet' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        // The last line of defence: mask PAN-like digits in the message and string arguments.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubPans(arg) : arg)) as Parameters<typeof method>);
        },
      },
      formatters: {
        log: (object) => scrubObject(object) as Record<string, unknown>,
      },
    },
    options.destination ?? process.stdout,
  );
}

function scrubObject(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubPans(value);
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return { type: value.name, message: scrubPans(value.message), stack: value.stack ? scrubPans(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((v) => scrubObject(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubObject(v, depth + 1)]));
}
