import { load, type CheerioAPI } from 'cheerio/slim';
import type { Document } from 'domhandler';
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
  /** What strategies work out once per page (see `perPage`), kept on the page so that it dies with it. */
  memo: Map<symbol, unknown>;
}

/**
 * A value worked out once per page, on first use, and shared by every strategy. It is kept on the
 * page, not in a module-level WeakMap keyed by the page: in Node 20 such an entry keeps the page's
 * whole tree alive through the young-generation collections after the page is done, so each tree
 * was copied and promoted (measured on the corpus: +120–150 MB of heap while extracting, 0.3–0.9 ms
 * more CPU a page).
 */
export function perPage<T>(compute: (page: Page) => T): (page: Page) => T {
  const key = Symbol();
  return (page) => {
    if (page.memo.has(key)) return page.memo.get(key) as T;
    const value = compute(page);
    page.memo.set(key, value);
    return value;
  };
}

/**
 * One cheerio instance for every page, each page's `$` only binding its document as the root.
 * `load` defines a class per call whose methods close over the document, and V8 keeps classes
 * in the old generation: every page's tree would then outlive the page until the next full
 * collection, copied and promoted by each young one (measured on the corpus: minor collections
 * ten times slower, about a millisecond a page). The one difference from a loaded instance: a
 * selection made by traversing (`.find()`, `.parent()`) has an empty root, so `:root` in a
 * selector applied to it matches nothing.
 */
const SHARED = load([], { xml: false }, false);

function bind(document: Document): CheerioAPI {
  const $ = ((selector, context, root = document, options) => SHARED(selector, context, root, options)) as CheerioAPI;
  return Object.assign($, SHARED, { _root: document });
}

export function loadPage(doc: DocumentOf<'html'>, ctx: ParseContext): Page {
  const $ = bind(doc.document);
  // The declared URL is looked up only when the fetch URL is missing: each query walks the whole page.
  const url = (ctx.url ? resolveUrl(ctx.url) : null) ?? declaredUrl($);
  const host = url ? new URL(url).hostname.toLowerCase().replace(/^www\./, '') : null;
  return { $, url, host, ctx, memo: new Map() };
}

function declaredUrl($: CheerioAPI): string | null {
  const declared = $('link[rel~="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  return declared ? resolveUrl(declared) : null;
}
