import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WiredeskError } from '../../src/errors.js';
import { parseStories } from '../../src/parsers/parse.js';
import { FORMATS } from '../../src/schema/story.js';

/** The only acceptable outcomes: stories, or a typed error. */
function parsesOrFailsTyped(input: Uint8Array | string, format?: (typeof FORMATS)[number]): void {
  try {
    const result = parseStories(input, format ? { format } : {});
    expect(result.stories.length).toBeGreaterThan(0);
  } catch (error) {
    if (!(error instanceof WiredeskError)) throw error;
  }
}

/** Element names every parser looks for, so random trees reach deep into the parsers. */
const NAMES = [
  'rss', 'channel', 'item', 'title', 'link', 'guid', 'description', 'content:encoded', 'dc:creator', 'pubDate', 'category',
  'media:content', 'media:group', 'enclosure', 'feed', 'entry', 'id', 'updated', 'published', 'author', 'name', 'content',
  'summary', 'rdf:RDF', 'nitf', 'head', 'body', 'body.head', 'body.content', 'hedline', 'hl1', 'byline', 'dateline',
  'docdata', 'doc-id', 'date.issue', 'p', 'newsItem', 'newsMessage', 'itemSet', 'itemMeta', 'contentMeta', 'contentSet',
  'inlineXML', 'headline', 'NewsML', 'NewsItem', 'NewsComponent', 'NewsLines', 'HeadLine', 'html', 'article', 'h1',
] as const;
const ATTRS = ['href', 'rel', 'type', 'url', 'id-string', 'norm', 'qcode', 'guid', 'version', 'isPermaLink', 'xml:lang', 'value'] as const;

const xmlText = fc.string({ maxLength: 40 }).map((s) => s.replace(/[<&]/g, ' '));
const { tree } = fc.letrec<{ tree: string }>((tie) => ({
  tree: fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.array(fc.tuple(fc.constantFrom(...ATTRS), xmlText.map((s) => s.replace(/"/g, ''))), { maxLength: 3 }),
      fc.array(fc.oneof({ depthSize: 'small' }, xmlText, tie('tree')), { maxLength: 5 }),
    )
    .map(([name, attrs, kids]) => `<${name}${attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}>${kids.join('')}</${name}>`),
}));

const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('uri', 'headline', 'headlines', 'bodies', 'body_html', 'version', 'items', 'item', 'data', 'altids', 'title',
        'content_html', 'authors', 'type', 'value', 'role', 'associations', 'renditions', 'firstcreated', 'versioncreated'),
      tie('value'),
      { maxKeys: 6 },
    ),
  ),
})).value;

describe('no input crashes a parser', () => {
  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => parsesOrFailsTyped(bytes)), { numRuns: 300 });
  });

  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2048 }), (s) => parsesOrFailsTyped(s)), { numRuns: 300 });
  });

  it('random trees of feed, wire and page elements, detected or forced through every parser', () => {
    fc.assert(
      fc.property(tree, fc.option(fc.constantFrom(...FORMATS), { nil: undefined }), (xml, format) => {
        parsesOrFailsTyped(`<?xml version="1.0"?>${xml}`, format);
      }),
      { numRuns: 1500 },
    );
  });

  it('random JSON shapes, detected or forced through every parser', () => {
    fc.assert(
      fc.property(json, fc.option(fc.constantFrom(...FORMATS), { nil: undefined }), (value, format) => {
        parsesOrFailsTyped(JSON.stringify(value) ?? 'null', format);
      }),
      { numRuns: 1500 },
    );
  });

  it('truncations of a well-formed document', () => {
    const doc = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title><link>https://e.com/1</link><description><![CDATA[<p>First <b>story</b>.</p>]]></description><pubDate>Fri, 12 Sep 2025 12:42:00 GMT</pubDate></item><item><title>Two</title><guid>two</guid></item></channel></rss>`;
    fc.assert(fc.property(fc.integer({ min: 1, max: doc.length }), (cut) => parsesOrFailsTyped(doc.slice(0, cut))), { numRuns: 200 });
  });
});
