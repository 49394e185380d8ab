import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Logger } from '../logger.js';
import { createRedis } from '../redis.js';
import { createSink } from '../sinks/registry.js';
import { createFetcher } from '../sources/http.js';
import { createHostGate } from '../sources/politeness.js';
import { createParsePool } from '../workers/parse-pool.js';
import { createQueues } from '../workers/queues.js';
import { createArchive } from './archive.js';
import type { Pipeline } from './context.js';
import { createHealthStore } from './health.js';
import { keys } from './keys.js';
import { createVersionStore } from './versions.js';

/** The composition root of the pipeline: every connection and store, built once, closed once. */
export async function createPipeline(config: Readonly<Config>, logger: Logger, redisUrl: string): Promise<Pipeline> {
  const redis = createRedis(redisUrl);
  const k = keys(config.redis.prefix);
  const sinks = new Map(config.sinks.map((sinkConfig) => [sinkConfig.id, createSink(sinkConfig, {
      logger: logger.child({ sink: sinkConfig.id }),
      dataDir: config.dataDir,
      env: process.env,
      redisUrl,
      keyPrefix: config.redis.prefix,
    })]));
  await Promise.all([...sinks.values()].map((sink) => sink.open()));
  const queues = createQueues(redis, config);
  const parser = createParsePool(config.workers.parseThreads);
  const fetcher = createFetcher({
    ...(config.fetch.userAgent ? { userAgent: config.fetch.userAgent } : {}),
    timeouts: { connectMs: config.fetch.connectTimeout, headersMs: config.fetch.headersTimeout, bodyMs: config.fetch.bodyTimeout },
    maxBytes: config.fetch.maxBytes,
    maxRedirects: config.fetch.maxRedirects,
  });
  const sources = new Map(config.sources.map((s) => [s.id, s]));

  return {
    config,
    logger,
    redis,
    keys: k,
    queues,
    versions: createVersionStore(redis, k),
    health: createHealthStore(redis, k),
    archive: createArchive(join(config.dataDir, 'archive')),
    parser,
    fetcher,
    hostGate: createHostGate(redis, { prefix: k.hostGate }),
    sinks,
    source: (id) => sources.get(id),
    async close() {
      await queues.close();
      await Promise.all([...sinks.values()].map((sink) => sink.close()));
      await Promise.all([parser.close(), fetcher.close()]);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
