import type { SiteSpec } from '../site.js';
import { epochToIso, onlyLabelled } from './clean.js';

/**
 * apnews.com. AP's layouts change (fundus keeps dated versions): the Brightspot pages since mid
 * 2023 (`Page-*`, `RichTextStoryBody`) come first, the React pages before them (`data-key`)
 * second. `article:published_time` carries no zone and is UTC (JSON-LD states the same instant
 * with a Z), hence the zone. The lead photo sits above the story body, its caption ending in
 * "(AP Photo/…)".
 */
export const apnews: SiteSpec = {
  name: 'apnews',
  hosts: ['apnews.com'],
  timeZone: 'UTC',
  headline: { selectors: ['h1.Page-headline', '.CardHeadline h1', '[data-key=card-headline] h1'] },
  bylines: { selectors: ['.Page-authors', '[class*=Component-bylines]'] },
  publishedAt: {
    selectors: [['meta[property="article:published_time"]', 'content'], ['.Page-datePublished bsp-timestamp', 'data-timestamp']],
    clean: [(v) => epochToIso(v) ?? v],
  },
  updatedAt: {
    selectors: [['.Page-dateModified bsp-timestamp', 'data-timestamp'], ['[data-key=timestamp]', 'data-source'], '.Page-dateModified'],
    clean: [(v) => epochToIso(v) ?? onlyLabelled(/^updated\s*/i)(v) ?? v],
  },
  figures: { selectors: ['.Page-lead figure', '.Page-lead .CarouselSlide'], caption: 'figcaption, .CarouselSlide-infoDescription' },
  body: {
    selectors: ['.RichTextStoryBody', '.RichTextBody', '[data-key=article]'],
    remove: ['.Enhancement', '.Advertisement', '[class*=ad-placeholder]', '.Page-actions', '[data-module=RelatedStories]', 'bsp-list-loadmore'],
  },
};
