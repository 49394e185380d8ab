import { describe, expect, it } from 'vitest';
import { jsonFeedParser } from '../../../src/parsers/feeds/jsonfeed.js';
import { detects, drafts } from './load.js';

const feed = (value: Record<string, unknown>) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Desk', ...value });

describe('json feed detection', () => {
  it('recognises versions 1 and 1.1', () => {
    expect(detects(jsonFeedParser, feed({ items: [] }))).toBe(true);
    expect(detects(jsonFeedParser, JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'Desk', items: [] }))).toBe(true);
  });

  it('recognises a version-less object only by the whole JSON Feed shape', () => {
    expect(detects(jsonFeedParser, JSON.stringify({ title: 'Desk', items: [{ id: '1', content_text: 'Hi' }] }))).toBe(true);
    expect(detects(jsonFeedParser, JSON.stringify({ title: 'Desk', home_page_url: 'https://e.com/', items: [] }))).toBe(true);
    expect(detects(jsonFeedParser, JSON.stringify({ title: 'Desk', items: [] }))).toBe(false);
    expect(detects(jsonFeedParser, JSON.stringify({ title: 'Desk', items: [{ name: 'not an item' }] }))).toBe(false);
  });

  it('rejects ninjs, AP Media API and other versions', () => {
    expect(detects(jsonFeedParser, JSON.stringify({ uri: 'urn:x', type: 'text', version: '1', headline: 'h', title: 't', items: [] }))).toBe(false);
    expect(detects(jsonFeedParser, JSON.stringify({ api_version: '2', data: { items: [] }, title: 't', items: [] }))).toBe(false);
    expect(detects(jsonFeedParser, JSON.stringify({ version: 'https://jsonfeed.org/version/2', title: 'Desk', items: [] }))).toBe(false);
    expect(detects(jsonFeedParser, '[{"id": "1"}]')).toBe(false);
  });
});

describe('json feed items', () => {
  it('maps a 1.1 item: content_html is the full body, summary the dek, 1.1 authors before author, the main image before the banner', () => {
    const [draft] = drafts(
      jsonFeedParser,
      feed({
        language: 'en-US',
        items: [
          {
            id: 'story-1',
            url: '/2025/09/12/dam',
            title: 'Dam opens',
            summary: 'Towns downstream celebrate.',
            content_html: '<p>The gates opened at noon.</p>',
            date_published: '2025-09-12T12:00:00-05:00',
            date_modified: '2025-09-12T13:00:00-05:00',
            author: { name: 'Deprecated Name' },
            authors: [{ name: 'Ann Lee', url: 'https://e.com/ann' }, { name: 'Bo Chan' }],
            tags: ['Energy', 7, 'Rivers'],
            image: 'https://img.example.com/dam.jpg',
            banner_image: 'https://img.example.com/dam-wide.jpg',
            attachments: [{ url: '/img/gates.png', mime_type: 'image/png', title: 'The new gates' }, { url: '/a.mp3', mime_type: 'audio/mpeg' }],
          },
        ],
        home_page_url: 'https://news.example.com/',
      }),
    );
    expect(draft).toEqual({
      wireId: 'story-1',
      guid: 'story-1',
      url: 'https://news.example.com/2025/09/12/dam',
      headline: 'Dam opens',
      bodyHtml: '<p>The gates opened at noon.</p>',
      subheadline: 'Towns downstream celebrate.',
      representation: 'full',
      bylines: ['Ann Lee', 'Bo Chan'],
      publishedAt: '2025-09-12T12:00:00-05:00',
      updatedAt: '2025-09-12T13:00:00-05:00',
      tags: ['Energy', '7', 'Rivers'],
      images: [{ url: 'https://img.example.com/dam.jpg' }, { url: 'https://news.example.com/img/gates.png', caption: 'The new gates' }],
      language: 'en-US',
    });
  });

  it('reads the 1.0 author object and inherits the feed authors', () => {
    const v1 = { version: 'https://jsonfeed.org/version/1', title: 'Desk', author: { name: 'Desk Editors' } };
    const [own, inherited] = drafts(jsonFeedParser, JSON.stringify({ ...v1, items: [{ id: 1, author: { name: 'Ann Lee' }, content_text: 'x' }, { id: 2, content_text: 'y' }] }));
    expect(own?.bylines).toEqual(['Ann Lee']);
    expect(inherited?.bylines).toEqual(['Desk Editors']);
    expect(own?.wireId).toBe('1');
  });

  it('takes content_text as plain text and a summary alone as a partial body', () => {
    const [text, teaser] = drafts(jsonFeedParser, feed({ items: [{ id: 'a', content_text: 'Plain <not a tag>' }, { id: 'b', summary: 'Just a teaser' }] }));
    expect(text).toMatchObject({ bodyText: 'Plain <not a tag>', representation: 'full' });
    expect(teaser).toMatchObject({ bodyText: 'Just a teaser', representation: 'partial' });
  });

  it('keeps non-object items in place (they fail one by one) and drops repeated ids', () => {
    const result = drafts(jsonFeedParser, feed({ items: [{ id: 'a', title: 'A' }, 'junk', { id: 'a', title: 'Again' }] }));
    expect(result).toEqual([expect.objectContaining({ headline: 'A' }), {}]);
  });
});
