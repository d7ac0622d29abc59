import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { merchantDataFolder } from './merchant-data-folder.js';

/**
 * Writes the merchant's expiring-cards alert file (seed 002 "Fichier d'alerte des cartes
 * échues"): `<data>/alerts/<merchant>/expiring-cards-<yyyymmdd>.csv`, one per daily run that
 * found cards. Written whole under a temporary name, then renamed: a reader never sees half a
 * file, and a run that is replayed writes the same file again.
 */
export async function writeExpiringCardsFile(dataDir: string, merchantId: string, day: string, csv: string): Promise<string> {
  const folder = merchantDataFolder(dataDir, 'alerts', merchantId);
  await mkdir(folder, { recursive: true });
  const path = join(folder, `expiring-cards-${day}.csv`);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, csv, 'utf8');
  await rename(temporary, path);
  return path;
}
