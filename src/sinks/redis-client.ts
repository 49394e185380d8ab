import type { Redis } from 'ioredis';
import { WiredeskError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createRedis, DEFAULT_REDIS_URL, redactUrl } from '../redis.js';
import type { SinkContext } from './types.js';

/** Helpers for sinks that keep state in Redis (the stream sink, and the webhook sink's delivered set). */

/** The Redis a sink uses: its own `url` option, else the pipeline's, else `REDIS_URL`, else the local default. */
export function sinkRedisUrl(configured: string | undefined, ctx: SinkContext): string {
  return configured ?? ctx.redisUrl ?? ctx.env.REDIS_URL ?? DEFAULT_REDIS_URL;
}

/**
 * A sink's own connection, connected. Unlike the workers' connection it gives up on a command after
 * a few reconnection attempts, so a Redis outage fails the delivery (to be retried with backoff)
 * instead of hanging the job until its lock expires.
 */
export async function connectSinkRedis(url: string, logger: Logger, sink: string): Promise<Redis> {
  const redis = createRedis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  // ioredis reconnects by itself; without a listener each failed attempt would print to the console.
  redis.on('error', (error: Error) => logger.warn({ err: error, redis: redactUrl(url) }, `${sink}: Redis connection error`));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new WiredeskError('WD_ERR_SINK', `${sink}: cannot connect to Redis at ${redactUrl(url)}: ${(error as Error).message}`, { cause: error });
  }
  return redis;
}

export async function quitSinkRedis(redis: Redis | undefined): Promise<void> {
  await redis?.quit().catch(() => redis.disconnect());
}

export async function pingSinkRedis(redis: Redis | undefined): Promise<{ ok: boolean; detail?: string }> {
  if (!redis) return { ok: false, detail: 'not open' };
  try {
    await redis.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

/** A write on a sink that is not open: most likely a process shutting down, so another may retry it. */
export function notOpen(sink: string): WiredeskError {
  return new WiredeskError('WD_ERR_SINK', `${sink}: not open (write before open() or after close())`);
}
