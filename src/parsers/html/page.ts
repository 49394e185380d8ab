import { load, type CheerioAPI } from 'cheerio/slim';
import { resolveUrl } from '../cleaners/urls.js';
import type { DocumentOf, ParseContext } from '../types.js';

/** One article page, parsed once (htmlparser2) and wrapped by cheerio without re-parsing. */
export interface Page {
  $: CheerioAPI;
  /** The page's URL: where it was fetched from, else its canonical link, else og:url. */
  url: string | null;
  /** Lower-case host of `url`, without a leading `www.`. */
  host: string | null;
  ctx: ParseContext;
}

export function loadPage(doc: DocumentOf<'html'>, ctx: ParseContext): Page {
  const $ = load(doc.document, { xml: false }, true);
  // The declared URL is looked up only when the fetch URL is missing: each query walks the whole page.
  const url = (ctx.url ? resolveUrl(ctx.url) : null) ?? declaredUrl($);
  const host = url ? new URL(url).hostname.toLowerCase().replace(/^www\./, '') : null;
  return { $, url, host, ctx };
}

function declaredUrl($: CheerioAPI): string | null {
  const declared = $('link[rel~="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  return declared ? resolveUrl(declared) : null;
}
