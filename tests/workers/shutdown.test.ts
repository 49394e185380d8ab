import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';

const BIN = new URL('../../bin/wiredesk', import.meta.url).pathname;
const FEED = '<rss version="2.0"><channel><title>W</title><item><title>Slow news</title><guid>s1</guid><description>Arrived late.</description></item></channel></rss>';

describe('graceful shutdown', () => {
  let t: TestPipeline | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await server?.close();
  });

  it('on SIGTERM a worker stops taking jobs, finishes the one in flight, and exits 0', async () => {
    let requests = 0;
    server = await startServer(async (_req, res) => {
      requests++;
      await new Promise((r) => setTimeout(r, 1_500));
      res.end(FEED);
    });
    t = await createTestPipeline({ sources: [{ id: 'slow', name: 'Slow', url: `${server.url}/feed.xml`, allowPrivateNetwork: true }] });
    const configFile = join(t.dataDir, 'wiredesk.config.yaml');
    await writeFile(configFile, stringify({ ...t.config, redis: { prefix: t.config.redis.prefix } }));

    const worker = spawn(process.execPath, [BIN, 'worker', '--config', configFile], {
      env: { ...process.env, REDIS_URL: TEST_REDIS_URL, WIREDESK_LOG_LEVEL: 'error' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((r) => worker.once('exit', (code) => r(code)));
    await t.pipeline.queues.poll.add('poll', { sourceId: 'slow' }, { jobId: 'poll-slow-shutdown' });
    await expect.poll(() => requests, { timeout: 20_000 }).toBe(1);
    worker.kill('SIGTERM');
    // A job queued once the worker is shutting down (the first job is still in flight) stays for another worker.
    await new Promise((r) => setTimeout(r, 500));
    await t.pipeline.queues.poll.add('poll', { sourceId: 'slow' }, { jobId: 'poll-slow-after' });

    expect(await exited).toBe(0);
    const finished = await t.pipeline.queues.poll.getJob('poll-slow-shutdown');
    expect(await finished?.getState()).toBe('completed');
    expect(await (await t.pipeline.queues.poll.getJob('poll-slow-after'))?.getState()).toBe('waiting');
    expect(requests).toBe(1);
  }, 60_000);
});
