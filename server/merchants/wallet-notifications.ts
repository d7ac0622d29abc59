import type { PointOfSell } from './merchant.js';

/**
 * Which wallet notifications a point of sale receives (seed 001 "Notification email et serveur",
 * "Configuration > Vos points de vente"): per case, by email and/or by server notification, only
 * where the seed's table offers the channel. A point of sale without `walletNotifications`
 * receives every one the table offers; with it, only those set to true.
 */
export const WalletNotificationCase = {
  /** Résultat de l'enrôlement d'une carte Amex SmartBill: email and server. */
  SMARTBILL_ENROLL_RESULT: 'smartbillEnrollResult',
  /** Désactivation d'une carte à cause d'une résiliation: server. */
  SMARTBILL_CANCELED_CARD: 'smartBillCanceledCard',
  /** Expiration d'une carte dans un portefeuille: email. */
  CARD_EXPIRING: 'cardExpiring',
  /** Création d'un portefeuille: server. */
  WALLET_CREATED: 'walletCreated',
} as const;
export type WalletNotificationCase = (typeof WalletNotificationCase)[keyof typeof WalletNotificationCase];

export type WalletNotificationChannel = 'email' | 'server';

/** The seed's table: the channels each case can be sent by. */
export const CASE_CHANNELS: Readonly<Record<WalletNotificationCase, readonly WalletNotificationChannel[]>> = {
  smartbillEnrollResult: ['email', 'server'],
  smartBillCanceledCard: ['server'],
  cardExpiring: ['email'],
  walletCreated: ['server'],
};

/** `{ smartbillEnrollResult: { email: true, server: false }, … }` as the merchants file gives it. */
export type WalletNotificationSettings = Partial<Record<WalletNotificationCase, Partial<Record<WalletNotificationChannel, boolean>>>>;

/** Whether the point of sale receives `which` by `channel` (never by a channel the table does not offer). */
export function receivesWalletNotification(pos: PointOfSell | undefined, which: WalletNotificationCase, channel: WalletNotificationChannel): boolean {
  if (!pos || !CASE_CHANNELS[which].includes(channel)) return false;
  if (!pos.walletNotifications) return true;
  return pos.walletNotifications[which]?.[channel] === true;
}

/** The problem with a `walletNotifications` value, naming the field under `path`, or undefined. */
export function walletNotificationsProblem(raw: unknown, path: string): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `${path} must be an object`;
  for (const [which, channels] of Object.entries(raw)) {
    const offered = CASE_CHANNELS[which as WalletNotificationCase];
    if (!offered) return `${path}.${which} is not a wallet notification case (${Object.keys(CASE_CHANNELS).join(', ')})`;
    if (typeof channels !== 'object' || channels === null || Array.isArray(channels)) return `${path}.${which} must be an object such as { "${offered[0]}": true }`;
    for (const [channel, on] of Object.entries(channels)) {
      if (!offered.includes(channel as WalletNotificationChannel)) return `${path}.${which}.${channel} is not offered: ${which} is sent by ${offered.join(' or ')} only`;
      if (typeof on !== 'boolean') return `${path}.${which}.${channel} must be true or false`;
    }
  }
  return undefined;
}
