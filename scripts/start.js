// `npm start`: the gateway (build/server/main.js) and the demo shop (build/demo/main.js) side by
// side, the shop on its own origin (DEMO_PORT, default 8081) pointed at the gateway. Ctrl-C stops
// both; when one stops, the other is stopped too and its exit status is ours.
import { spawn } from 'node:child_process';

const host = process.env.HOST || '127.0.0.1';
const gatewayUrl = process.env.GUICHET_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || '8080'}`;
const children = [
  spawn(process.execPath, ['build/server/main.js'], { stdio: 'inherit' }),
  spawn(process.execPath, ['build/demo/main.js'], { stdio: 'inherit', env: { ...process.env, GATEWAY_URL: process.env.GATEWAY_URL || gatewayUrl } }),
];

let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const child of children) {
  child.on('exit', (code, signal) => {
    process.exitCode ||= code ?? (signal ? 1 : 0);
    stopAll('SIGTERM');
  });
}
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
