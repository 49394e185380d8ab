import { loadConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { createLogger, type Logger } from './logger.js';
import { createPipeline } from './pipeline/create.js';
import type { Pipeline } from './pipeline/context.js';
import { redactUrl, resolveRedis, type RedisEndpoint } from './redis.js';

export interface AppOptions {
  configPath?: string;
  /** A config already loaded (the demo builds its own). */
  config?: Readonly<Config>;
  logger?: Logger;
}

export interface App {
  config: Readonly<Config>;
  logger: Logger;
  pipeline: Pipeline;
  redis: RedisEndpoint;
  close(): Promise<void>;
}

/** config → logger → Redis (embedded if needed) → pipeline. Commands start from here. */
export async function openApp(options: AppOptions = {}): Promise<App> {
  const config = options.config ?? (await loadConfig(options.configPath === undefined ? {} : { path: options.configPath }));
  const logger = options.logger ?? createLogger();
  const redis = await resolveRedis(config.redis.url, logger);
  logger.debug({ redis: redactUrl(redis.url), sources: config.sources.length, sinks: config.sinks.map((s) => s.id) }, 'configuration loaded');
  const pipeline = await createPipeline(config, logger, redis.url);
  return {
    config,
    logger,
    pipeline,
    redis,
    async close() {
      await pipeline.close();
      await redis.stop();
    },
  };
}

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once. */
export function untilSignal(logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}
