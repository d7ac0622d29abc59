/**
 * socket.io-client, alone in a module so that the widget's `import()` of it makes one lazily
 * loaded chunk (live-client-[hash].js), never part of guichet.js (controllers/live-session.ts).
 */
export { io } from 'socket.io-client';
