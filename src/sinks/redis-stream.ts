import type { Redis } from 'ioredis';
import { z } from 'zod';
import { Duration, toMs } from '../config/duration.js';
import { WiredeskError } from '../errors.js';
import type { Story } from '../schema/story.js';
import { changeEvent, payloadOf, revisionKey } from './payload.js';
import { connectSinkRedis, notOpen, pingSinkRedis, quitSinkRedis, sinkRedisUrl } from './redis-client.js';
import type { CommonSinkOptions, Sink, SinkContext, SinkDefinition } from './types.js';

export const RedisStreamSinkOptions = z.object({
  /** The Redis holding the stream. Default: the pipeline's own Redis. */
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
