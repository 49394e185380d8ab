import { describe, expect, it } from 'vitest';
import { rdfParser } from '../../../src/parsers/feeds/rdf.js';
import { detects, drafts } from './load.js';

const RDF_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"';

const rdf = (items: string, rss = 'xmlns="http://purl.org/rss/1.0/"') =>
  `<?xml version="1.0"?><rdf:RDF ${RDF_NS} ${rss}><channel rdf:about="https://news.example.com/"><title>Desk</title><link>https://news.example.com/</link><dc:language>en</dc:language><dc:rights>© Example</dc:rights></channel>${items}</rdf:RDF>`;

describe('rdf detection', () => {
  it('recognises RSS 1.0, RSS 0.90 and namespace-less RDF site summaries', () => {
    expect(detects(rdfParser, rdf(''))).toBe(true);
    expect(detects(rdfParser, rdf('', 'xmlns="http://my.netscape.com/rdf/simple/0.9/"'))).toBe(true);
    expect(detects(rdfParser, rdf('', 'xmlns:rss="http://purl.org/rss/1.0/"').replace('<channel', '<rss:channel').replace('</channel>', '</rss:channel>'))).toBe(true);
    expect(detects(rdfParser, '<rdf><item><title>Bare</title></item></rdf>')).toBe(true);
  });

  it('rejects RDF that is not a site summary, and RSS 2.0', () => {
    expect(detects(rdfParser, `<rdf:RDF ${RDF_NS}><rdf:Description rdf:about="x"><dc:title>Not a feed</dc:title></rdf:Description></rdf:RDF>`)).toBe(false);
    expect(detects(rdfParser, `<rdf:RDF ${RDF_NS} xmlns:o="http://example.com/other/"><o:channel/></rdf:RDF>`)).toBe(false);
    expect(detects(rdfParser, '<rss version="2.0"><channel><item/></channel></rss>')).toBe(false);
  });
});

describe('rdf items', () => {
  it('reads items beside the channel, with identity from rdf:about and Dublin Core metadata', () => {
    const [draft, ...rest] = drafts(
      rdfParser,
      rdf(`<item rdf:about="https://news.example.com/a">
        <title>Dam opens</title><link>https://news.example.com/a?from=rss</link>
        <description>Water flows again.</description>
        <dc:creator>Ann Lee</dc:creator><dc:date>2025-09-12T08:00:00-05:00</dc:date>
        <dc:subject>Energy</dc:subject><dc:subject>Rivers</dc:subject></item>
        <item rdf:about="https://news.example.com/b"><title>Second</title><link>https://news.example.com/b</link></item>`),
    );
    expect(draft).toMatchObject({
      wireId: 'https://news.example.com/a',
      guid: 'https://news.example.com/a',
      url: 'https://news.example.com/a',
      headline: 'Dam opens',
      bodyHtml: 'Water flows again.',
      representation: 'partial',
      bylines: ['Ann Lee'],
      publishedAt: '2025-09-12T08:00:00-05:00',
      tags: ['Energy', 'Rivers'],
      language: 'en',
      copyrightNotice: '© Example',
    });
    expect(rest.map((d) => d.wireId)).toEqual(['https://news.example.com/b']);
  });

  it('falls back to the link as identity when rdf:about is missing', () => {
    const [draft] = drafts(rdfParser, rdf('<item><title>t</title><link>https://news.example.com/c</link></item>'));
    expect(draft?.wireId).toBe('https://news.example.com/c');
  });
});
