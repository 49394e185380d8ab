import { describe, expect, it } from 'vitest';
import { parseStories } from '../../../src/parsers/parse.js';
import { ninjsParser } from '../../../src/parsers/wire/ninjs.js';
import { detects, drafts } from '../feeds/load.js';

const json = (value: unknown) => JSON.stringify(value);
const one = (value: unknown) => {
  const [draft, ...rest] = drafts(ninjsParser, json(value));
  expect(rest).toEqual([]);
  return draft!;
};

describe('ninjs detection', () => {
  it('recognises 1.x, 2.x and 3.x items, arrays and list envelopes, and the Superdesk dialect', () => {
    expect(detects(ninjsParser, json({ uri: 'urn:x', headline: 'H' }))).toBe(true);
    expect(detects(ninjsParser, json({ uri: 'urn:x', headlines: [{ value: 'H' }] }))).toBe(true);
    expect(detects(ninjsParser, json({ uri: 'urn:x', headline_main: 'H' }))).toBe(true);
    expect(detects(ninjsParser, json({ uri: 'urn:x', type: 'text' }))).toBe(true);
    expect(detects(ninjsParser, json([{ uri: 'urn:a', headline: 'A' }, { uri: 'urn:b', headline: 'B' }]))).toBe(true);
    expect(detects(ninjsParser, json({ total: 1, item: [{ uri: 'urn:a', body_html: '<p>x</p>' }] }))).toBe(true);
    expect(detects(ninjsParser, json({ guid: 'tag:x', headline: 'H', body_html: '<p>x</p>' }))).toBe(true);
  });

  it('does not take JSON Feed, AP Media JSON or other JSON for ninjs', () => {
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Feed', items: [{ id: '1', url: 'https://e.com/1', content_html: '<p>x</p>' }] };
    expect(detects(ninjsParser, json(feed))).toBe(false);
    const ap = { uri: 'https://api.ap.org/media/v/content/abc', altids: { itemid: 'abc', etag: 'abc_1' }, type: 'text', headline: 'H' };
    expect(detects(ninjsParser, json(ap))).toBe(false);
    expect(detects(ninjsParser, json({ data: { item: ap } }))).toBe(false);
    expect(detects(ninjsParser, json({ headline: 'no identifier' }))).toBe(false);
    expect(detects(ninjsParser, json({ uri: 'urn:x', name: 'no story fields' }))).toBe(false);
    expect(detects(ninjsParser, json([]))).toBe(false);
  });
});

describe('ninjs 1.x', () => {
  it('reads single-valued properties, keyed renditions and associations', () => {
    const draft = one({
      uri: 'http://wire.example.com/items/20250911-belarus',
      type: 'text',
      version: '3',
      versioncreated: '2025-09-11T18:05:00Z',
      firstcreated: '2025-09-11T15:40:00Z',
      pubstatus: 'usable',
      urgency: 3,
      language: 'en',
      byline: 'By Jane Roe',
      located: 'Vilnius, Lithuania',
      headline: 'Belarus frees 52 prisoners',
      slugline: 'Belarus-Prisoners',
      ednote: 'Eds: Adds US reaction',
      copyrightnotice: 'Copyright 2025 Example Wire',
      usageterms: 'Editorial use only',
      altids: { itemid: 'b3lar', friendlykey: 42 },
      subject: [{ code: '11000000', name: 'politics', scheme: 'http://cv.iptc.org/newscodes/subjectcode/' }],
      body_text: 'Belarus freed 52 prisoners.',
      body_html: '<p>Belarus freed 52 prisoners.</p>',
      associations: {
        featureimage: {
          uri: 'http://wire.example.com/photos/1',
          type: 'picture',
          description_text: 'Gitanas Nauseda speaks. (AP Photo/Mindaugas Kulbis)',
          renditions: { small: { href: 'https://img.example.com/s.jpg', width: 320, height: 213, mimetype: 'image/jpeg' }, large: { href: 'https://img.example.com/l.jpg', width: 2048, height: 1365, mimetype: 'image/jpeg' } },
        },
        logo: { uri: 'https://img.example.com/logo.png', type: 'graphic' },
      },
    });
    expect(draft).toMatchObject({
      wireId: 'http://wire.example.com/items/20250911-belarus',
      wireRevision: '3',
      altIds: { itemid: 'b3lar', friendlykey: '42' },
      headline: 'Belarus frees 52 prisoners',
      bylines: ['By Jane Roe'],
      dateline: 'Vilnius, Lithuania',
      subjects: [{ code: '11000000', name: 'politics', scheme: 'subj' }],
      updatedAt: '2025-09-11T18:05:00Z',
      firstCreatedAt: '2025-09-11T15:40:00Z',
      pubStatus: 'usable',
      urgency: 3,
      ednote: 'Adds US reaction',
      bodyHtml: '<p>Belarus freed 52 prisoners.</p>',
      bodyText: null,
      representation: 'full',
      images: [{ url: 'https://img.example.com/l.jpg', caption: 'Gitanas Nauseda speaks. (AP Photo/Mindaugas Kulbis)', credit: null, width: 2048, height: 1365 }],
    });
  });

  it('reads 1.6 variant keys (headline_main, body_main) and a photo-only item', () => {
    expect(one({ uri: 'urn:a', type: 'text', headline_main: 'Main', body_main: 'Plain text body.' })).toMatchObject({ headline: 'Main', bodyText: 'Plain text body.', bodyHtml: null });
    const photo = one({
      uri: 'urn:p',
      type: 'picture',
      byline: 'Paulo Santalucia',
      headline_main: 'Cruise ship',
      description_text: 'The ship lies on its side.',
      renditions: { main: { href: 'https://img.example.com/big.jpg', mimetype: 'image/jpg', width: 429, height: 281 } },
    });
    expect(photo).toMatchObject({ headline: 'Cruise ship', bodyText: 'The ship lies on its side.', representation: 'full' });
    expect(photo.images).toEqual([{ url: 'https://img.example.com/big.jpg', caption: 'The ship lies on its side.', credit: 'Paulo Santalucia', width: 429, height: 281 }]);
  });
});

describe('ninjs 2.x', () => {
  it('reads role arrays: headlines, bodies, descriptions, altids, subjects by uri', () => {
    const draft = one({
      uri: 'urn:wire:2',
      headlines: [{ role: 'subhead', value: 'Lithuania receives them' }, { role: 'main', value: 'Belarus frees 52 prisoners' }],
      bodies: [{ role: 'text', contenttype: 'text/plain', value: 'Plain.' }, { role: 'richtext', contenttype: 'text/html', value: '<p>Rich.</p>' }],
      by: 'Jane Roe, Example Wire',
      altids: [{ role: 'usn', value: 'X1' }],
      subjects: [{ uri: 'http://cv.iptc.org/newscodes/mediatopic/20000621', name: 'prisoner' }, { literal: 'i', name: 'International News' }],
      infosources: [{ name: 'Belta', role: 'http://cv.iptc.org/newscodes/contentprodpartyrole/origProv' }],
      embargoed: '2025-09-12T04:00:00Z',
      pubstatus: 'withheld',
    });
    expect(draft).toMatchObject({
      headline: 'Belarus frees 52 prisoners',
      subheadline: 'Lithuania receives them',
      bodyHtml: '<p>Rich.</p>',
      bylines: ['Jane Roe, Example Wire'],
      altIds: { usn: 'X1' },
      subjects: [{ code: '20000621', name: 'prisoner', scheme: 'medtop' }, { code: 'i', name: 'International News' }],
      credits: ['Belta'],
      embargoedUntil: '2025-09-12T04:00:00Z',
      pubStatus: 'withheld',
    });
  });

  it('keeps a whole-document HTML body to its body, and falls back to a summary as a partial body', () => {
    expect(one({ uri: 'urn:d', headlines: [{ value: 'H' }], bodies: [{ role: 'html5', contenttype: 'text/html', value: '<html><head><title>H</title></head><body><article><p>Inside.</p></article></body></html>' }] }).bodyHtml).toBe(
      '<article><p>Inside.</p></article>',
    );
    expect(one({ uri: 'urn:s', type: 'text', headlines: [{ value: 'H' }], descriptions: [{ role: 'summary', value: 'Teaser only.' }] })).toMatchObject({
      bodyText: 'Teaser only.',
      representation: 'partial',
    });
  });
});

describe('ninjs 3.x', () => {
  it('reads camelCase names and associated pictures with caption and creditline descriptions', () => {
    const draft = one({
      uri: 'urn:wire:3',
      type: 'text',
      versionCreated: '2025-09-11T18:05:00+02:00',
      firstCreated: '2025-09-11T15:40:00+02:00',
      embargoedUntil: '2025-09-12T04:00:00Z',
      pubStatus: 'usable',
      edNote: 'Moves on world news.',
      copyrightNotice: 'Copyright 2025',
      usageTerms: 'No archive',
      altIds: [{ role: 'originaltransmissionreference', value: 'otr-1' }],
      representationType: 'full',
      headlines: [{ role: 'main', value: 'H3' }],
      bodies: [{ role: 'main', contentType: 'text/html', value: '<h1>H3</h1><p>VILNIUS (Wire) - Text.</p>' }],
      associations: [
        {
          name: 'a001',
          uri: 'urn:photo:1',
          type: 'picture',
          descriptions: [{ role: 'creditline', value: 'ASSOCIATED PRESS' }, { role: 'caption', value: 'Nauseda speaks.' }],
          renditions: [{ name: 'thumb', href: 'https://img.example.com/t.jpg', contentType: 'image/jpeg', width: 256 }, { name: 'hires', href: 'https://img.example.com/h.jpg', contentType: 'image/jpeg', width: 4724, height: 3149 }],
        },
        { name: 'v1', uri: 'urn:video:1', type: 'video', renditions: [{ name: 'mp4', href: 'https://v.example.com/v.mp4', contentType: 'video/mp4' }] },
      ],
    });
    expect(draft).toMatchObject({
      updatedAt: '2025-09-11T18:05:00+02:00',
      firstCreatedAt: '2025-09-11T15:40:00+02:00',
      embargoedUntil: '2025-09-12T04:00:00Z',
      ednote: 'Moves on world news.',
      copyrightNotice: 'Copyright 2025',
      usageTerms: 'No archive',
      altIds: { originaltransmissionreference: 'otr-1' },
      // The heading repeating the headline is dropped, so the dateline leads.
      bodyHtml: '<p>VILNIUS (Wire) - Text.</p>',
      images: [{ url: 'https://img.example.com/h.jpg', caption: 'Nauseda speaks.', credit: 'ASSOCIATED PRESS', width: 4724, height: 3149 }],
    });
  });
});

describe('ninjs through the whole parse', () => {
  it('parses every item of an array, and answers non-string junk without crashing', () => {
    const result = parseStories(json([{ uri: 'urn:a', headline: 'A' }, { uri: 'urn:b', headline: { value: 'H' }, urgency: 'high', bodies: 'nope', associations: [1, null], subjects: {} }]));
    expect(result.stories.map((s) => s.id)).toEqual(['urn:a']);
    expect(result.skipped.map((s) => s.error.code)).toEqual(['WD_ERR_NO_STORY']);
  });
});
