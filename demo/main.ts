// The demo shop's entry point: `npm start` runs it beside the gateway (scripts/start.js).
import { startDemo } from './demo-server.js';

function port(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new Error('DEMO_PORT must be a port number from 0 to 65535');
  return Number(raw);
}

const gatewayUrl = (process.env.GATEWAY_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
if (!/^https?:\/\/\S+$/.test(gatewayUrl)) throw new Error('GATEWAY_URL must be an http or https URL');
const demo = await startDemo({
  port: port(process.env.DEMO_PORT, 8081),
  host: process.env.DEMO_HOST || '127.0.0.1',
  ...(process.env.DEMO_PUBLIC_URL ? { publicUrl: process.env.DEMO_PUBLIC_URL.replace(/\/+$/, '') } : {}),
  gatewayUrl,
  merchantId: process.env.DEMO_MERCHANT_ID || 'demo-merchant',
  accessKey: process.env.DEMO_ACCESS_KEY || 'demo-access-key',
});
console.log(`Guichet demo shop: ${demo.url} (gateway ${gatewayUrl})`);
const stop = () => void demo.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
