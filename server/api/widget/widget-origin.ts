import type { Request, Response } from 'express';
import type { Merchant } from '../../merchants/merchant.js';
import { allowsWidgetOrigin } from '../../merchants/widget-origins.js';
import { originOf } from '../../http/page-security.js';

/**
 * Origin checks of the widget endpoints. The gateway's own pages (card fields, hosted payment
 * page) are same-origin; a merchant page is cross-origin and must be one of the merchant's
 * `widgetOrigins` (CORS). A browser always sends `Origin` on these calls; a server does not.
 */

/** Whether `origin` is the gateway itself: its public URL, or the URL this request was sent to. */
export function isGatewayOrigin(req: Request, origin: string, publicUrl: string): boolean {
  return origin === originOf(publicUrl) || origin === `${req.protocol}://${req.get('host')}`;
}

/** Whether a page at `origin` may use this merchant's sessions (frame the fields, be told of a challenge…). */
export function mayEmbed(req: Request, merchant: Merchant, origin: string, publicUrl: string): boolean {
  return isGatewayOrigin(req, origin, publicUrl) || allowsWidgetOrigin(merchant, origin);
}

/**
 * CORS for a token's endpoints: a call from an origin the merchant allows gets
 * Access-Control-Allow-Origin; from any other origin it is answered 403 before anything is
 * done. Without a merchant (unknown token) the 404 is readable from any origin.
 */
export function allowCaller(req: Request, res: Response, merchant: Merchant | undefined, publicUrl: string): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return true;
  res.vary('Origin');
  if (merchant && !mayEmbed(req, merchant, origin, publicUrl)) {
    res.status(403).json({ error: { status: 403, message: `origin ${origin.slice(0, 200)} may not use this payment` } });
    return false;
  }
  res.set('Access-Control-Allow-Origin', origin);
  return true;
}

/** The preflight answer for an allowed origin: GET, POST with a JSON body and DELETE (a gift card), cached 10 minutes. */
export function preflight(res: Response): void {
  res.set({ 'Access-Control-Allow-Methods': 'GET, POST, DELETE', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '600' }).status(204).end();
}
