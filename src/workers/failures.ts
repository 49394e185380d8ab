import { DelayedError, UnrecoverableError, type Job, type MinimalJob } from 'bullmq';
import { toWiredeskError, WiredeskError } from '../errors.js';

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

/** The backoff type of every wiredesk job: see {@link backoffDelay}. */
export const BACKOFF_TYPE = 'wiredesk';

/** Job options for retries: `attempts` in all, the first retry after about `delayMs`. */
export function retryOptions(attempts: number, delayMs: number) {
  return { attempts, backoff: { type: BACKOFF_TYPE, delay: delayMs } };
}

/**
 * Exponential backoff with jitter (half to all of `delay × 2^(attempt-1)`), so a recovering host
 * or sink is not hit by every job at once — but never sooner than a `Retry-After` the failure
 * carried (a 429 from a webhook receiver, say). Registered on every worker.
 */
export function backoffDelay(attemptsMade: number, _type?: string, error?: Error, job?: MinimalJob): number {
  const base = (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1_000;
  const ceiling = Math.round(2 ** Math.max(0, attemptsMade - 1) * base);
  const jittered = Math.floor(ceiling * (0.5 + Math.random() * 0.5));
  const cause = error?.cause;
  const retryAfter = cause instanceof WiredeskError ? cause.details.retryAfterMs : undefined;
  return typeof retryAfter === 'number' ? Math.max(retryAfter, jittered) : jittered;
}
