import type { Store, StoredEvent } from '../store/store.js';
import type { Channel } from './outbox.js';
import { sessionStateAfter } from './session-state.js';
import { withTicket } from './session-ticket.js';
import { SocketEvent, socketRooms, type LiveEvent } from './socket-protocol.js';
import type { LiveServer } from './socket-server.js';

/**
 * Live events: every event goes to its merchant's room; an event of a web payment (its data names
 * a token) also goes to that payment's room, followed by the session state it leads to (with the
 * ticket's facts once accepted). Nothing
 * is stored here: a client that missed something recovers it on reconnection (socket-server.ts).
 */
export class SocketRoomsChannel implements Channel {
  readonly name = 'socket';

  constructor(private readonly options: { io: LiveServer; store: Store; timeZone: string }) {}

  async deliver(event: StoredEvent): Promise<void> {
    const { io, store, timeZone } = this.options;
    const live: LiveEvent = { id: event.id, type: event.type, occurredAt: new Date(event.occurredAt).toISOString(), data: event.data };
    io.to(socketRooms.merchant(event.merchantId)).emit(SocketEvent.EVENT, live);
    const token = event.data.token;
    if (typeof token !== 'string') return;
    const room = socketRooms.payment(token);
    io.to(room).emit(SocketEvent.EVENT, live);
    const session = await store.getSession(token);
    const state = session && session.merchantId === event.merchantId ? sessionStateAfter(event, session) : undefined;
    if (state) io.to(room).emit(SocketEvent.SESSION_STATE, await withTicket(store, timeZone, event.merchantId, state));
  }
}
