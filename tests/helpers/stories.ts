import { contentHashOf } from '../../src/schema/content-hash.js';
import { Story } from '../../src/schema/story.js';

const HASH = 'c0ffee'.padEnd(64, '0');

/** The smallest Story the schema allows: nulls and empty lists wherever it can. */
export function minimalStory(overrides: Partial<Story> = {}): Story {
  return Story.parse({
    schemaVersion: 1,
    id: 'https://example.com/news/minimal',
    version: 1,
    revision: HASH.slice(0, 16),
    contentHash: HASH,
    source: { id: 'example', name: 'Example' },
    url: null,
    guid: null,
    altIds: {},
    format: 'rss',
    parser: 'rss',
    extraction: {},
    language: null,
    headline: 'Minimal',
    subheadline: null,
    slugline: null,
    bylines: [],
    dateline: null,
    section: null,
    tags: [],
    subjects: [],
    publishedAt: null,
    updatedAt: null,
    firstCreatedAt: null,
    rawDates: {},
    pubStatus: 'usable',
    revisionKind: null,
    urgency: null,
    embargoedUntil: null,
    ednote: null,
    bodyText: '',
    bodyHtml: '',
    wordCount: 0,
    images: [],
    credits: [],
    related: [],
    copyrightNotice: null,
    usageTerms: null,
    representation: 'partial',
    fetchedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  });
}

/** A Story with every field filled, as a NITF wire story would give it. */
export function fullStory(): Story {
  return minimalStory({
    id: 'AP-25255-0832',
    version: 3,
    revision: '7c1e9a2f',
    url: 'https://apnews.com/article/baltic-drills-5a7f',
    guid: 'ap-5a7f',
    altIds: { 'doc-id': 'AP-25255-0832', friendlykey: '25255083200' },
    format: 'nitf',
    parser: 'nitf',
    extraction: { headline: 'hl1' },
    language: 'en-US',
    headline: 'Baltic states hold drills',
    subheadline: 'Thousands of troops take part',
    slugline: 'EU-Baltics-Drills',
    bylines: [
      { name: 'Jane Doe', title: 'AP Diplomatic Writer', organization: 'The Associated Press' },
      { name: 'John Roe' },
    ],
    dateline: 'VILNIUS, Lithuania',
    section: 'World News',
    tags: ['NATO', 'Lithuania'],
    subjects: [
      { scheme: 'medtop', code: '16000000', name: 'conflict, war and peace' },
      { scheme: 'http://cv.ap.org/id/', code: 'c8e409f8858510048872ff2260dd383e', name: 'Military exercises' },
      { scheme: 'N2', code: 'DEF' },
      { name: 'Baltics' },
    ],
    publishedAt: '2025-09-12T07:42:00Z',
    updatedAt: '2025-09-12T09:15:30Z',
    firstCreatedAt: '2025-09-12T07:40:00Z',
    rawDates: { publishedAt: 'Sep 12, 2025 2:42 AM CDT' },
    pubStatus: 'usable',
    revisionKind: 'kill',
    urgency: 2,
    embargoedUntil: '2025-09-12T08:00:00Z',
    ednote: 'Eds: Kills story. Wrong country in headline.',
    bodyText: 'Troops gathered on Friday.\n\nThe drills last a week.',
    bodyHtml: '<p>Troops gathered on Friday.</p><p>The drills last a week.</p>',
    wordCount: 9,
    images: [
      {
        url: 'https://dims.apnews.com/photo/drills.jpg',
        caption: 'Soldiers march near Vilnius.',
        credit: 'AP Photo/Mindaugas Kulbis',
        alt: 'Soldiers in a field',
        width: 1920,
        height: 1080,
      },
    ],
    credits: ['AP'],
    related: [{ headline: 'NATO boosts Baltic presence', url: 'https://apnews.com/article/nato-baltic-1b2c' }],
    copyrightNotice: 'Copyright 2025 The Associated Press. All rights reserved.',
    usageTerms: 'This content is intended for editorial use only.',
    representation: 'full',
  });
}

/**
 * Revision `version` of one story, with a body and status of its own and a content hash that
 * matches them, as the pipeline would hand it to a sink.
 */
export function storyRevision(id: string, version: number, overrides: Partial<Story> = {}): Story {
  const draft = minimalStory({
    id,
    version,
    url: `https://wire.example/${encodeURIComponent(id)}`,
    headline: `Story ${id}, take ${version}`,
    bodyText: `Text of take ${version}.`,
    bodyHtml: `<p>Text of take ${version}.</p>`,
    wordCount: 4,
    section: 'World',
    representation: 'full',
    ...overrides,
  });
  const contentHash = contentHashOf(draft);
  return { ...draft, contentHash, revision: contentHash.slice(0, 16) };
}
