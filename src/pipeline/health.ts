import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

const DAY_MS = 86_400_000;

export interface SourceError {
  code: string;
  message: string;
  at: string;
  permanent: boolean;
}

export interface SourcePause {
  reason: string;
  at: string;
  by: 'user' | 'auto';
}

export interface SourceHealth {
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastNewStoryAt: string | null;
  storiesLast24h: number;
  consecutiveFailures: number;
  consecutivePermanentFailures: number;
  lastError: SourceError | null;
  /** Nothing new for longer than the source's quiet threshold (only once it has polled successfully). */
  quiet: boolean;
  paused: SourcePause | null;
}

/**
 * Editorial health per source, in Redis so every process sees the same picture: when it last
 * polled, succeeded and produced something, how many stories in 24 h, its failure streak, and
 * whether it is paused (by an operator or by itself after repeated permanent errors).
 */
export function createHealthStore(redis: Redis, k: Keys) {
  return {
    async recordSuccess(sourceId: string, at = new Date()): Promise<void> {
      await redis
        .multi()
        .hset(k.health(sourceId), {
          lastPollAt: at.toISOString(),
          lastSuccessAt: at.toISOString(),
          consecutiveFailures: 0,
          consecutivePermanentFailures: 0,
        })
        // Quiet time counts from the first success when a source has never produced a story.
        .hsetnx(k.health(sourceId), 'firstSuccessAt', at.toISOString())
        .exec();
    },

    /** Returns the permanent-failure streak after this failure. */
    async recordFailure(sourceId: string, error: Omit<SourceError, 'at'>, at = new Date()): Promise<number> {
      const key = k.health(sourceId);
      const results = await redis
        .multi()
        .hset(key, { lastPollAt: at.toISOString(), lastError: JSON.stringify({ ...error, at: at.toISOString() }) })
        .hincrby(key, 'consecutiveFailures', 1)
        .hincrby(key, 'consecutivePermanentFailures', error.permanent ? 1 : 0)
        .exec();
      return Number(results?.[2]?.[1] ?? 0);
    },

    async recordStories(sourceId: string, storyKeys: readonly string[], at = new Date()): Promise<void> {
      if (storyKeys.length === 0) return;
      const now = at.getTime();
      await redis
        .multi()
        .hset(k.health(sourceId), 'lastNewStoryAt', at.toISOString())
        .zadd(k.healthStories(sourceId), ...storyKeys.flatMap((member) => [now, member]))
        .zremrangebyscore(k.healthStories(sourceId), 0, now - DAY_MS)
        .exec();
    },

    async pause(sourceId: string, reason: string, by: SourcePause['by'], at = new Date()): Promise<void> {
      await redis.set(k.paused(sourceId), JSON.stringify({ reason, by, at: at.toISOString() } satisfies SourcePause));
    },

    async resume(sourceId: string): Promise<void> {
      await redis.multi().del(k.paused(sourceId)).hset(k.health(sourceId), { consecutiveFailures: 0, consecutivePermanentFailures: 0 }).exec();
    },

    async paused(sourceId: string): Promise<SourcePause | null> {
      const raw = await redis.get(k.paused(sourceId));
      return raw ? (JSON.parse(raw) as SourcePause) : null;
    },

    async get(sourceId: string, quietAfterMs: number, now = new Date()): Promise<SourceHealth> {
      const [fields, count, paused] = await Promise.all([
        redis.hgetall(k.health(sourceId)),
        redis.zcount(k.healthStories(sourceId), now.getTime() - DAY_MS, '+inf'),
        this.paused(sourceId),
      ]);
      const lastSuccessAt = fields.lastSuccessAt ?? null;
      const lastNewStoryAt = fields.lastNewStoryAt ?? null;
      const since = lastNewStoryAt ?? fields.firstSuccessAt ?? null;
      return {
        lastPollAt: fields.lastPollAt ?? null,
        lastSuccessAt,
        lastNewStoryAt,
        storiesLast24h: count,
        consecutiveFailures: Number(fields.consecutiveFailures ?? 0),
        consecutivePermanentFailures: Number(fields.consecutivePermanentFailures ?? 0),
        lastError: fields.lastError ? (JSON.parse(fields.lastError) as SourceError) : null,
        quiet: lastSuccessAt !== null && since !== null && now.getTime() - Date.parse(since) > quietAfterMs,
        paused,
      };
    },
  };
}
export type HealthStore = ReturnType<typeof createHealthStore>;
