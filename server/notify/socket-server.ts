import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { Clock } from '../core/clock.js';
import type { AccessKeyVerifier } from '../merchants/access-key.js';
import type { MerchantDirectory } from '../merchants/merchant-directory.js';
import { allowsWidgetOrigin, anyAllowsWidgetOrigin } from '../merchants/widget-origins.js';
import type { Store } from '../store/store.js';
import { currentSessionState } from './session-state.js';
import { withTicket } from './session-ticket.js';
import {
  SOCKET_PATH,
  SocketEvent,
  socketRooms,
  UNAUTHORIZED,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './socket-protocol.js';
import { verifySocketToken } from './socket-token.js';

/**
 * socket.io on the gateway's HTTP server. A client proves one thing at the handshake and joins
 * one room: a payment token (the widget; its merchant must allow the page's origin), a merchant's
 * id and access key (a server), or a short-lived merchant token (a browser). A bad handshake gets
 * `unauthorized` and nothing else. A client that comes back within two minutes recovers its room
 * and the events it missed (with REDIS_URL, on whichever process it reaches: socket-adapter.ts);
 * any other (re)connection to a payment room is sent the session's current state, so nothing is
 * ever missing for long.
 */
export interface SocketServerOptions {
  store: Store;
  clock: Clock;
  merchants: MerchantDirectory;
  verifier: AccessKeyVerifier;
  /** Key of the short-lived merchant tokens. */
  tokenKey: Buffer;
  /** Of the ticket's dates in an ACCEPTED session state. */
  timeZone: string;
  /** Carries room emits to the other processes (socket-adapter.ts); default: this process only. */
  adapter?: ServerOptions['adapter'];
}

interface SocketData {
  room: string;
  token?: string;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const TOKEN = /^[0-9a-f]{32}$/;
/** How long a dropped client may come back and get what it missed. */
const RECOVERY_MS = 2 * 60 * 1000;

/** A socket.io server, not yet attached: Gateway.listen attaches it to its HTTP server. */
export function createSocketServer(options: SocketServerOptions): LiveServer {
  const io: LiveServer = new Server({
    path: SOCKET_PATH,
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_MS, skipMiddlewares: true },
    ...(options.adapter ? { adapter: options.adapter } : {}),
    // The CORS preflight knows no merchant yet: any origin some merchant allows may try.
    cors: { origin: (origin, done) => done(null, origin === undefined || anyAllowsWidgetOrigin(options.merchants.all(), origin)) },
  });
  io.use((socket, next) => {
    authorise(options, socket).then(
      (data) => {
        if (!data) return next(new Error(UNAUTHORIZED));
        socket.data = data;
        next();
      },
      () => next(new Error(UNAUTHORIZED)),
    );
  });
  io.on('connection', (socket) => {
    if (socket.recovered) return;
    void socket.join(socket.data.room);
    if (socket.data.token) void sendSessionState(options, socket, socket.data.token);
  });
  return io;
}

/** The room the handshake earns, or undefined. */
async function authorise(options: SocketServerOptions, socket: LiveSocket): Promise<SocketData | undefined> {
  const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
  const { store, clock, merchants, verifier, tokenKey } = options;
  if (typeof auth.token === 'string') {
    if (!TOKEN.test(auth.token)) return undefined;
    const session = await store.getSession(auth.token);
    const merchant = session && merchants.get(session.merchantId);
    const origin = socket.handshake.headers.origin;
    if (!session || !merchant) return undefined;
    if (origin !== undefined && !allowsWidgetOrigin(merchant, origin)) return undefined;
    return { room: socketRooms.payment(session.token), token: session.token };
  }
  if (typeof auth.merchantId === 'string' && typeof auth.accessKey === 'string') {
    const merchant = merchants.get(auth.merchantId);
    if (!merchant || !(await verifier.verify(merchant.merchantId, auth.accessKey, merchant.accessKeyHash))) return undefined;
    return { room: socketRooms.merchant(merchant.merchantId) };
  }
  if (typeof auth.merchantToken === 'string') {
    const merchantId = verifySocketToken(tokenKey, auth.merchantToken, clock.now());
    return merchantId && merchants.get(merchantId) ? { room: socketRooms.merchant(merchantId) } : undefined;
  }
  return undefined;
}

async function sendSessionState(options: SocketServerOptions, socket: LiveSocket, token: string): Promise<void> {
  const session = await options.store.getSession(token);
  if (!session) return;
  const state = await withTicket(options.store, options.timeZone, session.merchantId, currentSessionState(session, options.clock.now()));
  if (socket.connected) socket.emit(SocketEvent.SESSION_STATE, state);
}
