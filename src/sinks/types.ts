import type { Logger } from '../logger.js';
import type { Story } from '../schema/story.js';

export interface SinkContext {
  logger: Logger;
  /** The configured data directory; file sinks resolve relative paths against it. */
  dataDir: string;
}

export interface SinkWriteResult {
  /** Revisions newly stored. */
  written: number;
  /** Revisions the sink already held (same story id and version): a repeat is not an error. */
  duplicates: number;
}

/**
 * Where story revisions go. Writes are idempotent by (story id, version): a job retried after a
 * crash, or replayed from the dead-letter queue, must not create a second record.
 * Throwing WiredeskError with `retryable: false` sends the delivery to the dead-letter queue.
 */
export interface Sink {
  readonly id: string;
  readonly type: string;
  open(): Promise<void>;
  write(revisions: readonly Story[]): Promise<SinkWriteResult>;
  close(): Promise<void>;
  health?(): Promise<{ ok: boolean; detail?: string }>;
}
