import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { SinkConfig } from '../sinks/registry.js';
import { FORMATS } from '../schema/story.js';
import { Duration } from './duration.js';

const IanaZone = z.string().refine(isTimeZone, { message: 'not an IANA time zone (e.g. America/New_York)' });

/** Ids go into Redis keys and BullMQ job ids, which may not contain ':'. */
const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use 1–64 lower-case letters, digits, - and _');

const Politeness = z.object({
  /** Least time between two requests to the same host. */
  minInterval: Duration.default(1_000),
  /** Most requests in flight to the same host, across every worker. */
  maxConcurrent: z.number().int().positive().default(2),
});

const Schedule = z.union([
  z.object({ every: Duration.refine((ms) => ms >= 1_000, 'poll at most once a second') }).strict(),
  z
    .object({ pattern: z.string(), tz: IanaZone.optional() })
    .strict()
    .refine((s) => isCron(s.pattern, s.tz), { message: 'not a valid cron pattern', path: ['pattern'] }),
]);

const SourceUrl = z.string().refine((value) => /^https?:\/\//i.test(value) ? URL.canParse(value) : value.trim() !== '', {
  message: 'Invalid URL: expected http(s)://… or a local drop folder path',
});

export const SourceConfig = z
  .object({
    id: Id,
    name: z.string().min(1),
    /** An http(s) feed or API URL, or a local drop folder whose files are ingested. */
    url: SourceUrl,
    format: z.enum(['auto', ...FORMATS]).default('auto'),
    schedule: Schedule.default({ every: 300_000 }),
    /** Fetch the article page of every partial (teaser-only) story. */
    followArticles: z.boolean().default(false),
    /** Zone for dates the source prints without an offset. Unset: UTC for feeds and wire files, the page's own zone when it says. */
    timeZone: IanaZone.optional(),
    /** Extra request headers; values may reference environment variables as ${NAME}. */
    headers: z.record(z.string(), z.string()).default({}),
    politeness: Politeness.partial().optional(),
    /** Allow loopback and private addresses (the demo's emulator, an intranet wire server). */
    allowPrivateNetwork: z.boolean().default(false),
    enabled: z.boolean().default(true),
    /** Flag the source as quiet when it has produced no new story for this long. Default: 24 × its interval, at least 6 h. */
    quietAfter: Duration.optional(),
  })
  .strict();
export type SourceConfig = z.infer<typeof SourceConfig>;

export const ConfigSchema = z
  .object({
    redis: z
      .object({
        /** Overridden by REDIS_URL. Unset: 127.0.0.1:6379, or a private redis-server when nothing answers there. */
        url: z.string().optional(),
        /** Namespace of every key and queue, so several deployments can share one Redis. */
        prefix: Id.default('wiredesk'),
      })
      .strict()
      .default({ prefix: 'wiredesk' }),
    /** Where the JSON Lines stories, the raw payload archive and other local state live. */
    dataDir: z.string().default('./data'),
    fetch: z
      .object({
        userAgent: z.string().optional(),
        connectTimeout: Duration.default(10_000),
        headersTimeout: Duration.default(15_000),
        bodyTimeout: Duration.default(30_000),
        maxBytes: z.number().int().positive().default(16 * 1024 * 1024),
        maxRedirects: z.number().int().min(0).max(10).default(5),
      })
      .strict()
      .default({ connectTimeout: 10_000, headersTimeout: 15_000, bodyTimeout: 30_000, maxBytes: 16 * 1024 * 1024, maxRedirects: 5 }),
    politeness: z
      .object({ default: Politeness.default({ minInterval: 1_000, maxConcurrent: 2 }), hosts: z.record(z.string(), Politeness.partial()).default({}) })
      .strict()
      .default({ default: { minInterval: 1_000, maxConcurrent: 2 }, hosts: {} }),
    workers: z
      .object({
        pollConcurrency: z.number().int().positive().default(4),
        articleConcurrency: z.number().int().positive().default(8),
        deliverConcurrency: z.number().int().positive().default(16),
        /** Worker threads that parse documents; 0 parses on the main thread. */
        parseThreads: z.number().int().min(0).max(64).default(2),
        /** A job whose worker stops renewing its lock (a crash, SIGKILL) is retried after this long. */
        lockDuration: Duration.default(30_000),
        /** On SIGTERM, in-flight jobs get this long to finish before they are released to other workers. */
        shutdownTimeout: Duration.default(30_000),
      })
      .strict()
      .default({ pollConcurrency: 4, articleConcurrency: 8, deliverConcurrency: 16, parseThreads: 2, lockDuration: 30_000, shutdownTimeout: 30_000 }),
    retries: z
      .object({ attempts: z.number().int().min(1).max(50).default(6), backoff: Duration.default(2_000) })
      .strict()
      .default({ attempts: 6, backoff: 2_000 }),
    health: z
      .object({
        /** A source pauses itself after this many permanent failures in a row. */
        pauseAfterPermanentErrors: z.number().int().positive().default(5),
      })
      .strict()
      .default({ pauseAfterPermanentErrors: 5 }),
    sinks: z.array(SinkConfig).min(1).prefault([{ type: 'jsonl' }]),
    sources: z.array(SourceConfig).default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    for (const [key, list] of [['sources', config.sources], ['sinks', config.sinks]] as const) {
      const seen = new Map<string, number>();
      list.forEach((item, index) => {
        const first = seen.get(item.id);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [key, index, 'id'], message: `duplicate id "${item.id}" (also ${key}[${first}])` });
        else seen.set(item.id, index);
      });
    }
  });
export type Config = z.infer<typeof ConfigSchema>;

/** True for an IANA zone name Node knows (`America/New_York`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCron(pattern: string, tz: string | undefined): boolean {
  try {
    CronExpressionParser.parse(pattern, tz ? { tz } : {});
    return true;
  } catch {
    return false;
  }
}
