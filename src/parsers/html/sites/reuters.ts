import type { SiteSpec } from '../site.js';

/**
 * reuters.com. The Arc layout marks its parts with `data-testid` (Heading, paragraph-N,
 * ArticleBody); the older `ArticleHeader`/`StandardArticleBody` classes follow. Leads carry the
 * dateline ("VILNIUS, Sept 11 (Reuters) -"), which the shared lead splitter reads.
 */
export const reuters: SiteSpec = {
  name: 'reuters',
  hosts: ['reuters.com'],
  timeZone: 'UTC',
  headline: { selectors: ['h1[data-testid=Heading]', 'h1[class*=ArticleHeader_headline]', 'h1.article-headline', 'h1[class*=article-header__title]'] },
  bylines: { selectors: ['[data-testid=AuthorByline]', '[class*=BylineBar_byline]', 'header a[href^="/authors/"]'] },
  publishedAt: { selectors: [['[data-testid=ArticleHeader] time[datetime]', 'datetime'], ['header time[datetime]', 'datetime']] },
  tags: { selectors: ['[data-testid=TagsList] a', '[aria-label=Tags] a'] },
  body: {
    selectors: ['[data-testid=ArticleBody]', '[class*=article-body__content]', '[class*=StandardArticleBody_body]', '.ArticleBodyWrapper', '#article-text'],
    remove: ['[data-testid=Toolbar]', '[data-testid=promo-box]', '[data-testid=ResponsiveAdSlot]', '[class*=read-next]', '[class*=related-coverage]', '[class*=trust-badge]', '[class*=article-body__row__dividers]'],
  },
};
