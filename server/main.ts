// Guichet's entry point: read the environment, wire the gateway, listen, stop cleanly.
import { ConfigError, readConfig } from './config.js';
import { createGateway, type Gateway } from './gateway.js';
import { createLogger } from './logging/logger.js';
import { MerchantsFileError } from './merchants/merchants-file.js';
import { DataKeyError } from './crypto/data-key.js';

async function start(): Promise<Gateway> {
  const config = readConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const gateway = await createGateway({ config, logger });
  const { url } = await gateway.listen();
  logger.info({ url, store: gateway.store.name, testClock: config.testClock, merchants: config.merchantsFile ?? 'built-in sandbox' }, 'Guichet is listening');
  return gateway;
}

// Logs go to stdout; a reader that goes away (a closed pipe) must not take payments down with it.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

let gateway: Gateway;
try {
  gateway = await start();
} catch (error) {
  // A configuration mistake is the operator's to fix: say what, without a stack trace.
  if (error instanceof ConfigError || error instanceof MerchantsFileError || error instanceof DataKeyError) {
    console.error(`guichet: ${error.message}`);
    process.exit(78);
  }
  throw error;
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  gateway.logger.info({ signal }, 'shutting down');
  // Requests in flight get 10 s to finish; then the process goes anyway.
  const force = setTimeout(() => {
    gateway.logger.error('shutdown timed out');
    process.exit(1);
  }, 10_000);
  force.unref();
  await gateway.close();
  gateway.logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
