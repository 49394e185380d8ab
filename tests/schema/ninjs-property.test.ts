import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NINJS_VERSIONS, toNinjs } from '../../src/schema/ninjs.js';
import { storyIdFromNinjsUri } from '../../src/schema/ninjs-uri.js';
import { validateNinjs } from '../../src/schema/ninjs-validate.js';
import { FORMATS, Story } from '../../src/schema/story.js';

/** Any text at all, lone surrogates and control characters included. */
const text = fc.string({ unit: 'binary', maxLength: 40 });
const nonEmpty = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const timestamp = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const url = fc.oneof(fc.webUrl(), nonEmpty);
const dimension = orNull(fc.integer({ min: 1, max: 100_000 }));

const subject = fc
  .record({ code: nonEmpty, name: nonEmpty, scheme: fc.oneof(nonEmpty, fc.constantFrom('medtop', 'subj', 'http://cv.ap.org/id/', 'https://x.test/c#')) }, { requiredKeys: [] })
  .filter((s) => s.code !== undefined || s.name !== undefined);

const story = fc
  .record({
    id: fc.oneof(nonEmpty, fc.webUrl()),
    version: fc.integer({ min: 1, max: 1000 }),
    revision: nonEmpty,
    contentHash: fc.stringMatching(/^[0-9a-f]{64}$/),
    source: fc.record({ id: nonEmpty, name: nonEmpty }),
    url: orNull(url),
    guid: orNull(text),
    altIds: fc.dictionary(text, text, { maxKeys: 4 }),
    format: fc.constantFrom(...FORMATS),
    language: orNull(fc.constantFrom('en', 'en-US', 'sv', 'zh-Hant-TW')),
    headline: nonEmpty,
    subheadline: orNull(text),
    slugline: orNull(text),
    bylines: fc.array(fc.record({ name: nonEmpty, title: nonEmpty, organization: nonEmpty }, { requiredKeys: ['name'] }), { maxLength: 3 }),
    dateline: orNull(text),
    section: orNull(text),
    tags: fc.array(text, { maxLength: 3 }),
    subjects: fc.array(subject, { maxLength: 3 }),
    publishedAt: orNull(timestamp),
    updatedAt: orNull(timestamp),
    firstCreatedAt: orNull(timestamp),
    pubStatus: fc.constantFrom('usable', 'withheld', 'canceled'),
    revisionKind: orNull(fc.constantFrom('new', 'update', 'correction', 'writethru', 'advisory', 'kill')),
    urgency: orNull(fc.integer({ min: 1, max: 9 })),
    embargoedUntil: orNull(timestamp),
    ednote: orNull(text),
    bodyText: text,
    bodyHtml: text,
    wordCount: fc.nat(),
    images: fc.array(fc.record({ url: nonEmpty, caption: orNull(text), credit: orNull(text), alt: orNull(text), width: dimension, height: dimension }), { maxLength: 2 }),
    credits: fc.array(nonEmpty, { maxLength: 3 }),
    related: fc.array(fc.record({ headline: nonEmpty, url: fc.oneof(fc.webUrl(), nonEmpty) }), { maxLength: 2 }),
    copyrightNotice: orNull(text),
    usageTerms: orNull(text),
    representation: fc.constantFrom('full', 'partial'),
  })
  .map((fields) =>
    Story.parse({ schemaVersion: 1, parser: fields.format, extraction: {}, rawDates: {}, fetchedAt: '2025-01-01T00:00:00Z', ...fields }),
  );

describe('ninjs export of arbitrary stories', () => {
  it.each(NINJS_VERSIONS)('is always valid %s and keeps the story id recoverable', (version) => {
    fc.assert(
      fc.property(story, (s) => {
        const doc = toNinjs(s, version);
        expect(validateNinjs(doc, version).errors).toEqual([]);
        if (!/[\uD800-\uDFFF]/.test(s.id)) expect(storyIdFromNinjsUri(doc.uri)).toBe(s.id);
      }),
      { numRuns: 300 },
    );
  });
});
