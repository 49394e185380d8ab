import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { deadLetters } from '../../src/cli/dlq.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';
import { redisForTest, TEST_REDIS_URL, type TestRedis } from '../helpers/redis.js';
import { startWebhookReceiver, type Answer, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Quake shakes capital</title><guid>q1</guid><link>https://wire.example/q1</link>
<description>TOKYO (AP) — A strong earthquake shook Tokyo on Friday.</description></item></channel></rss>`;

/** The webhook sink as an operator would configure it, plus where its delivered set lives in the test. */
function hookConfig(receiver: WebhookReceiver, db: TestRedis, options: Record<string, unknown> = {}) {
  return { type: 'webhook', id: 'hook', url: receiver.url, secret: 'test', retry: { attempts: 8, backoff: '50ms' }, redisUrl: TEST_REDIS_URL, keyPrefix: `${db.prefix}delivered:`, ...options };
}

describe('the webhook sink in the pipeline, when the receiver fails', () => {
  let feed: TestServer | undefined;
  let receiver: WebhookReceiver | undefined;
  let t: TestPipeline | undefined;
  let db: TestRedis | undefined;
  afterEach(async () => {
    // The receiver first: a hanging POST then fails at once instead of holding the workers' shutdown.
    await receiver?.close();
    await t?.cleanup();
    await feed?.close();
    await db?.cleanup();
    receiver = t = feed = db = undefined;
  });

  async function setUp(answer: Answer, sinks: (hook: Record<string, unknown>) => unknown[] = (hook) => [hook]) {
    feed = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    });
    receiver = await startWebhookReceiver('test', answer);
    db = redisForTest('webhook-fault');
    t = await createTestPipeline({
      sources: [{ id: 'wire', name: 'Wire', url: `${feed.url}/feed.xml`, allowPrivateNetwork: true }],
      sinks: sinks(hookConfig(receiver, db)),
    });
    t.startWorkers();
    return { t, receiver };
  }

  it('a receiver failing five times, then answering, gets the revision once; nothing is dead-lettered', async () => {
    const { t, receiver } = await setUp((_req, attempt) => ({ status: attempt <= 5 ? 500 : 200, body: 'database is restarting' }));
    await t.pollAndSettle('wire');
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(new Set(receiver.requests.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(receiver.requests.every((r) => r.verification.ok)).toBe(true);
    expect([...receiver.stored.values()].map((d) => [d.event, d.story.headline])).toEqual([['story.created', 'Quake shakes capital']]);
    expect(await deadLetters(t.pipeline.queues)).toEqual([]);
    // Polling again changes nothing: the revision is known and acknowledged.
    await t.pollAndSettle('wire');
    expect(receiver.requests).toHaveLength(6);
  });

  it('a rejection goes to the dead-letter queue with its status and body; a replay after the fix delivers once', async () => {
    let fixed = false;
    const { t, receiver } = await setUp(() => (fixed ? { status: 200 } : { status: 400, body: '{"error":"unknown section: World"}' }));
    await t.pollAndSettle('wire');
    const letters = await deadLetters(t.pipeline.queues);
    expect(letters.map(({ letter }) => [letter.queue, letter.code, letter.attempts])).toEqual([['deliver', 'WD_ERR_SINK_REJECTED', 1]]);
    expect(letters[0]?.letter.reason).toMatch(/^WD_ERR_SINK_REJECTED: webhook hook: http:\/\/127\.0\.0\.1:\d+ answered 400: \{"error":"unknown section: World"\}$/);
    expect(receiver.stored.size).toBe(0);

    fixed = true;
    for (const { job } of letters) await job.retry('failed');
    await t.settle();
    expect(receiver.requests.map((r) => r.status)).toEqual([400, 200]);
    expect([...receiver.stored.values()].map((d) => d.story.headline)).toEqual(['Quake shakes capital']);
    expect(await deadLetters(t.pipeline.queues)).toEqual([]);

    // The same delivery run again (a stalled job picked up twice, a second replay) POSTs nothing.
    await t.pipeline.queues.deliver.add('deliver', letters[0]!.job.data, { jobId: `replay-${randomUUID()}` });
    await t.settle();
    expect(receiver.requests).toHaveLength(2);
  });

  it('a failing webhook never holds back the other sinks', async () => {
    // The receiver takes the POST and never answers: the worst case, a delivery in flight.
    const { t, receiver } = await setUp(
      () => 'hang',
      (hook) => [{ type: 'jsonl', id: 'jsonl' }, { ...hook, timeout: '20s' }],
    );
    const polled = Date.now();
    await t.pipeline.queues.poll.add('poll', { sourceId: 'wire', manual: true }, { jobId: `poll-wire-${randomUUID()}` });
    await expect.poll(async () => (await t.delivered()).map((s) => s.headline), { timeout: 5_000, interval: 50 }).toEqual(['Quake shakes capital']);
    expect(Date.now() - polled).toBeLessThan(5_000);
    expect(receiver.requests.map((r) => r.status)).toEqual([null]);
    expect(receiver.stored.size).toBe(0);
  });
});
