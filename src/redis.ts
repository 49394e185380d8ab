import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { WiredeskError } from './errors.js';
import type { Logger } from './logger.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RedisEndpoint {
  url: string;
  /** Stops the private redis-server, if wiredesk started one. */
  stop(): Promise<void>;
}

/**
 * A connection for BullMQ workers and blocking commands: BullMQ requires
 * `maxRetriesPerRequest: null` so a Redis blip pauses work instead of failing jobs.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}

/**
 * Deletes every key matching a SCAN pattern (`wiredesk:demo:*`), a batch at a time, without
 * blocking the server as KEYS would. UNLINK frees the memory off the main thread.
 */
export async function deleteKeysMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/**
 * The Redis to use: REDIS_URL (or the config) when set; else 127.0.0.1:6379 when it answers; else
 * a private `redis-server` in a temporary directory for the life of this process; else a clear
 * error saying how to get Redis.
 */
export async function resolveRedis(
  configured: string | undefined,
  logger: Logger,
  options: { defaultUrl?: string } = {},
): Promise<RedisEndpoint> {
  const noop = async () => {};
  if (configured) {
    await assertReachable(configured);
    return { url: configured, stop: noop };
  }
  const defaultUrl = options.defaultUrl ?? DEFAULT_REDIS_URL;
  if (await answers(defaultUrl)) return { url: defaultUrl, stop: noop };
  if (!hasBinary('redis-server')) {
    throw new WiredeskError(
      'WD_ERR_SERVICE_UNAVAILABLE',
      `Redis is not answering on ${redactUrl(defaultUrl).replace('redis://', '')} and no redis-server binary is on the PATH. ` +
        'Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis), ' +
        'start one with `docker compose up -d redis`, or set REDIS_URL to a running server.',
      { retryable: false },
    );
  }
  return startPrivateRedis(logger);
}

async function assertReachable(url: string): Promise<void> {
  if (await answers(url)) return;
  throw new WiredeskError('WD_ERR_SERVICE_UNAVAILABLE', `Redis does not answer at ${redactUrl(url)} (check REDIS_URL)`, { retryable: false });
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function hasBinary(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function startPrivateRedis(logger: Logger): Promise<RedisEndpoint> {
  const dir = await mkdtemp(join(tmpdir(), 'wiredesk-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100 && !(await answers(url)); attempt++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!(await answers(url))) {
    child.kill('SIGKILL');
    throw new WiredeskError('WD_ERR_SERVICE_UNAVAILABLE', 'a private redis-server did not start', { retryable: false });
  }
  logger.info({ url, dir }, 'started a private redis-server for this process (set REDIS_URL to use your own)');
  // The private server must not outlive wiredesk, even on a crash.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Never log a password that may sit in a Redis URL. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//[redacted]@');
}
