import { connect, createServer, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { deadLetters } from '../../src/cli/dlq.js';
import { closedPort, startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';
import { postgresForTest, TEST_DATABASE_URL } from '../helpers/postgres.js';

const DATABASE_URL = TEST_DATABASE_URL;
const ITEMS = 30;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
${Array.from(
  { length: ITEMS },
  (_, i) => `<item><title>Story number ${i + 1} from the wire</title><guid>wire-${i + 1}</guid><link>https://wire.example/story-${i + 1}</link>
<description>VILNIUS, Lithuania (AP) — Paragraph of story ${i + 1}.</description></item>`,
).join('\n')}
</channel></rss>`;

/**
 * A TCP proxy to PostgreSQL on a fixed port that refuses connections (nothing listens) until
 * `up()`, and can cut every connection through it at once, as a restarting server or a broken
 * network would.
 */
function databaseProxy(port: number, target: URL) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const cut = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    up: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    cut,
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}

describe('the postgres sink through the pipeline, while the database is away', () => {
  const database = postgresForTest();
  const { db } = database;
  const schema = database.freshSchema();
  let t: TestPipeline | undefined;
  let feed: TestServer | undefined;
  let proxy: ReturnType<typeof databaseProxy> | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await feed?.close();
    await proxy?.close();
  });
  afterAll(() => database.cleanup());

  async function stored(): Promise<{ revisions: number; distinct: number; stories: number } | null> {
    const { rows } = await db.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`"${schema}".story_revisions`]);
    if (!rows[0]?.exists) return null;
    const counts = await db.query<{ revisions: number; distinct: number; stories: number }>(
      `SELECT (SELECT count(*)::int FROM "${schema}".story_revisions) AS revisions,
              (SELECT count(DISTINCT (id, version))::int FROM "${schema}".story_revisions) AS distinct,
              (SELECT count(*)::int FROM "${schema}".stories) AS stories`,
    );
    return counts.rows[0] ?? null;
  }

  it('retries every delivery until it answers, then stores each revision exactly once', { timeout: 60_000 }, async () => {
    const port = await closedPort();
    proxy = databaseProxy(port, new URL(DATABASE_URL));
    feed = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    });
    const throughProxy = new URL(DATABASE_URL);
    throughProxy.host = `127.0.0.1:${port}`;
    // open() succeeds with the database down: the pipeline starts, the tables come later.
    t = await createTestPipeline({
      sources: [{ id: 'wire', name: 'Wire', url: `${feed.url}/feed.xml`, allowPrivateNetwork: true }],
      sinks: [{ type: 'postgres', url: throughProxy.href, schema, connectTimeout: '1s', retry: { attempts: 20, backoff: '100ms' } }],
    });
    t.startWorkers();
    await t.pipeline.queues.poll.add('poll', { sourceId: 'wire', manual: true }, { jobId: `poll-wire-run-${Date.now()}` });

    // Every delivery fails, more than once, and each failure is one a retry can fix.
    const failures = () => t!.events.filter((e) => e.queue === 'deliver' && e.outcome === 'failed');
    await vi.waitFor(
      () => {
        const perJob = new Map<string, number>();
        for (const e of failures()) perJob.set(e.job.id ?? '', (perJob.get(e.job.id ?? '') ?? 0) + 1);
        expect([...perJob.values()].filter((n) => n >= 2)).toHaveLength(ITEMS);
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(new Set(failures().map((e) => e.code))).toEqual(new Set(['WD_ERR_SINK']));
    expect(await stored()).toBeNull();
    expect(await deadLetters(t.pipeline.queues)).toEqual([]);

    // The database comes back; once some revisions are in, every connection is cut once more.
    await proxy.up();
    await vi.waitFor(async () => expect((await stored())?.revisions).toBeGreaterThan(0), { timeout: 20_000, interval: 20 });
    proxy.cut();
    await t.settle();

    expect(await stored()).toEqual({ revisions: ITEMS, distinct: ITEMS, stories: ITEMS });
    for (const queue of t.pipeline.queues.all) expect(await queue.getJobCounts('failed', 'waiting', 'active', 'delayed')).toEqual({ failed: 0, waiting: 0, active: 0, delayed: 0 });
    expect(await deadLetters(t.pipeline.queues)).toEqual([]);
    // A cut between COMMIT and its answer makes the retry find its revision already there: it
    // completes as a duplicate, not as a second row.
    const delivered = t.events.filter((e) => e.queue === 'deliver' && e.outcome === 'completed').map((e) => e.result as { written: number; duplicates: number });
    expect(delivered).toHaveLength(ITEMS);
    for (const result of delivered) expect(result.written + result.duplicates).toBe(1);
  });
});
