// A fake of the gateway's live events (docs/WIDGET-PROTOCOL.md "Live events") for the component
// tests: socket.io on the test server's own HTTP server (the `fakeLive` plugin), any token
// welcome in its payment room, and the test's controls (the `fakeLiveControl` middleware):
// `GET /fake-live/{token}` answers how many clients its room holds, `POST /fake-live/{token}`
// sends the JSON body there as a `session-state`.
import { Server } from 'socket.io';

/** The server, once the dev server started. */
let io;

export function fakeLive() {
  return {
    name: 'guichet-fake-live',
    serverStart({ server }) {
      // destroyUpgrade: false leaves the test runner's own WebSocket alone.
      io = new Server(server, { path: '/socket.io', serveClient: false, destroyUpgrade: false });
      io.on('connection', (socket) => void socket.join(String(socket.handshake.auth.token)));
    },
  };
}

export async function fakeLiveControl(ctx, next) {
  const token = /^\/fake-live\/([^/]+)$/.exec(ctx.path)?.[1];
  if (!token) return next();
  if (ctx.method === 'POST') {
    let body = '';
    for await (const chunk of ctx.req) body += chunk;
    io.to(token).emit('session-state', JSON.parse(body));
    ctx.status = 204;
    return;
  }
  ctx.body = { clients: (await io.in(token).fetchSockets()).length };
}
