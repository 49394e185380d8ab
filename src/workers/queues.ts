import { createHash } from 'node:crypto';
import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { retryOptions } from './failures.js';

export const QUEUE_NAMES = { poll: 'poll', article: 'article', deliver: 'deliver' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export interface Queues {
  poll: Queue;
  article: Queue;
  deliver: Queue;
  all: readonly Queue[];
  close(): Promise<void>;
}

/**
 * Failed jobs stay (they are the dead-letter queue); completed ones are trimmed. Retries back off
 * exponentially with jitter, honouring Retry-After (see backoffDelay).
 */
export function jobOptions(config: Pick<Config, 'retries'>): DefaultJobOptions {
  return {
    ...retryOptions(config.retries.attempts, config.retries.backoff),
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
}

export function createQueues(connection: Redis, config: Pick<Config, 'redis' | 'retries'>): Queues {
  const options = { connection, prefix: config.redis.prefix, defaultJobOptions: jobOptions(config) };
  const poll = new Queue(QUEUE_NAMES.poll, options);
  const article = new Queue(QUEUE_NAMES.article, options);
  const deliver = new Queue(QUEUE_NAMES.deliver, options);
  const all = [poll, article, deliver] as const;
  return {
    poll,
    article,
    deliver,
    all,
    async close() {
      await Promise.all(all.map((q) => q.close()));
    },
  };
}

/**
 * Deterministic job ids: a repeat of the same work is a no-op while the job exists. BullMQ
 * refuses ':' in custom ids, and story ids are URLs and URNs, so they are hashed.
 */
export const jobIds = {
  scheduler: (sourceId: string) => `poll-${sourceId}`,
  manualPoll: (sourceId: string, at: number) => `poll-${sourceId}-run-${at}`,
  article: (sourceId: string, storyId: string, contentHash: string) => `article-${sourceId}-${digest(storyId)}-${contentHash.slice(0, 16)}`,
  deliver: (sinkId: string, sourceId: string, storyId: string, version: number) => `deliver-${sinkId}-${sourceId}-${digest(storyId)}-v${version}`,
};

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 24);
}
