import { readFileSync } from 'node:fs';
import { notificationUrlProblem } from '../core/notification-url.js';
import { DEFAULT_GIFT_CARD_MAX_AMOUNT, GIFT_CARD_TYPE } from '../core/gift-card.js';
import { MAIL_LANGUAGES, MailMessage, type Contract, type GiftCardTerms, type Merchant, type PointOfSell, type PointOfSellEmail, type ShopTheme } from './merchant.js';
import { walletNotificationsProblem, type WalletNotificationSettings } from './wallet-notifications.js';
import { ANY_ORIGIN, isWebOrigin } from './widget-origins.js';

/**
 * Reads and checks a merchants file (JSON, see docs/OPERATIONS.md). A mistake stops the
 * start-up with a message that names the file and the field, never a half-loaded merchant.
 */
export class MerchantsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MerchantsFileError';
  }
}

type Raw = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new MerchantsFileError(`${path} ${problem}`);
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(raw: Raw, field: string, path: string, required = true): string | undefined {
  const value = raw[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.length === 0) fail(`${path}.${field}`, 'must be a non-empty string');
  return value;
}

function strings(raw: Raw, field: string, path: string): string[] {
  const value = raw[field];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) fail(`${path}.${field}`, 'must be a list of strings');
  return value as string[];
}

function url(raw: Raw, field: string, path: string): string | undefined {
  const value = str(raw, field, path, false);
  if (value !== undefined && !/^https?:\/\/\S+$/.test(value)) fail(`${path}.${field}`, 'must be an http or https URL');
  return value;
}

/** Where server notifications go: http(s), no credentials (core/notification-url.ts). */
function notificationUrl(raw: Raw, path: string): string | undefined {
  const value = url(raw, 'notificationURL', path);
  const problem = value === undefined ? undefined : notificationUrlProblem(value);
  if (problem) fail(`${path}.notificationURL`, problem);
  return value;
}

/** Each entry `*` or an origin such as `https://shop.example` (no path, no trailing slash). */
function widgetOrigins(raw: Raw, path: string): string[] {
  if (raw.widgetOrigins === undefined) return [];
  const origins = strings(raw, 'widgetOrigins', path);
  origins.forEach((o, i) => o === ANY_ORIGIN || isWebOrigin(o) || fail(`${path}.widgetOrigins[${i}]`, 'must be * or an origin such as https://shop.example (no path)'));
  return origins;
}

/** What each theme field accepts: CSS colours `#rgb`/`#rrggbb`, a radius in px or rem. */
const THEME_FIELDS: Record<keyof ShopTheme, { pattern: RegExp; hint: string }> = {
  primaryColor: { pattern: /^#(?:[0-9a-fA-F]{3}){1,2}$/, hint: 'a colour #rgb or #rrggbb' },
  backgroundColor: { pattern: /^#(?:[0-9a-fA-F]{3}){1,2}$/, hint: 'a colour #rgb or #rrggbb' },
  textColor: { pattern: /^#(?:[0-9a-fA-F]{3}){1,2}$/, hint: 'a colour #rgb or #rrggbb' },
  borderRadius: { pattern: /^\d{1,2}(?:\.\d{1,2})?(?:px|rem)$/, hint: 'a length such as 6px or 0.5rem' },
};

function readTheme(raw: unknown, path: string): ShopTheme {
  if (!isObject(raw)) fail(path, 'must be an object');
  const theme: ShopTheme = {};
  for (const [field, value] of Object.entries(raw)) {
    const rule = THEME_FIELDS[field as keyof ShopTheme];
    if (!rule) fail(`${path}.${field}`, `is not a theme field (${Object.keys(THEME_FIELDS).join(', ')})`);
    if (typeof value !== 'string' || !rule.pattern.test(value)) fail(`${path}.${field}`, `must be ${rule.hint}`);
    theme[field as keyof ShopTheme] = value;
  }
  return theme;
}

/** `Name <user@host>` or `user@host`: enough to catch a typo, not a full RFC 5322 parser. */
const ADDRESS = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;
/** The emails `send` chooses; the wallet ones are chosen by walletNotifications. */
const MESSAGES: readonly string[] = [
  MailMessage.PAYMENT_CONFIRMATION_SHOPPER,
  MailMessage.PAYMENT_CONFIRMATION_MERCHANT,
  MailMessage.REFUND_CONFIRMATION_SHOPPER,
  MailMessage.WEBHOOK_ENDPOINT_DISABLED,
];
const FOR_MERCHANT: readonly string[] = [MailMessage.PAYMENT_CONFIRMATION_MERCHANT, MailMessage.WEBHOOK_ENDPOINT_DISABLED];

function readEmail(raw: unknown, path: string): PointOfSellEmail {
  if (!isObject(raw)) fail(path, 'must be an object');
  const from = str(raw, 'from', path)!;
  if (!ADDRESS.test(from)) fail(`${path}.from`, 'must be an email address, e.g. "Shop <shop@example.com>"');
  const merchantTo = raw.merchantTo === undefined ? [] : strings(raw, 'merchantTo', path);
  merchantTo.forEach((a, i) => ADDRESS.test(a) || fail(`${path}.merchantTo[${i}]`, 'must be an email address'));
  const send = strings(raw, 'send', path);
  send.forEach((m, i) => MESSAGES.includes(m) || fail(`${path}.send[${i}]`, `is not an email Guichet sends (${MESSAGES.join(', ')})`));
  const needsMerchant = send.find((m) => FOR_MERCHANT.includes(m));
  if (needsMerchant && merchantTo.length === 0) fail(`${path}.merchantTo`, `must list at least one address to send ${needsMerchant}`);
  return { from, merchantTo, send: send as PointOfSellEmail['send'] };
}

/** A gift-card contract's settings (seed 004): processor contract, food or not, per-basket maximum, discounted cards. */
function readGiftCard(raw: unknown, path: string): GiftCardTerms {
  if (!isObject(raw)) fail(path, 'must be an object');
  const contractType = raw.contractType;
  if (contractType !== 'food' && contractType !== 'non-food') fail(`${path}.contractType`, 'must be "food" or "non-food"');
  const maxAmount = raw.maxAmount ?? DEFAULT_GIFT_CARD_MAX_AMOUNT;
  if (typeof maxAmount !== 'number' || !Number.isInteger(maxAmount) || maxAmount < 1) fail(`${path}.maxAmount`, 'must be a whole number of minor units, 1 or more (e.g. 100000 for 1000.00 EUR)');
  const acceptsDiscounted = raw.acceptsDiscounted ?? false;
  if (typeof acceptsDiscounted !== 'boolean') fail(`${path}.acceptsDiscounted`, 'must be true or false');
  return { processorContractNumber: str(raw, 'processorContractNumber', path)!, contractType, maxAmount, acceptsDiscounted };
}

function readContract(raw: unknown, path: string): Contract {
  if (!isObject(raw)) fail(path, 'must be an object');
  const currency = raw.currency;
  if (typeof currency !== 'number' || !Number.isInteger(currency) || currency < 1 || currency > 999) {
    fail(`${path}.currency`, 'must be an ISO 4217 numeric code, e.g. 978');
  }
  const label = str(raw, 'label', path, false);
  const cardTypes = strings(raw, 'cardTypes', path);
  // A gift-card contract takes gift cards only, and its settings come with it.
  const isGiftCard = cardTypes.includes(GIFT_CARD_TYPE);
  if (isGiftCard && cardTypes.length > 1) fail(`${path}.cardTypes`, `must be ["${GIFT_CARD_TYPE}"] alone for a gift-card contract`);
  if (isGiftCard && raw.giftCard === undefined) fail(`${path}.giftCard`, `is required for a ${GIFT_CARD_TYPE} contract`);
  if (!isGiftCard && raw.giftCard !== undefined) fail(`${path}.giftCard`, `is only for a ${GIFT_CARD_TYPE} contract`);
  if (raw.walletCvvRequired !== undefined && typeof raw.walletCvvRequired !== 'boolean') fail(`${path}.walletCvvRequired`, 'must be true or false');
  return {
    contractNumber: str(raw, 'contractNumber', path)!,
    cardTypes,
    currency,
    ...(label ? { label } : {}),
    ...(isGiftCard ? { giftCard: readGiftCard(raw.giftCard, `${path}.giftCard`) } : {}),
    ...(raw.walletCvvRequired === true ? { walletCvvRequired: true } : {}),
  };
}

function readPointOfSell(raw: unknown, path: string): PointOfSell {
  if (!isObject(raw)) fail(path, 'must be an object');
  const notificationURL = notificationUrl(raw, path);
  const walletNotifications = raw.walletNotifications;
  if (walletNotifications !== undefined) {
    const problem = walletNotificationsProblem(walletNotifications, `${path}.walletNotifications`);
    if (problem) throw new MerchantsFileError(problem);
  }
  const email = raw.email !== undefined ? readEmail(raw.email, `${path}.email`) : undefined;
  const byEmail = walletNotifications !== undefined && Object.values(walletNotifications as WalletNotificationSettings).some((c) => c?.email === true);
  if (byEmail && !email?.merchantTo.length) fail(`${path}.email.merchantTo`, 'must list at least one address to send wallet notifications by email');
  return {
    id: str(raw, 'id', path)!,
    label: str(raw, 'label', path, false) ?? str(raw, 'id', path)!,
    ...(notificationURL ? { notificationURL } : {}),
    ...(raw.contracts !== undefined ? { contracts: strings(raw, 'contracts', path) } : {}),
    ...(email ? { email } : {}),
    ...(walletNotifications !== undefined ? { walletNotifications: walletNotifications as WalletNotificationSettings } : {}),
  };
}

function readMerchant(raw: unknown, path: string): Merchant {
  if (!isObject(raw)) fail(path, 'must be an object');
  const accessKeyHash = str(raw, 'accessKeyHash', path)!;
  if (!/^scrypt\$[0-9a-f]+\$[0-9a-f]{64}$/.test(accessKeyHash)) fail(`${path}.accessKeyHash`, 'must be a hash made by `npm run hash-key -- <key>`');
  if (!Array.isArray(raw.contracts) || raw.contracts.length === 0) fail(`${path}.contracts`, 'must be a non-empty list');
  const contracts = raw.contracts.map((c, i) => readContract(c, `${path}.contracts[${i}]`));
  const pointsOfSell = (Array.isArray(raw.pointsOfSell) ? raw.pointsOfSell : []).map((p, i) => readPointOfSell(p, `${path}.pointsOfSell[${i}]`));
  const numbers = new Set(contracts.map((c) => c.contractNumber));
  if (numbers.size !== contracts.length) fail(`${path}.contracts`, 'has the same contractNumber twice');
  pointsOfSell.forEach((pos, i) =>
    pos.contracts?.forEach((n) => numbers.has(n) || fail(`${path}.pointsOfSell[${i}].contracts`, `names unknown contract ${n}`)),
  );
  const notificationURL = notificationUrl(raw, path);
  const logoURL = url(raw, 'logoURL', path);
  const defaultLanguage = str(raw, 'defaultLanguage', path, false);
  if (defaultLanguage !== undefined && !(MAIL_LANGUAGES as readonly string[]).includes(defaultLanguage)) fail(`${path}.defaultLanguage`, `must be one of ${MAIL_LANGUAGES.join(', ')}`);
  return {
    merchantId: str(raw, 'merchantId', path)!,
    name: str(raw, 'name', path, false) ?? str(raw, 'merchantId', path)!,
    ...(logoURL ? { logoURL } : {}),
    ...(raw.theme !== undefined ? { theme: readTheme(raw.theme, `${path}.theme`) } : {}),
    accessKeyHash,
    ...(notificationURL ? { notificationURL } : {}),
    ...(defaultLanguage ? { defaultLanguage } : {}),
    widgetOrigins: widgetOrigins(raw, path),
    pointsOfSell,
    contracts,
  };
}

/** Parses the text of a merchants file: `{ "merchants": [ … ] }`. */
export function parseMerchants(text: string, fileName: string): Merchant[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MerchantsFileError(`${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(json) || !Array.isArray(json.merchants) || json.merchants.length === 0) {
    throw new MerchantsFileError(`${fileName}: merchants must be a non-empty list`);
  }
  const merchants = json.merchants.map((m, i) => readMerchant(m, `${fileName}: merchants[${i}]`));
  const ids = new Set(merchants.map((m) => m.merchantId));
  if (ids.size !== merchants.length) throw new MerchantsFileError(`${fileName}: the same merchantId appears twice`);
  return merchants;
}

/** Reads a merchants file from disk. */
export function loadMerchantsFile(path: string): Merchant[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new MerchantsFileError(`cannot read merchants file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseMerchants(text, path);
}
