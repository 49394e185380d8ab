import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/schema/story.js';
import { createSink, SinkConfig } from '../../src/sinks/registry.js';
import type { Sink } from '../../src/sinks/types.js';
import { closedPort } from '../helpers/http-server.js';
import { redisForTest, TEST_REDIS_URL, type TestRedis } from '../helpers/redis.js';
import { storyRevision } from '../helpers/stories.js';
import { sinkContract } from './contract.js';

const ctx = { logger: pino({ level: 'silent' }), dataDir: '.', env: { REDIS_URL: TEST_REDIS_URL } };

async function streamSink(stream: string, options: Record<string, unknown> = {}): Promise<Sink> {
  const sink = createSink(SinkConfig.parse({ type: 'redis-stream', stream, ...options }), ctx);
  await sink.open();
  return sink;
}

/** Stream entries as field maps, oldest first. */
async function entries(db: TestRedis, stream: string): Promise<Array<Record<string, string>>> {
  return (await db.redis.xrange(stream, '-', '+')).map(([, fields]) => fieldMap(fields));
}

function fieldMap(fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i]!] = fields[i + 1]!;
  return out;
}

sinkContract('redis-stream', async () => {
  const db = redisForTest('redis-stream-contract');
  const stream = `${db.prefix}stories`;
  // A stream consumer sees every entry; it keys them by `revision` and reads the payload.
  const revisions = async (id: string) =>
    (await entries(db, stream))
      .filter((e) => e.id === id)
      .map((e) => JSON.parse(e.payload!) as Story)
      .map(({ version, pubStatus, headline }) => ({ id, version, pubStatus, headline }))
      .sort((a, b) => a.version - b.version);
  return {
    sink: await streamSink(stream),
    revisions,
    latest: async (id) => (await revisions(id)).at(-1) ?? null,
    another: () => streamSink(stream),
    cleanup: () => db.cleanup(),
  };
});

describe('redis-stream sink', () => {
  let db: TestRedis;
  beforeAll(() => {
    db = redisForTest('redis-stream');
  });
  afterAll(() => db.cleanup());

  it('adds one entry per revision with the event, identity, status and payload', async () => {
    const stream = `${db.prefix}fields`;
    const sink = await streamSink(stream);
    const kill = storyRevision('urn:test:fields', 2, { pubStatus: 'canceled', revisionKind: 'kill' });
    await sink.write([storyRevision('urn:test:fields', 1), kill]);
    await sink.close();
    const [first, second] = await entries(db, stream);
    expect(first).toMatchObject({ event: 'story.created', id: 'urn:test:fields', version: '1', revision: 'urn:test:fields#v1', source: 'example', pubStatus: 'usable' });
    expect(second).toMatchObject({ event: 'story.killed', version: '2', revision: 'urn:test:fields#v2', pubStatus: 'canceled' });
    expect(JSON.parse(second!.payload!)).toEqual(kill);
  });

  it('consumers read with a consumer group and acknowledge', async () => {
    const stream = `${db.prefix}group`;
    await db.redis.xgroup('CREATE', stream, 'search-index', '$', 'MKSTREAM');
    const sink = await streamSink(stream);
    await sink.write([storyRevision('urn:test:group', 1), storyRevision('urn:test:group', 2)]);
    await sink.write([storyRevision('urn:test:group', 2)]);
    await sink.close();

    const reply = (await db.redis.xreadgroup('GROUP', 'search-index', 'worker-1', 'COUNT', 10, 'STREAMS', stream, '>')) as Array<[string, Array<[string, string[]]>]>;
    const read = reply[0]![1];
    expect(read.map(([, fields]) => fieldMap(fields).revision)).toEqual(['urn:test:group#v1', 'urn:test:group#v2']);
    const pending = async () => ((await db.redis.xpending(stream, 'search-index')) as [number, ...unknown[]])[0];
    expect(await pending()).toBe(2);
    expect(await db.redis.xack(stream, 'search-index', ...read.map(([entryId]) => entryId))).toBe(2);
    expect(await pending()).toBe(0);
  });

  it('remembers a revision for dedupeTtl under a prefix derived from the stream key', async () => {
    const stream = `${db.prefix}ttl`;
    const sink = await streamSink(stream, { dedupeTtl: '2h' });
    await sink.write([storyRevision('urn:test:ttl', 1)]);
    await sink.close();
    const [entryId] = (await db.redis.xrange(stream, '-', '+')).map(([id]) => id);
    const key = `${stream}:revisions:urn:test:ttl#v1`;
    expect(await db.redis.get(key)).toBe(entryId);
    const ttl = await db.redis.pttl(key);
    expect(ttl).toBeGreaterThan(2 * 3_600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(2 * 3_600_000);
  });

  it('trims the stream to about maxLen entries', async () => {
    const stream = `${db.prefix}trim`;
    const sink = await streamSink(stream, { maxLen: 10 });
    for (let i = 0; i < 3; i++) {
      await sink.write(Array.from({ length: 200 }, (_, j) => storyRevision(`urn:test:trim-${i}-${j}`, 1)));
    }
    await sink.close();
    // `~` trims whole radix-tree nodes (100 entries by default): far below 600, never below 10.
    const length = await db.redis.xlen(stream);
    expect(length).toBeGreaterThanOrEqual(10);
    expect(length).toBeLessThan(250);
  });

  it('writes the payload in the configured format', async () => {
    const stream = `${db.prefix}ninjs`;
    const sink = await streamSink(stream, { format: 'ninjs-3.1' });
    await sink.write([storyRevision('https://wire.example/ninjs', 1)]);
    await sink.close();
    const [entry] = await entries(db, stream);
    expect(entry).toMatchObject({ id: 'https://wire.example/ninjs', revision: 'https://wire.example/ninjs#v1' });
    expect(JSON.parse(entry!.payload!)).toMatchObject({ uri: 'https://wire.example/ninjs', version: '1' });
  });

  it('defaults: the pipeline Redis from REDIS_URL, wiredesk:stories, 100 000 entries, 7 days', () => {
    expect(SinkConfig.parse({ type: 'redis-stream' })).toMatchObject({
      id: 'redis-stream',
      stream: 'wiredesk:stories',
      maxLen: 100_000,
      dedupeTtl: 7 * 86_400_000,
      format: 'native',
    });
    expect(() => SinkConfig.parse({ type: 'redis-stream', dedupeTtl: 0 })).toThrow(/longer than 0/);
  });

  it('health pings; an unreachable Redis fails open() with a retryable sink error', async () => {
    const sink = await streamSink(`${db.prefix}health`);
    expect(await sink.health?.()).toEqual({ ok: true });
    await sink.close();
    expect(await sink.health?.()).toEqual({ ok: false, detail: 'not open' });

    const down = createSink(SinkConfig.parse({ type: 'redis-stream', url: `redis://127.0.0.1:${await closedPort()}` }), ctx);
    await expect(down.open()).rejects.toMatchObject({ code: 'WD_ERR_SINK', retryable: true });
    await expect(down.write([storyRevision('urn:test:down', 1)])).rejects.toMatchObject({ code: 'WD_ERR_SINK', retryable: true });
  });
});
