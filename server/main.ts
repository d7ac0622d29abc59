// Guichet's entry point: read the environment, wire the gateway, listen, stop cleanly.
import { readConfig } from './config.js';
import { createGateway } from './gateway.js';
import { createLogger } from './logging/logger.js';

const config = readConfig(process.env);
const logger = createLogger({ level: config.logLevel });
const gateway = await createGateway({ config, logger });
const { url } = await gateway.listen();
logger.info({ url, store: gateway.store.name, testClock: config.testClock, merchants: config.merchantsFile ?? 'built-in sandbox' }, 'Guichet is listening');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Requests in flight get 10 s to finish; then the process goes anyway.
  const force = setTimeout(() => {
    logger.error('shutdown timed out');
    process.exit(1);
  }, 10_000);
  force.unref();
  await gateway.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
