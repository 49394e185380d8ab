import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { datelinePlace } from '../../../src/parsers/wire/dateline.js';
import { withoutRepeatedLead } from '../../../src/parsers/wire/markup.js';
import { bestImage } from '../../../src/parsers/wire/media.js';
import { schemeAlias, subjectFromQcode, subjectFromUri, uniqueSubjects } from '../../../src/parsers/wire/qcodes.js';
import { first, select, values } from '../../../src/parsers/wire/select.js';

describe('path selectors', () => {
  const doc = parseDocument(
    '<nitf baselang="en"><head><docdata><doc-id id-string=" AP-1 "/><urgency ed-urg="4"/></docdata><urgency ed-urg="2"/></head><body><body.head><hedline><hl1> Big   news </hl1><hl1/></hedline></body.head></body></nitf>',
    { xmlMode: true },
  );
  const root = select(doc, 'nitf')!;

  it('follows child steps, then reads text (collapsed) or an attribute (trimmed)', () => {
    expect(first(root, 'body/body.head/hedline/hl1')).toBe('Big news');
    expect(first(root, 'head/docdata/doc-id@id-string')).toBe('AP-1');
    expect(first(root, '@baselang')).toBe('en');
  });

  it('searches descendants after //, and tries paths in order', () => {
    expect(values(root, 'head//urgency@ed-urg')).toEqual(['4', '2']);
    expect(first(root, 'head/missing@x', 'head/urgency@ed-urg')).toBe('2');
    expect(first(root, 'head/missing')).toBeUndefined();
  });

  it('skips empty values', () => {
    expect(values(root, 'body/body.head/hedline/hl1')).toEqual(['Big news']);
  });
});

describe('dateline places', () => {
  it.each([
    ['2014-07-16 15:53:10 GMT+00:00', undefined],
    ['4/4/2018', undefined],
    ['MARCH 04, 2013', undefined],
    ['20200703T165136-0400', undefined],
    ['London (dpa) - ', 'London (dpa) - '],
    ['STOCKHOLM, Aug 29, 2014 (AFP) -', 'STOCKHOLM, Aug 29, 2014 (AFP) -'],
    ['加州桑尼維爾', '加州桑尼維爾'],
  ])('%s → %s', (raw, place) => {
    expect(datelinePlace(raw)).toBe(place);
  });
});

describe('subjects', () => {
  it('splits qcodes and concept URIs into scheme and code', () => {
    expect(subjectFromQcode('N2:SOC', 'Soccer')).toEqual({ scheme: 'N2', code: 'SOC', name: 'Soccer' });
    expect(subjectFromQcode(undefined, 'NAIROBI')).toEqual({ name: 'NAIROBI' });
    expect(subjectFromUri('http://cv.iptc.org/newscodes/mediatopic/20001065', 'soccer')).toEqual({ scheme: 'medtop', code: '20001065', name: 'soccer' });
    expect(subjectFromUri('http://cv.ap.org/id/86aad5207dac', 'Politics')).toEqual({ scheme: 'http://cv.ap.org/id/', code: '86aad5207dac', name: 'Politics' });
  });

  it("names IPTC's vocabularies by their qcode alias", () => {
    expect(schemeAlias('https://cv.iptc.org/newscodes/subjectcode')).toBe('subj');
    expect(schemeAlias('http://cv.iptc.org/newscodes/mediatopic/')).toBe('medtop');
    expect(schemeAlias('http://cv.ap.org/id/')).toBe('http://cv.ap.org/id/');
  });

  it('keeps each concept once', () => {
    expect(uniqueSubjects([subjectFromQcode('N2:BY', 'Belarus'), subjectFromQcode('N2:BY'), subjectFromQcode('subj:11000000'), null])).toEqual([
      { scheme: 'N2', code: 'BY', name: 'Belarus' },
      { scheme: 'subj', code: '11000000' },
    ]);
  });
});

describe('renditions', () => {
  it('picks the widest image and ignores files that are not pictures', () => {
    expect(
      bestImage([
        { href: 'https://e.com/v.mp4', contentType: 'video/mp4', width: 4000 },
        { href: 'https://e.com/t.jpg', contentType: 'image/jpeg', width: 150 },
        { href: 'https://e.com/m.jpg', contentType: 'image/jpeg', width: 1024 },
      ])?.href,
    ).toBe('https://e.com/m.jpg');
    expect(bestImage([{ href: 'https://e.com/story.xml', contentType: 'text/xml' }])).toBeUndefined();
  });
});

describe('repeated leads', () => {
  it('drops a first paragraph or heading that repeats the headline or byline, and nothing else', () => {
    expect(withoutRepeatedLead('<p>By Jane Roe</p><p>VILNIUS - Text.</p>', ['Jane Roe'])).toBe('<p>VILNIUS - Text.</p>');
    expect(withoutRepeatedLead('<article><h1>Big  news</h1><p>Text.</p></article>', ['Big news'])).toBe('<article><p>Text.</p></article>');
    expect(withoutRepeatedLead('<p>Text.</p><p>By Jane Roe</p>', ['Jane Roe'])).toBe('<p>Text.</p><p>By Jane Roe</p>');
  });
});
