import { describe, expect, it } from 'vitest';
import { parseStories } from '../../../src/parsers/parse.js';
import { newsmlG2Parser } from '../../../src/parsers/wire/newsml-g2.js';
import { detects, drafts } from '../feeds/load.js';

const NAR = 'xmlns="http://iptc.org/std/nar/2006-10-01/"';

const item = (guid: string, itemMeta: string, contentMeta: string, contentSet = '', rights = '') =>
  `<newsItem guid="${guid}" version="2" standard="NewsML-G2" xml:lang="en">${rights}<itemMeta>${itemMeta}</itemMeta><contentMeta>${contentMeta}</contentMeta><contentSet>${contentSet}</contentSet></newsItem>`;

const message = (...items: string[]) => `<?xml version="1.0"?><newsMessage ${NAR}><header><sent>2025-09-11T18:05:00Z</sent></header><itemSet>${items.join('')}</itemSet></newsMessage>`;

const xhtml = (body: string) => `<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>${body}</body></html></inlineXML>`;

const text = (guid: string, extraMeta = '', extraContent = '', body = '<p>Body.</p>') =>
  item(guid, `<itemClass qcode="ninat:text"/><versionCreated>2025-09-11T18:05:00Z</versionCreated><pubStatus qcode="stat:usable"/>${extraMeta}`, `<headline>Story ${guid}</headline>${extraContent}`, xhtml(body));

describe('NewsML-G2 detection', () => {
  it('recognises a newsMessage and a bare newsItem, with any prefix', () => {
    expect(detects(newsmlG2Parser, message(text('a')))).toBe(true);
    expect(detects(newsmlG2Parser, `<newsItem ${NAR} guid="a"/>`)).toBe(true);
    expect(detects(newsmlG2Parser, '<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/" guid="a"/>')).toBe(true);
    expect(detects(newsmlG2Parser, `<conceptItem ${NAR} guid="c"/>`)).toBe(true);
  });

  it('does not take NITF, NewsML 1.2, a stray G2 fragment or an unrelated conceptItem', () => {
    expect(detects(newsmlG2Parser, '<nitf><head/><body/></nitf>')).toBe(false);
    expect(detects(newsmlG2Parser, '<NewsML Version="1.2"><NewsItem/></NewsML>')).toBe(false);
    expect(detects(newsmlG2Parser, `<contentSet ${NAR}><inlineXML/></contentSet>`)).toBe(false);
    expect(detects(newsmlG2Parser, '<conceptItem xmlns="http://example.com/other"/>')).toBe(false);
  });

  it('answers a G2 document with no news item with a typed error', () => {
    expect(() => parseStories(`<conceptItem ${NAR} guid="c"><concept/></conceptItem>`)).toThrow(expect.objectContaining({ code: 'WD_ERR_NO_STORY' }));
  });
});

describe('NewsML-G2 items', () => {
  it('makes one draft per text item and skips pictures when there is text', () => {
    const picture = item('p', '<itemClass qcode="ninat:picture"/>', '<headline>Photo</headline>', '<remoteContent href="https://img.example.com/p.jpg" contenttype="image/jpeg" width="800"/>');
    const result = drafts(newsmlG2Parser, message(text('a'), picture, text('b')));
    expect(result.map((d) => d.wireId)).toEqual(['a', 'b']);
  });

  it('makes a story of a picture when the message has nothing else', () => {
    const picture = item(
      'p',
      '<itemClass qcode="icls:picture"/>',
      '<headline>Nauseda in Vilnius</headline><by>MINDAUGAS KULBIS</by><creditline>AP</creditline><description role="descRole:caption">Lithuania\'s president speaks. (AP Photo/Mindaugas Kulbis)</description>',
      '<remoteContent href="https://img.example.com/thumb.jpg" contenttype="image/jpeg" width="150" height="100"/><remoteContent href="https://img.example.com/base.jpg" contenttype="image/jpeg" width="3500" height="2333"/>',
    );
    const [draft] = drafts(newsmlG2Parser, message(picture));
    expect(draft).toMatchObject({
      headline: 'Nauseda in Vilnius',
      bylines: ['MINDAUGAS KULBIS'],
      bodyText: "Lithuania's president speaks. (AP Photo/Mindaugas Kulbis)",
      representation: 'full',
      images: [{ url: 'https://img.example.com/base.jpg', caption: "Lithuania's president speaks. (AP Photo/Mindaugas Kulbis)", credit: 'AP', width: 3500, height: 2333 }],
    });
  });

  it('reads Reuters revision prefixes from the title, and keeps them out of a headline made from it', () => {
    const withHeadline = text('a', '<title>UPDATE 2-Belarus frees prisoners</title>');
    expect(drafts(newsmlG2Parser, message(withHeadline))[0]).toMatchObject({ headline: 'Story a', revisionKind: 'update' });
    const titleOnly = item('t', '<itemClass qcode="ninat:text"/><title>CORRECTED-Belarus frees prisoners</title>', '', xhtml('<p>Body.</p>'));
    expect(drafts(newsmlG2Parser, message(titleOnly))[0]).toMatchObject({ headline: 'Belarus frees prisoners', revisionKind: 'correction' });
  });

  it('maps status qcodes and signals through the shared editorial table', () => {
    const canceled = item('k', '<itemClass qcode="ninat:text"/><pubStatus qcode="stat:canceled"/>', '<headline>Killed</headline>');
    expect(drafts(newsmlG2Parser, message(canceled))[0]).toMatchObject({ pubStatus: 'canceled', revisionKind: 'kill' });
    const corrected = text('c', '<signal qcode="sig:correction"/><embargoed>2025-09-12T04:00:00Z</embargoed>');
    expect(drafts(newsmlG2Parser, message(corrected))[0]).toMatchObject({ pubStatus: 'usable', revisionKind: 'correction', embargoedUntil: '2025-09-12T04:00:00Z' });
  });

  it('reads identity, lines, people, provenance and rights', () => {
    const meta = `<itemClass qcode="ninat:text"/><versionCreated>2025-09-11T18:05:00Z</versionCreated><firstCreated>2025-09-11T15:40:00Z</firstCreated><pubStatus qcode="stat:usable"/>
      <edNote>Eds: Adds US statement.</edNote><edNote role="sttnote:private">Fix para 2</edNote><edNote pubconstraint="dpapconstraint:nonpublic">Call the desk</edNote><edNote><section xmlns="http://www.w3.org/1999/xhtml"><p>Notepad</p></section></edNote>`;
    const content = `<urgency>3</urgency>
      <infoSource literal="Reuters" role="cRole:origProv"/><infoSource role="cRole:source"><name>Belta</name></infoSource><infoSource literal="Reuters" role="cRole:redistributor"/>
      <altId type="idType:USN">L8N3UV0XY</altId><language tag="en-GB"/>
      <subject qcode="N2:BY"><name>Belarus</name><broader qcode="N2:EUROPE"><name>Europe</name></broader></subject><subject qcode="subj:11000000"/><subject qcode="N2:BY"/>
      <keyword>prisoners</keyword><slugline separator="-">BELARUS-PRISONERS/</slugline>
      <headline role="hld:subHeadline">Lithuania takes in 52</headline><by>By Andrius Sytas</by><creditline>Reuters -</creditline><dateline>2025-09-11 18:05:00 GMT+00:00</dateline>`;
    const rights = '<rightsInfo><copyrightNotice xml:lang="de">Alle Rechte</copyrightNotice><copyrightNotice xml:lang="en">All rights reserved</copyrightNotice><usageTerms>No resale</usageTerms></rightsInfo>';
    const [draft] = drafts(newsmlG2Parser, message(item('tag:reuters.com,2025:newsml_L8N3UV0XY', meta, `<headline>Belarus frees 52</headline>${content}`, xhtml('<p>By Andrius Sytas</p><p>VILNIUS (Reuters) - Belarus freed 52.</p>'), rights)));
    expect(draft).toMatchObject({
      wireId: 'tag:reuters.com,2025:newsml_L8N3UV0XY',
      wireRevision: '2',
      altIds: { 'idType:USN': 'L8N3UV0XY' },
      language: 'en-GB',
      headline: 'Belarus frees 52',
      subheadline: 'Lithuania takes in 52',
      slugline: 'BELARUS-PRISONERS/',
      bylines: ['By Andrius Sytas'],
      dateline: null,
      tags: ['prisoners'],
      subjects: [{ code: 'BY', name: 'Belarus', scheme: 'N2' }, { code: '11000000', scheme: 'subj' }],
      updatedAt: '2025-09-11T18:05:00Z',
      firstCreatedAt: '2025-09-11T15:40:00Z',
      urgency: 3,
      ednote: 'Adds US statement.',
      credits: ['Reuters', 'Belta', 'Reuters'],
      copyrightNotice: 'All rights reserved',
      usageTerms: 'No resale',
    });
    // The byline repeated as the first paragraph is dropped, so the dateline leads the body.
    expect(draft!.bodyHtml).toBe('<p>VILNIUS (Reuters) - Belarus freed 52.</p>');
  });

  it('takes a named creator as the byline when there is no by line, but not an account handle', () => {
    const person = text('a', '', '<creator><name>Meredith Jameson</name></creator><creator literal="Reuters" role="cRole:source"/>');
    expect(drafts(newsmlG2Parser, message(person))[0]!.bylines).toEqual(['Meredith Jameson']);
    const handle = text('b', '', '<creator qcode="dpa-ad:doe.jane"><name>doe.jane</name></creator>');
    expect(drafts(newsmlG2Parser, message(handle))[0]!.bylines).toEqual([]);
  });

  it('reads an embedded NITF body, with its pictures', () => {
    const nitf = `<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>X</hl1></hedline></body.head><body.content>
      <block><p>FORT WASHINGTON, Pa. (AP) _ Earnings rose.</p><media media-type="image"><media-reference source="https://img.example.com/chart.png" mime-type="image/png"/><media-caption>Chart</media-caption></media></block></body.content></body></nitf></inlineXML>`;
    const [draft] = drafts(newsmlG2Parser, message(item('n', '<itemClass qcode="ninat:text"/>', '<headline>Earnings</headline>', nitf)));
    expect(draft!.bodyHtml).toBe('<div><p>FORT WASHINGTON, Pa. (AP) _ Earnings rose.</p></div>');
    expect(draft!.images).toEqual([{ url: 'https://img.example.com/chart.png', caption: 'Chart', credit: null, alt: null, width: null, height: null }]);
  });

  it('drops XHTML header furniture and reads plain inline data', () => {
    const furnished = xhtml('<header><h1>Story a</h1><p class="genre">Extra</p></header><section><p>London (dpa) - Text.</p></section>');
    expect(drafts(newsmlG2Parser, message(item('d', '<itemClass qcode="ninat:text"/>', '<headline>Story a</headline>', furnished)))[0]!.bodyHtml).toBe(
      '<section><p>London (dpa) - Text.</p></section>',
    );
    const plain = '<inlineData contenttype="text/plain">First paragraph.\n\nSecond &lt;one&gt;.</inlineData>';
    expect(drafts(newsmlG2Parser, message(item('t', '<itemClass qcode="ninat:text"/>', '<headline>Plain</headline>', plain)))[0]).toMatchObject({
      bodyHtml: null,
      bodyText: 'First paragraph.\n\nSecond <one>.',
    });
  });

  it('uses the summary as a partial body when the item carries no text', () => {
    const teaser = item('s', '<itemClass qcode="ninat:text"/>', '<headline>Teaser</headline><description role="drol:summary">Only a summary.</description>');
    expect(drafts(newsmlG2Parser, message(teaser))[0]).toMatchObject({ bodyText: 'Only a summary.', representation: 'partial' });
  });
});

describe('NewsML-G2 through the whole parse', () => {
  it('derives a headline from the body, and fails an empty item alone', () => {
    const noHeadline = item('a', '<itemClass qcode="ninat:text"/>', '<headline/>', xhtml('<p>Only the body says what happened.</p>'));
    const empty = item('b', '<itemClass qcode="ninat:text"/>', '<headline/>');
    const result = parseStories(message(noHeadline, empty));
    expect(result.stories.map((s) => [s.id, s.headline, s.extraction])).toEqual([['a', 'Only the body says what happened.', { headline: 'body' }]]);
    expect(result.skipped.map((s) => [s.index, s.error.code])).toEqual([[1, 'WD_ERR_NO_STORY']]);
  });
});
