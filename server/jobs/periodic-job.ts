import type { Job } from '../store/store.js';

/**
 * Jobs that come back on a period (the daily expiring-cards alert, the SmartBill update files):
 * one per merchant, its id fixed so scheduling it again replaces it. The next run is the first
 * period boundary after now, counted from the last one: a clock moved a year ahead (the sandbox)
 * runs the job once, not 365 times; the work itself catches up on what it missed.
 */
export function periodicJob(type: string, merchantId: string, at: number): Job {
  return { id: `${type}:${merchantId}`, type, at, merchantId, ref: merchantId };
}

export function nextPeriodicRun(job: Job, periodMs: number, now: number): Job {
  const periods = Math.floor((now - job.at) / periodMs) + 1;
  return { ...job, at: job.at + Math.max(1, periods) * periodMs };
}
