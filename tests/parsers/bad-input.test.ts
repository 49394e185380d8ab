import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WiredeskError } from '../../src/errors.js';
import { parseStories } from '../../src/parsers/parse.js';

const RSS_ITEM = (title: string, body = 'Body text of the story.') =>
  `<item><title>${title}</title><link>https://news.example.com/${encodeURIComponent(title)}</link><description>${body}</description></item>`;
const RSS = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>${items}</channel></rss>`;

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WiredeskError);
    return (error as WiredeskError).code;
  }
  throw new Error('expected a typed error');
}

describe('bad input gives a typed error or a best-effort story', () => {
  it('0-byte and whitespace-only documents are empty', () => {
    expect(errorCode(() => parseStories(new Uint8Array()))).toBe('WD_ERR_EMPTY_DOCUMENT');
    expect(errorCode(() => parseStories('  \n\t  '))).toBe('WD_ERR_EMPTY_DOCUMENT');
  });

  it('binary junk is refused as binary', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(errorCode(() => parseStories(junk))).toBe('WD_ERR_BINARY');
  });

  it('plain text that is neither markup nor JSON is an unknown format', () => {
    expect(errorCode(() => parseStories('just some words, not a feed'))).toBe('WD_ERR_UNKNOWN_FORMAT');
  });

  it('ill-formed JSON is malformed', () => {
    expect(errorCode(() => parseStories('{"uri": "urn:x", "headline": '))).toBe('WD_ERR_MALFORMED');
  });

  it('a document over the size limit is refused before parsing', () => {
    const big = RSS(RSS_ITEM('Big', 'x'.repeat(2048)));
    expect(errorCode(() => parseStories(big, { limits: { maxBytes: 1024 } }))).toBe('WD_ERR_TOO_LARGE');
  });

  it('a 50 MB document is refused under the default limit', () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    huge.set(new TextEncoder().encode('<rss><channel><item><title>'), 0);
    expect(errorCode(() => parseStories(huge))).toBe('WD_ERR_TOO_LARGE');
  });

  it('a gzip bomb is stopped at the size limit while inflating', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(errorCode(() => parseStories(bomb))).toBe('WD_ERR_TOO_LARGE');
  });

  it('markup nested past the depth limit is refused without overflowing the stack', () => {
    const deep = `<rss><channel>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</channel></rss>`;
    expect(errorCode(() => parseStories(deep))).toBe('WD_ERR_TOO_DEEP');
  });

  it('an XML document without a known root is an unknown format', () => {
    expect(errorCode(() => parseStories('<?xml version="1.0"?><inventory><part/></inventory>'))).toBe('WD_ERR_UNKNOWN_FORMAT');
  });

  it('entity-expansion tricks are not expanded', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>t</title>${RSS_ITEM('Laughs &lol3;', 'Secret: &xxe;')}</channel></rss>`;
    const outcome = (() => {
      try {
        return parseStories(lol);
      } catch (error) {
        expect(error).toBeInstanceOf(WiredeskError);
        return null;
      }
    })();
    const text = JSON.stringify(outcome);
    expect(text.length).toBeLessThan(50_000);
    expect(text).not.toContain('lollollol');
    expect(text).not.toContain('root:');
  });
});

describe('hostile markup inside a well-formed document', () => {
  it('an item body nested 100,000 deep keeps its text and loses its tags', () => {
    const deep = `${'<div>'.repeat(100_000)}Deep text.${'</div>'.repeat(100_000)}`;
    const doc = RSS(`<item><title>Deep</title><guid>deep-1</guid><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>Lead.</p>${deep}]]></content:encoded></item>`);
    const [story] = parseStories(doc).stories;
    expect(story?.bodyText).toContain('Deep text.');
    expect(story?.bodyHtml).not.toContain('<div');
  });
});
