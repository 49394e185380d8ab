import { describe, expect, it } from 'vitest';
import { atomParser } from '../../../src/parsers/feeds/atom.js';
import { detects, drafts } from './load.js';

const ATOM = 'http://www.w3.org/2005/Atom';

const feed = (entries: string, head = '<title>Desk</title><link href="https://news.example.com/"/>', attrs = '') =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="${ATOM}" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" ${attrs}>${head}${entries}</feed>`;

const one = (entry: string, head?: string, attrs?: string) => {
  const [draft] = drafts(atomParser, feed(`<entry>${entry}</entry>`, head, attrs));
  if (!draft) throw new Error('no draft');
  return draft;
};

describe('atom detection', () => {
  it('recognises Atom 1.0, Atom 0.3 and a namespace-less feed', () => {
    expect(detects(atomParser, feed(''))).toBe(true);
    expect(detects(atomParser, '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title></feed>')).toBe(true);
    expect(detects(atomParser, '<feed><title>Bare</title></feed>')).toBe(true);
    expect(detects(atomParser, `<a:feed xmlns:a="${ATOM}"><a:title>Prefixed</a:title></a:feed>`)).toBe(true);
  });

  it('rejects a feed root in a foreign namespace, RSS and HTML', () => {
    expect(detects(atomParser, '<feed xmlns="http://example.com/not-atom"><title>x</title></feed>')).toBe(false);
    expect(detects(atomParser, '<rss version="2.0"><channel/></rss>')).toBe(false);
    expect(detects(atomParser, '<!DOCTYPE html><html><body><feed/></body></html>')).toBe(false);
  });
});

describe('atom entries', () => {
  it('reads id, alternate link, dates, categories and every author', () => {
    const draft = one(`
      <id>tag:news.example.com,2025:story-42</id>
      <title type="text">Quake shakes coast</title>
      <link rel="self" href="https://news.example.com/api/42"/>
      <link rel="alternate" type="application/json" href="https://news.example.com/42.json"/>
      <link rel="alternate" type="text/html" href="https://news.example.com/2025/quake"/>
      <published>2025-09-12T12:42:00Z</published><updated>2025-09-12T14:00:00+02:00</updated>
      <author><name>Ann Lee</name><email>ann@example.com</email></author>
      <author><name>Bo Chan</name></author>
      <category term="science" label="Science"/><category term="quake"/>`);
    expect(draft).toMatchObject({
      wireId: 'tag:news.example.com,2025:story-42',
      guid: 'tag:news.example.com,2025:story-42',
      url: 'https://news.example.com/2025/quake',
      headline: 'Quake shakes coast',
      publishedAt: '2025-09-12T12:42:00Z',
      updatedAt: '2025-09-12T14:00:00+02:00',
      bylines: ['Ann Lee', 'Bo Chan'],
      tags: ['Science', 'quake'],
    });
  });

  it('lets entries without an author inherit the feed authors, and entry authors win', () => {
    const head = '<title>Desk</title><author><name>Desk Editors</name></author>';
    expect(one('<title>t</title>', head).bylines).toEqual(['Desk Editors']);
    expect(one('<title>t</title><author><name>Ann Lee</name></author>', head).bylines).toEqual(['Ann Lee']);
    expect(one('<title>t</title><source><author><name>Wire Desk</name></author></source>', head).bylines).toEqual(['Wire Desk']);
  });

  it('resolves links against xml:base in scope, then the feed link, then the self link', () => {
    const based = one('<title>t</title><link href="2025/quake.html"/>', '<title>Desk</title>', 'xml:base="https://base.example.org/news/"');
    expect(based.url).toBe('https://base.example.org/news/2025/quake.html');
    const nested = drafts(atomParser, feed('<entry xml:base="sub/"><title>t</title><link href="a.html"/></entry>', '<title>Desk</title>', 'xml:base="https://base.example.org/news/"'));
    expect(nested[0]?.url).toBe('https://base.example.org/news/sub/a.html');
    expect(one('<title>t</title><link href="/world/b.html"/>').url).toBe('https://news.example.com/world/b.html');
    const selfOnly = one('<title>t</title><link href="/c.html"/>', '<title>Desk</title><link href="/"/><link rel="self" href="https://feeds.example.net/desk.atom"/>');
    expect(selfOnly.url).toBe('https://feeds.example.net/c.html');
  });

  it('prefers feedburner:origLink to a FeedBurner alternate link', () => {
    const draft = one(`<title>t</title><link rel="alternate" href="http://feedproxy.google.com/~r/desk/~3/xyz/post.html"/>
      <feedburner:origLink xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">https://blog.example.com/post.html</feedburner:origLink>`);
    expect(draft.url).toBe('https://blog.example.com/post.html');
  });

  it('gives rights and language from the entry, else from the feed', () => {
    expect(one('<title>t</title>', '<title>Desk</title><rights>© Example</rights>', 'xml:lang="de-DE"')).toMatchObject({ copyrightNotice: '© Example', language: 'de-DE' });
    expect(one('<title>t</title><rights type="html">&lt;b&gt;© Own&lt;/b&gt;</rights>', '<title>Desk</title>')).toMatchObject({ copyrightNotice: '<b>© Own</b>' });
  });
});

describe('atom content', () => {
  it('unwraps inline XHTML content and calls it full, with a distinct summary as the dek', () => {
    const draft = one(`<title>t</title><summary>Coast towns count the damage.</summary>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The quake <em>struck</em> at dawn.</p></div></content>`);
    expect(draft).toMatchObject({ bodyHtml: '<p>The quake <em>struck</em> at dawn.</p>', subheadline: 'Coast towns count the damage.', representation: 'full' });
  });

  it('reads escaped HTML and plain text content, and a summary alone as a partial body', () => {
    expect(one('<title>t</title><content type="html">&lt;p&gt;Escaped&lt;/p&gt;</content>').bodyHtml).toBe('<p>Escaped</p>');
    expect(one('<title>t</title><content>Plain &amp; simple</content>')).toMatchObject({ bodyText: 'Plain & simple', representation: 'full' });
    expect(one('<title>t</title><summary type="html">&lt;p&gt;Teaser&lt;/p&gt;</summary>')).toMatchObject({ bodyHtml: '<p>Teaser</p>', representation: 'partial' });
  });

  it('has no body for out-of-line content', () => {
    const draft = one('<title>t</title><content type="text/html" src="https://news.example.com/full.html"/>');
    expect(draft.bodyHtml).toBeUndefined();
    expect(draft.representation).toBe('partial');
  });

  it('reads Atom 0.3 content modes', () => {
    const old = (content: string) => drafts(atomParser, `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><entry><title>t</title><issued>2004-01-01T00:00:00Z</issued><modified>2004-01-02T00:00:00Z</modified>${content}</entry></feed>`)[0];
    expect(old('<content type="text/html" mode="escaped">&lt;p&gt;Escaped&lt;/p&gt;</content>')).toMatchObject({ bodyHtml: '<p>Escaped</p>', publishedAt: '2004-01-01T00:00:00Z', updatedAt: '2004-01-02T00:00:00Z' });
    expect(old(`<content type="text/html" mode="base64">${Buffer.from('<p>Encoded</p>').toString('base64')}</content>`)?.bodyHtml).toBe('<p>Encoded</p>');
    expect(old('<content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline</p></div></content>')?.bodyHtml).toBe('<p>Inline</p>');
  });

  it('takes an HTML title as markup and an image enclosure link as a picture', () => {
    const draft = one(`<title type="html">Prices &lt;em&gt;soar&lt;/em&gt;</title>
      <link rel="enclosure" type="image/jpeg" href="/img/soar.jpg"/><link rel="enclosure" type="audio/mpeg" href="/a.mp3"/>`);
    expect(draft.headline).toBe('Prices <em>soar</em>');
    expect(draft.images).toEqual([{ url: 'https://news.example.com/img/soar.jpg' }]);
  });

  it('uses Media RSS thumbnails of a video entry as its picture', () => {
    const draft = one(`<title>t</title><media:group><media:title>Clip</media:title><media:description>About the clip</media:description>
      <media:content url="https://video.example.com/v/1" type="application/x-shockwave-flash" width="640" height="390"/>
      <media:thumbnail url="https://img.example.com/vi/1/hq.jpg" width="480" height="360"/></media:group>`);
    expect(draft.images).toEqual([{ url: 'https://img.example.com/vi/1/hq.jpg', caption: 'About the clip', credit: null, width: '480', height: '360' }]);
  });
});
