/**
 * Other feed libraries' pinned output for the same files, read by shape: rss-parser's
 * `{feed: {items: [{title, link, isoDate, …}]}}` and feed-rs's `{entries: [{title: {content},
 * links: [{href, rel}], published, updated}]}`.
 */
import { z } from 'zod';
import type { Story } from '../../src/schema/story.js';
import { sameInstant } from './score.js';
import { htmlText, sameUpToReplacements } from './text.js';

export interface ExpectedItem {
  title: string | null;
  link: string | null;
  /** The item's first date: rss-parser's isoDate, feed-rs's published, else updated. */
  date: string | null;
}

const text = z.string().nullable().optional().catch(null);

const RssParserFile = z.object({
  feed: z.object({ items: z.array(z.object({ title: text, link: text, isoDate: text })) }),
});

const FeedRsFile = z.object({
  entries: z.array(
    z.object({
      title: z.object({ content: z.string() }).nullable().optional(),
      links: z.array(z.object({ href: z.string(), rel: z.string().nullable().optional() })).optional(),
      published: text,
      updated: text,
    }),
  ),
});

const nonEmpty = (value: string | null | undefined): string | null => (value ? value : null);

/** The expected items, or null when the file has neither library's shape. */
export function expectedItems(json: unknown): ExpectedItem[] | null {
  const rssParser = RssParserFile.safeParse(json);
  if (rssParser.success) {
    return rssParser.data.feed.items.map((item) => ({
      title: nonEmpty(item.title),
      link: nonEmpty(item.link),
      date: nonEmpty(item.isoDate),
    }));
  }
  const feedRs = FeedRsFile.safeParse(json);
  if (feedRs.success) {
    return feedRs.data.entries.map((entry) => {
      const links = entry.links ?? [];
      const link = links.find((l) => l.rel === null || l.rel === undefined || l.rel === 'alternate') ?? links[0];
      return {
        title: nonEmpty(entry.title?.content),
        link: nonEmpty(link?.href),
        date: nonEmpty(entry.published) ?? nonEmpty(entry.updated),
      };
    });
  }
  return null;
}

/** Same visible text: entities decoded, tags dropped, whitespace collapsed on both sides. */
export function sameTitle(expected: string, story: Pick<Story, 'headline'>): boolean {
  return sameUpToReplacements(htmlText(expected), htmlText(story.headline));
}

export function sameLink(expected: string, story: Pick<Story, 'url'>): boolean {
  return story.url === expected;
}

/**
 * The expected link is our url or our guid (FeedBurner feeds give a proxy link next to the
 * original), or, being relative, resolves against our url to our url.
 */
export function linkInUrlOrGuid(expected: string, story: Pick<Story, 'url' | 'guid'>): boolean {
  if (story.url === expected || story.guid === expected) return true;
  if (story.url === null || /^[a-z][a-z0-9+.-]*:/i.test(expected)) return false;
  try {
    return new URL(expected, story.url).href === story.url;
  } catch {
    return false;
  }
}

/** The item's first date against our publishedAt ?? updatedAt, as instants. */
export function sameDate(expected: string, story: Pick<Story, 'publishedAt' | 'updatedAt'>): boolean {
  return sameInstant(expected, story.publishedAt ?? story.updatedAt);
}
