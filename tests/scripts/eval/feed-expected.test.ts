import { describe, expect, it } from 'vitest';
import { expectedItems, linkInUrlOrGuid, sameDate, sameLink, sameTitle } from '../../../scripts/eval/feed-expected.js';

describe('expectedItems', () => {
  it("reads rss-parser's items", () => {
    const json = { feed: { items: [{ title: 'T', link: 'http://a/1', isoDate: '2017-06-21T17:33:10.000Z', pubDate: 'x' }, { content: 'only' }] } };
    expect(expectedItems(json)).toEqual([
      { title: 'T', link: 'http://a/1', date: '2017-06-21T17:33:10.000Z' },
      { title: null, link: null, date: null },
    ]);
  });

  it("reads feed-rs's entries: alternate link first, published before updated", () => {
    const json = {
      entries: [
        {
          title: { content_type: 'text/plain', content: 'E' },
          links: [
            { href: 'http://a/self', rel: 'self' },
            { href: 'http://a/1', rel: null },
          ],
          published: null,
          updated: '2003-12-13T18:30:02Z',
        },
        { title: null, links: [], published: '2021-01-01T00:00:00Z', updated: '2021-01-02T00:00:00Z' },
      ],
    };
    expect(expectedItems(json)).toEqual([
      { title: 'E', link: 'http://a/1', date: '2003-12-13T18:30:02Z' },
      { title: null, link: null, date: '2021-01-01T00:00:00Z' },
    ]);
  });

  it('gives null for any other shape', () => {
    expect(expectedItems({ items: [] })).toBeNull();
  });
});

describe('item comparisons', () => {
  it('compares titles by visible text', () => {
    expect(sameTitle('Victorian &#x0024;4300 1930ft<sup>2</sup>', { headline: 'Victorian $4300 1930ft2' })).toBe(true);
    expect(sameTitle('Ibope: simula\ufffd\ufffdes', { headline: 'Ibope: simulações' })).toBe(true);
    expect(sameTitle('A', { headline: 'B' })).toBe(false);
  });

  it('compares links exactly, or against url and guid, resolving relative expectations', () => {
    expect(sameLink('http://a/1', { url: 'http://a/1' })).toBe(true);
    expect(sameLink('http://proxy/1', { url: 'http://a/1' })).toBe(false);
    expect(linkInUrlOrGuid('http://proxy/1', { url: 'http://a/1', guid: 'http://proxy/1' })).toBe(true);
    expect(linkInUrlOrGuid('/blog/1', { url: 'https://example.com/blog/1', guid: null })).toBe(true);
    expect(linkInUrlOrGuid('/blog/2', { url: 'https://example.com/blog/1', guid: null })).toBe(false);
    expect(linkInUrlOrGuid('http://other/1', { url: null, guid: null })).toBe(false);
  });

  it('compares the first date with publishedAt, else updatedAt', () => {
    expect(sameDate('2017-06-21T10:33:10-07:00', { publishedAt: '2017-06-21T17:33:10Z', updatedAt: null })).toBe(true);
    expect(sameDate('2003-12-13T18:30:02Z', { publishedAt: null, updatedAt: '2003-12-13T18:30:02Z' })).toBe(true);
    expect(sameDate('2003-12-13T18:30:02Z', { publishedAt: null, updatedAt: null })).toBe(false);
  });
});
