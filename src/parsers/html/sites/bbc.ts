import type { SiteSpec } from '../site.js';
import { epochToIso, withoutLabel } from './clean.js';

/**
 * bbc.com and bbc.co.uk. News pages since 2023 are built from `data-component` blocks
 * (headline-block, byline-block, text-block, image-block, tag-list); the older story pages use
 * `story-body__*` classes and a `.date` with epoch seconds. Class names are hashed, so blocks are
 * found by `data-component` and `data-testid`. Each contributor's name is the first span of its
 * entry; the role after it ("BBC Scotland News") is not a name.
 */
export const bbc: SiteSpec = {
  name: 'bbc',
  hosts: ['bbc.com', 'bbc.co.uk'],
  timeZone: 'Europe/London',
  headline: { selectors: ['#main-heading', '[data-component=headline-block] h1', 'h1.story-body__h1', 'h1.story-headline'] },
  bylines: {
    selectors: ['[data-testid=byline-new-contributors] > div > span:first-child', '[data-component=byline-block] [class*=TextContributorName]', '.byline__name', '.qa-contributor-name'],
    clean: [withoutLabel(/^by\s+/i)],
  },
  publishedAt: {
    selectors: [['[data-component=byline-block] time[datetime]', 'datetime'], ['[data-testid=timestamp]', 'datetime'], ['.story-body .date[data-seconds]', 'data-seconds']],
    clean: [(v) => epochToIso(v) ?? v],
  },
  tags: { selectors: ['[data-component=tag-list] a', '[data-component=topic-list] a', '.tags-list a'] },
  body: {
    selectors: ['main#main-content article', '#main-content article', '.story-body__inner', '[property=articleBody]'],
    remove: [
      ...['[data-component=headline-block]', '[data-component=byline-block]', '[data-component=links-block]', '[data-component=tag-list]'],
      ...['[data-component=topic-list]', '[data-component=related-internet-links]', '[data-component=ad-slot]', '[data-component=see-alsos]'],
    ],
  },
};
