import type { Merchant } from '../merchants/merchant.js';
import type { SmartBillUpdates, UpdateReport } from '../service/smartbill-updates.js';
import { finishUpdateFile, listUpdateFiles, MAX_UPDATE_FILE_BYTES, readUpdateFile } from './smartbill-update-files.js';

/**
 * The SmartBill update-file run (hourly, under the test clock in the sandbox): each file in the
 * merchant's inbox is applied line by line, then moved to done/ with its report. A line applied
 * twice (a run cut short before the move) changes nothing the second time.
 */
export const SMARTBILL_UPDATE_FILES_JOB = 'smartbill.update-files';
export const SMARTBILL_UPDATE_FILES_PERIOD_MS = 60 * 60 * 1000;

export type FileReport = { file: string; processedAt: string } & (UpdateReport | { error: string });

export async function runUpdateFiles(dataDir: string, merchant: Merchant, updates: SmartBillUpdates, now: number): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const name of await listUpdateFiles(dataDir, merchant.merchantId)) {
    const file = await readUpdateFile(dataDir, merchant.merchantId, name);
    const processedAt = new Date(now).toISOString();
    const report: FileReport =
      'tooLarge' in file
        ? { file: name, processedAt, error: `larger than ${MAX_UPDATE_FILE_BYTES} bytes: not read` }
        : { file: name, processedAt, ...(await updates.applyText(merchant, file.text)) };
    await finishUpdateFile(dataDir, merchant.merchantId, name, report);
    reports.push(report);
  }
  return reports;
}
