import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';

const BIN = new URL('../../bin/wiredesk', import.meta.url).pathname;
const ITEMS = 600;
const ROUNDS = 3;

const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
${Array.from({ length: ITEMS }, (_, i) => `<item><title>Story number ${i}</title><guid>story-${i}</guid><link>https://wire.example/s/${i}</link>
<content:encoded><![CDATA[<p>NEW YORK (AP) — Paragraph one of story ${i}.</p><p>Paragraph two.</p>]]></content:encoded></item>`).join('\n')}
</channel></rss>`;

function startWorker(configFile: string): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker', '--config', configFile], {
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL, WIREDESK_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

describe('a worker killed with SIGKILL', () => {
  let t: TestPipeline | undefined;
  let server: TestServer | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    children.length = 0;
    await t?.cleanup();
    await server?.close();
  });

  it(`loses nothing and duplicates nothing (${ROUNDS} kills at random points)`, async () => {
    server = await startServer((_req, res) => res.end(feed));
    for (let round = 0; round < ROUNDS; round++) {
      t = await createTestPipeline({
        workers: { parseThreads: 0, lockDuration: '2s', deliverConcurrency: 4, shutdownTimeout: '2s' },
        retries: { attempts: 5, backoff: '100ms' },
        sources: [{ id: 'wire', name: 'Wire', url: `${server.url}/feed.xml`, allowPrivateNetwork: true }],
      });
      const configFile = join(t.dataDir, 'wiredesk.config.yaml');
      await writeFile(configFile, stringify({ ...t.config, redis: { prefix: t.config.redis.prefix } }));

      const victim = startWorker(configFile);
      children.push(victim);
      await t.pipeline.queues.poll.add('poll', { sourceId: 'wire' }, { jobId: `poll-wire-kill-${round}` });
      // Kill once deliveries are under way, at a random point among them.
      while ((await t.delivered()).length === 0) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.random() * 150));
      victim.kill('SIGKILL');
      await exited(victim);
      const deliveredAtKill = (await t.delivered()).length;
      // The kill must land mid-work, or this round would prove nothing.
      expect(deliveredAtKill).toBeLessThan(ITEMS);

      children.push(startWorker(configFile));
      await t.settle();
      const delivered = await t.delivered();
      const keys = delivered.map((s) => `${s.id}#${s.version}`);
      expect(new Set(keys).size, `round ${round}: killed after ${deliveredAtKill} deliveries`).toBe(ITEMS);
      expect(keys.length).toBe(ITEMS);
      expect(delivered.every((s) => s.version === 1)).toBe(true);

      for (const child of children.splice(0)) {
        child.kill('SIGTERM');
        await exited(child);
      }
      await t.cleanup();
      t = undefined;
    }
  }, 180_000);
});
