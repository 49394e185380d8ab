import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import type { Pipeline } from '../../src/pipeline/context.js';
import { createPipeline } from '../../src/pipeline/create.js';
import { deleteKeysMatching } from '../../src/redis.js';
import { readJsonl } from '../../src/sinks/jsonl.js';
import type { Story } from '../../src/schema/story.js';
import { drain } from '../../src/workers/drain.js';
import { startWorkers, type WorkerEvent, type WorkerSet } from '../../src/workers/runtime.js';
import { TEST_REDIS_URL } from './redis.js';

export interface TestPipeline {
  config: Readonly<Config>;
  pipeline: Pipeline;
  dataDir: string;
  events: WorkerEvent[];
  startWorkers(): WorkerSet;
  /** Polls a source now and waits until every queue is empty. */
  pollAndSettle(sourceId: string): Promise<void>;
  settle(): Promise<void>;
  /** Every revision the JSON Lines sink holds, in file order. */
  delivered(): Promise<Story[]>;
  cleanup(): Promise<void>;
}

/**
 * A real pipeline on the real Redis under a key prefix of its own, with a temporary data folder.
 * `overrides` is a raw config (as in YAML); sources usually point at a local test server.
 */
export async function createTestPipeline(overrides: Record<string, unknown>): Promise<TestPipeline> {
  const prefix = `wdtest-${randomUUID().slice(0, 12)}`;
  // A caller may share a data folder (and so the raw archive) between pipelines; it then owns it.
  const ownsDataDir = overrides.dataDir === undefined;
  const dataDir = ownsDataDir ? await mkdtemp(join(tmpdir(), 'wiredesk-test-')) : String(overrides.dataDir);
  const config = parseConfig(
    {
      redis: { prefix },
      dataDir,
      retries: { attempts: 3, backoff: '100ms' },
      politeness: { default: { minInterval: 0, maxConcurrent: 8 } },
      workers: { parseThreads: 0, lockDuration: '5s', shutdownTimeout: '5s' },
      ...overrides,
    },
    {},
  );
  const logger = pino({ level: process.env.WIREDESK_TEST_LOG ?? 'silent' });
  const pipeline = await createPipeline(config, logger, TEST_REDIS_URL);
  const events: WorkerEvent[] = [];
  const sets: WorkerSet[] = [];

  const settle = async () => {
    for (let round = 0; round < 3; round++) {
      for (const queue of pipeline.queues.all) await drain(queue, { timeoutMs: 60_000 });
    }
  };

  return {
    config,
    pipeline,
    dataDir,
    events,
    startWorkers() {
      const set = startWorkers(pipeline, TEST_REDIS_URL, (event) => events.push(event));
      sets.push(set);
      return set;
    },
    async pollAndSettle(sourceId) {
      await pipeline.queues.poll.add('poll', { sourceId, manual: true }, { jobId: `poll-${sourceId}-run-${Date.now()}-${randomUUID().slice(0, 8)}` });
      await settle();
    },
    settle,
    async delivered() {
      const stories: Story[] = [];
      for (const sink of config.sinks) {
        if (sink.type !== 'jsonl') continue;
        const dir = join(dataDir, sink.dir);
        const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.jsonl')).sort();
        for (const file of files) stories.push(...(await readJsonl(join(dir, file))));
      }
      return stories;
    },
    async cleanup() {
      await Promise.all(sets.map((s) => s.close(5_000)));
      for (const queue of pipeline.queues.all) await queue.obliterate({ force: true });
      const redis = new Redis(TEST_REDIS_URL);
      await deleteKeysMatching(redis, `${prefix}:*`);
      await redis.quit();
      await pipeline.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
