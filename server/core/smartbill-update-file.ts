import { parseExpiry } from './card-expiry.js';
import type { NetworkUpdate } from './smartbill.js';

/**
 * The network's card-update file (seed 001 "Étape 3"), pure: JSON lines, one update a line —
 * `{"alias":"W11","status":"EDU","expirationDate":"0130"}`, `{"alias":…,"status":"PU",
 * "product":"Platinum"}`, `{"alias":…,"status":"CC","cancellationCode":"C01"}`. Blank lines and
 * lines starting with `#` are skipped. A bad line is reported with its number and its field and
 * takes no part in the rest: the good lines are applied, each on its own.
 */
export interface ParsedLine {
  /** 1-based line number in the file. */
  line: number;
  update: NetworkUpdate;
}

export interface LineError {
  line: number;
  message: string;
}

export interface ParsedUpdateFile {
  updates: ParsedLine[];
  errors: LineError[];
}

/** A walletId is AN50 and a cardInd AN2 (payline-api.md §9): an alias is at most 52 characters. */
const ALIAS = /^[\x21-\x7e]{2,52}$/;
const PRODUCT = /^[\p{L}\p{N} ._'-]{1,50}$/u;
const CANCELLATION_CODE = /^[A-Za-z0-9]{1,10}$/;
/** A longer line is refused before JSON.parse sees it. */
const MAX_LINE = 1024;

type Raw = Record<string, unknown>;
const FIELDS: Record<NetworkUpdate['status'], string> = { EDU: 'expirationDate', PU: 'product', CC: 'cancellationCode' };

/** One line → an update, or why not (naming the field). */
export function parseUpdateLine(text: string): NetworkUpdate | { error: string } {
  if (text.length > MAX_LINE) return { error: `line longer than ${MAX_LINE} characters` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'not a JSON object' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'not a JSON object' };
  const { alias, status } = raw as Raw;
  if (typeof alias !== 'string' || !ALIAS.test(alias)) return { error: 'alias must be walletId + cardInd (2 to 52 printable characters)' };
  if (status !== 'EDU' && status !== 'PU' && status !== 'CC') return { error: 'status must be EDU, PU or CC' };
  const extra = Object.keys(raw).find((key) => key !== 'alias' && key !== 'status' && key !== FIELDS[status]);
  if (extra !== undefined) return { error: `${extra} is not a field of a ${status} update (alias, status, ${FIELDS[status]})` };
  const value = (raw as Raw)[FIELDS[status]];
  switch (status) {
    case 'EDU':
      if (typeof value !== 'string' || !parseExpiry(value)) return { error: 'expirationDate must be MMYY with a month from 01 to 12' };
      return { status, alias, expirationDate: value };
    case 'PU':
      if (typeof value !== 'string' || !PRODUCT.test(value)) return { error: 'product must be 1 to 50 letters, digits, spaces or . _ \' -' };
      return { status, alias, product: value };
    case 'CC':
      if (typeof value !== 'string' || !CANCELLATION_CODE.test(value)) return { error: 'cancellationCode must be 1 to 10 letters or digits' };
      return { status, alias, cancellationCode: value };
  }
}

/** A whole file (or request body): every good line, every bad one with its number. */
export function parseUpdateFile(text: string): ParsedUpdateFile {
  const updates: ParsedLine[] = [];
  const errors: LineError[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parsed = parseUpdateLine(trimmed);
    if ('error' in parsed) errors.push({ line: index + 1, message: parsed.error });
    else updates.push({ line: index + 1, update: parsed });
  });
  return { updates, errors };
}
