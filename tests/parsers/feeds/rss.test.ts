import { describe, expect, it } from 'vitest';
import { rssParser } from '../../../src/parsers/feeds/rss.js';
import { WiredeskError } from '../../../src/errors.js';
import { parseStories } from '../../../src/parsers/parse.js';
import { detects, drafts } from './load.js';

const NS = [
  'xmlns:media="http://search.yahoo.com/mrss/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"',
].join(' ');

const rss = (items: string, channel = '<title>Desk</title><link>https://news.example.com/</link>') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ${NS}><channel>${channel}${items}</channel></rss>`;

const one = (item: string, channel?: string) => {
  const [draft] = drafts(rssParser, rss(`<item>${item}</item>`, channel));
  if (!draft) throw new Error('no draft');
  return draft;
};

describe('rss detection', () => {
  it('recognises RSS of any version, and no version', () => {
    expect(detects(rssParser, rss(''))).toBe(true);
    expect(detects(rssParser, '<rss version="0.91"><channel><title>Old</title></channel></rss>')).toBe(true);
    expect(detects(rssParser, '<?xml version="1.0"?><rss><channel/></rss>')).toBe(true);
  });

  it('does not take Atom, RDF, NITF or an HTML page for RSS', () => {
    expect(detects(rssParser, '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')).toBe(false);
    expect(detects(rssParser, '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>')).toBe(false);
    expect(detects(rssParser, '<nitf><head><title>rss</title></head><body/></nitf>')).toBe(false);
    expect(detects(rssParser, '<!DOCTYPE html><html><head><title>RSS feed</title></head><body><rss/></body></html>')).toBe(false);
  });

  it('refuses an HTML page forced through the RSS parser with a format mismatch', () => {
    const page = '<!DOCTYPE html><html><head><title>Moved</title></head><body><p>Document moved</p></body></html>';
    expect(() => parseStories(page, { format: 'rss' })).toThrow(expect.objectContaining({ code: 'WD_ERR_FORMAT_MISMATCH' }));
  });
});

describe('rss items', () => {
  it('takes the item fields from their own elements, not their Media RSS and Atom namesakes', () => {
    const draft = one(`
      <media:title>Photo title</media:title><title>Council approves budget</title>
      <atom:link rel="self" href="https://elsewhere.example.com/"/><link>https://news.example.com/budget</link>
      <media:description>Photo caption</media:description><description>The council voted 7-2.</description>
      <media:category>photo</media:category><category>Politics</category><category>City Hall</category>
      <guid isPermaLink="false">budget-2025</guid>
      <pubDate>Fri, 12 Sep 2025 12:42:00 GMT</pubDate>`);
    expect(draft).toMatchObject({
      wireId: 'budget-2025',
      guid: 'budget-2025',
      url: 'https://news.example.com/budget',
      headline: 'Council approves budget',
      bodyHtml: 'The council voted 7-2.',
      representation: 'partial',
      tags: ['Politics', 'City Hall'],
      publishedAt: 'Fri, 12 Sep 2025 12:42:00 GMT',
    });
  });

  it('falls back to media:title for an item without a title', () => {
    expect(one('<media:title>Clip of the day</media:title><link>https://news.example.com/clip</link>').headline).toBe('Clip of the day');
  });

  it('keeps items written outside the channel and items a broken parse nested', () => {
    const doc = `<rss version="2.0"><channel><title>t</title><item><title>One</title></channel><item><title>Two</title></item></rss>`;
    expect(drafts(rssParser, doc).map((d) => d.headline)).toEqual(['One', 'Two']);
  });

  it('skips the empty <item/> a broken generator nests inside real items', () => {
    const doc = rss('<item><title>One</title><description>a</description><item/></item><item><title>Two</title><item></item></item>');
    expect(drafts(rssParser, doc).map((d) => d.headline)).toEqual(['One', 'Two']);
  });

  it('keeps the first of two items with the same guid', () => {
    const items = '<item><title>First</title><guid>g-1</guid></item><item><title>Again</title><guid>g-1</guid></item><item><title>Other</title><guid>g-2</guid></item>';
    expect(drafts(rssParser, rss(items)).map((d) => d.headline)).toEqual(['First', 'Other']);
  });

  it('gives an empty channel no drafts, which the pipeline reports as no story', () => {
    expect(drafts(rssParser, rss(''))).toEqual([]);
    try {
      parseStories(rss(''));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WiredeskError);
      expect((error as WiredeskError).code).toBe('WD_ERR_NO_STORY');
    }
  });
});

describe('rss links', () => {
  it('prefers feedburner:origLink to the FeedBurner redirect', () => {
    const draft = one(`<title>t</title><link>https://rss.example.com/~r/world/~3/AbC/story.html</link>
      <feedburner:origLink>https://www.example.com/2025/09/12/world/story.html</feedburner:origLink>`);
    expect(draft.url).toBe('https://www.example.com/2025/09/12/world/story.html');
  });

  it('prefers a URL guid to a tracking redirect, even one marked isPermaLink="false"', () => {
    const draft = one(`<title>t</title><guid isPermaLink="false">https://www.example.com/2025/09/12/world/story.html</guid>
      <link>https://rss.example.com/~r/world/~3/AbC/story.html</link>`);
    expect(draft.url).toBe('https://www.example.com/2025/09/12/world/story.html');
    expect(draft.wireId).toBe('https://www.example.com/2025/09/12/world/story.html');
  });

  it('prefers the guid URL when the link is the same page with tracking parameters', () => {
    const draft = one(`<title>t</title><link>https://www.example.co.uk/news/uk-1234?at_medium=RSS&amp;at_campaign=feed</link>
      <guid isPermaLink="false">https://www.example.co.uk/news/uk-1234</guid>`);
    expect(draft.url).toBe('https://www.example.co.uk/news/uk-1234');
  });

  it('keeps the link when the guid is another URL or no URL at all', () => {
    expect(one('<title>t</title><link>https://example.com/2025/slug</link><guid>https://example.com/?p=12</guid>').url).toBe('https://example.com/2025/slug');
    expect(one('<title>t</title><link>https://example.com/a?id=3</link><guid>p590j2</guid>').url).toBe('https://example.com/a?id=3');
    expect(one('<title>t</title><guid>https://example.com/only-guid</guid>').url).toBe('https://example.com/only-guid');
  });

  it('resolves relative links against xml:base, then the channel link, then the self link', () => {
    expect(one('<title>t</title><link>/world/a.html</link>').url).toBe('https://news.example.com/world/a.html');
    const based = drafts(rssParser, `<rss version="2.0" xml:base="https://base.example.org/news/"><channel><title>t</title><item><title>t</title><link>b.html</link></item></channel></rss>`);
    expect(based[0]?.url).toBe('https://base.example.org/news/b.html');
    const selfOnly = `<rss version="2.0" ${NS}><channel><title>t</title><link>/desk/</link><atom:link rel="self" href="https://feeds.example.net/desk.xml"/><item><title>t</title><link>c.html</link></item></channel></rss>`;
    expect(drafts(rssParser, selfOnly)[0]?.url).toBe('https://feeds.example.net/desk/c.html');
  });
});

describe('rss body and completeness', () => {
  it('uses content:encoded as the full body and a distinct description as the dek', () => {
    const draft = one(`<title>t</title><description>A short standfirst about the vote.</description>
      <content:encoded><![CDATA[<p>WASHINGTON (AP) — The Senate voted on Friday.</p><p>More.</p>]]></content:encoded>`);
    expect(draft).toMatchObject({
      bodyHtml: '<p>WASHINGTON (AP) — The Senate voted on Friday.</p><p>More.</p>',
      subheadline: 'A short standfirst about the vote.',
      representation: 'full',
    });
  });

  it('does not make a dek of a description that is the opening of the body', () => {
    const draft = one(`<title>t</title><description>WASHINGTON (AP) — The Senate voted on Friday […]</description>
      <content:encoded><![CDATA[<p>WASHINGTON (AP) — The Senate voted on Friday to pass the bill.</p>]]></content:encoded>`);
    expect(draft.subheadline).toBeUndefined();
    expect(draft.representation).toBe('full');
  });

  it('calls content that only repeats the description partial', () => {
    const draft = one(`<title>t</title><description><![CDATA[<p>One teaser line.</p>]]></description>
      <content:encoded><![CDATA[<p>One teaser   line.</p>]]></content:encoded>`);
    expect(draft.representation).toBe('partial');
  });

  it('takes escaped and naked markup in a description as HTML', () => {
    expect(one('<title>t</title><description>&lt;p&gt;Escaped &amp;amp; twice&lt;/p&gt;</description>').bodyHtml).toBe('<p>Escaped &amp; twice</p>');
    expect(one('<title>t</title><description>Naked <b>bold</b> text</description>').bodyHtml).toBe('Naked <b>bold</b> text');
  });

  it('drops FeedBurner flares and tracking pixels from the markup, keeping the teaser', () => {
    const description = '<p>Crews worked overnight.</p><div class="feedflare"><a href="https://feeds.feedburner.com/~ff/x?a=1"><img src="https://feeds.feedburner.com/~ff/x?d=1" border="0"></img></a></div><img src="https://feeds.feedburner.com/~r/x/~4/abc" height="1" width="1"/><img src="https://img.example.com/pixel.gif" width="1" height="1"/>';
    const draft = one(`<title>t</title><description><![CDATA[${description}]]></description>`);
    expect(draft.bodyHtml).toBe('<p>Crews worked overnight.</p>');
  });

  it('treats a description holding only a tracking pixel as no body', () => {
    const draft = one('<title>t</title><description>&lt;img src="https://feeds.example.com/~r/x/~4/abc" height="1" width="1"/&gt;</description>');
    expect(draft.bodyHtml).toBeUndefined();
    expect(draft.representation).toBe('partial');
  });
});

describe('rss authors, language and rights', () => {
  it('gives the name from RSS author addresses and keeps every dc:creator', () => {
    expect(one('<title>t</title><author>jdoe@example.com (Jane Doe)</author>').bylines).toEqual(['Jane Doe']);
    expect(one('<title>t</title><author>Jane Doe &lt;jdoe@example.com&gt;</author>').bylines).toEqual(['Jane Doe']);
    expect(one('<title>t</title><author>newsdesk@example.com</author>').bylines).toEqual([]);
    expect(one('<title>t</title><dc:creator>Ann Lee</dc:creator><dc:creator>Bo Chan</dc:creator>').bylines).toEqual(['Ann Lee', 'Bo Chan']);
    expect(one('<title>t</title><author></author>').bylines).toEqual([]);
  });

  it('inherits language and copyright from the channel unless the item has its own', () => {
    const channel = '<title>t</title><language>en-GB</language><copyright>© 2025 Example News</copyright>';
    expect(one('<title>t</title>', channel)).toMatchObject({ language: 'en-GB', copyrightNotice: '© 2025 Example News' });
    expect(one('<title>t</title><dc:language>fr</dc:language><dc:rights>AFP</dc:rights>', channel)).toMatchObject({ language: 'fr', copyrightNotice: 'AFP' });
  });
});

describe('rss images', () => {
  const crops = [
    ['super-169', 1100, 619],
    ['large-11', 300, 300],
    ['vertical-gallery', 270, 360],
    ['exlarge-169', 780, 439],
    ['t1-main', 250, 250],
  ] as const;

  it('keeps the largest crop of a media:group as the one story image', () => {
    const group = crops
      .map(([name, w, h]) => `<media:content medium="image" url="https://cdn.example.com/assets/250912-quake-${name}.jpg" width="${w}" height="${h}" type="image/jpeg"/>`)
      .join('');
    expect(one(`<title>t</title><media:group>${group}</media:group>`).images).toEqual([
      { url: 'https://cdn.example.com/assets/250912-quake-super-169.jpg', caption: null, credit: null, width: '1100', height: '619' },
    ]);
  });

  it("prefers the publisher's isDefault rendition, even without sizes", () => {
    const group = '<media:content url="https://cdn.example.com/big.jpg" medium="image" isDefault="true"/><media:content url="https://cdn.example.com/60.jpg" medium="image" width="60" height="60"/>';
    expect(one(`<title>t</title><media:group>${group}</media:group>`).images?.map((i) => i.url)).toEqual(['https://cdn.example.com/big.jpg']);
  });

  it('inherits caption and credit from the group and the item', () => {
    const item = `<title>t</title><media:credit>Item credit</media:credit>
      <media:group><media:description>Group caption</media:description>
        <media:content url="https://cdn.example.com/a.jpg" type="image/jpeg"/></media:group>
      <media:content url="https://cdn.example.com/b.jpg" type="image/jpeg"><media:description type="plain">Own caption</media:description><media:credit role="author">AP</media:credit></media:content>`;
    expect(one(item).images).toEqual([
      { url: 'https://cdn.example.com/a.jpg', caption: 'Group caption', credit: 'Item credit', width: null, height: null },
      { url: 'https://cdn.example.com/b.jpg', caption: 'Own caption', credit: 'AP', width: null, height: null },
    ]);
  });

  it('merges an image enclosure with the media:content of the same URL and skips other media', () => {
    const item = `<title>t</title>
      <enclosure url="https://cdn.example.com/p.jpg" length="4114" type="image/jpeg"/>
      <enclosure url="https://cdn.example.com/p.mp4" length="4114" type="video/mp4"/>
      <media:thumbnail url="https://cdn.example.com/p.jpg" width="154" height="115"/>
      <media:content type="image/jpeg" url="https://cdn.example.com/p.jpg" width="154" height="115"/>
      <media:content type="video/mp4" url="https://cdn.example.com/p.mp4"/>`;
    expect(one(item).images).toEqual([{ url: 'https://cdn.example.com/p.jpg', caption: null, credit: null, width: '154', height: '115' }]);
  });

  it('keeps the largest of media:content renditions that differ only in resize parameters', () => {
    const item = `<title>t</title>
      <media:content width="140" url="https://img.example.com/media/ab12/master/3000.jpg?w=140&amp;q=55"><media:credit>Photograph: Jo Bloggs</media:credit></media:content>
      <media:content width="460" url="https://img.example.com/media/ab12/master/3000.jpg?w=460&amp;q=55"><media:credit>Photograph: Jo Bloggs</media:credit></media:content>
      <media:content width="460" url="https://img.example.com/resize?src=https%3A%2F%2Fcdn.example.com%2Fother.jpg"/>`;
    expect(one(item).images).toEqual([
      { url: 'https://img.example.com/media/ab12/master/3000.jpg?w=460&q=55', caption: null, credit: 'Photograph: Jo Bloggs', width: '460', height: null },
      { url: 'https://img.example.com/resize?src=https%3A%2F%2Fcdn.example.com%2Fother.jpg', caption: null, credit: null, width: '460', height: null },
    ]);
  });

  it('uses an untyped enclosure with an image extension, resolved against the item base', () => {
    expect(one('<title>t</title><enclosure url="/img/x.png"/>').images).toEqual([{ url: 'https://news.example.com/img/x.png' }]);
  });

  it('falls back to the largest thumbnail only when there is no full-size picture', () => {
    const item = '<title>t</title><media:thumbnail url="https://cdn.example.com/s.jpg" width="90" height="60"/><media:thumbnail url="https://cdn.example.com/m.jpg" width="300" height="200"/>';
    expect(one(item).images?.map((i) => i.url)).toEqual(['https://cdn.example.com/m.jpg']);
  });
});
