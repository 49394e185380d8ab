import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { WiredeskError } from '../errors.js';

/**
 * Per-host politeness shared by every worker through Redis: a minimum gap between request starts,
 * a cap on requests in flight, and blocks from `Retry-After`. BullMQ's open-source limiter is
 * per queue, not per group, hence this. A refusal says how long to wait, so the worker can park the
 * job (`job.moveToDelayed` + `DelayedError`) instead of holding a slot while it sleeps.
 */
export interface HostLimits {
  /** Minimum time between two request starts to the host. Default: 1 000 ms. */
  minIntervalMs?: number;
  /** Requests in flight to the host at once, across all workers. Default: 2. */
  maxConcurrent?: number;
  /**
   * How long a slot is held if it is never released (a crashed worker). Keep it above the fetcher's
   * worst case (connect + headers + body, per redirect hop) or a slow fetch may lose its slot and
   * let one request too many start. Default: 120 000 ms.
   */
  leaseMs?: number;
}

export type HostPermit =
  | {
      granted: true;
      /** Frees the slot; safe to call more than once, and after the lease has expired. */
      release(): Promise<void>;
    }
  | {
      granted: false;
      /**
       * When to try again, never earlier than the first moment a grant is possible, plus up to 10 %
       * (at most 1 s) of random jitter so the jobs parked together do not all wake together.
       * For `'concurrency'` the release time is unknown: it is the `busyRetryMs` estimate, or the
       * earliest lease expiry if that comes sooner.
       */
      retryInMs: number;
      /** What held the request back (the one that lasts longest, when several do). */
      reason: 'blocked' | 'interval' | 'concurrency';
    };

export interface HostGateOptions {
  /** Key prefix, e.g. `wiredesk:` (tests use a unique one). Keys: `<prefix>host:{<host>}:state|leases`. */
  prefix: string;
  /** Defaults for {@link HostGate.tryAcquire}; each field defaults separately. */
  limits?: HostLimits;
  /** Retry estimate when a host is at its concurrency cap. Default: 1 000 ms. */
  busyRetryMs?: number;
}

export interface HostGate {
  /** Takes a slot for one request to `host` (a URL's `hostname`; case is ignored), or says when to retry. */
  tryAcquire(host: string, limits?: HostLimits): Promise<HostPermit>;
  /**
   * No request to `host` starts before `untilMs` (epoch ms, e.g. `Date.now() + retryAfterMs` after a
   * 429). Only ever extends an existing block.
   */
  blockHost(host: string, untilMs: number): Promise<void>;
}

const DEFAULT_LIMITS: Required<HostLimits> = { minIntervalMs: 1_000, maxConcurrent: 2, leaseMs: 120_000 };
const DEFAULT_BUSY_RETRY_MS = 1_000;
const JITTER_RATIO = 0.1;
const MAX_JITTER_MS = 1_000;
/** Idle host keys outlive their last deadline by this much, then vanish. */
const KEY_GRACE_MS = 60_000;

/**
 * Atomic check-and-take. Time comes from the Redis server so workers with skewed clocks agree.
 * KEYS: state hash {nextStart, blockedUntil}, leases zset {leaseId → expiry}.
 * ARGV: minIntervalMs, maxConcurrent, leaseMs, leaseId, busyRetryMs, graceMs.
 * Returns {1} or {0, waitMs, reason}.
 */
const ACQUIRE = script(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval, cap, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local busy, grace = tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local state = redis.call('HMGET', KEYS[1], 'nextStart', 'blockedUntil')
local wait, reason = 0, ''
local blocked = (tonumber(state[2]) or 0) - now
if blocked > wait then wait, reason = blocked, 'blocked' end
local gap = (tonumber(state[1]) or 0) - now
if gap > wait then wait, reason = gap, 'interval' end
if redis.call('ZCARD', KEYS[2]) >= cap then
  local earliest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  local free = math.min(busy, tonumber(earliest[2]) - now)
  if free > wait then wait, reason = free, 'concurrency' end
end
if wait > 0 then return {0, wait, reason} end
redis.call('ZADD', KEYS[2], now + lease, ARGV[4])
redis.call('HSET', KEYS[1], 'nextStart', now + interval)
local ttl = math.max(lease, interval) + grace
for _, key in ipairs(KEYS) do
  if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
end
return {1}
`);

/** KEYS: state hash. ARGV: block duration ms (from the caller's clock), graceMs. */
const BLOCK = script(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'blockedUntil')) or 0
if untilMs > current then
  redis.call('HSET', KEYS[1], 'blockedUntil', untilMs)
  local ttl = tonumber(ARGV[1]) + tonumber(ARGV[2])
  if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
end
return 1
`);

/**
 * @example
 * const permit = await gate.tryAcquire(url.hostname, source.limits);
 * if (!permit.granted) {
 *   await job.moveToDelayed(Date.now() + permit.retryInMs, token);
 *   throw new DelayedError();
 * }
 * try {
 *   return await fetcher.fetchDocument(url, options);
 * } catch (error) {
 *   if (error instanceof WiredeskError && error.code === 'WD_ERR_RATE_LIMITED') {
 *     await gate.blockHost(url.hostname, Date.now() + (Number(error.details.retryAfterMs) || 60_000));
 *   }
 *   throw error;
 * } finally {
 *   await permit.release();
 * }
 */
export function createHostGate(redis: Redis, options: HostGateOptions): HostGate {
  const defaults = { ...DEFAULT_LIMITS, ...options.limits };
  const busyRetryMs = options.busyRetryMs ?? DEFAULT_BUSY_RETRY_MS;
  // A hash tag keeps a host's two keys in one Redis Cluster slot, as a multi-key script needs.
  const keys = (host: string): [string, string] => {
    const tag = `${options.prefix}host:{${host.toLowerCase()}}`;
    return [`${tag}:state`, `${tag}:leases`];
  };

  return {
    async tryAcquire(host, limits = {}) {
      const { minIntervalMs, maxConcurrent, leaseMs } = { ...defaults, ...limits };
      checkLimits({ minIntervalMs, maxConcurrent, leaseMs });
      const [state, leases] = keys(host);
      const leaseId = randomUUID();
      const reply = (await runScript(redis, ACQUIRE, [state, leases], [
        minIntervalMs,
        maxConcurrent,
        leaseMs,
        leaseId,
        busyRetryMs,
        KEY_GRACE_MS,
      ])) as [1] | [0, number, 'blocked' | 'interval' | 'concurrency'];
      if (reply[0] === 1) {
        return {
          granted: true,
          release: async () => {
            await guarded(() => redis.zrem(leases, leaseId));
          },
        };
      }
      const [, waitMs, reason] = reply;
      return { granted: false, retryInMs: waitMs + jitter(waitMs), reason };
    },
    async blockHost(host, untilMs) {
      const forMs = Math.ceil(untilMs - Date.now());
      if (forMs <= 0) return;
      await runScript(redis, BLOCK, [keys(host)[0]], [forMs, KEY_GRACE_MS]);
    },
  };
}

/** Only ever later, never earlier: a job that wakes early just costs another round trip. */
function jitter(waitMs: number): number {
  return Math.floor(Math.random() * Math.min(waitMs * JITTER_RATIO, MAX_JITTER_MS));
}

function checkLimits(limits: Required<HostLimits>): void {
  const { minIntervalMs, maxConcurrent, leaseMs } = limits;
  if (!Number.isInteger(minIntervalMs) || minIntervalMs < 0) throw limitError('minIntervalMs', minIntervalMs);
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) throw limitError('maxConcurrent', maxConcurrent);
  if (!Number.isInteger(leaseMs) || leaseMs < 1) throw limitError('leaseMs', leaseMs);
}

function limitError(name: string, value: number): WiredeskError {
  return new WiredeskError('WD_ERR_USAGE', `Host limit ${name} is out of range: ${value}`);
}

interface Script {
  source: string;
  sha: string;
}

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * EVALSHA, sending the source on NOSCRIPT (a fresh or restarted server). Plain calls rather than
 * `defineCommand`, which would add methods to a connection the queues share.
 */
async function runScript(redis: Redis, { source, sha }: Script, keys: string[], args: (string | number)[]): Promise<unknown> {
  return await guarded(async () => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await redis.eval(source, keys.length, ...keys, ...args);
    }
  });
}

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new WiredeskError('WD_ERR_SERVICE_UNAVAILABLE', 'Host gate: Redis call failed', { cause: error });
  }
}
