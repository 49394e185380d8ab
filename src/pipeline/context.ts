import type { Redis } from 'ioredis';
import type { Config, SourceConfig } from '../config/schema.js';
import type { Logger } from '../logger.js';
import type { Sink } from '../sinks/types.js';
import type { Fetcher } from '../sources/http.js';
import type { HostGate } from '../sources/politeness.js';
import type { ParsePool } from '../workers/parse-pool.js';
import type { Queues } from '../workers/queues.js';
import type { Archive } from './archive.js';
import type { HealthStore } from './health.js';
import type { Keys } from './keys.js';
import type { VersionStore } from './versions.js';

/** Everything the workers and commands share, built once by `createPipeline`. */
export interface Pipeline {
  config: Readonly<Config>;
  logger: Logger;
  /** For commands and scripts; BullMQ workers get their own connections. */
  redis: Redis;
  keys: Keys;
  queues: Queues;
  versions: VersionStore;
  health: HealthStore;
  archive: Archive;
  parser: ParsePool;
  fetcher: Fetcher;
  hostGate: HostGate;
  sinks: ReadonlyMap<string, Sink>;
  source(id: string): SourceConfig | undefined;
  close(): Promise<void>;
}
