import { describe, expect, it } from 'vitest';
import { parseStories } from '../../../src/parsers/parse.js';
import { apMediaParser } from '../../../src/parsers/wire/ap-media.js';
import { detects, drafts } from '../feeds/load.js';

const json = (value: unknown) => JSON.stringify(value);

const textItem = (id: string, extra: Record<string, unknown> = {}) => ({
  uri: `https://api.ap.org/media/v/content/${id}?qt=abc&et=1a`,
  altids: { itemid: id, etag: `${id}_1a2b`, friendlykey: '7301' },
  version: 1,
  type: 'text',
  headline: `Story ${id}`,
  pubstatus: 'usable',
  firstcreated: '2025-09-11T15:40:00Z',
  versioncreated: '2025-09-11T18:05:00Z',
  ...extra,
});

describe('AP Media detection', () => {
  it('recognises a bare item, the item envelopes and the feed envelope', () => {
    const item = textItem('a');
    expect(detects(apMediaParser, json(item))).toBe(true);
    expect(detects(apMediaParser, json({ item }))).toBe(true);
    expect(detects(apMediaParser, json({ api_version: '2.2', data: { item } }))).toBe(true);
    expect(detects(apMediaParser, json({ api_version: '2.2', data: { items: [{ meta: {}, item }] } }))).toBe(true);
  });

  it('recognises an empty feed page, which holds no story', () => {
    const empty = json({ api_version: '2.2', data: { current_item_count: 0, items: [], next_page: 'https://api.ap.org/media/v/content/feed?qt=x' } });
    expect(detects(apMediaParser, empty)).toBe(true);
    expect(() => parseStories(empty)).toThrow(expect.objectContaining({ code: 'WD_ERR_NO_STORY' }));
  });

  it('does not take ninjs, JSON Feed or an item without an AP id for AP Media', () => {
    expect(detects(apMediaParser, json({ uri: 'urn:x', headline: 'H', altids: { itemid: 'x' } }))).toBe(false);
    expect(detects(apMediaParser, json({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1' }] }))).toBe(false);
    expect(detects(apMediaParser, json({ headline: 'H', editorialtypes: ['Kill'] }))).toBe(false);
  });
});

describe('AP Media items', () => {
  it('reads identity, lines, people, place and rights; the summary is a partial body', () => {
    const [draft] = drafts(
      apMediaParser,
      json(
        textItem('d6f1', {
          headline_extended: 'Belarus frees 52 prisoners, including 14 foreigners, as the US lifts airline sanctions',
          slugline: 'EU-Belarus-Prisoners',
          language: 'en',
          urgency: 3,
          editorialtypes: ['Lead', 'Writethru'],
          ednote: 'Eds: UPDATES with US statement.',
          bylines: [{ by: 'YURAS KARMANAU', title: 'Associated Press' }],
          datelinelocation: { city: 'Vilnius', countrycode: 'LTU', countryname: 'Lithuania' },
          description_summary: 'Belarus freed 52 prisoners on Thursday.',
          keywords: ['Belarus', 'Lithuania'],
          subject: [
            { code: 'i', name: 'International News', rels: ['category'], creator: 'Editorial' },
            { code: '86aad5207dac100488ecba7fa5283c3e', name: 'Government and politics', scheme: 'http://cv.ap.org/id/', creator: 'Machine' },
            { code: '86aad5207dac100488ecba7fa5283c3e', name: 'Government and politics', scheme: 'http://cv.ap.org/id/', rels: ['ancestor'] },
          ],
          copyrightnotice: 'Copyright 2025 The Associated Press. All rights reserved.',
          usageterms: ['This content is intended for editorial use only.', 'No archive.'],
          provider: 'AP',
          infosource: [{ name: 'AP', type: 'AP' }],
        }),
      ),
    );
    expect(draft).toMatchObject({
      wireId: 'd6f1',
      wireRevision: 'd6f1_1a2b',
      altIds: { itemid: 'd6f1', etag: 'd6f1_1a2b', friendlykey: '7301' },
      headline: 'Story d6f1',
      subheadline: 'Belarus frees 52 prisoners, including 14 foreigners, as the US lifts airline sanctions',
      slugline: 'EU-Belarus-Prisoners',
      dateline: 'Vilnius, Lithuania',
      tags: ['Belarus', 'Lithuania'],
      subjects: [{ code: 'i', name: 'International News' }, { code: '86aad5207dac100488ecba7fa5283c3e', name: 'Government and politics', scheme: 'http://cv.ap.org/id/' }],
      firstCreatedAt: '2025-09-11T15:40:00Z',
      updatedAt: '2025-09-11T18:05:00Z',
      pubStatus: 'usable',
      revisionKind: 'writethru',
      urgency: 3,
      ednote: 'UPDATES with US statement.',
      bodyText: 'Belarus freed 52 prisoners on Thursday.',
      representation: 'partial',
      credits: ['AP', 'AP'],
      copyrightNotice: 'Copyright 2025 The Associated Press. All rights reserved.',
      usageTerms: 'This content is intended for editorial use only. No archive.',
    });
    expect(draft!.url).toBeUndefined();
  });

  it('names the state for a US dateline and prefers the located text', () => {
    const us = { datelinelocation: { city: 'Fort Washington', countrycode: 'USA', countryareacode: 'PA', countryareaname: 'Pennsylvania', countryname: 'United States' } };
    expect(drafts(apMediaParser, json(textItem('u', us)))[0]!.dateline).toBe('Fort Washington, PA');
    expect(drafts(apMediaParser, json(textItem('l', { ...us, located: 'Fort Washington, Pa.' })))[0]!.dateline).toBe('Fort Washington, Pa.');
  });

  it('maps Kill, Withhold, Correction and an embargo through the shared table', () => {
    const status = (extra: Record<string, unknown>) => {
      const draft = drafts(apMediaParser, json(textItem('s', extra)))[0]!;
      return [draft.pubStatus, draft.revisionKind, draft.embargoedUntil];
    };
    expect(status({ pubstatus: 'canceled', editorialtypes: ['Kill'] })).toEqual(['canceled', 'kill', null]);
    expect(status({ editorialtypes: ['Elimination'] })).toEqual(['canceled', 'kill', null]);
    expect(status({ pubstatus: 'withheld', editorialtypes: ['Withhold'] })).toEqual(['withheld', null, null]);
    expect(status({ editorialtypes: ['Corrective', 'Writethru'] })).toEqual(['usable', 'correction', null]);
    expect(status({ pubstatus: 'embargoed', embargoed: '2025-09-12T04:00:00Z' })).toEqual(['usable', null, '2025-09-12T04:00:00Z']);
  });

  it('makes a picture item a story of its caption with the picture as its image', () => {
    const picture = {
      uri: 'https://api.ap.org/media/v/content/p1',
      altids: { itemid: 'p1', etag: 'p1_0a', transref: 'VIL101' },
      type: 'picture',
      headline: 'Lithuania Belarus Prisoners',
      photographer: { name: 'Mindaugas Kulbis', title: 'Staff' },
      description_caption: "Lithuania's President Gitanas Nauseda speaks in Vilnius. (AP Photo/Mindaugas Kulbis, File)",
      description_creditline: 'AP',
      renditions: {
        thumbnail: { href: 'https://api.ap.org/media/v/content/p1.0/download?role=thumbnail', mimetype: 'image/jpeg', width: 128, height: 85 },
        main: { href: 'https://api.ap.org/media/v/content/p1.0/download?role=main', mimetype: 'image/jpeg', width: 5472, height: 3648 },
        nitf: { href: 'https://api.ap.org/media/v/content/p1.0/download?type=text', mimetype: 'text/xml' },
      },
    };
    const [draft] = drafts(apMediaParser, json({ data: { item: picture } }));
    expect(draft).toMatchObject({
      headline: 'Lithuania Belarus Prisoners',
      bylines: [{ name: 'Mindaugas Kulbis', title: 'Staff' }],
      bodyText: "Lithuania's President Gitanas Nauseda speaks in Vilnius. (AP Photo/Mindaugas Kulbis, File)",
      representation: 'full',
      images: [
        {
          url: 'https://api.ap.org/media/v/content/p1.0/download?role=main',
          caption: "Lithuania's President Gitanas Nauseda speaks in Vilnius. (AP Photo/Mindaugas Kulbis, File)",
          credit: 'AP',
          width: 5472,
          height: 3648,
        },
      ],
    });
  });

  it('makes one draft per feed item, unwrapping meta/item pairs', () => {
    const feed = { api_version: '2.2', data: { items: [{ meta: { products: [] }, item: textItem('a') }, { meta: {}, item: textItem('b', { editorialtypes: ['Kill'], pubstatus: 'canceled' }) }] } };
    expect(drafts(apMediaParser, json(feed)).map((d) => [d.wireId, d.revisionKind])).toEqual([
      ['a', null],
      ['b', 'kill'],
    ]);
  });
});
