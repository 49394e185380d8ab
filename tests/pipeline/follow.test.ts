import { afterEach, describe, expect, it } from 'vitest';
import { deadLetters } from '../../src/cli/dlq.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { createTestPipeline, type TestPipeline } from '../helpers/pipeline.js';

const PARAGRAPHS = [
  'Belarus freed 52 political prisoners on Thursday, as the United States announced it was lifting sanctions on the national airline.',
  'The prisoners were driven across the border into Lithuania, where officials met them at a checkpoint near the village of Medininkai.',
  'Lithuanian President Gitanas Nauseda said the prisoners left behind barbed wire, barred windows and constant fear.',
  'More than 1,000 political prisoners remain in Belarusian prisons, according to rights groups that track the cases.',
];

const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title} | Wire</title>
<meta property="og:title" content="${title}"><meta property="article:published_time" content="2025-09-12T11:42:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>${title}</h1><p class="byline">By Jane Roe, Associated Press</p>
<p>VILNIUS, Lithuania (AP) — ${PARAGRAPHS[0]}</p>${PARAGRAPHS.slice(1).map((p) => `<p>${p}</p>`).join('')}</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Something else</a></li></ul></aside></body></html>`;

describe('teasers and their article pages', () => {
  let t: TestPipeline | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await t?.cleanup();
    await server?.close();
  });

  it('completes a teaser with its page, and delivers a teaser whose page is gone as it is', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/rss.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Belarus frees 52 prisoners</title><link>${server!.url}/article/belarus</link><guid isPermaLink="false">belarus-1</guid>
<description>Belarus freed 52 political prisoners on Thursday.</description><pubDate>Fri, 12 Sep 2025 12:42:00 GMT</pubDate></item>
<item><title>Gone story</title><link>${server!.url}/article/gone</link><guid isPermaLink="false">gone-1</guid>
<description>This page was taken down.</description></item></channel></rss>`);
        return;
      }
      if (req.url === '/article/belarus') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('Belarus frees 52 prisoners'));
        return;
      }
      res.writeHead(404);
      res.end('not found');
    });
    t = await createTestPipeline({
      sources: [{ id: 'wire', name: 'Wire', url: `${server.url}/rss.xml`, allowPrivateNetwork: true, followArticles: true }],
    });
    t.startWorkers();
    await t.pollAndSettle('wire');

    const delivered = await t.delivered();
    const full = delivered.find((s) => s.headline === 'Belarus frees 52 prisoners');
    expect(full).toMatchObject({ representation: 'full', version: 1, dateline: 'VILNIUS, Lithuania', publishedAt: '2025-09-12T12:42:00Z' });
    expect(full?.id).toBe('urn:wiredesk:wire:belarus-1');
    expect(full?.bodyText).toContain('More than 1,000 political prisoners remain');
    expect(full?.bodyText).not.toContain('Most read');
    expect(full?.credits).toContain('AP');

    const teaser = delivered.find((s) => s.headline === 'Gone story');
    expect(teaser).toMatchObject({ representation: 'partial', bodyText: 'This page was taken down.' });
    expect((await deadLetters(t.pipeline.queues)).map(({ letter }) => [letter.queue, letter.code])).toEqual([['article', 'WD_ERR_HTTP_STATUS']]);

    // An unchanged feed does not fetch the pages again.
    const pageFetches = () => server!.requests.filter((r) => r.url.startsWith('/article/')).length;
    const before = pageFetches();
    await t.pollAndSettle('wire');
    expect(pageFetches()).toBe(before);
    expect((await t.delivered()).length).toBe(2);
  });
});
