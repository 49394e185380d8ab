import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { parseStories } from '../../src/parsers/parse.js';
import { createPipeline } from '../../src/pipeline/create.js';
import { createRedis, DEFAULT_REDIS_URL } from '../../src/redis.js';
import { startWorkers } from '../../src/workers/runtime.js';
import { benchFeed } from './feeds.js';
import { peakRss, type BenchRow } from './report.js';

const REDIS_URL = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;

/**
 * Stories per second from a local emulator to the JSON Lines sink through the real Redis, beside
 * two references from the same run: BullMQ's no-op ceiling and the in-process parse-only rate on
 * the same documents. Parsing on worker threads and inline are both measured.
 */
export async function benchPipeline(options: { feeds: number; items: number }): Promise<BenchRow[]> {
  // The first half of the documents warms the pipeline (JIT in every thread), the second is timed.
  const docs = Array.from({ length: options.feeds * 2 }, (_, i) => Buffer.from(benchFeed(i, options.items)));
  const stories = options.feeds * options.items;
  const rows: BenchRow[] = [];

  rows.push(await noopCeiling(5_000));
  const parseOnly = parseOnlyRate(docs.slice(options.feeds));
  rows.push(parseOnly);
  const server = createServer((req, res) => {
    const index = Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1]);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(docs[index]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const parseThreads of [0, 2]) {
      const row = await pipelineRate(origin, options.feeds, stories, parseThreads);
      rows.push({ ...row, ratio: `${(row.rate / parseOnly.rate).toFixed(2)}× parse-only` });
    }
  } finally {
    server.close();
  }
  return rows;
}

function parseOnlyRate(docs: Buffer[]): BenchRow {
  const parse = () => docs.reduce((n, bytes, i) => n + parseStories(bytes, { source: { id: `bench-${i}`, name: 'Bench' } }).stories.length, 0);
  parse(); // warm-up, as the pipeline gets
  const started = performance.now();
  const count = parse();
  const seconds = (performance.now() - started) / 1000;
  return { name: 'parse only (in-process, same documents)', unit: 'stories/s', rate: count / seconds, detail: `${count} stories in ${seconds.toFixed(2)} s` };
}

async function noopCeiling(jobs: number): Promise<BenchRow> {
  const prefix = `wdbench-${randomUUID().slice(0, 8)}`;
  const connection = createRedis(REDIS_URL);
  const queue = new Queue('noop', { connection, prefix });
  await queue.addBulk(Array.from({ length: jobs }, (_, i) => ({ name: 'noop', data: { i }, opts: { removeOnComplete: true } })));
  let done = 0;
  const started = performance.now();
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('noop', async () => {}, { connection: createRedis(REDIS_URL), prefix, concurrency: 10 });
    worker.on('completed', () => {
      if (++done === jobs) void worker.close().then(resolve);
    });
  });
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  return { name: 'BullMQ no-op ceiling (concurrency 10)', unit: 'jobs/s', rate: jobs / seconds, detail: `${jobs} jobs in ${seconds.toFixed(2)} s` };
}

async function pipelineRate(origin: string, feeds: number, stories: number, parseThreads: number): Promise<BenchRow & { rate: number }> {
  const prefix = `wdbench-${randomUUID().slice(0, 8)}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'wiredesk-bench-'));
  const config = parseConfig(
    {
      redis: { prefix },
      dataDir,
      politeness: { default: { minInterval: 0, maxConcurrent: 64 } },
      workers: { parseThreads, pollConcurrency: 8, deliverConcurrency: 32 },
      sources: Array.from({ length: feeds * 2 }, (_, i) => ({ id: `bench-${i}`, name: `Bench ${i}`, url: `${origin}/feed/${i}.xml`, allowPrivateNetwork: true })),
    },
    {},
  );
  const pipeline = await createPipeline(config, pino({ level: 'silent' }), REDIS_URL);
  let delivered = 0;
  let target = stories;
  let resolveDone: () => void = () => {};
  const workers = startWorkers(pipeline, REDIS_URL, (event) => {
    if (event.queue === 'deliver' && event.outcome === 'completed' && ++delivered === target) resolveDone();
  });
  const run = async (sources: typeof config.sources) => {
    const done = new Promise<void>((r) => (resolveDone = r));
    await pipeline.queues.poll.addBulk(sources.map((s) => ({ name: 'poll', data: { sourceId: s.id } })));
    await done;
  };
  await run(config.sources.slice(0, feeds));
  target += stories;
  const memory = peakRss();
  const started = performance.now();
  await run(config.sources.slice(feeds));
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  await workers.close();
  for (const queue of pipeline.queues.all) await queue.obliterate({ force: true });
  const redis = new Redis(REDIS_URL);
  for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
  await redis.quit();
  await pipeline.close();
  await rm(dataDir, { recursive: true, force: true });
  const layout = parseThreads === 0 ? 'parse inline' : `parse on ${parseThreads} worker threads`;
  return {
    name: `pipeline: emulator → Redis queues → JSONL (${layout})`,
    unit: 'stories/s',
    rate: stories / seconds,
    detail: `${stories} stories from ${feeds} feeds in ${seconds.toFixed(2)} s, peak RSS ${peak} MB`,
  };
}
