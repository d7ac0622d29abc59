import type { Authentication } from '../../connectors/three-d-secure.js';
import { compact } from './payline-objects.js';

/**
 * `authentication3DSecure` (payline-api.md §3.9) from a 3DS server's authentication: xid, the
 * ECI and CAVV once decided, VeResStatus (enrolled), PaResStatus and authenticationResult
 * (the verdict), md and pares as the browser carried them.
 */
export function authentication3DSecureOut(auth: Authentication): Record<string, unknown> {
  const decided = auth.status === 'Y' || auth.status === 'N' ? auth.status : undefined;
  return compact({
    md: auth.md,
    pares: auth.pares,
    xid: auth.id,
    eci: auth.eci,
    cavv: auth.cavv,
    cavvAlgorithm: auth.cavvAlgorithm,
    PaResStatus: decided,
    VeResStatus: auth.enrolled,
    authenticationResult: decided,
  });
}
