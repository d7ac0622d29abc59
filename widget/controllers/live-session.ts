/**
 * The component's live view of its session (docs/WIDGET-PROTOCOL.md "Live events"): while the
 * session is open, a socket.io connection to the gateway's payment room, authorised by the token,
 * hands every `session-state` to the host: a 3-D Secure challenge finished in another window, a
 * payment made in another tab, the expiry. socket.io-client is loaded with `import()` on first
 * use (protocol/live-client.ts, a chunk of its own outside guichet.js). A connection that did not
 * recover its room is sent the current state by the gateway, so a reconnection brings the page
 * up to date by itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Socket } from 'socket.io-client';
import { SOCKET_PATH, SocketEvent, type ClientToServerEvents, type ServerToClientEvents, type SessionState } from '../../server/notify/socket-protocol.js';

/** A session on a gateway. */
interface Followed {
  origin: string;
  token: string;
}

export class LiveSession implements ReactiveController {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  /** Set before socket.io-client is loaded, so a second call for the same session waits for nothing. */
  private following: Followed | undefined;
  /** What was followed when the host left the page. */
  private paused: Followed | undefined;

  constructor(host: ReactiveControllerHost, private readonly onState: (state: SessionState) => void) {
    host.addController(this);
  }

  /**
   * Follows `token` on the gateway at `origin` until stop(); the same session again changes
   * nothing. Should the chunk not load, the page goes on without live events.
   */
  async follow(origin: string, token: string): Promise<void> {
    if (this.following?.origin === origin && this.following.token === token) return;
    this.stop();
    const followed = (this.following = { origin, token });
    let io: typeof import('../protocol/live-client.js').io;
    try {
      ({ io } = await import('../protocol/live-client.js'));
    } catch {
      if (this.following === followed) this.following = undefined;
      return;
    }
    if (this.following !== followed) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(origin, { path: SOCKET_PATH, auth: { token }, transports: ['websocket'] });
    socket.on(SocketEvent.SESSION_STATE, (state) => {
      if (state.token === token) this.onState(state);
    });
    this.socket = socket;
  }

  /** Closes the connection, if any: the session needs following no more. */
  stop(): void {
    this.socket?.disconnect();
    this.socket = undefined;
    this.following = undefined;
  }

  /** Taken out of the page: the connection closes, to open again if the host comes back. */
  hostDisconnected(): void {
    this.paused = this.following;
    this.stop();
  }

  hostConnected(): void {
    const paused = this.paused;
    this.paused = undefined;
    if (paused) void this.follow(paused.origin, paused.token);
  }
}
