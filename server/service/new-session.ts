import { SessionStatus, type WebSession } from '../core/web-session-types.js';
import type { ServiceDeps } from './deps.js';

/** What the merchant's request gives every web session, payment or wallet, alike. */
export interface SessionRequestFields {
  returnURL: string;
  cancelURL: string;
  notificationURL?: string;
  languageCode?: string;
  buyer?: WebSession['buyer'];
  privateDataList?: WebSession['privateDataList'];
}

/**
 * The fields every new web session starts with: a fresh token, WAITING, no attempt yet, its life
 * and attempt limit from the settings, and the request's URLs, language, buyer and private data.
 */
export function newSessionFields(deps: ServiceDeps, merchantId: string, now: number, request: SessionRequestFields) {
  return {
    token: deps.ids.token(),
    merchantId,
    version: 1,
    status: SessionStatus.WAITING,
    createdAt: now,
    expiresAt: now + deps.settings.sessionTtlMs,
    attempts: 0,
    maxAttempts: deps.settings.maxAttempts,
    paymentIds: [] as string[],
    returnURL: request.returnURL,
    cancelURL: request.cancelURL,
    ...(request.notificationURL ? { notificationURL: request.notificationURL } : {}),
    ...(request.languageCode ? { languageCode: request.languageCode } : {}),
    ...(request.buyer ? { buyer: request.buyer } : {}),
    ...(request.privateDataList !== undefined ? { privateDataList: request.privateDataList } : {}),
  };
}
