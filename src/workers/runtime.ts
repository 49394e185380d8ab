import { Worker, type Job, type Processor } from 'bullmq';
import type { Pipeline } from '../pipeline/context.js';
import { createRedis } from '../redis.js';
import { createArticleProcessor } from './article.worker.js';
import { backoffDelay, codeOfReason } from './failures.js';
import { createDeliverProcessor } from './deliver.worker.js';
import { createPollProcessor } from './poll.worker.js';
import { QUEUE_NAMES, type QueueName } from './queues.js';

export interface WorkerSet {
  workers: readonly Worker[];
  /** Stops taking jobs, lets in-flight ones finish within the timeout, then releases the rest. */
  close(timeoutMs?: number): Promise<void>;
}

export type WorkerEvent = { queue: QueueName; job: Job; outcome: 'completed' | 'failed'; result?: unknown; code?: string | null };

/** Starts one BullMQ worker per queue, each on its own connection (workers block on Redis). */
export function startWorkers(p: Pipeline, redisUrl: string, onEvent?: (event: WorkerEvent) => void): WorkerSet {
  const { workers: settings, redis } = p.config;
  const roles: Array<[QueueName, Processor, number]> = [
    [QUEUE_NAMES.poll, createPollProcessor(p), settings.pollConcurrency],
    [QUEUE_NAMES.article, createArticleProcessor(p), settings.articleConcurrency],
    [QUEUE_NAMES.deliver, createDeliverProcessor(p), settings.deliverConcurrency],
  ];
  const connections = roles.map(() => createRedis(redisUrl));
  const workers = roles.map(([queue, processor, concurrency], index) => {
    const worker = new Worker(queue, processor, {
      connection: connections[index]!,
      prefix: redis.prefix,
      concurrency,
      lockDuration: settings.lockDuration,
      stalledInterval: Math.max(1_000, Math.round(settings.lockDuration / 2)),
      // A job whose worker died twice in a row is suspect; after that it goes to the dead letters.
      maxStalledCount: 2,
      settings: { backoffStrategy: backoffDelay },
      autorun: true,
    });
    const log = p.logger.child({ component: 'worker', queue });
    worker.on('completed', (job, result) => onEvent?.({ queue, job, outcome: 'completed', result }));
    worker.on('failed', (job, error) => {
      if (!job) return;
      const code = codeOfReason(error.message);
      log.warn({ jobId: job.id, code, attemptsMade: job.attemptsMade, reason: error.message }, 'job failed');
      onEvent?.({ queue, job, outcome: 'failed', code });
    });
    worker.on('error', (error) => log.error({ err: error }, 'worker error'));
    return worker;
  });

  return {
    workers,
    async close(timeoutMs = settings.shutdownTimeout) {
      // worker.close() waits for active jobs with no limit of its own: bound it, then force.
      const graceful = Promise.all(workers.map((w) => w.close()));
      const timedOut = await Promise.race([graceful.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), timeoutMs).unref())]);
      if (timedOut) {
        p.logger.warn({ timeoutMs }, 'in-flight jobs did not finish in time; releasing them to other workers');
        await Promise.all(workers.map((w) => w.close(true)));
      }
      // Connections handed to BullMQ are ours to close.
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
