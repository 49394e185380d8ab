import type { SiteSpec } from '../site.js';

/** "2017-03-13|19h18" → "2017-03-13 19:18". */
const DC_DATE = /^(\d{4}-\d{2}-\d{2})\|(\d{1,2})h(\d{2})$/;

/**
 * ici.radio-canada.ca (CBC/Radio-Canada's French service, Montreal). Its Dublin Core dates
 * (`dc.date.created`, `dc.date.modified`) are Eastern wall-clock times written "2017-03-13|19h18";
 * the `<time datetime>` beside "Publié le …" writes the same clock time with "+00:00", which is
 * not UTC, so the Dublin Core dates come first.
 */
export const radioCanada: SiteSpec = {
  name: 'radio-canada',
  hosts: ['radio-canada.ca'],
  timeZone: 'America/Toronto',
  publishedAt: { selectors: [['meta[name="dc.date.created"]', 'content']], clean: [(v) => v.replace(DC_DATE, '$1 $2:$3')] },
  updatedAt: { selectors: [['meta[name="dc.date.modified"]', 'content']], clean: [(v) => v.replace(DC_DATE, '$1 $2:$3')] },
};
