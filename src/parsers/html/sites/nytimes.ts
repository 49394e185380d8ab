import type { SiteSpec } from '../site.js';

/**
 * nytimes.com. Story pages mark the headline `h1[data-testid=headline]` (2018 on) or
 * `h1[itemprop=headline]`; the graphics desk's pages (`g-` classes) show theirs as `h1.g-headline`,
 * while their template's own `itemprop=headline` h1 repeats the social title as a kicker above it.
 * Times in the markup carry their offsets; a printed one is New York time.
 */
export const nytimes: SiteSpec = {
  name: 'nytimes',
  hosts: ['nytimes.com'],
  timeZone: 'America/New_York',
  headline: { selectors: ['h1[data-testid=headline]', 'h1.g-headline', 'h1[itemprop=headline]', 'h1.headline'] },
};
