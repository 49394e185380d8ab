import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { deleteKeysMatching } from '../../src/redis.js';

export interface TestRedis {
  redis: Redis;
  /** Unique per call, e.g. `wdtest:politeness:1f0c…:`; put every key under it. */
  prefix: string;
  /** Deletes every key under the prefix (SCAN + DEL) and closes the connection. */
  cleanup(): Promise<void>;
}

/** The Redis the tests use: `REDIS_URL`, or the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A connection and a key prefix of its own, so test files (and parallel runs) never see each
 * other's keys, and nothing is left behind.
 *
 * @example
 * let db: TestRedis;
 * beforeAll(() => { db = redisForTest('politeness'); });
 * afterAll(() => db.cleanup());
 */
export function redisForTest(name = 'test'): TestRedis {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  // Only [a-z0-9-] from the name, so the prefix has no glob characters for SCAN MATCH.
  const prefix = `wdtest:${name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}:${randomUUID()}:`;
  return {
    redis,
    prefix,
    async cleanup() {
      await deleteKeysMatching(redis, `${prefix}*`);
      await redis.quit();
    },
  };
}
