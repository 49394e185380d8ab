import type { SiteSpec } from '../site.js';

/**
 * npr.org. Story pages keep the headline in `.storytitle`, the names in `.byline__name`, the
 * program or blog in `.slug`, and the text in `#storytext`, whose image "buckets" carry their own
 * caption and credit; "Enlarge this image" and "toggle caption" controls are not text.
 */
export const npr: SiteSpec = {
  name: 'npr',
  hosts: ['npr.org'],
  timeZone: 'America/New_York',
  headline: { selectors: ['.storytitle h1', '#storytitle h1', 'h1.storytitle'] },
  bylines: { selectors: ['#storybyline .byline__name', '.byline__name', '.byline .name'] },
  publishedAt: { selectors: [['#story-meta .dateblock time[datetime]', 'datetime'], ['.dateblock time[datetime]', 'datetime'], ['time[datetime]', 'datetime']] },
  section: { selectors: ['.slug-wrap .slug a', '.slug a', '.slug'] },
  tags: { selectors: ['.tags a', '#story-tags a'] },
  figures: { selectors: ['#storytext .bucketwrap.image', '.bucketwrap.image'], caption: '.caption', credit: '.credit' },
  body: {
    selectors: ['#storytext', '.storytext'],
    remove: ['.bucketwrap.internallink', '.bucketwrap.twitter', 'aside', '.ad-wrap', '.enlarge-options', '.enlarge_measure', '.hide-caption', '.toggle-caption', '.callout-end-of-story-mount-piano-wrap'],
  },
};
