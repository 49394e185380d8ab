import type { StoryDraft } from '../types.js';
import type { Page } from './page.js';

/** The story fields an article page can yield; each comes from the first strategy that finds it. */
export const PAGE_FIELDS = [
  'headline',
  'subheadline',
  'bylines',
  'dateline',
  'publishedAt',
  'updatedAt',
  'section',
  'tags',
  'language',
  'url',
  'wireId',
  'bodyHtml',
  'images',
  'related',
  'credits',
  'copyrightNotice',
] as const satisfies ReadonlyArray<keyof StoryDraft>;

export type PageField = (typeof PAGE_FIELDS)[number];
export type PageFields = Partial<Pick<StoryDraft, PageField>>;

/**
 * One way of reading a page: a site's selector map, embedded data (JSON-LD, page state, meta
 * tags) or the generic extractor. `wanted` lists the fields still missing, so an expensive
 * strategy skips work that an earlier one already did.
 */
export interface Strategy {
  /** Recorded in `story.extraction` for every field it provides: `site:apnews`, `json-ld`, `meta`, `generic`. */
  name: string;
  extract(page: Page, wanted: ReadonlySet<PageField>): PageFields;
}
