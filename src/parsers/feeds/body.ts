import { decodeEntities, htmlToText, normalizeWhitespace } from '../cleaners/text.js';
import type { StoryDraft } from '../types.js';

/** Text as a feed gives it: markup (RSS description, Atom type=html/xhtml) or plain text. */
export type Markup = { html: string } | { text: string };

/** A teaser longer than this is an excerpt or a body, not a dek. */
const MAX_DEK_CHARS = 400;
/** How much of a teaser must recur near the top of the body for it to be an excerpt of it. */
const EXCERPT_PROBE_CHARS = 60;
const EXCERPT_WINDOW_CHARS = 2000;
/** The marks an excerpt ends with: `…`, `...`, `[…]`, `[...]`. */
const TRAILING_ELLIPSIS = /\s*\[?\s*(?:…|\.{3})\s*\]?\s*$/;

type BodyFields = Pick<StoryDraft, 'bodyHtml' | 'bodyText' | 'subheadline' | 'representation'>;

/**
 * Body and completeness from an item's full content (RSS `content:encoded`, Atom `content`,
 * JSON Feed `content_html`) and its teaser (`description`, `summary`):
 * - full content is the body (`full`); a teaser that is not merely the opening of that body is
 *   its dek and becomes the subheadline;
 * - content that only repeats the teaser is a teaser in disguise (`partial`);
 * - a teaser alone is the body of a `partial` story (the page holds the rest);
 * - text-less markup (a FeedBurner tracking pixel) counts as nothing.
 */
export function bodyFields(content: Markup | undefined, teaser: Markup | undefined): BodyFields {
  const contentText = content ? plain(content) : '';
  const teaserText = teaser ? plain(teaser) : '';
  if (content && contentText !== '') {
    if (teaserText === contentText) return { ...asBody(content), representation: 'partial' };
    const dek = teaser && teaserText !== '' && isDek(teaserText, contentText) ? raw(teaser) : undefined;
    return { ...asBody(content), ...(dek ? { subheadline: dek } : {}), representation: 'full' };
  }
  if (teaser && teaserText !== '') return { ...asBody(teaser), representation: 'partial' };
  return { representation: 'partial' };
}

function isDek(teaserText: string, contentText: string): boolean {
  if (teaserText.length > MAX_DEK_CHARS) return false;
  const probe = teaserText.replace(TRAILING_ELLIPSIS, '').slice(0, EXCERPT_PROBE_CHARS);
  return !contentText.slice(0, EXCERPT_WINDOW_CHARS).includes(probe);
}

function asBody(markup: Markup): BodyFields {
  return 'html' in markup ? { bodyHtml: markup.html } : { bodyText: markup.text };
}

function raw(markup: Markup): string {
  return 'html' in markup ? markup.html : markup.text;
}

/** Comparable plain text; entities decoded once more because feeds double-escape. */
function plain(markup: Markup): string {
  const text = 'html' in markup ? htmlToText(markup.html) : markup.text;
  return normalizeWhitespace(decodeEntities(text));
}
