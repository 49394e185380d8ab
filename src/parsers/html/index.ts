import { ParseError } from '../../errors.js';
import { likelyTimeZone } from '../cleaners/zones.js';
import type { ParseContext, Parser, StoryDraft } from '../types.js';
import { embeddedStrategies } from './embedded/index.js';
import { metaValue, scanPage } from './embedded/scan.js';
import { genericStrategy } from './generic/index.js';
import { printedOverMislabelledUtc } from './generic/metadata.js';
import { mergeImages, type FoundImages } from './images.js';
import { loadPage, type Page } from './page.js';
import { siteFor } from './sites/index.js';
import { siteStrategy } from './site.js';
import { PAGE_FIELDS, type PageField, type Strategy } from './strategy.js';

/**
 * Article pages. Strategies run from the most specific to the most general — the site's own
 * selector map, then embedded data, then the generic extractor — and each field is taken from the
 * first strategy that finds it (per field, not per page), with the strategy recorded. Images are
 * the exception: every strategy's are merged.
 */
export const htmlParser: Parser<'html'> = {
  format: 'html',
  kind: 'html',
  detect: () => true,
  parse(doc, ctx) {
    const page = loadPage(doc, ctx);
    const site = siteFor(page.host);
    const strategies: Strategy[] = [...(site ? [siteStrategy(site)] : []), ...embeddedStrategies, genericStrategy];

    const zone = site?.timeZone ?? pageTimeZone(page, ctx);
    const draft: StoryDraft = { extraction: {}, ...(zone ? { defaultTimeZone: zone } : {}) };
    const wanted = new Set<PageField>(PAGE_FIELDS);
    const images: FoundImages[] = [];
    for (const strategy of strategies) {
      // The body's figures come with the body: once a site map read it, the generic extractor is not run for images alone.
      if (strategy === genericStrategy && draft.bodyHtml) wanted.delete('images');
      if (wanted.size === 0) break;
      const found = strategy.extract(page, wanted);
      for (const field of PAGE_FIELDS) {
        const value = found[field];
        if (field === 'images' || !wanted.has(field) || !present(value)) continue;
        (draft as Record<PageField, unknown>)[field] = value;
        draft.extraction![field] = strategy.name;
        wanted.delete(field);
      }
      // Images are merged, not taken from the first strategy: the declared lead image has no caption, the body's figures have theirs.
      if (found.images?.length) images.push({ from: strategy.name, images: found.images });
    }
    if (images.length > 0) {
      const merged = mergeImages(images);
      draft.images = merged.images;
      draft.extraction!.images = merged.from.join('+');
    }
    // A site map knows its own dates; elsewhere the time readers see corrects a mislabelled machine time.
    const printed = draft.publishedAt && !draft.extraction!.publishedAt?.startsWith('site:') ? printedOverMislabelledUtc(page, draft.publishedAt) : null;
    if (printed) {
      draft.publishedAt = printed;
      draft.extraction!.publishedAt = 'generic';
    }
    if (!draft.bodyHtml) throw new ParseError('WD_ERR_NO_STORY', 'the page holds no article text');
    draft.url ??= page.url;
    return [draft];
  },
};

/**
 * The zone for the page's zone-less times when no site map knows it: what the page says about its
 * language and country. A zone configured for the source is the operator's knowledge and wins;
 * without one, a zone-less "4:19 PM" on an American page is not 4:19 PM in London.
 */
function pageTimeZone(page: Page, ctx: ParseContext): string | null {
  if (ctx.timeZoneConfigured) return null;
  const scan = scanPage(page);
  return likelyTimeZone(page.host, [scan.lang, metaValue(scan, 'og:locale'), metaValue(scan, 'content-language', 'dc.language', 'language')]);
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
