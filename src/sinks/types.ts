import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Story } from '../schema/story.js';
import type { PayloadFormat } from './payload.js';

export interface SinkContext {
  logger: Logger;
  /** The configured data directory; file sinks resolve relative paths against it. */
  dataDir: string;
  /** Environment, for connection strings a sink may take from it (DATABASE_URL). */
  env: NodeJS.ProcessEnv;
  /** The pipeline's Redis, the default for sinks that keep state in Redis. */
  redisUrl?: string;
  /** The deployment's key prefix (`redis.prefix`), so sinks' own keys sit beside the pipeline's. */
  keyPrefix?: string;
}

export interface SinkWriteResult {
  /** Revisions newly stored. */
  written: number;
  /** Revisions the sink already held (same story id and version): a repeat is not an error. */
  duplicates: number;
}

/**
 * Where story revisions go. Writes are idempotent by (story id, version): a job retried after a
 * crash, or replayed from the dead-letter queue, must not create a second record. A thrown
 * WiredeskError with `retryable: false` sends the delivery to the dead-letter queue; anything
 * else is retried with backoff.
 */
export interface Sink {
  readonly id: string;
  readonly type: string;
  /** Connects, creates folders or tables. Heavy clients are imported here, only when used. */
  open(): Promise<void>;
  write(revisions: readonly Story[]): Promise<SinkWriteResult>;
  close(): Promise<void>;
  health?(): Promise<{ ok: boolean; detail?: string }>;
}

/** Options every sink takes besides its own. */
export interface CommonSinkOptions {
  id: string;
  format: PayloadFormat;
}

/**
 * One sink type: its options (a zod schema that is also its documentation) and a factory. The
 * registry builds the config schema from these, so adding a sink is one module and one line.
 */
export interface SinkDefinition<Type extends string = string, Options extends z.ZodObject = z.ZodObject> {
  type: Type;
  options: Options;
  create(options: z.infer<Options> & CommonSinkOptions, ctx: SinkContext): Sink;
}
