import { describe, expect, it } from 'vitest';
import { NINJS_VERSIONS, toNinjs } from '../../src/schema/ninjs.js';
import { storyIdFromNinjsUri } from '../../src/schema/ninjs-uri.js';
import { validateNinjs } from '../../src/schema/ninjs-validate.js';
import { Story } from '../../src/schema/story.js';
import { goldenCases, runCase } from '../helpers/golden.js';

/**
 * Every story every golden fixture yields; fixtures that must fail with a typed error yield none.
 * The tests skip until other fixtures exist.
 */
const stories = goldenCases().flatMap((c) => {
  const result = runCase(c);
  const found = typeof result === 'object' && result !== null && 'stories' in result && Array.isArray(result.stories) ? result.stories : [];
  return found.map((story: unknown, index) => ({ name: `${c.name}#${index}`, story }));
});

describe('ninjs export of the golden fixtures', () => {
  for (const version of NINJS_VERSIONS) {
    it.skipIf(stories.length === 0)(`exports all ${stories.length} golden stories as valid ninjs ${version}`, () => {
      const failures = stories.flatMap(({ name, story }) => {
        const parsed = Story.parse(story);
        const doc = toNinjs(parsed, version);
        const result = validateNinjs(doc, version);
        const idKept = storyIdFromNinjsUri(doc.uri) === parsed.id;
        return result.valid && idKept ? [] : [{ name, idKept, errors: result.errors }];
      });
      expect(failures).toEqual([]);
    });
  }
});
