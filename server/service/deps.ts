import type { Clock } from '../core/clock.js';
import type { Acquirer } from '../connectors/acquirer.js';
import type { ThreeDSecureServer } from '../connectors/three-d-secure.js';
import type { CardVault } from '../crypto/card-vault.js';
import type { Store } from '../store/store.js';
import type { IdSource } from './ids.js';

/** Settings of the payment services, read from the environment by main.ts. */
export interface ServiceSettings {
  /** Web-payment session lifetime (ms). */
  sessionTtlMs: number;
  /** Card attempts per web-payment session. */
  maxAttempts: number;
  /** The gateway's public base URL, for redirectURL and 3-D Secure (no trailing slash); set once listening when the port was 0. */
  publicUrl: string;
  /** IANA time zone of Payline dates on the wire. */
  timeZone: string;
}

/** Everything the services use, injected once. */
export interface ServiceDeps {
  store: Store;
  acquirer: Acquirer;
  threeDSecure: ThreeDSecureServer;
  vault: CardVault;
  clock: Clock;
  ids: IdSource;
  settings: ServiceSettings;
}
