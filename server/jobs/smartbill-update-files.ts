import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { merchantDataFolder } from './merchant-data-folder.js';

/**
 * The SmartBill update files dropped in the data folder, standing for the file American Express
 * sends (seed 001 "Étape 3"): `<data>/smartbill/<merchant>/inbox/*.jsonl`, the format of
 * core/smartbill-update-file.ts. Once applied, a file moves to `done/` with `<name>.report.json`
 * beside it (what each line did, bad lines by number). Only `.jsonl` files are read: a file being
 * copied in under another name is left until it is renamed.
 */
export interface UpdateFile {
  name: string;
  text: string;
}

/** Larger files are refused whole (reported) rather than read into memory. */
export const MAX_UPDATE_FILE_BYTES = 8 * 1024 * 1024;

const folders = (dataDir: string, merchantId: string) => {
  const root = merchantDataFolder(dataDir, 'smartbill', merchantId);
  return { inbox: join(root, 'inbox'), done: join(root, 'done') };
};

/** The files waiting, oldest name first (names sort as the merchant dated them). */
export async function listUpdateFiles(dataDir: string, merchantId: string): Promise<string[]> {
  try {
    return (await readdir(folders(dataDir, merchantId).inbox)).filter((name) => name.endsWith('.jsonl')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function readUpdateFile(dataDir: string, merchantId: string, name: string): Promise<UpdateFile | { name: string; tooLarge: true }> {
  const buffer = await readFile(join(folders(dataDir, merchantId).inbox, name));
  if (buffer.length > MAX_UPDATE_FILE_BYTES) return { name, tooLarge: true };
  return { name, text: buffer.toString('utf8') };
}

/** Writes the report, then moves the file out of the inbox (a crash between the two applies it again, harmlessly). */
export async function finishUpdateFile(dataDir: string, merchantId: string, name: string, report: unknown): Promise<void> {
  const { inbox, done } = folders(dataDir, merchantId);
  await mkdir(done, { recursive: true });
  await writeFile(join(done, `${name}.report.json`), JSON.stringify(report, null, 2) + '\n', 'utf8');
  await rename(join(inbox, name), join(done, name));
}
