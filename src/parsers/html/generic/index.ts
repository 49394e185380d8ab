import type { Page } from '../page.js';
import type { PageField, PageFields, Strategy } from '../strategy.js';
import { genericContentStrategy } from './content.js';
import { genericMetadataStrategy } from './metadata.js';

/**
 * The generic extractor, last in line: metadata fallbacks (headline, bylines, dates…) and the
 * content finder (body and images) under one strategy name. Each part answers only the fields
 * it knows and skips its work when none of them is still wanted.
 */
export const genericStrategy: Strategy = {
  name: 'generic',
  extract(page: Page, wanted: ReadonlySet<PageField>): PageFields {
    return { ...genericMetadataStrategy.extract(page, wanted), ...genericContentStrategy.extract(page, wanted) };
  },
};
