import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStories } from '../../../src/parsers/parse.js';
import type { Story } from '../../../src/schema/story.js';

/**
 * A page of hostile markup — scripts, event handlers, javascript:/data:/vbscript: URLs, SVG and
 * MathML tricks, iframes, objects, forms, a meta refresh, a hostile base href, markup inside
 * JSON-LD and meta values — parsed end to end, by a site map and by the generic extractor. Every
 * field that comes out must be inert.
 */
const PAGE = readFileSync(new URL('../../fixtures/html/xss-hostile-article.html', import.meta.url));
const URLS = {
  'the Newser site map': 'https://www.newser.com/story/1/council-bike-lanes.html',
  'the generic extractor': 'https://news.example.org/2025/05/02/council-bike-lanes',
};

describe.each(Object.entries(URLS))('a hostile page read by %s', (_name, url) => {
  const story: Story = parseStories(PAGE, { url }).stories[0]!;
  const everything = JSON.stringify(story).toLowerCase();

  it('still yields the story', () => {
    expect(story.headline).toBe('Council approves new bike lanes');
    expect(story.bylines).toEqual([{ name: 'Priya Nandakumar' }]);
    expect(story.publishedAt).toBe('2025-05-02T10:00:00Z');
    expect(story.bodyText).toContain('The city council on Thursday approved 14 miles of protected bike lanes');
    expect(story.bodyText).toContain('puts safety first');
  });

  it('has no script, event handler or script URL in any field', () => {
    for (const bad of ['<script', 'javascript:', 'vbscript:', 'alert(', 'onerror', 'onload', 'onclick', 'onmouseover', 'srcdoc']) {
      expect(everything).not.toContain(bad);
    }
  });

  it('has body markup without active elements, handlers, styles or data: URLs', () => {
    const html = story.bodyHtml.toLowerCase();
    for (const tag of ['<script', '<iframe', '<svg', '<math', '<object', '<embed', '<form', '<input', '<button', '<style', '<noscript', '<meta', '<base', '<link']) {
      expect(html).not.toContain(tag);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/);
    expect(html).not.toMatch(/\sstyle\s*=/);
    expect(html).not.toContain('data:');
    for (const [, href] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
  });

  it('gives images and links only as http(s) addresses', () => {
    for (const image of story.images) expect(image.url).toMatch(/^https?:\/\//);
    for (const link of story.related) expect(link.url).toMatch(/^https?:\/\//);
    expect(story.url).toBe(url);
  });

  it('has plain text in every text field', () => {
    const texts = [story.headline, story.subheadline, story.section, story.dateline, story.bodyText, ...story.tags, ...story.bylines.map((b) => b.name)];
    texts.push(...story.images.flatMap((i) => [i.caption, i.credit, i.alt]));
    for (const text of texts.filter((t): t is string => t !== null)) expect(text).not.toMatch(/<[a-z/!]/i);
  });
});
