import type { NextFunction, Request, Response } from 'express';
import { AuthenticationError } from '../../errors.js';
import type { AccessKeyVerifier } from '../../merchants/access-key.js';
import type { Merchant } from '../../merchants/merchant.js';
import type { MerchantDirectory } from '../../merchants/merchant-directory.js';

/**
 * HTTP Basic `merchantId:accessKey` on every merchant call (payline-api.md §1.3). Sets
 * `res.locals.merchant`; anything wrong is an AuthenticationError (HTTP 401), the same for an
 * unknown merchant and a wrong key, so the answer tells nothing about which merchants exist.
 */
export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function merchantAuth(merchants: MerchantDirectory, verifier: AccessKeyVerifier) {
  return async function authenticateMerchant(req: Request, res: Response, next: NextFunction): Promise<void> {
    const credentials = parseBasicAuth(req.headers.authorization);
    const merchant = credentials && merchants.get(credentials.user);
    if (!credentials || !merchant || !(await verifier.verify(merchant.merchantId, credentials.password, merchant.accessKeyHash))) {
      res.locals.attemptedMerchantId = credentials?.user.slice(0, 50);
      next(new AuthenticationError());
      return;
    }
    res.locals.merchant = merchant;
    next();
  };
}

/** The merchant authenticated by merchantAuth. */
export function authenticatedMerchant(res: Response): Merchant {
  const merchant = res.locals.merchant as Merchant | undefined;
  if (!merchant) throw new AuthenticationError();
  return merchant;
}
