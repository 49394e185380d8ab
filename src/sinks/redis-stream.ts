import type { Redis } from 'ioredis';
import { z } from 'zod';
import { Duration, toMs } from '../config/duration.js';
import { WiredeskError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createRedis, DEFAULT_REDIS_URL, redactUrl } from '../redis.js';
import type { Story } from '../schema/story.js';
import { changeEvent, payloadOf, revisionKey } from './payload.js';
import type { CommonSinkOptions, Sink, SinkContext, SinkDefinition } from './types.js';

export const RedisStreamSinkOptions = z.object({
  /**
   * The Redis holding the stream. Default: `REDIS_URL`, else `redis://127.0.0.1:6379`, which is
   * the pipeline's own Redis unless its URL is set only in the config file's `redis.url`: then set
   * it here too.
   */
  url: z.string().optional(),
  /**
   * The stream key. Default: `wiredesk:stories`. The dedupe keys are `<stream>:revisions:<id>#v<n>`,
   * so on Redis Cluster a hash tag in the name (`{wiredesk}:stories`) keeps them in the stream's slot.
   */
  stream: z.string().min(1).default('wiredesk:stories'),
  /** Approximate cap on entries (`XADD … MAXLEN ~`): consumers lagging further behind lose entries. Default: 100 000. */
  maxLen: z.number().int().positive().default(100_000),
  /**
   * How long a revision is remembered as added. A replay after this long adds it again, so keep it
   * longer than jobs stay in the dead-letter queue. Default: 7 d.
   */
  dedupeTtl: Duration.refine((ms) => ms > 0, 'must be longer than 0').default(toMs('7d')),
});
export type RedisStreamSinkOptions = z.infer<typeof RedisStreamSinkOptions>;

/**
 * Adds one entry per revision if the dedupe key is new, in one step: a retried or replayed job, or
 * two workers racing on the same revision, add nothing the second time. The dedupe key holds the
 * entry id, so an operator can find where a revision went.
 * KEYS: dedupe key, stream. ARGV: ttl ms, maxLen, then field/value pairs. Returns the id or nil.
 */
const ADD_ONCE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
redis.call('SET', KEYS[1], id, 'PX', ARGV[1])
return id
`;

type StreamRedis = Redis & {
  wiredeskAddOnce(dedupeKey: string, stream: string, ttlMs: number, maxLen: number, ...fields: string[]): Promise<string | null>;
};

/**
 * Appends every revision to a Redis Stream as one entry, for consumers that read with consumer
 * groups (`XREADGROUP`) and acknowledge (`XACK`). Entry fields, all strings:
 *
 * | field       | value                                                        |
 * |-------------|--------------------------------------------------------------|
 * | `event`     | `story.created`, `.updated`, `.corrected`, `.withheld`, `.killed` |
 * | `id`        | the story id                                                 |
 * | `version`   | the story version (`'1'`, `'2'`, …)                          |
 * | `revision`  | `<id>#v<version>`: the idempotency key, unique per revision  |
 * | `source`    | the source id                                                |
 * | `pubStatus` | `usable`, `withheld` or `canceled`                           |
 * | `payload`   | JSON of the story in the sink's `format` (native or ninjs)   |
 *
 * Each revision is added once while its dedupe key lives (`dedupeTtl`). Consumers should still key
 * their own records by `revision`: a stream is at-least-once for them (an entry read but not acked
 * before a consumer crashes is delivered again).
 */
export const redisStreamSink = {
  type: 'redis-stream',
  options: RedisStreamSinkOptions,
  create: createRedisStreamSink,
} satisfies SinkDefinition<'redis-stream', typeof RedisStreamSinkOptions>;

function createRedisStreamSink({ id, format, ...options }: RedisStreamSinkOptions & CommonSinkOptions, ctx: SinkContext): Sink {
  const url = sinkRedisUrl(options.url, ctx);
  const dedupePrefix = `${options.stream}:revisions:`;
  let client: StreamRedis | undefined;

  function fieldsOf(story: Story): string[] {
    return [
      'event', changeEvent(story),
      'id', story.id,
      'version', String(story.version),
      'revision', revisionKey(story),
      'source', story.source.id,
      'pubStatus', story.pubStatus,
      'payload', JSON.stringify(payloadOf(story, format)),
    ];
  }

  return {
    id,
    type: 'redis-stream',
    async open() {
      const redis = await connectSinkRedis(url, ctx.logger, `redis-stream ${id}`);
      redis.defineCommand('wiredeskAddOnce', { numberOfKeys: 2, lua: ADD_ONCE });
      client = redis as StreamRedis;
    },
    async write(revisions) {
      const redis = client;
      if (!redis) throw notOpen(`redis-stream ${id}`);
      // ioredis sends these back to back on one connection (a pipeline); each script is atomic.
      const entryIds = await Promise.all(
        revisions.map((story) =>
          redis.wiredeskAddOnce(`${dedupePrefix}${revisionKey(story)}`, options.stream, options.dedupeTtl, options.maxLen, ...fieldsOf(story)),
        ),
      ).catch((error: unknown) => {
        throw new WiredeskError('WD_ERR_SINK', `redis-stream ${id}: cannot add to stream ${options.stream}: ${(error as Error).message}`, {
          cause: error,
          details: { stream: options.stream },
        });
      });
      const written = entryIds.filter((entryId) => entryId !== null).length;
      return { written, duplicates: revisions.length - written };
    },
    async close() {
      await quitSinkRedis(client);
      client = undefined;
    },
    health: () => pingSinkRedis(client),
  };
}

// Helpers for sinks that keep state in Redis (this one, and the webhook sink's delivered set).

/** The Redis a sink uses: its own `url` option, else `REDIS_URL`, else the local default. */
export function sinkRedisUrl(configured: string | undefined, ctx: SinkContext): string {
  return configured ?? ctx.env.REDIS_URL ?? DEFAULT_REDIS_URL;
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
