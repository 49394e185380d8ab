import type { SiteSpec } from '../site.js';
import { withoutLabel } from './clean.js';

/**
 * newser.com: short rewrites of wire copy. Above the headline, the category (the section) and
 * the story's tags; below it a dek, "By Newser Editors and Wire Services", a "Posted … CDT" line
 * in Chicago time, a link to the related story it follows, and the photo with its caption and
 * "(AP Photo/…)" credit. The text is a lead paragraph and a list of bullets.
 */
export const newser: SiteSpec = {
  name: 'newser',
  hosts: ['newser.com'],
  timeZone: 'America/Chicago',
  headline: { selectors: ['h1.storyTitle', '#divStoryColumn h1'] },
  subheadline: { selectors: ['h2.storySubTitle', '.storySubTitle'] },
  bylines: { selectors: ['.storyByline .storyAuthor', '.storyAuthor'] },
  publishedAt: { selectors: ['.storyByline .storyDateLine', '.storyDateLine'], clean: [withoutLabel(/^posted\s+/i)] },
  section: { selectors: ['.storyTopLine .storyCategory', 'a.storyCategory'] },
  tags: { selectors: ['.storyTopLine .storyTag', 'a.storyTag'] },
  related: ['.storyRelatedLine a.storyRelatedLink'],
  figures: { selectors: ['.storyPhoto figure'] },
  body: {
    selectors: ['#divStoryBody', '.storyBody'],
    remove: ['.adSlot', '.storyShareBar', '.storyReadMore'],
  },
};
