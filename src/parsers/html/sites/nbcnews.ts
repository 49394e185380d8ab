import type { SiteSpec } from '../site.js';
import { after, before } from './clean.js';

const UPDATED = /\s*\/\s*updated\s+/i;

/**
 * nbcnews.com, and msnbc.com and today.com, which NBC News Digital publishes from the same
 * templates. The headline, dek and lead photo (its credit apart: "Name / AFP - Getty Images")
 * sit in the article hero; names are `.byline-name` (the inline byline and the expanded one
 * repeat them); one `<time>` prints "Dec. 13, 2016, 12:31 PM UTC / Updated Dec. 13, 2016,
 * 6:06 PM UTC" and its `datetime` is the update, so the text is read.
 */
export const nbcnews: SiteSpec = {
  name: 'nbcnews',
  hosts: ['nbcnews.com', 'msnbc.com', 'today.com'],
  timeZone: 'America/New_York',
  headline: { selectors: ['h1.article-hero-headline__htag', '[class*=article-hero-headline] h1', '.article-hero__headline h1'] },
  subheadline: { selectors: ['.article-dek', '[class*=article-dek]', '.articleDek'] },
  bylines: { selectors: ['.article-inline-byline .byline-name', '.byline-name'] },
  publishedAt: { selectors: ['.article-body__date-source time', 'time[itemprop=datePublished]', 'article time'], clean: [before(UPDATED)] },
  updatedAt: { selectors: ['.article-body__date-source time', 'time[itemprop=datePublished]', 'article time'], clean: [after(UPDATED)] },
  section: { selectors: ['.unibrow a', '[class*=unibrow] a', '[class*=unibrow]'] },
  figures: { selectors: ['.article-hero__main-image', '.article-body__content figure'], credit: '.caption__source' },
  body: {
    selectors: ['.article-body__content', '[class*=article-body__content]', '.article-body'],
    remove: ['[class*=ad-container]', '.ad', '[data-test=related]', '.recommended-intersection-ref', '[class*=inline-video]', '.taboola'],
  },
};
