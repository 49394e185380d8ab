import { afterEach, describe, expect, it } from 'vitest';
import { WiredeskError } from '../../src/errors.js';
import { backoffDelay, codeOfReason, toJobFailure } from '../../src/workers/failures.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const job = (delay: number) => ({ opts: { backoff: { type: 'wiredesk', delay } } }) as never;

describe('retry policy', () => {
  it('backs off exponentially with jitter between half and all of the ceiling', () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const ceiling = 100 * 2 ** (attempt - 1);
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelay(attempt, 'wiredesk', new Error('x'), job(100));
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('never retries sooner than a Retry-After the failure carried', () => {
    const failure = toJobFailure(new WiredeskError('WD_ERR_SINK', 'answered 429', { details: { retryAfterMs: 5_000 } }));
    expect(backoffDelay(1, 'wiredesk', failure, job(100))).toBe(5_000);
  });

  it('keeps the code in the failure reason, and sends permanent failures straight to the dead letters', () => {
    const permanent = toJobFailure(new WiredeskError('WD_ERR_SINK_REJECTED', 'answered 400'));
    expect(permanent.name).toBe('UnrecoverableError');
    expect(codeOfReason(permanent.message)).toBe('WD_ERR_SINK_REJECTED');
    expect(codeOfReason(toJobFailure(new WiredeskError('WD_ERR_TIMEOUT', 'slow')).message)).toBe('WD_ERR_TIMEOUT');
  });
});

describe('a webhook receiver answering 429 with Retry-After', () => {
  let t: TestPipeline | undefined;
  let feed: TestServer | undefined;
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await feed?.close();
    await receiver?.close();
  });

  it('is asked again only after the time it named', async () => {
    receiver = await startWebhookReceiver('test', (_req, attempt) => (attempt === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    feed = await startServer((_req, res) => res.end('<rss version="2.0"><channel><title>W</title><item><title>Hold on</title><guid>h1</guid><description>Text.</description></item></channel></rss>'));
    t = await createTestPipeline({
      sources: [{ id: 'wire', name: 'Wire', url: `${feed.url}/feed.xml`, allowPrivateNetwork: true }],
      sinks: [{ type: 'webhook', id: 'hook', url: receiver.url, secret: 'test', retry: { attempts: 5, backoff: '10ms' } }],
    });
    t.startWorkers();
    const times: number[] = [];
    receiver.respond((_req, attempt) => {
      times.push(Date.now());
      return attempt === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 };
    });
    await t.pollAndSettle('wire');
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    expect(receiver.stored.size).toBe(1);
  });
});
