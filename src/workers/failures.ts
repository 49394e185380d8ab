import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { toWiredeskError, type WiredeskError } from '../errors.js';

/** A failed job's reason starts with its code, so the dead-letter queue can be read by code. */
export function failureReason(error: WiredeskError): string {
  return `${error.code}: ${error.message}`;
}

/** `WD_ERR_X: message` → `WD_ERR_X` (or null for failures from outside wiredesk). */
export function codeOfReason(reason: string | undefined): string | null {
  return /^(WD_ERR_[A-Z_]+):/.exec(reason ?? '')?.[1] ?? null;
}

/**
 * Turns any error into what BullMQ should do with the job: permanent failures skip the remaining
 * attempts (UnrecoverableError), transient ones are rethrown for a retry with backoff.
 */
export function toJobFailure(error: unknown, fallback: Parameters<typeof toWiredeskError>[1] = 'WD_ERR_NETWORK'): Error {
  if (error instanceof DelayedError || error instanceof UnrecoverableError) return error;
  const typed = toWiredeskError(error, fallback);
  if (!typed.retryable) return new UnrecoverableError(failureReason(typed));
  const retry = new Error(failureReason(typed), { cause: typed });
  return retry;
}

/** Puts the job back in the delayed set without spending an attempt (politeness, Retry-After). */
export async function delayJob(job: Job, token: string | undefined, delayMs: number): Promise<never> {
  await job.moveToDelayed(Date.now() + Math.max(0, Math.round(delayMs)), token);
  throw new DelayedError();
}
