import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';

interface Item {
  guid: string;
  title: string;
  body: string;
}

const rss = (items: Item[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>AP Top News</title><link>https://apnews.example/</link><language>en-us</language>
${items
  .map(
    (i) => `<item><title>${i.title}</title><link>https://apnews.example/article/${i.guid}</link><guid isPermaLink="false">${i.guid}</guid>
<dc:creator>By Jane Roe</dc:creator><pubDate>Fri, 12 Sep 2025 12:42:00 GMT</pubDate>
<content:encoded><![CDATA[<p>${i.body}</p><p>Second paragraph of the story.</p>]]></content:encoded></item>`,
  )
  .join('\n')}
</channel></rss>`;

/** A feed server with an ETag per content, answering 304 to a matching If-None-Match. */
async function feedServer(initial: Item[]) {
  const state = { items: initial, status: [] as number[], times: [] as number[] };
  const server = await startServer((req, res) => {
    state.times.push(Date.now());
    const forced = state.status.shift();
    if (forced) {
      res.writeHead(forced, forced === 429 ? { 'retry-after': '1' } : {});
      res.end();
      return;
    }
    const body = rss(state.items);
    const etag = `"${Buffer.from(body).length}-${state.items.map((i) => i.body.length).join('.')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(body);
  });
  return { server, state };
}

describe('the pipeline from feed to sink', () => {
  let t: TestPipeline | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await server?.close();
    t = undefined;
    server = undefined;
  });

  async function setUp(items: Item[]) {
    const feed = await feedServer(items);
    server = feed.server;
    t = await createTestPipeline({
      sources: [{ id: 'ap-top', name: 'AP Top News', url: `${feed.server.url}/feed.xml`, allowPrivateNetwork: true, schedule: { every: '1h' } }],
    });
    t.startWorkers();
    return { t, feed };
  }

  it('ingests a feed, skips an unchanged one with a 304, versions an update', async () => {
    const { t, feed } = await setUp([
      { guid: 'a1', title: 'Belarus frees 52 prisoners', body: 'VILNIUS, Lithuania (AP) — Belarus freed 52 political prisoners on Thursday.' },
      { guid: 'b2', title: 'US lifts airline sanctions', body: 'WASHINGTON (AP) — The United States lifted sanctions on Belavia.' },
    ]);
    await t.pollAndSettle('ap-top');
    let delivered = await t.delivered();
    expect(delivered.map((s) => [s.headline, s.version])).toEqual([
      ['Belarus frees 52 prisoners', 1],
      ['US lifts airline sanctions', 1],
    ]);
    expect(delivered[0]).toMatchObject({ dateline: 'VILNIUS, Lithuania', credits: ['AP'], source: { id: 'ap-top' }, pubStatus: 'usable' });

    // Unchanged: one request, answered 304, nothing parsed or delivered.
    const before = feed.server.requests.length;
    await t.pollAndSettle('ap-top');
    expect(feed.server.requests.length).toBe(before + 1);
    expect(feed.server.requests.at(-1)?.headers['if-none-match']).toBeTruthy();
    const lastPoll = t.events.filter((e) => e.queue === 'poll').at(-1);
    expect(lastPoll?.result).toMatchObject({ notModified: true, documents: 0 });
    expect((await t.delivered()).length).toBe(2);

    // One story changes: it becomes version 2; the other is not delivered again.
    feed.state.items = [{ ...feed.state.items[0]!, body: `${feed.state.items[0]!.body} More prisoners may follow.` }, feed.state.items[1]!];
    await t.pollAndSettle('ap-top');
    delivered = await t.delivered();
    expect(delivered.map((s) => [s.headline, s.version])).toEqual([
      ['Belarus frees 52 prisoners', 1],
      ['US lifts airline sanctions', 1],
      ['Belarus frees 52 prisoners', 2],
    ]);
    expect(delivered[2]!.id).toBe(delivered[0]!.id);
    expect(delivered[2]!.bodyText).toContain('More prisoners may follow.');
  });

  it('retries a 500 and succeeds on the 200 that follows', async () => {
    const { t, feed } = await setUp([{ guid: 'c3', title: 'Markets rally', body: 'NEW YORK (AP) — Stocks rose.' }]);
    feed.state.status = [500];
    await t.pollAndSettle('ap-top');
    expect((await t.delivered()).map((s) => s.headline)).toEqual(['Markets rally']);
    expect(feed.server.requests.length).toBe(2);
    const health = await t.pipeline.health.get('ap-top', 3_600_000);
    expect(health).toMatchObject({ consecutiveFailures: 0, storiesLast24h: 1 });
  });

  it('honours a 429 Retry-After before asking again', async () => {
    const { t, feed } = await setUp([{ guid: 'd4', title: 'Storm nears coast', body: 'MIAMI (AP) — A storm neared.' }]);
    feed.state.status = [429];
    await t.pollAndSettle('ap-top');
    expect((await t.delivered()).map((s) => s.headline)).toEqual(['Storm nears coast']);
    const [first, second] = feed.state.times;
    expect(feed.state.times.length).toBe(2);
    expect(second! - first!).toBeGreaterThanOrEqual(950);
  });
});
