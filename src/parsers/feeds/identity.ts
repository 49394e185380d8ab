import type { Format } from '../../schema/story.js';
import type { ParseContext, StoryDraft } from '../types.js';

const HTTP_URL = /^https?:\/\//i;
/** FeedBurner-style click-tracking redirects: `rss.cnn.com/~r/…`, `feedproxy.google.com/~r/…`. */
const TRACKING_REDIRECT = /^https?:\/\/(?:[^/]+\/~r\/|feedproxy\.google\.com\/|feeds\.feedburner\.com\/)/i;

export interface LinkCandidates {
  /** FeedBurner's `feedburner:origLink`: the publisher's own URL behind the redirect. */
  origLink?: string | undefined;
  /** The item's link (RSS `link`, Atom `link rel=alternate`), already resolved. */
  link?: string | undefined;
  /** The item's guid or id, when it may be a URL. */
  guid?: string | undefined;
}

/**
 * The article's canonical URL: a canonical URL beats a tracking redirect. `origLink` first; then
 * the link, unless it is a redirect (CNN: `rss.cnn.com/~r/…`) or merely the guid's URL with
 * tracking parameters added (BBC: `…/uk-58943184?at_medium=RSS`); then a URL guid, whatever its
 * `isPermaLink` says (CNN marks its canonical-URL guids `false`); the redirect as a last resort.
 */
export function articleUrl({ origLink, link, guid }: LinkCandidates): string | undefined {
  if (origLink && HTTP_URL.test(origLink)) return origLink;
  const guidUrl = guid && HTTP_URL.test(guid) ? guid : undefined;
  if (link && !TRACKING_REDIRECT.test(link)) return guidUrl && isSameWithoutQuery(link, guidUrl) ? guidUrl : link;
  return guidUrl ?? link;
}

/** True when `bare` is `link` without (some of) its query string: same origin and path. */
function isSameWithoutQuery(link: string, bare: string): boolean {
  const a = parse(link);
  const b = parse(bare);
  return a !== null && b !== null && a.origin === b.origin && a.pathname === b.pathname && b.search.length < a.search.length;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Drops repeats of an item already seen in the same feed (same wire id, else same URL): the
 * first occurrence wins, as readers do, and the drop is logged rather than silent.
 */
export function uniqueDrafts(drafts: StoryDraft[], ctx: ParseContext, format: Format): StoryDraft[] {
  const seen = new Set<string>();
  const out: StoryDraft[] = [];
  for (const [index, draft] of drafts.entries()) {
    const key = draft.wireId?.trim() || draft.url?.trim();
    if (key && seen.has(key)) {
      ctx.logger?.warn({ format, index, key }, 'duplicate feed item dropped');
      continue;
    }
    if (key) seen.add(key);
    out.push(draft);
  }
  return out;
}
