import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The `.eml` mailbox of the data folder, read side: what /sandbox/mail lists and previews. Each
 * email is `<id>.eml` (the raw message) beside `<id>.json` (its headers and parts, for preview),
 * in `<data>/mail/<merchant>/`.
 */
export interface StoredMailMeta {
  id: string;
  from: string;
  to: string;
  subject: string;
  /** ISO 8601, from the gateway clock. */
  savedAt: string;
}

export interface StoredMail extends StoredMailMeta {
  html: string;
  text: string;
}

const ID = /^[0-9A-Za-z-]{1,80}$/;

/** The merchant's folder; the id is encoded so no merchant id can leave `<data>/mail`. */
export function mailFolder(dataDir: string, merchantId: string): string {
  return join(dataDir, 'mail', encodeURIComponent(merchantId).replace(/^\.+/, '%2E'));
}

/** The merchant's emails, newest first. */
export async function listMails(dataDir: string, merchantId: string): Promise<StoredMailMeta[]> {
  let files: string[];
  try {
    files = await readdir(mailFolder(dataDir, merchantId));
  } catch {
    return [];
  }
  const ids = files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort().reverse();
  const mails = await Promise.all(ids.map((id) => readMail(dataDir, merchantId, id)));
  return mails.filter((m): m is StoredMail => m !== undefined).map(({ id, from, to, subject, savedAt }) => ({ id, from, to, subject, savedAt }));
}

/** One email with its parts, or undefined for an unknown or malformed id. */
export async function readMail(dataDir: string, merchantId: string, id: string): Promise<StoredMail | undefined> {
  if (!ID.test(id)) return undefined;
  try {
    return JSON.parse(await readFile(join(mailFolder(dataDir, merchantId), `${id}.json`), 'utf8')) as StoredMail;
  } catch {
    return undefined;
  }
}

/** The raw message, for download. */
export async function readRawMail(dataDir: string, merchantId: string, id: string): Promise<Buffer | undefined> {
  if (!ID.test(id)) return undefined;
  return readFile(join(mailFolder(dataDir, merchantId), `${id}.eml`)).catch(() => undefined);
}
