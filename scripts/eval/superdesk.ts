/**
 * Superdesk's ingest-test expectations (`wire/superdesk/expected/*.json`) compared with our
 * stories. Keys look like `NewsMLTwoFeedParser:[0].headline`, `[1].headline`, `headline` (the
 * only item) or `None:len()` (the item count); `starts_with` holds cut-off body openings.
 */
import { z } from 'zod';
import type { ParseResult } from '../../src/parsers/parse.js';
import type { Story } from '../../src/schema/story.js';
import { storyAt, type Outcome } from './corpus.js';
import { Absent, Agreement, sameInstant } from './score.js';
import {
  bodyStart,
  bodyStartMatches,
  datelineCity,
  datelineMatches,
  htmlText,
  normalizeSpace,
  sameBylines,
} from './text.js';

export const SUPERDESK_FIELDS = [
  'headline',
  'byline',
  'dateline',
  'slugline',
  'versioncreated',
  'firstcreated',
  'body start',
  'items',
] as const;
export type SuperdeskField = (typeof SUPERDESK_FIELDS)[number];

/** Superdesk paths we compare, by the field they count under; other paths are not compared. */
const PATHS: Readonly<Record<string, SuperdeskField>> = {
  headline: 'headline',
  byline: 'byline',
  'dateline.text': 'dateline',
  'dateline.located.city': 'dateline',
  slugline: 'slugline',
  versioncreated: 'versioncreated',
  firstcreated: 'firstcreated',
  body_html: 'body start',
  'body_html.strip()': 'body start',
  'len()': 'items',
};

export interface Expectation {
  field: SuperdeskField;
  /** The superdesk path, e.g. `dateline.located.city`. */
  path: string;
  item: number;
  value: unknown;
  /** A `starts_with` opening rather than a whole value. */
  prefix: boolean;
}

const ExpectedFile = z.object({
  expected: z.record(z.string(), z.unknown()),
  starts_with: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** Superdesk marks a regular-expression opening with this suffix (the pattern is anchored at ^). */
const REGEX_MARK = /\s*\(regex\)$/;

/** `Parser:[i].path` → item and path; a key without `[i]` means the first (only) item. */
export function parseKey(key: string): { item: number; path: string } {
  const path = key.replace(/^(?:[A-Za-z_]\w*|None):/, '');
  const indexed = /^\[(\d+)\]\.(.+)$/.exec(path);
  return indexed ? { item: Number(indexed[1]), path: indexed[2] ?? '' } : { item: 0, path };
}

/** The comparable expectations of one superdesk file; the first parser's wins when several assert a field. */
export function superdeskExpectations(json: unknown): Expectation[] {
  const file = ExpectedFile.parse(json);
  const found = new Map<string, Expectation>();
  const add = (key: string, value: unknown, prefix: boolean): void => {
    const { item, path } = parseKey(key);
    const field = PATHS[path];
    const id = `${item}:${path}`;
    if (field !== undefined && !found.has(id)) found.set(id, { field, path, item, value, prefix });
  };
  for (const [key, value] of Object.entries(file.expected)) add(key, value, false);
  for (const [key, value] of Object.entries(file.starts_with ?? {})) {
    add(key, typeof value === 'string' ? value.replace(REGEX_MARK, '') : value, true);
  }
  return [...found.values()];
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The expectation as it is compared: the city of a dateline, the opening words of a body. */
function expectedValue(e: Expectation): unknown {
  if (e.field === 'dateline') {
    return e.path === 'dateline.text' ? datelineCity(asText(e.value)) : normalizeSpace(asText(e.value));
  }
  if (e.field === 'body start') return bodyStart(htmlText(asText(e.value)));
  return e.value;
}

/** Our value for one expectation on a parsed document, and whether it agrees. */
function compare(e: Expectation, result: ParseResult): { ok: boolean; got: unknown } {
  if (e.field === 'items') return { ok: e.value === result.stories.length, got: result.stories.length };
  const story: Story | undefined = storyAt(result, e.item);
  if (!story) return { ok: false, got: new Absent(`no item ${e.item}`) };
  const want = asText(e.value);
  switch (e.field) {
    case 'headline':
      return { ok: normalizeSpace(want) === normalizeSpace(story.headline), got: story.headline };
    case 'slugline':
      return { ok: normalizeSpace(want) === normalizeSpace(story.slugline ?? ''), got: story.slugline };
    case 'byline': {
      const names = story.bylines.map((b) => b.name);
      return { ok: sameBylines(want, names), got: names.join('; ') };
    }
    case 'dateline':
      return { ok: datelineMatches(asText(expectedValue(e)), story.dateline), got: story.dateline };
    case 'versioncreated': {
      const got = story.updatedAt ?? story.publishedAt;
      return { ok: sameInstant(want, got), got };
    }
    case 'firstcreated':
      return { ok: sameInstant(want, story.firstCreatedAt), got: story.firstCreatedAt };
    case 'body start':
      return { ok: bodyStartMatches(htmlText(want), story.bodyText, e.prefix), got: bodyStart(story.bodyText) };
  }
}

/** Records every expectation of one file (a file that failed to parse misses them all) and returns the verdicts. */
export function scoreSuperdesk(
  agreement: Agreement,
  file: string,
  expectations: readonly Expectation[],
  outcome: Outcome,
): Array<{ field: SuperdeskField; ok: boolean }> {
  return expectations.map((e) => {
    const label = e.field === 'items' ? file : `${file} [${e.item}]`;
    const { ok, got } = outcome.ok ? compare(e, outcome.result) : { ok: false, got: new Absent(outcome.code) };
    return { field: e.field, ok: agreement.check(e.field, label, ok, expectedValue(e), got) };
  });
}
