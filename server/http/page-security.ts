import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

/**
 * Headers of the HTML pages the gateway serves (challenge, hosted payment page, card fields):
 * a strict Content-Security-Policy with a per-response nonce, no inline script, and no referrer
 * (their URLs carry the payment token).
 */

/** A fresh CSP nonce: 128 random bits, base64. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** A CSP directive → its sources; `default-src 'none'` and `base-uri 'none'` come first, always. */
export type CspDirectives = Record<string, readonly string[]>;

export function contentSecurityPolicy(directives: CspDirectives): string {
  const all: CspDirectives = { 'default-src': ["'none'"], 'base-uri': ["'none'"], ...directives };
  return Object.entries(all)
    .map(([name, sources]) => (sources.length > 0 ? `${name} ${sources.join(' ')}` : name))
    .join('; ');
}

/** Sends an HTML page with its CSP; `cacheControl` defaults to no-store (pages of one payment). */
export function sendPage(res: Response, page: string, csp: CspDirectives, cacheControl = 'no-store', status = 200): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(csp),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': cacheControl,
    })
    .send(page);
}

/** Sends a page's own script (served from a constant): short-lived public caching. */
export function sendScript(res: Response, source: string): void {
  res
    .set({ 'Content-Type': 'text/javascript; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=300' })
    .send(source);
}

/** `scheme://host[:port]` of an http(s) URL, or undefined for anything else. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
