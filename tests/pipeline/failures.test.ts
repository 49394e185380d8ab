import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { deadLetters } from '../../src/cli/dlq.js';
import { startServer, type Handler, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Quake shakes capital</title><guid>q1</guid><link>https://wire.example/q1</link>
<description>TOKYO (AP) — A strong earthquake shook Tokyo on Friday.</description></item></channel></rss>`;

describe('the pipeline on failing sources', () => {
  let t: TestPipeline | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await server?.close();
    t = undefined;
    server = undefined;
  });

  async function setUp(handler: Handler, source: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
    server = await startServer(handler);
    t = await createTestPipeline({
      fetch: { maxBytes: 256 * 1024, headersTimeout: '300ms', bodyTimeout: '1s', connectTimeout: '1s' },
      sources: [{ id: 'wire', name: 'Wire', url: `${server.url}/feed.xml`, allowPrivateNetwork: true, ...source }],
      ...overrides,
    });
    t.startWorkers();
    return t;
  }

  async function failureCodes(t: TestPipeline) {
    return (await deadLetters(t.pipeline.queues)).map(({ letter }) => [letter.queue, letter.code, letter.attempts]);
  }

  it('a redirect loop fails at once with its code and lands in the dead-letter queue', async () => {
    const t = await setUp((req, res) => {
      res.writeHead(302, { location: req.url === '/feed.xml' ? '/other.xml' : '/feed.xml' });
      res.end();
    });
    await t.pollAndSettle('wire');
    expect(await failureCodes(t)).toEqual([['poll', 'WD_ERR_TOO_MANY_REDIRECTS', 1]]);
    expect((await t.pipeline.health.get('wire', 3_600_000)).lastError).toMatchObject({ code: 'WD_ERR_TOO_MANY_REDIRECTS', permanent: true });
  });

  it('an oversized body fails with WD_ERR_TOO_LARGE', async () => {
    const t = await setUp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`${FEED}${' '.repeat(1024 * 1024)}`);
    });
    await t.pollAndSettle('wire');
    expect(await failureCodes(t)).toEqual([['poll', 'WD_ERR_TOO_LARGE', 1]]);
  });

  it('a gzip bomb fails with WD_ERR_TOO_LARGE while inflating', async () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20));
    const t = await setUp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    await t.pollAndSettle('wire');
    expect(await failureCodes(t)).toEqual([['poll', 'WD_ERR_TOO_LARGE', 1]]);
  });

  it('a server that never answers times out, is retried with backoff, then dead-lettered', async () => {
    const t = await setUp(() => undefined);
    await t.pollAndSettle('wire');
    expect(await failureCodes(t)).toEqual([['poll', 'WD_ERR_TIMEOUT', 3]]);
    expect(server!.requests.length).toBe(3);
  });

  it('refuses a private address unless the source allows it (SSRF guard)', async () => {
    const t = await setUp((_req, res) => res.end(FEED), { allowPrivateNetwork: false });
    await t.pollAndSettle('wire');
    expect(await failureCodes(t)).toEqual([['poll', 'WD_ERR_SSRF_BLOCKED', 1]]);
    expect(server!.requests.length).toBe(0);
  });

  it('pauses a source after repeated permanent failures, and a replay after the fix delivers', async () => {
    let gone = true;
    const t = await setUp(
      (_req, res) => {
        res.writeHead(gone ? 404 : 200, { 'content-type': 'application/rss+xml' });
        res.end(gone ? 'not here' : FEED);
      },
      {},
      { health: { pauseAfterPermanentErrors: 2 } },
    );
    await t.pollAndSettle('wire');
    await t.pollAndSettle('wire');
    const health = await t.pipeline.health.get('wire', 3_600_000);
    expect(health.paused).toMatchObject({ by: 'auto' });
    expect(health.paused?.reason).toContain('WD_ERR_HTTP_STATUS');
    expect((await failureCodes(t)).map(([, code]) => code)).toEqual(['WD_ERR_HTTP_STATUS', 'WD_ERR_HTTP_STATUS']);

    // A paused source's polls are skipped; once resumed, replaying the dead letters delivers.
    gone = false;
    await t.pipeline.health.resume('wire');
    for (const { job } of await deadLetters(t.pipeline.queues)) await job.retry('failed');
    await t.settle();
    expect((await t.delivered()).map((s) => s.headline)).toEqual(['Quake shakes capital']);
  });
});

describe('status changes', () => {
  let t: TestPipeline | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await server?.close();
  });

  it('delivers a kill as a new version of the same story with its status', async () => {
    let status = 'usable';
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          uri: 'urn:ap:item:5e565888b587',
          version: status === 'usable' ? '1' : '2',
          type: 'text',
          headline: 'Senator resigns',
          pubstatus: status,
          body_html: '<p>WASHINGTON (AP) — A senator resigned on Friday.</p>',
          versioncreated: '2025-09-12T12:00:00Z',
        }),
      );
    });
    t = await createTestPipeline({ sources: [{ id: 'ap-api', name: 'AP API', url: `${server.url}/item.json`, allowPrivateNetwork: true }] });
    t.startWorkers();
    await t.pollAndSettle('ap-api');
    status = 'canceled';
    await t.pollAndSettle('ap-api');
    const delivered = await t.delivered();
    expect(delivered.map((s) => [s.id, s.version, s.pubStatus])).toEqual([
      ['urn:ap:item:5e565888b587', 1, 'usable'],
      ['urn:ap:item:5e565888b587', 2, 'canceled'],
    ]);
  });
});
