import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import { contentHashOf } from '../../src/schema/content-hash.js';
import { parseStories } from '../../src/parsers/parse.js';
import { DEFAULT_REDIS_URL } from '../../src/redis.js';
import { createSink, SinkConfig } from '../../src/sinks/registry.js';
import type { Story } from '../../src/schema/story.js';
import { benchFeed } from './feeds.js';
import type { BenchRow } from './report.js';

const REDIS_URL = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONCURRENCY = 16;

/**
 * Revisions per second each sink stores on its real backend: single-revision writes, 16 at a time
 * (as the deliver workers write), of realistic wire stories.
 */
export async function benchSinks(revisions: number): Promise<BenchRow[]> {
  const stories = realisticStories(revisions);
  const dataDir = await mkdtemp(join(tmpdir(), 'wiredesk-bench-sinks-'));
  const schema = `wdbench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const stream = `wdbench:${randomUUID().slice(0, 8)}:stories`;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const ctx = { logger: pino({ level: 'silent' }), dataDir, env: {}, redisUrl: REDIS_URL, keyPrefix: `wdbench-${randomUUID().slice(0, 8)}` };
  const configs = [
    { type: 'jsonl' },
    { type: 'sqlite' },
    { type: 'postgres', url: DATABASE_URL, schema },
    { type: 'redis-stream', url: REDIS_URL, stream },
    { type: 'webhook', url: hook, secret: 'bench' },
  ];
  const rows: BenchRow[] = [];
  try {
    for (const config of configs) {
      const sink = createSink(SinkConfig.parse(config), ctx);
      await sink.open();
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < stories.length) await sink.write([stories[next++]!]);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      await sink.close();
      rows.push({ name: `${config.type} sink`, unit: 'rev/s', rate: stories.length / seconds, detail: `${stories.length} revisions, ${CONCURRENCY} writers, ${seconds.toFixed(2)} s` });
    }
  } finally {
    receiver.close();
    await cleanUp(dataDir, schema, stream, ctx.keyPrefix);
  }
  return rows;
}

/** Parsed bench stories (about 2–5 KB each), each with an id of its own. */
function realisticStories(count: number): Story[] {
  const parsed: Story[] = [];
  for (let feed = 0; parsed.length < count; feed++) parsed.push(...parseStories(benchFeed(1_000 + feed, 25)).stories);
  return parsed.slice(0, count).map((story, i) => {
    const unique = { ...story, id: `${story.id}#bench-${i}` };
    return { ...unique, contentHash: contentHashOf(unique) };
  });
}

async function cleanUp(dataDir: string, schema: string, stream: string, keyPrefix: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
  await db.end();
  const redis = new Redis(REDIS_URL);
  for (const pattern of [`${stream}*`, `${keyPrefix}:*`]) {
    const keys = await redis.keys(pattern);
    if (keys.length > 0) await redis.del(...keys);
  }
  await redis.quit();
}
