import { join } from 'node:path';

/**
 * A merchant's folder for one kind of batch file in the data folder (`<data>/<area>/<merchant>/`):
 * the expiring-cards alert files, the SmartBill update files. The id is encoded so no merchant id
 * can leave its area (like notify/mail-folder.ts).
 */
export type DataArea = 'alerts' | 'smartbill';

export function merchantDataFolder(dataDir: string, area: DataArea, merchantId: string): string {
  return join(dataDir, area, encodeURIComponent(merchantId).replace(/^\.+/, '%2E'));
}
