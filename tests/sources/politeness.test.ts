import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostGate, type HostGate, type HostPermit } from '../../src/sources/politeness.js';
import { redisForTest, type TestRedis } from '../helpers/redis.js';

let db: TestRedis;
let gate: HostGate;
let hostCount = 0;

beforeAll(() => {
  db = redisForTest('politeness');
  gate = createHostGate(db.redis, { prefix: db.prefix });
});
afterAll(() => db.cleanup());

/** A host of its own per test, so no test sees another's intervals or leases. */
function freshHost(): string {
  hostCount += 1;
  return `host-${hostCount}.example.com`;
}

function denied(permit: HostPermit): Extract<HostPermit, { granted: false }> {
  if (permit.granted) throw new Error('expected the gate to refuse');
  return permit;
}

function granted(permit: HostPermit): Extract<HostPermit, { granted: true }> {
  if (!permit.granted) throw new Error(`expected a grant, got a refusal (${permit.reason}, ${permit.retryInMs} ms)`);
  return permit;
}

describe('host gate', () => {
  it('keeps the minimum interval between starts and says how long is left', async () => {
    const host = freshHost();
    const limits = { minIntervalMs: 10_000, maxConcurrent: 5 };
    granted(await gate.tryAcquire(host, limits));
    const refusal = denied(await gate.tryAcquire(host, limits));
    expect(refusal.reason).toBe('interval');
    // The remaining ~10 s, plus at most 10 % jitter; generous below for a slow machine.
    expect(refusal.retryInMs).toBeGreaterThan(8_000);
    expect(refusal.retryInMs).toBeLessThanOrEqual(11_000);
  });

  it('lets the next request start once the interval has passed', async () => {
    const host = freshHost();
    const limits = { minIntervalMs: 100, maxConcurrent: 5 };
    granted(await gate.tryAcquire(host, limits));
    await sleep(300);
    granted(await gate.tryAcquire(host, limits));
  });

  it('caps requests in flight, and a release frees a slot', async () => {
    const host = freshHost();
    const limits = { minIntervalMs: 0, maxConcurrent: 2 };
    const first = granted(await gate.tryAcquire(host, limits));
    granted(await gate.tryAcquire(host, limits));
    const refusal = denied(await gate.tryAcquire(host, limits));
    expect(refusal.reason).toBe('concurrency');
    expect(refusal.retryInMs).toBeGreaterThanOrEqual(1_000);
    expect(refusal.retryInMs).toBeLessThanOrEqual(1_100);
    await first.release();
    await first.release();
    granted(await gate.tryAcquire(host, limits));
    denied(await gate.tryAcquire(host, limits));
  });

  it('frees the slot of a lease that was never released', async () => {
    const host = freshHost();
    const limits = { minIntervalMs: 0, maxConcurrent: 1, leaseMs: 200 };
    granted(await gate.tryAcquire(host, limits));
    const refusal = denied(await gate.tryAcquire(host, limits));
    // The lease ends before the busy estimate, so that is the wait.
    expect(refusal.retryInMs).toBeLessThanOrEqual(220);
    await sleep(600);
    granted(await gate.tryAcquire(host, limits));
  });

  it('honours blockHost, and a later block never shortens an earlier one', async () => {
    const host = freshHost();
    await gate.blockHost(host, Date.now() + 30_000);
    await gate.blockHost(host, Date.now() + 1_000);
    await gate.blockHost(host, Date.now() - 1_000);
    const refusal = denied(await gate.tryAcquire(host, { minIntervalMs: 0 }));
    expect(refusal.reason).toBe('blocked');
    expect(refusal.retryInMs).toBeGreaterThan(25_000);
    expect(refusal.retryInMs).toBeLessThanOrEqual(31_000);
  });

  it('reports the longest of several holds', async () => {
    const host = freshHost();
    granted(await gate.tryAcquire(host, { minIntervalMs: 60_000, maxConcurrent: 1 }));
    const refusal = denied(await gate.tryAcquire(host, { minIntervalMs: 60_000, maxConcurrent: 1 }));
    expect(refusal.reason).toBe('interval');
    expect(refusal.retryInMs).toBeGreaterThan(50_000);
  });

  it('treats hosts separately and ignores case', async () => {
    const host = freshHost();
    const limits = { minIntervalMs: 60_000 };
    granted(await gate.tryAcquire(host, limits));
    denied(await gate.tryAcquire(host.toUpperCase(), limits));
    granted(await gate.tryAcquire(freshHost(), limits));
  });

  it('never exceeds the cap under concurrent acquirers on separate connections', async () => {
    const host = freshHost();
    const connections = Array.from({ length: 5 }, () => db.redis.duplicate());
    try {
      const gates = connections.map((redis) => createHostGate(redis, { prefix: db.prefix }));
      const permits = await Promise.all(
        Array.from({ length: 60 }, (_, i) => gates[i % gates.length]!.tryAcquire(host, { minIntervalMs: 0, maxConcurrent: 3 })),
      );
      expect(permits.filter((permit) => permit.granted)).toHaveLength(3);

      const spaced = freshHost();
      const starts = await Promise.all(
        Array.from({ length: 60 }, (_, i) => gates[i % gates.length]!.tryAcquire(spaced, { minIntervalMs: 5_000, maxConcurrent: 10 })),
      );
      expect(starts.filter((permit) => permit.granted)).toHaveLength(1);
    } finally {
      await Promise.all(connections.map((redis) => redis.quit()));
    }
  });

  it('keeps its keys under the prefix, with expiry', async () => {
    const host = freshHost();
    granted(await gate.tryAcquire(host, { minIntervalMs: 1_000, leaseMs: 5_000 }));
    const keys = await db.redis.keys(`${db.prefix}host:{${host}}:*`);
    expect(keys.sort()).toEqual([`${db.prefix}host:{${host}}:leases`, `${db.prefix}host:{${host}}:state`]);
    for (const key of keys) {
      const ttl = await db.redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(5_000 + 60_000);
    }
  });

  it('refuses nonsense limits', async () => {
    await expect(gate.tryAcquire(freshHost(), { maxConcurrent: 0 })).rejects.toMatchObject({ code: 'WD_ERR_USAGE' });
    await expect(gate.tryAcquire(freshHost(), { minIntervalMs: -1 })).rejects.toMatchObject({ code: 'WD_ERR_USAGE' });
  });

  it('reports Redis failures as WD_ERR_SERVICE_UNAVAILABLE', async () => {
    const broken = db.redis.duplicate();
    await broken.quit();
    const brokenGate = createHostGate(broken, { prefix: db.prefix });
    await expect(brokenGate.tryAcquire(freshHost())).rejects.toMatchObject({ code: 'WD_ERR_SERVICE_UNAVAILABLE', retryable: true });
  });
});
