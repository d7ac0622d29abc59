import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { Redis } from 'ioredis';

/**
 * Counts the Redis commands a gateway process sends, and their round trips, for the Redis
 * target of the benchmark (server.ts installs it; the gateway's code is untouched). Every
 * command goes through ioredis's `Redis.prototype.sendCommand`, pipelined ones included, so
 * that one method is wrapped. A round trip is a run of commands a request sends without waiting
 * for a reply in between (a pipeline, a Promise.all): the first command opens one, and the
 * first reply to come back closes it.
 *
 * Round trips are counted on the request path (the commands sent while an HTTP request is
 * handled: node's `http.server.request.start` diagnostics channel opens a scope that follows the
 * request's async work); commands also for the whole process (the outbox dispatch, live events
 * and jobs too), whose background work shares its writes among many requests.
 */
export interface RedisTally {
  /** HTTP requests started. */
  requests: number;
  /** Commands and round trips of the request path, summed over the requests. */
  requestCommands: number;
  requestRoundTrips: number;
  /** Commands of the whole process, background work included. */
  commands: number;
}

/** A request's round trip in progress. */
interface Batches {
  open: boolean;
}

export function countRedisRoundTrips(): { tally(): RedisTally } {
  const totals: RedisTally = { requests: 0, requestCommands: 0, requestRoundTrips: 0, commands: 0 };
  const scope = new AsyncLocalStorage<Batches>();

  subscribe('http.server.request.start', () => {
    totals.requests++;
    // The scope follows this request's work, body parsing and awaits included.
    scope.enterWith({ open: false });
  });

  const send = Redis.prototype.sendCommand;
  Redis.prototype.sendCommand = function countedSendCommand(this: Redis, ...args: Parameters<Redis['sendCommand']>) {
    totals.commands++;
    const sent = send.apply(this, args);
    const request = scope.getStore();
    if (request) {
      totals.requestCommands++;
      if (!request.open) {
        request.open = true;
        totals.requestRoundTrips++;
      }
      const close = () => (request.open = false);
      if (sent instanceof Promise) sent.then(close, close);
    }
    return sent;
  };

  return { tally: () => ({ ...totals }) };
}
