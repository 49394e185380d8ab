import { describe, expect, it } from 'vitest';
import { NINJS_SCHEMA_IDS, NINJS_VERSIONS, toNinjs, type NinjsVersion } from '../../src/schema/ninjs.js';
import { storyIdFromNinjsUri } from '../../src/schema/ninjs-uri.js';
import { validateNinjs } from '../../src/schema/ninjs-validate.js';
import type { Story } from '../../src/schema/story.js';
import schema22 from '../../src/schema/ninjs/ninjs-schema_2.2.json' with { type: 'json' };
import schema31 from '../../src/schema/ninjs/ninjs-schema_3.1.json' with { type: 'json' };
import { fullStory, minimalStory } from '../helpers/stories.js';

const CPP = 'http://cv.iptc.org/newscodes/contentprodpartyrole/';

/**
 * Exports to one version, fails with Ajv's own error list when the result is not valid, and
 * returns the document as parsed back from JSON — which must equal it exactly (plain JSON only:
 * no undefined values, no class instances).
 */
function exportValid(story: Story, version: NinjsVersion): Record<string, unknown> {
  const doc = toNinjs(story, version);
  expect(validateNinjs(doc, version).errors).toEqual([]);
  const json = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  expect(json).toStrictEqual(doc);
  return json;
}

describe('toNinjs', () => {
  it('defaults to ninjs 3.1 and supports 3.1 and 2.2', () => {
    expect(NINJS_VERSIONS).toEqual(['3.1', '2.2']);
    expect(toNinjs(minimalStory()).standard.version).toBe('3.1');
  });

  it('names the schema each export conforms to by its official $id', () => {
    expect(NINJS_SCHEMA_IDS['3.1']).toBe(schema31.$id);
    expect(NINJS_SCHEMA_IDS['2.2']).toBe(schema22.$id);
  });

  describe('a story with every field filled', () => {
    it('maps to ninjs 3.1 field by field', () => {
      const doc = exportValid(fullStory(), '3.1');
      expect(doc).toEqual({
        // A NITF doc-id is no URI: wrapped, and reversible.
        uri: 'urn:wiredesk:id:AP-25255-0832',
        type: 'text',
        representationType: 'full',
        version: '3',
        firstCreated: '2025-09-12T07:40:00Z',
        versionCreated: '2025-09-12T09:15:30Z',
        embargoedUntil: '2025-09-12T08:00:00Z',
        // revisionKind kill wins over the wire's usable.
        pubStatus: 'canceled',
        urgency: 2,
        copyrightNotice: 'Copyright 2025 The Associated Press. All rights reserved.',
        usageTerms: 'This content is intended for editorial use only.',
        edNote: 'Eds: Kills story. Wrong country in headline.',
        language: 'en-US',
        headlines: [
          { role: 'main', value: 'Baltic states hold drills' },
          { role: 'subhead', value: 'Thousands of troops take part' },
        ],
        bodies: [
          {
            role: 'richtext',
            contentType: 'text/html',
            charCount: 51,
            wordCount: 9,
            value: '<p>Troops gathered on Friday.</p><p>The drills last a week.</p>',
          },
          {
            role: 'text',
            contentType: 'text/plain',
            charCount: 51,
            wordCount: 9,
            value: 'Troops gathered on Friday.\n\nThe drills last a week.',
          },
        ],
        people: [
          { name: 'Jane Doe', rel: 'author' },
          { name: 'John Roe', rel: 'author' },
        ],
        subjects: [
          { name: 'conflict, war and peace', uri: 'http://cv.iptc.org/newscodes/mediatopic/16000000', literal: '16000000' },
          { name: 'Military exercises', uri: 'http://cv.ap.org/id/c8e409f8858510048872ff2260dd383e', literal: 'c8e409f8858510048872ff2260dd383e' },
          // An unknown scheme alias cannot become a URI: the QCode keeps it.
          { literal: 'N2:DEF' },
          { name: 'Baltics' },
          { name: 'World News', rel: 'section' },
          { name: 'NATO', rel: 'keyword' },
          { name: 'Lithuania', rel: 'keyword' },
        ],
        infoSources: [
          { name: 'AP', role: `${CPP}contentSource` },
          { name: 'Example', literal: 'example', role: `${CPP}distributor` },
        ],
        by: 'Jane Doe, AP Diplomatic Writer, The Associated Press; John Roe',
        slugline: 'EU-Baltics-Drills',
        located: 'VILNIUS, Lithuania',
        associations: [
          {
            name: 'image-1',
            uri: 'https://dims.apnews.com/photo/drills.jpg',
            type: 'picture',
            representationType: 'partial',
            descriptions: [
              { role: 'caption', value: 'Soldiers march near Vilnius.' },
              { role: 'alttext', value: 'Soldiers in a field' },
              { role: 'creditline', value: 'AP Photo/Mindaugas Kulbis' },
            ],
            renditions: [{ name: 'default', href: 'https://dims.apnews.com/photo/drills.jpg', width: 1920, height: 1080 }],
          },
          {
            name: 'related-1',
            uri: 'https://apnews.com/article/nato-baltic-1b2c',
            type: 'text',
            representationType: 'partial',
            headlines: [{ role: 'main', value: 'NATO boosts Baltic presence' }],
            renditions: [{ name: 'default', href: 'https://apnews.com/article/nato-baltic-1b2c' }],
          },
        ],
        altIds: [
          { role: 'doc-id', value: 'AP-25255-0832' },
          { role: 'friendlykey', value: '25255083200' },
          { role: 'wiredesk:url', value: 'https://apnews.com/article/baltic-drills-5a7f' },
          { role: 'wiredesk:guid', value: 'ap-5a7f' },
          { role: 'wiredesk:revision', value: '7c1e9a2f' },
          { role: 'wiredesk:contentHash', value: 'c0ffee'.padEnd(64, '0') },
        ],
        standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
      });
    });

    it('maps to ninjs 2.2 with its lower-case names and `embargoed`', () => {
      const doc = exportValid(fullStory(), '2.2');
      expect(doc).toEqual({
        uri: 'urn:wiredesk:id:AP-25255-0832',
        type: 'text',
        representationtype: 'full',
        version: '3',
        firstcreated: '2025-09-12T07:40:00Z',
        versioncreated: '2025-09-12T09:15:30Z',
        embargoed: '2025-09-12T08:00:00Z',
        pubstatus: 'canceled',
        urgency: 2,
        copyrightnotice: 'Copyright 2025 The Associated Press. All rights reserved.',
        usageterms: 'This content is intended for editorial use only.',
        ednote: 'Eds: Kills story. Wrong country in headline.',
        language: 'en-US',
        headlines: [
          { role: 'main', value: 'Baltic states hold drills' },
          { role: 'subhead', value: 'Thousands of troops take part' },
        ],
        bodies: [
          {
            role: 'richtext',
            contenttype: 'text/html',
            charcount: 51,
            wordcount: 9,
            value: '<p>Troops gathered on Friday.</p><p>The drills last a week.</p>',
          },
          {
            role: 'text',
            contenttype: 'text/plain',
            charcount: 51,
            wordcount: 9,
            value: 'Troops gathered on Friday.\n\nThe drills last a week.',
          },
        ],
        people: [
          { name: 'Jane Doe', rel: 'author' },
          { name: 'John Roe', rel: 'author' },
        ],
        subjects: [
          { name: 'conflict, war and peace', uri: 'http://cv.iptc.org/newscodes/mediatopic/16000000', literal: '16000000' },
          { name: 'Military exercises', uri: 'http://cv.ap.org/id/c8e409f8858510048872ff2260dd383e', literal: 'c8e409f8858510048872ff2260dd383e' },
          { literal: 'N2:DEF' },
          { name: 'Baltics' },
          { name: 'World News', rel: 'section' },
          { name: 'NATO', rel: 'keyword' },
          { name: 'Lithuania', rel: 'keyword' },
        ],
        // 2.x describes an infosource role as a URI: IPTC party-role codes satisfy both versions.
        infosources: [
          { name: 'AP', role: `${CPP}contentSource` },
          { name: 'Example', literal: 'example', role: `${CPP}distributor` },
        ],
        by: 'Jane Doe, AP Diplomatic Writer, The Associated Press; John Roe',
        slugline: 'EU-Baltics-Drills',
        located: 'VILNIUS, Lithuania',
        associations: [
          {
            name: 'image-1',
            uri: 'https://dims.apnews.com/photo/drills.jpg',
            type: 'picture',
            representationtype: 'partial',
            descriptions: [
              { role: 'caption', value: 'Soldiers march near Vilnius.' },
              { role: 'alttext', value: 'Soldiers in a field' },
              { role: 'creditline', value: 'AP Photo/Mindaugas Kulbis' },
            ],
            renditions: [{ name: 'default', href: 'https://dims.apnews.com/photo/drills.jpg', width: 1920, height: 1080 }],
          },
          {
            name: 'related-1',
            uri: 'https://apnews.com/article/nato-baltic-1b2c',
            type: 'text',
            representationtype: 'partial',
            headlines: [{ role: 'main', value: 'NATO boosts Baltic presence' }],
            renditions: [{ name: 'default', href: 'https://apnews.com/article/nato-baltic-1b2c' }],
          },
        ],
        altids: [
          { role: 'doc-id', value: 'AP-25255-0832' },
          { role: 'friendlykey', value: '25255083200' },
          { role: 'wiredesk:url', value: 'https://apnews.com/article/baltic-drills-5a7f' },
          { role: 'wiredesk:guid', value: 'ap-5a7f' },
          { role: 'wiredesk:revision', value: '7c1e9a2f' },
          { role: 'wiredesk:contentHash', value: 'c0ffee'.padEnd(64, '0') },
        ],
        standard: { name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#' },
      });
    });

    it('leaves out what ninjs has no property for, rather than inventing one', () => {
      for (const version of NINJS_VERSIONS) {
        const json = JSON.stringify(toNinjs(fullStory(), version));
        for (const internal of ['fetchedAt', 'hl1', 'Sep 12, 2025', 'nitf', 'schemaVersion', 'kill']) {
          expect(json).not.toContain(internal);
        }
      }
    });
  });

  describe('edge cases', () => {
    it.each(NINJS_VERSIONS)('keeps a minimal story valid (%s)', (version) => {
      const doc = exportValid(minimalStory(), version);
      const rep = version === '3.1' ? 'representationType' : 'representationtype';
      const status = version === '3.1' ? 'pubStatus' : 'pubstatus';
      expect(doc).toEqual({
        uri: 'https://example.com/news/minimal',
        type: 'text',
        [rep]: 'partial',
        version: '1',
        [status]: 'usable',
        headlines: [{ role: 'main', value: 'Minimal' }],
        [version === '3.1' ? 'infoSources' : 'infosources']: [{ name: 'Example', literal: 'example', role: `${CPP}distributor` }],
        [version === '3.1' ? 'altIds' : 'altids']: [
          { role: 'wiredesk:revision', value: 'c0ffee0000000000' },
          { role: 'wiredesk:contentHash', value: 'c0ffee'.padEnd(64, '0') },
        ],
        standard: { name: 'ninjs', version, schema: NINJS_SCHEMA_IDS[version] },
      });
    });

    it.each(NINJS_VERSIONS)('exports withheld and canceled stories as such (%s)', (version) => {
      for (const pubStatus of ['withheld', 'canceled'] as const) {
        const doc = exportValid(minimalStory({ pubStatus }), version);
        expect(doc[version === '3.1' ? 'pubStatus' : 'pubstatus']).toBe(pubStatus);
      }
    });

    it('uses publication time when the wire gives no first-created or update time', () => {
      const doc = toNinjs(minimalStory({ publishedAt: '2025-03-01T10:00:00.5Z' }));
      expect(doc.firstCreated).toBe('2025-03-01T10:00:00.5Z');
      expect(doc.versionCreated).toBe('2025-03-01T10:00:00.5Z');
    });

    it.each(NINJS_VERSIONS)('gives a valid, reversible uri to ids that are not URIs (%s)', (version) => {
      for (const id of ['AP-25255-0832', 'dpa 2025/11 #7', 'ü-ñ-東京', 'urn:wiredesk:id:AP-1', 'https://example.com/a b', 'x'.repeat(2000)]) {
        const doc = exportValid(minimalStory({ id }), version);
        expect(storyIdFromNinjsUri(String(doc.uri))).toBe(id);
        expect(toNinjs(minimalStory({ id }), version).uri).toBe(doc.uri);
      }
    });

    it.each(NINJS_VERSIONS)('carries characters that need escaping through JSON unchanged (%s)', (version) => {
      const tricky = 'Quote " backslash \\ tab \t nul \u0000 LS \u2028 </script> <!-- & emoji 👩‍👩‍👧 rtl \u202e';
      const story = minimalStory({
        id: `urn:x:${encodeURIComponent(tricky)}`,
        headline: tricky,
        subheadline: tricky,
        slugline: tricky,
        dateline: tricky,
        ednote: tricky,
        bodyText: tricky,
        bodyHtml: `<p>${tricky.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`,
        bylines: [{ name: tricky }],
        tags: [tricky],
        subjects: [{ scheme: 'http://example.com/codes', code: tricky, name: tricky }],
        images: [{ url: `https://example.com/${tricky}.jpg`, caption: tricky, credit: tricky, alt: tricky, width: null, height: null }],
        related: [{ headline: tricky, url: tricky }],
        altIds: { [tricky]: tricky },
      });
      const doc = exportValid(story, version);
      const headlines = doc.headlines as Array<{ value: string }>;
      expect(headlines[0]?.value).toBe(tricky);
      const bodies = doc.bodies as Array<{ value: string }>;
      expect(bodies[1]?.value).toBe(tricky);
    });

    it('counts characters, not UTF-16 units', () => {
      const doc = toNinjs(minimalStory({ bodyText: 'a👋b', bodyHtml: '<p>a👋b</p>', wordCount: 1 }));
      expect(doc.bodies?.map((b) => b.charCount)).toEqual([3, 3]);
    });

    it('joins plain bylines as a phrase', () => {
      const names = [{ name: 'Ann' }, { name: 'Bo' }, { name: 'Cy' }];
      expect(toNinjs(minimalStory({ bylines: names.slice(0, 1) })).by).toBe('Ann');
      expect(toNinjs(minimalStory({ bylines: names.slice(0, 2) })).by).toBe('Ann and Bo');
      expect(toNinjs(minimalStory({ bylines: names })).by).toBe('Ann, Bo and Cy');
    });

    it('keeps an image without a usable URL valid, with no href', () => {
      const image = { url: 'images/photo.jpg', caption: null, credit: null, alt: null, width: null, height: null };
      for (const version of NINJS_VERSIONS) {
        const doc = exportValid(minimalStory({ images: [image] }), version);
        expect(doc.associations).toEqual([
          {
            name: 'image-1',
            uri: 'urn:wiredesk:id:images%2Fphoto.jpg',
            type: 'picture',
            [version === '3.1' ? 'representationType' : 'representationtype']: 'partial',
          },
        ]);
      }
    });

    it('percent-encodes a subject code into its scheme URI', () => {
      const doc = toNinjs(minimalStory({ subjects: [{ scheme: 'http://example.com/tags#', code: 'New York/NY' }] }));
      expect(doc.subjects).toEqual([{ uri: 'http://example.com/tags#New%20York%2FNY', literal: 'New York/NY' }]);
    });
  });
});
