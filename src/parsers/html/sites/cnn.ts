import type { SiteSpec } from '../site.js';
import { onlyLabelled } from './clean.js';

/**
 * cnn.com and edition.cnn.com. The 2022+ layout (`headline__text`, `byline__names`,
 * `article__content`) first, then the older `pg-headline` / `zn-body-text` pages and the
 * 2013-era `cnn_story*` ones. CNN prints one
 * timestamp, "Published …" or "Updated …"; its byline names the organization ("…, CNN"); the
 * dateline sits in a `cite.source` before the first paragraph and is taken out of the body.
 */
export const cnn: SiteSpec = {
  name: 'cnn',
  hosts: ['cnn.com'],
  // Printed times carry their zone ("3:15 PM EDT"); machine times without one are UTC.
  timeZone: 'UTC',
  headline: { selectors: ['h1.headline__text', 'h1.pg-headline', '.article-title h1', 'h1.article-title', '.cnn_storyarea h1'] },
  bylines: { selectors: ['.byline__names', '.metadata__byline__author', '.byline-names', '.cnnByline'] },
  publishedAt: { selectors: ['.timestamp', '.update-time'], clean: [onlyLabelled(/^published\s*/i)] },
  updatedAt: { selectors: ['.timestamp', '.update-time'], clean: [onlyLabelled(/^updated\s*/i)] },
  dateline: { selectors: ['.source__location', '.el-editorial-source'] },
  section: { selectors: [['meta[name="meta-section"]', 'content'], ['meta[name="section"]', 'content']] },
  // A video lede's poster frame is not the story's photo.
  figures: { selectors: ['.image__lede:not(:has(.video-resource))', '.article__content .image'], caption: '.image__caption' },
  body: {
    selectors: ['.article__content', '.zn-body-text', '[itemprop=articleBody]', '#body-text', '.cnn_strycntntlft'],
    remove: [
      ...['.source', '.ad-slot', '.ad-slot-dynamic', '.related-content', '.zn-body__read-more', '.el__embedded--standard', '.video-resource'],
      ...['.ad-feedback-link-container', '.cnn_strylftcntnt', '.cnn_stryshrwdgtbtm', '.cnn_strybtmcntnt'],
    ],
  },
};
