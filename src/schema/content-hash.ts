import { createHash } from 'node:crypto';
import type { Story } from './story.js';

/**
 * What a reader or an editor would call the story's content. Fetch times, ids and extraction
 * details are left out, so re-fetching an unchanged story yields the same hash.
 */
export const CONTENT_FIELDS = [
  'headline',
  'subheadline',
  'slugline',
  'bylines',
  'dateline',
  'section',
  'tags',
  'subjects',
  'pubStatus',
  'revisionKind',
  'urgency',
  'embargoedUntil',
  'ednote',
  'bodyText',
  'images',
  'related',
  'copyrightNotice',
  'usageTerms',
] as const satisfies ReadonlyArray<keyof Story>;

export type ContentFields = Pick<Story, (typeof CONTENT_FIELDS)[number]>;

/** sha256 (hex) of the content fields in a canonical JSON form (keys sorted). */
export function contentHashOf(story: ContentFields): string {
  const content = Object.fromEntries(CONTENT_FIELDS.map((field) => [field, story[field]]));
  return createHash('sha256').update(stableJson(content)).digest('hex');
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
