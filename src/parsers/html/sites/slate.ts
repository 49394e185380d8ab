import type { SiteSpec } from '../site.js';

/**
 * slate.com. The article header shows the display headline as `h1.hed`, the dek under it and a
 * zone-less New York "pub-date"; a sticky bar repeats the social title (og:title) in h1s of its
 * own, which are not the headline.
 */
export const slate: SiteSpec = {
  name: 'slate',
  hosts: ['slate.com'],
  timeZone: 'America/New_York',
  headline: { selectors: ['.article-header h1.hed', 'h1.hed'] },
  subheadline: { selectors: ['.article-header .dek'] },
  publishedAt: { selectors: ['.article-header .pub-date'] },
};
