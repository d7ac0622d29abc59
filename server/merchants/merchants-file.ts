import { readFileSync } from 'node:fs';
import type { Contract, Merchant, PointOfSell } from './merchant.js';

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

function readContract(raw: unknown, path: string): Contract {
  if (!isObject(raw)) fail(path, 'must be an object');
  const currency = raw.currency;
  if (typeof currency !== 'number' || !Number.isInteger(currency) || currency < 1 || currency > 999) {
    fail(`${path}.currency`, 'must be an ISO 4217 numeric code, e.g. 978');
  }
  const label = str(raw, 'label', path, false);
  return {
    contractNumber: str(raw, 'contractNumber', path)!,
    cardTypes: strings(raw, 'cardTypes', path),
    currency,
    ...(label ? { label } : {}),
  };
}

function readPointOfSell(raw: unknown, path: string): PointOfSell {
  if (!isObject(raw)) fail(path, 'must be an object');
  const notificationURL = url(raw, 'notificationURL', path);
  return {
    id: str(raw, 'id', path)!,
    label: str(raw, 'label', path, false) ?? str(raw, 'id', path)!,
    ...(notificationURL ? { notificationURL } : {}),
    ...(raw.contracts !== undefined ? { contracts: strings(raw, 'contracts', path) } : {}),
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
  const notificationURL = url(raw, 'notificationURL', path);
  return {
    merchantId: str(raw, 'merchantId', path)!,
    name: str(raw, 'name', path, false) ?? str(raw, 'merchantId', path)!,
    accessKeyHash,
    ...(notificationURL ? { notificationURL } : {}),
    widgetOrigins: raw.widgetOrigins === undefined ? [] : strings(raw, 'widgetOrigins', path),
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
