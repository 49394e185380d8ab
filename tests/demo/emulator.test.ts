import { afterEach, describe, expect, it } from 'vitest';
import { startWireEmulator, type WireEmulator } from '../../src/demo/emulator.js';
import { SITES, storiesAt, TICK_COUNT } from '../../src/demo/timeline.js';
import { parseStories } from '../../src/parsers/parse.js';
import type { Story } from '../../src/schema/story.js';

let emulator: WireEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: Parameters<typeof startWireEmulator>[0] = {}): Promise<WireEmulator> {
  emulator = await startWireEmulator(options);
  return emulator;
}

async function get(e: WireEmulator, path: string, init: RequestInit = {}) {
  const res = await fetch(new URL(path, e.url), init);
  return { res, body: await res.text() };
}

/** Fetches and parses a document the way the pipeline does (its URL and Content-Type given). */
async function parsed(e: WireEmulator, url: string): Promise<Story[]> {
  const res = await fetch(new URL(url, e.url));
  expect(res.status, url).toBe(200);
  return parseStories(new Uint8Array(await res.arrayBuffer()), { url: res.url, contentType: res.headers.get('content-type') ?? '' }).stories;
}

const site = (id: string) => SITES.find((s) => s.id === id)!;

describe('wire emulator: HTTP', () => {
  it('serves each wire with its content type and charset, lists them at /, and refuses what it does not serve', async () => {
    const e = await start();
    const types = Object.fromEntries(await Promise.all(SITES.map(async (s) => [s.id, (await get(e, s.feedPath)).res.headers.get('content-type')])));
    expect(types).toEqual({
      ap: 'application/rss+xml; charset=utf-8',
      cnn: 'application/rss+xml; charset=utf-8',
      reuters: 'application/atom+xml; charset=utf-8',
      newser: 'application/rss+xml; charset=utf-8',
      nitf: 'application/xml; charset=utf-8',
      ninjs: 'application/json; charset=utf-8',
    });
    const index = await get(e, '/');
    expect(index.res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const s of SITES) expect(index.body).toContain(`href="${s.feedPath}"`);
    expect((await get(e, '/ap/article/not-yet-published')).res.status).toBe(404);
    const post = await get(e, site('ap').feedPath, { method: 'POST' });
    expect([post.res.status, post.res.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('answers a matching If-None-Match or If-Modified-Since with 304, and a changed document with a new ETag', async () => {
    const e = await start();
    const path = site('cnn').feedPath;
    const first = await get(e, path);
    const etag = first.res.headers.get('etag')!;
    const lastModified = first.res.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]{20}"$/);
    expect(new Date(lastModified).toISOString()).toBe('2025-09-12T13:40:00.000Z');

    const revalidated = await get(e, path, { headers: { 'if-none-match': etag } });
    expect([revalidated.res.status, revalidated.body, revalidated.res.headers.get('etag')]).toEqual([304, '', etag]);
    expect((await get(e, path, { headers: { 'if-none-match': `"other", W/${etag}` } })).res.status).toBe(304);
    expect((await get(e, path, { headers: { 'if-modified-since': lastModified } })).res.status).toBe(304);
    // If-None-Match decides when both are sent (RFC 9110 §13.2.2).
    expect((await get(e, path, { headers: { 'if-none-match': '"other"', 'if-modified-since': lastModified } })).res.status).toBe(200);
    const head = await get(e, path, { method: 'HEAD' });
    expect([head.res.status, head.body, head.res.headers.get('etag'), Number(head.res.headers.get('content-length'))]).toEqual([200, '', etag, Buffer.byteLength(first.body)]);

    // Tick 1 adds a CNN story: a new body, a new ETag, a later Last-Modified.
    e.advance();
    const changed = await get(e, path, { headers: { 'if-none-match': etag } });
    expect(changed.res.status).toBe(200);
    const etag1 = changed.res.headers.get('etag')!;
    expect(etag1).not.toBe(etag);
    expect(Date.parse(changed.res.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(lastModified));
    // Tick 2 leaves CNN alone: still 304.
    e.advance();
    expect((await get(e, path, { headers: { 'if-none-match': etag1 } })).res.status).toBe(304);
  });
});

describe('wire emulator: the timeline', () => {
  it('moves a writethru, a correction and a kill, then keeps every document as it is', async () => {
    const e = await start();
    const nitf: Array<Pick<Story, 'id' | 'revisionKind' | 'headline'>> = [];
    const ninjs: Story[] = [];
    const apHeadlines: string[][] = [];
    for (let tick = 0; tick < TICK_COUNT; tick++) {
      expect(tick === 0 ? e.tick : e.advance()).toBe(tick);
      nitf.push((await parsed(e, site('nitf').feedPath))[0]!);
      ninjs.push((await parsed(e, site('ninjs').feedPath))[0]!);
      apHeadlines.push((await parsed(e, site('ap').feedPath)).map((s) => s.headline));
    }
    expect(nitf.map((s) => s.revisionKind)).toEqual([null, null, 'writethru', 'writethru', 'correction', 'correction']);
    expect(new Set(nitf.map((s) => s.id)).size).toBe(1);
    expect(ninjs.map((s) => s.pubStatus)).toEqual(['usable', 'usable', 'usable', 'usable', 'usable', 'canceled']);
    expect(ninjs.at(-1)).toMatchObject({ id: ninjs[0]!.id, revisionKind: 'kill', headline: expect.stringMatching(/^KILLED: /) });
    expect(apHeadlines[1]).toContain('Belarus frees 52 political prisoners as US lifts sanctions on its national airline');
    expect(apHeadlines[2]).toContain('Belarus frees 52 political prisoners; US envoy says further releases were discussed');
    expect(apHeadlines.map((h) => h.length)).toEqual([3, 3, 3, 4, 4, 4]);

    // After the last tick nothing moves: every document keeps its ETag.
    const etags = async () => Promise.all(SITES.map(async (s) => (await get(e, s.feedPath)).res.headers.get('etag')));
    const before = await etags();
    expect(e.advance()).toBe(e.lastTick);
    expect(await etags()).toEqual(before);
  });

  it('plays one tick per interval up to the number of ticks asked for', async () => {
    const e = await start({ tickMs: 10, ticks: 3 });
    const seen: number[] = [];
    const startedAt = Date.now();
    const lastTickAt = await e.play((tick) => seen.push(tick));
    expect(seen).toEqual([1, 2]);
    expect([e.tick, e.lastTick]).toEqual([2, 2]);
    expect(lastTickAt).toBeGreaterThanOrEqual(startedAt + 20);
  });

  it('ends a pending play when it closes', async () => {
    const e = await start({ tickMs: 60_000 });
    const playing = e.play();
    await e.close();
    await expect(playing).resolves.toBeTypeOf('number');
    expect(e.tick).toBe(0);
  });
});

describe('wire emulator: every document parses', () => {
  it.each(Array.from({ length: TICK_COUNT }, (_, tick) => tick))('tick %i: feeds hold the timeline’s stories; teasers link to full article pages', async (tick) => {
    const e = await start();
    while (e.tick < tick) e.advance();
    for (const [s, stories] of storiesAt(tick)) {
      const items = await parsed(e, s.feedPath);
      expect(items.map((i) => i.headline).sort(), s.id).toEqual(stories.map((story) => story.headline).sort());
      for (const item of items) {
        expect(item.bodyText, `${s.id}: ${item.headline}`).not.toBe('');
        expect(item.representation, `${s.id}: ${item.headline}`).toBe(s.partial ? 'partial' : 'full');
        if (!s.partial) continue;
        const [page, ...more] = await parsed(e, item.url!);
        expect(more).toEqual([]);
        expect(page).toMatchObject({ headline: item.headline, representation: 'full', format: 'html' });
        expect(page!.wordCount, item.url!).toBeGreaterThan(item.wordCount * 3);
      }
    }
  });
});
