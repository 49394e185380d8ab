import type { SiteSpec } from '../site.js';
import { after, before } from './clean.js';

/** "Julia Carrie Wong and Sam Levin in Cannon Ball, North Dakota": the place the byline was filed from. */
const FILED_FROM = /\s+in\s+(?=\p{Lu})/u;

/**
 * theguardian.com. Its pages name their parts with `data-gu-name` (headline, standfirst, meta,
 * body); the older `content__*` classes follow. Contributors are `rel=author` links in an
 * `address`, which may end with the place the story was filed from — that is the dateline.
 */
export const theguardian: SiteSpec = {
  name: 'theguardian',
  hosts: ['theguardian.com'],
  timeZone: 'Europe/London',
  headline: { selectors: ['[data-gu-name=headline] h1', 'h1[itemprop=headline]', 'h1.content__headline'] },
  subheadline: { selectors: ['[data-gu-name=standfirst]', '.content__standfirst'] },
  bylines: {
    selectors: ['[data-gu-name=meta] address a[rel~=author]', 'address[aria-label] a[rel~=author]', '.byline a[rel~=author]', '[data-gu-name=meta] address'],
    clean: [before(FILED_FROM)],
  },
  dateline: { selectors: ['[data-gu-name=meta] address', 'address[aria-label]'], clean: [after(FILED_FROM)] },
  tags: { selectors: ['[data-component=keywords] a', 'ul.submeta__keywords a', 'a[data-link-name^=keyword]'] },
  figures: { selectors: ['[data-gu-name=media] figure', '.media-primary figure', '.article-body-commercial-selector figure[data-spacefinder-role=inline]'] },
  body: {
    selectors: ['.article-body-commercial-selector', '[data-gu-name=body] .article-body-commercial-selector', '.content__article-body', 'div[itemprop=articleBody]'],
    remove: ['.ad-slot', '.ad-slot-container', '[data-spacefinder-role=supporting]', 'gu-island[name=RichLinkComponent]', '.element-rich-link', '[data-print-layout=hide]'],
  },
};
