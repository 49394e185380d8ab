import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers } from '../../src/workers/runtime.js';
import { openApp, type App } from '../../src/app.js';
import { cli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';

const prefix = `wdtest-ops-${randomUUID().slice(0, 8)}`;
let dir: string;
let configFile: string;
let server: TestServer;
let missing = true;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wiredesk-ops-'));
  server = await startServer((_req, res) => {
    res.writeHead(missing ? 404 : 200, { 'content-type': 'application/rss+xml' });
    res.end(missing ? 'gone' : '<rss version="2.0"><channel><title>W</title><item><title>Back again</title><guid>b1</guid><description>It is back.</description></item></channel></rss>');
  });
  configFile = join(dir, 'wiredesk.config.yaml');
  await writeFile(
    configFile,
    stringify({
      redis: { url: TEST_REDIS_URL, prefix },
      dataDir: join(dir, 'data'),
      workers: { parseThreads: 0 },
      sources: [
        { id: 'wire', name: 'Wire', url: `${server.url}/feed.xml`, allowPrivateNetwork: true, schedule: { every: '1h' } },
        { id: 'other', name: 'Other', url: `${server.url}/other.xml`, allowPrivateNetwork: true, enabled: false },
      ],
    }),
  );
});

afterAll(async () => {
  for (const name of ['poll', 'article', 'deliver']) {
    const queue = new Queue(name, { connection: new Redis(TEST_REDIS_URL), prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs queued jobs in-process until the queues are empty, as a `wiredesk worker` would. */
async function work(): Promise<void> {
  const app: App = await openApp({ configPath: configFile });
  const workers = startWorkers(app.pipeline, app.redis.url);
  const { drain } = await import('../../src/workers/drain.js');
  for (const queue of app.pipeline.queues.all) await drain(queue);
  await workers.close();
  await app.close();
}

describe('operating sources from the CLI', () => {
  it('lists sources with their schedule and state', async () => {
    const { code, stdout } = await cli('sources', 'list', '--config', configFile, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject([
      { id: 'wire', enabled: true, schedule: { every: 3_600_000 }, paused: null },
      { id: 'other', enabled: false },
    ]);
    const table = await cli('sources', 'list', '--config', configFile);
    expect(table.stdout).toMatch(/wire\s+Wire\s+every 3600s\s+active/);
  });

  it('runs a source now; its failure shows in status and in the dead-letter queue; replay after the fix delivers', async () => {
    expect((await cli('sources', 'run', 'wire', '--config', configFile)).code).toBe(0);
    await work();
    const status = JSON.parse((await cli('status', '--config', configFile, '--json')).stdout) as {
      queues: Array<{ queue: string; counts: Record<string, number> }>;
      sources: Array<{ id: string; consecutiveFailures: number; lastError: { code: string } | null }>;
    };
    expect(status.queues.find((q) => q.queue === 'poll')?.counts.failed).toBe(1);
    expect(status.sources.find((s) => s.id === 'wire')).toMatchObject({ consecutiveFailures: 1, lastError: { code: 'WD_ERR_HTTP_STATUS' } });

    const letters = JSON.parse((await cli('dlq', 'list', '--config', configFile, '--json')).stdout) as Array<{ queue: string; code: string; sourceId: string }>;
    expect(letters).toMatchObject([{ queue: 'poll', code: 'WD_ERR_HTTP_STATUS', sourceId: 'wire' }]);

    missing = false;
    const replay = await cli('dlq', 'replay', '--config', configFile);
    expect(replay.stdout).toContain('replayed 1 job(s)');
    await work();
    expect(JSON.parse((await cli('dlq', 'list', '--config', configFile, '--json')).stdout)).toEqual([]);
    const after = JSON.parse((await cli('sources', 'list', '--config', configFile, '--json')).stdout) as Array<{ id: string; storiesLast24h: number }>;
    expect(after.find((s) => s.id === 'wire')?.storiesLast24h).toBe(1);
  });

  it('pauses and resumes a source, keeping its state', async () => {
    expect((await cli('sources', 'pause', 'wire', '--reason', 'publisher outage', '--config', configFile)).code).toBe(0);
    let sources = JSON.parse((await cli('sources', 'list', '--config', configFile, '--json')).stdout) as Array<{ id: string; paused: { reason: string; by: string } | null; storiesLast24h: number }>;
    expect(sources[0]).toMatchObject({ paused: { reason: 'publisher outage', by: 'user' }, storiesLast24h: 1 });

    expect((await cli('sources', 'resume', 'wire', '--config', configFile)).code).toBe(0);
    sources = JSON.parse((await cli('sources', 'list', '--config', configFile, '--json')).stdout);
    expect(sources[0]?.paused).toBeNull();
  });

  it('refuses an unknown source id with a usage error', async () => {
    const { code, stderr } = await cli('sources', 'run', 'nope', '--config', configFile);
    expect(code).toBe(2);
    expect(stderr).toContain('no source "nope"');
  });

  it('fails a bad config with the path of each problem', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, stringify({ sources: [{ id: 'ok', name: 'OK', url: 'https://a.example/f' }, { id: 'Bad Id', name: '', url: 'http://' }] }));
    const { code, stderr } = await cli('status', '--config', bad);
    expect(code).toBe(1);
    expect(stderr).toContain('sources[1].id');
    expect(stderr).toContain('sources[1].url: Invalid URL');
  });
});
