import { Redis } from 'ioredis';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { WiredeskError } from '../src/errors.js';
import { deleteKeysMatching, resolveRedis } from '../src/redis.js';
import { closedPort } from './helpers/http-server.js';
import { redisForTest, TEST_REDIS_URL } from './helpers/redis.js';

const logger = pino({ level: 'silent' });

describe('resolveRedis', () => {
  it('uses the configured Redis when it answers', async () => {
    const endpoint = await resolveRedis(TEST_REDIS_URL, logger);
    expect(endpoint.url).toBe(TEST_REDIS_URL);
    await endpoint.stop();
  });

  it('fails clearly when a configured Redis does not answer, without leaking its password', async () => {
    const url = `redis://:s3cret@127.0.0.1:${await closedPort()}`;
    const error = await resolveRedis(url, logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiredeskError);
    expect((error as WiredeskError).code).toBe('WD_ERR_SERVICE_UNAVAILABLE');
    expect((error as WiredeskError).message).not.toContain('s3cret');
  });

  it('starts a private redis-server when nothing answers at the default address, and stops it', async () => {
    const endpoint = await resolveRedis(undefined, logger, { defaultUrl: `redis://127.0.0.1:${await closedPort()}` });
    const client = new Redis(endpoint.url);
    expect(await client.ping()).toBe('PONG');
    await client.quit();
    await endpoint.stop();
    const after = new Redis(endpoint.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    after.on('error', () => {});
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });

  it('says how to get Redis when there is no redis-server binary either', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const error = await resolveRedis(undefined, logger, { defaultUrl: `redis://127.0.0.1:${await closedPort()}` }).catch((e: unknown) => e);
      expect((error as WiredeskError).message).toMatch(/apt-get install redis-server|REDIS_URL/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('deleteKeysMatching', () => {
  it('deletes every key the pattern matches, across SCAN batches, and no other', async () => {
    const db = redisForTest('delete-keys');
    try {
      const doomed = Array.from({ length: 2_500 }, (_, i) => `${db.prefix}doomed:${i}`);
      for (let i = 0; i < doomed.length; i += 500) await db.redis.mset(...doomed.slice(i, i + 500).flatMap((k) => [k, '1']));
      await db.redis.set(`${db.prefix}kept`, '1');
      await deleteKeysMatching(db.redis, `${db.prefix}doomed:*`);
      expect(await db.redis.exists(...doomed)).toBe(0);
      expect(await db.redis.get(`${db.prefix}kept`)).toBe('1');
    } finally {
      await db.cleanup();
    }
  });
});
