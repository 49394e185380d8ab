import render from 'dom-serializer';
import type { Element } from 'domhandler';
import { removeElement } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { decodeEntities, htmlToText, normalizeWhitespace } from '../cleaners/text.js';
import type { StoryDraft } from '../types.js';
import { attr, descendants } from '../xml.js';

/** Text as a feed gives it: markup (RSS description, Atom type=html/xhtml) or plain text. */
export type Markup = { html: string } | { text: string };

/** Cheap pre-check: only markup with an image or a FeedBurner flare is worth parsing for junk. */
const MAY_HOLD_JUNK = /<img\b|feedflare/i;
const FEEDBURNER_IMAGE = /^(?:https?:)?\/\/feeds\.feedburner\.com\/~(?:r|ff)\//i;

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
export function bodyFields(rawContent: Markup | undefined, rawTeaser: Markup | undefined): BodyFields {
  const content = rawContent && withoutJunk(rawContent);
  const teaser = rawTeaser && withoutJunk(rawTeaser);
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

/**
 * Feed furniture is not story markup: FeedBurner's "feedflare" share-button block and tracking
 * pixels (1×1 images, FeedBurner image beacons) would otherwise survive sanitizing as links and
 * images in the body.
 */
function withoutJunk(markup: Markup): Markup {
  if (!('html' in markup) || !MAY_HOLD_JUNK.test(markup.html)) return markup;
  const document = parseDocument(markup.html, { decodeEntities: true });
  const junk = descendants(document).filter(isJunk);
  if (junk.length === 0) return markup;
  for (const el of junk) removeElement(el);
  return { html: render(document.children, { encodeEntities: 'utf8' }) };
}

function isJunk(el: Element): boolean {
  if (el.name === 'div') return /\bfeedflare\b/.test(attr(el, 'class') ?? '');
  if (el.name !== 'img') return false;
  const src = attr(el, 'src')?.trim() ?? '';
  return FEEDBURNER_IMAGE.test(src) || (attr(el, 'width')?.trim() === '1' && attr(el, 'height')?.trim() === '1');
}

function isDek(teaserText: string, contentText: string): boolean {
  if (teaserText.length > MAX_DEK_CHARS) return false;
  const probe = teaserText.replace(TRAILING_ELLIPSIS, '').slice(0, EXCERPT_PROBE_CHARS);
  return !contentText.slice(0, EXCERPT_WINDOW_CHARS).includes(probe);
}

function asBody(markup: Markup): BodyFields {
  return 'html' in markup ? { bodyHtml: markup.html.trim() } : { bodyText: markup.text };
}

function raw(markup: Markup): string {
  return 'html' in markup ? markup.html : markup.text;
}

/** Comparable plain text; entities decoded once more because feeds double-escape. */
function plain(markup: Markup): string {
  const text = 'html' in markup ? htmlToText(markup.html) : markup.text;
  return normalizeWhitespace(decodeEntities(text));
}
