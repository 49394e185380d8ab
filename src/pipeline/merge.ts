import { contentHashOf } from '../schema/content-hash.js';
import type { Story } from '../schema/story.js';

/**
 * A feed teaser completed by its article page. The teaser keeps the story's identity (id, guid,
 * source) so feed and page are one story; the page supplies what a teaser lacks. Feed dates win:
 * feeds carry zoned timestamps, pages often do not.
 */
export function completeTeaser(teaser: Story, page: Story): Story {
  const pick = <K extends keyof Story>(field: K): Story[K] => (hasValue(page[field]) ? page[field] : teaser[field]);
  const extraction: Record<string, string> = { ...page.extraction };
  for (const field of ['headline', 'bylines', 'section', 'tags', 'images', 'language'] as const) {
    if (!hasValue(page[field]) && hasValue(teaser[field])) extraction[field] = 'feed';
  }
  const merged: Story = {
    ...teaser,
    headline: pick('headline'),
    subheadline: pick('subheadline'),
    bylines: pick('bylines'),
    dateline: pick('dateline'),
    section: pick('section'),
    tags: [...new Set([...teaser.tags, ...page.tags])],
    subjects: pick('subjects'),
    language: pick('language'),
    publishedAt: teaser.publishedAt ?? page.publishedAt,
    updatedAt: latest(teaser.updatedAt, page.updatedAt),
    firstCreatedAt: teaser.firstCreatedAt ?? page.firstCreatedAt,
    rawDates: { ...page.rawDates, ...teaser.rawDates },
    bodyText: page.bodyText,
    bodyHtml: page.bodyHtml,
    wordCount: page.wordCount,
    images: pick('images'),
    credits: [...new Set([...teaser.credits, ...page.credits])],
    related: pick('related'),
    copyrightNotice: pick('copyrightNotice'),
    altIds: { ...page.altIds, ...teaser.altIds },
    extraction,
    parser: `${teaser.parser}+${page.parser}`,
    representation: 'full',
    fetchedAt: page.fetchedAt,
  };
  const contentHash = contentHashOf(merged);
  return { ...merged, contentHash, revision: contentHash.slice(0, 16) };
}

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function latest(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
