import { describe, expect, it } from 'vitest';
import { parseStories } from '../../../src/parsers/parse.js';
import { nitfParser } from '../../../src/parsers/wire/nitf.js';
import { detects, drafts } from '../feeds/load.js';

const nitf = (head: string, body: string, attrs = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><nitf ${attrs}><head>${head}</head><body>${body}</body></nitf>`;

const one = (head: string, body: string, attrs?: string) => {
  const [draft, ...rest] = drafts(nitfParser, nitf(head, body, attrs));
  expect(rest).toEqual([]);
  return draft!;
};

describe('NITF detection', () => {
  it('recognises nitf roots, namespaced or not', () => {
    expect(detects(nitfParser, nitf('', ''))).toBe(true);
    expect(detects(nitfParser, '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.4//EN"><body/></nitf>')).toBe(true);
  });

  it('does not take RSS, NewsML-G2 or NewsML 1.2 for NITF', () => {
    expect(detects(nitfParser, '<rss version="2.0"><channel><title>nitf</title></channel></rss>')).toBe(false);
    expect(detects(nitfParser, '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"><contentSet><inlineXML><nitf/></inlineXML></contentSet></newsItem>')).toBe(false);
    expect(detects(nitfParser, '<NewsML><NewsItem/></NewsML>')).toBe(false);
  });
});

describe('NITF fields', () => {
  const head = `
    <tobject tobject.type="news">
      <tobject.subject tobject.subject.refnum="11000000" tobject.subject.type="Politics"/>
      <tobject.subject tobject.subject.ipr="IPTC" tobject.subject.refnum="11006005" tobject.subject.type="Politics" tobject.subject.matter="Government" tobject.subject.detail="Executive (government)"/>
      <tobject.subject tobject.subject.ipr="EFE" tobject.subject.refnum="F01001000" tobject.subject.matter="GOVERNMENT"/>
      <tobject.subject tobject.subject.ipr="IPTC"/>
    </tobject>
    <docdata management-status="usable">
      <doc-id regsrc="AP" id-string="APd7c1e2f0a9b84c53"/>
      <urgency ed-urg="3"/>
      <date.issue norm="20250911T183205Z"/>
      <date.release norm="20250911T183205Z"/>
      <du-key key="EU-Belarus-Prisoners" version="3"/>
      <ed-msg info="Eds: UPDATES with US statement."/>
      <doc.copyright holder="The Associated Press" year="2025"/>
      <doc.rights limitations="Editorial use only"/>
      <key-list><keyword key="Belarus"/><keyword>Lithuania</keyword></key-list>
    </docdata>`;

  it('reads identity, lines, dates, status and rights', () => {
    const draft = one(head, '<body.head><hedline><hl1>Belarus frees 52 prisoners</hl1><hl2>Lithuania welcomes them</hl2></hedline></body.head>', 'baselang="en-US"');
    expect(draft).toMatchObject({
      wireId: 'APd7c1e2f0a9b84c53',
      altIds: { 'doc-id': 'APd7c1e2f0a9b84c53' },
      language: 'en-US',
      headline: 'Belarus frees 52 prisoners',
      subheadline: 'Lithuania welcomes them',
      slugline: 'EU-Belarus-Prisoners',
      publishedAt: '20250911T183205Z',
      embargoedUntil: null,
      pubStatus: 'usable',
      revisionKind: null,
      urgency: 3,
      ednote: 'UPDATES with US statement.',
      tags: ['Belarus', 'Lithuania'],
      credits: ['AP'],
      copyrightNotice: 'Copyright 2025 The Associated Press',
      usageTerms: 'Editorial use only',
    });
  });

  it('names subjects by their most specific label; IPTC unless another owner is stated', () => {
    expect(one(head, '').subjects).toEqual([
      { code: '11000000', name: 'Politics', scheme: 'subj' },
      { code: '11006005', name: 'Executive (government)', scheme: 'subj' },
      { code: 'F01001000', name: 'GOVERNMENT', scheme: 'EFE' },
    ]);
  });

  it('takes the release date as the embargo only when the item is embargoed', () => {
    const embargoed = one('<docdata management-status="embargoed"><date.issue norm="20160908T132446+0100"/><date.release norm="20160909T000100+0100"/></docdata>', '');
    expect(embargoed).toMatchObject({ pubStatus: 'usable', embargoedUntil: '20160909T000100+0100' });
  });

  it('reads a canceled item as a kill, keeping the id of the story it cancels', () => {
    const killed = one('<docdata management-status="canceled" management-doc-idref="AP-1.a"><doc-id id-string="AP-1.b"/></docdata>', '');
    expect(killed).toMatchObject({ pubStatus: 'canceled', revisionKind: 'kill', altIds: { 'doc-id': 'AP-1.b', 'management-doc-idref': 'AP-1.a' } });
  });

  it('finds urgency placed straight under head', () => {
    expect(one('<docdata/><urgency ed-urg="2"/>', '').urgency).toBe(2);
  });

  it('separates the byline title line from the name', () => {
    const draft = one('', '<body.head><byline>By <person>Yuras Karmanau</person> <byttl>AP Business Writer</byttl></byline></body.head>');
    expect(draft.bylines).toEqual([{ name: 'Yuras Karmanau', title: 'AP Business Writer' }]);
    expect(one('', '<body.head><byline>By Jane Roe, Press Association</byline></body.head>').bylines).toEqual(['By Jane Roe, Press Association']);
  });

  it('builds the dateline from a structured location and ignores the story date', () => {
    expect(one('', '<body.head><dateline><location><city>Ottawa</city><state>Ontario</state><country>Canada</country></location><story.date norm="20200703T165136-0400"/></dateline></body.head>').dateline).toBe(
      'Ottawa, Ontario, Canada',
    );
    expect(one('', '<body.head><dateline>VILNIUS, Lithuania <story.date>Sept. 11</story.date></dateline></body.head>').dateline).toBe('VILNIUS, Lithuania');
    expect(one('', '<body.head><dateline><story.date norm="20170102T222800+0000">20170102T222800+0000</story.date></dateline></body.head>').dateline).toBeNull();
  });

  it('takes the place from the event location when there is no dateline', () => {
    expect(one('<docdata><evloc city="Tegucigalpa" iso-cc="HND"/></docdata>', '').dateline).toBe('Tegucigalpa');
    expect(one('<docdata><evloc city="Austin" state-prov="Texas"/></docdata>', '<body.head><dateline>DALLAS —</dateline></body.head>').dateline).toBe('DALLAS —');
  });

  it('turns body.content into HTML and its media into images', () => {
    const draft = one(
      '',
      `<body.head><distributor><org>The Associated Press</org></distributor></body.head>
       <body.content>
         <block id="Main"><p>VILNIUS, Lithuania (AP) - Belarus freed 52 prisoners.</p><hl2>Sanctions</hl2><bq><p>Quote.</p></bq>
         <media media-type="image">
           <media-reference source="https://photos.example.com/belarus-small.jpg" mime-type="image/jpeg" width="320" height="213"/>
           <media-reference source="https://photos.example.com/belarus.jpg" mime-type="image/jpeg" width="1280" height="853" alternate-text="Nauseda at the palace"/>
           <media-caption>Gitanas Nauseda speaks in Vilnius.</media-caption>
           <media-producer>Mindaugas Kulbis</media-producer>
         </media>
         <p>___</p><p>Jane Roe contributed.</p></block>
       </body.content>`,
    );
    expect(draft.bodyHtml).toContain('<div id="Main"><p>VILNIUS, Lithuania (AP) - Belarus freed 52 prisoners.</p><h2>Sanctions</h2><blockquote><p>Quote.</p></blockquote>');
    expect(draft.bodyHtml).not.toContain('media');
    expect(draft.bodyHtml).toContain('<p>___</p><p>Jane Roe contributed.</p>');
    expect(draft.images).toEqual([
      { url: 'https://photos.example.com/belarus.jpg', caption: 'Gitanas Nauseda speaks in Vilnius.', credit: 'Mindaugas Kulbis', alt: 'Nauseda at the palace', width: 1280, height: 853 },
    ]);
    expect(draft.credits).toEqual(['The Associated Press']);
  });

  it("drops a first heading that repeats the headline (AP's block opens with an hl2 of the slug headline)", () => {
    const draft = one('', '<body.head><hedline><hl1>BC-BBN--Top Ten</hl1></hedline></body.head><body.content><block id="Main"><hl2>BC-BBN--Top Ten</hl2></block><p>By The Associated Press</p></body.content>');
    expect(draft.bodyHtml).toBe('<div id="Main"></div><p>By The Associated Press</p>');
  });

  it('falls back to the document title for the headline', () => {
    expect(one('<title>Tide tables</title>', '<body.head><hedline/></body.head>').headline).toBe('Tide tables');
  });
});

describe('NITF through the whole parse', () => {
  it('fails a document with no headline and no text with a typed error', () => {
    expect(() => parseStories(nitf('<title></title><docdata><doc-id id-string="x"/></docdata>', '<body.head><hedline></hedline></body.head><body.content></body.content>'))).toThrow(
      expect.objectContaining({ code: 'WD_ERR_NO_STORY' }),
    );
  });

  it('keeps a bad date as raw text and publishes no instant for it', () => {
    const { stories } = parseStories(nitf('<docdata><date.issue norm="YYYYMMDD000000-HHMM"/></docdata>', '<body.head><hedline><hl1>Headline</hl1></hedline></body.head>'));
    expect(stories[0]).toMatchObject({ publishedAt: null, rawDates: { publishedAt: 'YYYYMMDD000000-HHMM' }, format: 'nitf' });
  });
});
