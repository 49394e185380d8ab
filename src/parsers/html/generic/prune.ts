import { isTag, isText, type Element } from 'domhandler';
import { textOf } from './dom.js';
import {
  CAPTION_CLASS,
  CREDIT_LINE_CLASS,
  FIGURE_CLASS,
  INLINE_KEPT,
  OUTER_BLOCKS,
  PROMO_BLOCK_MAX_CHARS,
  PROMO_LABEL,
  PROMO_MAX_CHARS,
  PROMO_TEXT,
  SUBHEADS,
  TABLE_PARTS,
  TEXT_BLOCKS,
} from './patterns.js';
import { BLOCK, BOILERPLATE, FURNITURE, JUNK, SOFT_FURNITURE, linkDensity, type NodeStats } from './stats.js';

/** What the body cleaner does with an element. */
export type Act = 'skip' | 'figure' | 'image' | 'caption' | 'block' | 'container' | 'inline' | 'unwrap' | 'break';

/** What an element is judged against: the page's stats, a site map's removals, and what protects the story's own boxes. */
export interface PruneScope {
  stats: ReadonlyMap<Element, NodeStats>;
  skip: ReadonlySet<Element> | undefined;
  /** The densest prose and its ancestors up to the container: never furniture. */
  coreLine: ReadonlySet<Element> | null;
  /** Non-link text of the container(s). */
  storyChars: number;
}

/** Boxes that are cleaned conditionally (Readability): kept only when they read like prose. */
const CONDITIONAL: ReadonlySet<string> = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'form', 'fieldset', 'aside', 'header', 'footer', 'center']);
const LISTS: ReadonlySet<string> = new Set(['ul', 'ol', 'dl']);
const LIST_ITEMS: ReadonlySet<string> = new Set(['li', 'dt', 'dd']);
/** Microdata of the story's metadata (dates, authors, headline): shown with the story, not part of its text. */
const METADATA_ITEMPROP = /(?:^|\s)(?:datePublished|dateModified|dateCreated|author|creator|publisher|headline|alternativeHeadline|keywords|articleSection)(?:\s|$)/;
/** A figure wrapper with more text than this is prose with a picture in it, not a figure. */
const FIGURE_MAX_CHARS = 600;
const CAPTION_MAX_CHARS = 500;
/** A line up to this long that is (almost all) one link is a teaser, not a sentence of the story. */
const LINK_LINE_CHARS = 160;
const LINK_LINE_DENSITY = 0.75;
const MIN_LINK_LIST_ITEMS = 3;
/** A list with this share of its items link lines is a list of links. */
const LINK_LIST_SHARE = 0.8;
/** Promotional lines are short runs of markup; reading the text of anything bigger costs more than it can find. */
const PROMO_MAX_ELEMENTS = 40;
const PROMO_LABEL_MAX_CHARS = 60;

/** `core` and its ancestors up to one of `roots`. */
export function lineTo(core: Element, roots: readonly Element[]): Set<Element> {
  const line = new Set<Element>();
  const stop = new Set(roots);
  for (let el: Element | null = core; el && !stop.has(el); el = el.parent && isTag(el.parent) ? el.parent : null) line.add(el);
  return line;
}

function isLastElement(el: Element): boolean {
  for (let n = el.next; n; n = n.next) if (isTag(n) || (isText(n) && n.data.trim() !== '')) return false;
  return true;
}

function siblingElement(el: Element, direction: 'prev' | 'next'): Element | null {
  for (let n = el[direction]; n; n = n[direction]) {
    if (isTag(n)) return n;
    if (isText(n) && n.data.trim() !== '') return null;
  }
  return null;
}

/**
 * Readability's conditional cleaning, on precomputed stats: a box with few commas is dropped when
 * it looks like links, images, inputs or embeds rather than prose.
 */
function looksLikeFurniture(el: Element, s: NodeStats): boolean {
  const score = Number.isNaN(s.score) ? 0 : s.score;
  if (s.weight + score < 0) return true;
  if (s.commas >= 10) return false;
  const isList = LISTS.has(el.name);
  const density = linkDensity(s);
  const headingDensity = s.chars > 0 ? s.headingChars / s.chars : 0;
  if (s.imgs > 1 && s.paras / s.imgs < 0.5) return true;
  if (!isList && s.lis - 100 > s.paras) return true;
  if (s.inputs > Math.floor(s.paras / 3)) return true;
  if (!isList && headingDensity < 0.9 && s.chars < 25 && (s.imgs === 0 || s.imgs > 2) && density > 0) return true;
  if (!isList && s.weight < 25 && density > 0.2) return true;
  if (s.weight >= 25 && density > 0.5) return true;
  return (s.embeds === 1 && s.chars < 75) || s.embeds > 1;
}

/** A short line that is mostly a link: a teaser for another story. */
function isLinkLine(s: NodeStats | undefined): boolean {
  return s !== undefined && s.chars > 0 && s.chars < LINK_LINE_CHARS && s.linkChars >= LINK_LINE_DENSITY * s.chars;
}

/** A list of links right after a label such as "More Great Stories" or "Related:". */
function isUnderPromoLabel(list: Element, stats: ReadonlyMap<Element, NodeStats>): boolean {
  let label = siblingElement(list, 'prev');
  if (label?.name === 'hr') label = siblingElement(label, 'prev');
  const s = label ? stats.get(label) : undefined;
  if (!label || !s || s.chars === 0 || s.chars > PROMO_LABEL_MAX_CHARS || s.elems > PROMO_MAX_ELEMENTS) return false;
  const text = textOf(label, stats);
  return PROMO_TEXT.test(text) || PROMO_LABEL.test(text);
}

/**
 * Trafilatura's link-density test (a short block that is mostly links is a link list), plus the
 * teasers it misses: a line that is one link and nothing else, a run of link lines ("DON'T MISS:
 * headline [VIDEO]", …), a list of links under a promotional label, and a list of links.
 */
function isLinkBlock(el: Element, s: NodeStats, textual: boolean, stats: ReadonlyMap<Element, NodeStats>): boolean {
  // List items are judged with their list: a list of sources or documents may link some items.
  if (s.linkChars === 0 || LIST_ITEMS.has(el.name)) return false;
  if (textual && s.chars < LINK_LINE_CHARS && s.linkChars >= 0.95 * s.chars) return true;
  if (textual && isLinkLine(s)) {
    const prev = siblingElement(el, 'prev');
    const next = siblingElement(el, 'next');
    if ((prev && isLinkLine(stats.get(prev))) || (next && isLinkLine(stats.get(next)))) return true;
  }
  if (LISTS.has(el.name)) {
    if (isUnderPromoLabel(el, stats)) return true;
    const items = s.lis >= MIN_LINK_LIST_ITEMS ? el.children.filter((c): c is Element => isTag(c) && c.name === 'li') : [];
    const linkLines = items.filter((li) => isLinkLine(stats.get(li))).length;
    if (items.length >= MIN_LINK_LIST_ITEMS && linkLines >= LINK_LIST_SHARE * items.length) return true;
  }
  const last = isLastElement(el);
  const limit = textual ? (last ? 60 : 30) : last ? 300 : 100;
  return s.chars < limit && s.linkChars > 0.8 * s.chars;
}

/** A short promotional line, or a block of links under a promotional label. */
function isPromo(el: Element, s: NodeStats, stats: ReadonlyMap<Element, NodeStats>): boolean {
  const linked = linkDensity(s) >= 0.5;
  if (s.chars === 0 || s.elems > PROMO_MAX_ELEMENTS || s.chars > (linked ? PROMO_BLOCK_MAX_CHARS : PROMO_MAX_CHARS)) return false;
  const text = textOf(el, stats);
  return (s.chars <= PROMO_MAX_CHARS && PROMO_TEXT.test(text)) || (linked && PROMO_LABEL.test(text));
}

/**
 * The body cleaner's verdict on one element (not a container root): junk, furniture by tag, role
 * or name, furniture-like stats, link blocks and promotional lines are skipped; figures, images
 * and captions go to the images; the rest is kept as a block, a container or inline markup.
 */
export function decide(el: Element, scope: PruneScope): Act {
  const s = scope.stats.get(el);
  if (s === undefined || (s.flags & JUNK) !== 0 || scope.skip?.has(el)) return 'skip';
  const name = el.name;
  if (name === 'img' || name === 'picture') return 'image';
  if (name === 'figure' || (s.imgs > 0 && s.chars < FIGURE_MAX_CHARS && s.paras <= 1 && FIGURE_CLASS.test(s.names))) return 'figure';
  if (name === 'br') return 'break';
  if (name === 'h1' || name === 'figcaption' || (s.flags & FURNITURE) !== 0) return 'skip';
  if (el.attribs.itemprop !== undefined && METADATA_ITEMPROP.test(el.attribs.itemprop)) return 'skip';
  if (s.chars < CAPTION_MAX_CHARS && (CAPTION_CLASS.test(s.names) || CREDIT_LINE_CLASS.test(s.names))) return 'caption';

  // The story's own boxes and quoted posts (a tweet in an "embed" wrapper) are never furniture. A
  // furniture name inside the story box still counts (a 50-slide "gallery" outweighs the text),
  // but furniture-like stats never remove a box that holds most of the text.
  const onCoreLine = scope.coreLine?.has(el) === true;
  const quoted = s.quoteChars > 0.6 * s.chars;
  const holdsMost = s.chars - s.linkChars > scope.storyChars / 2;
  const named = (s.flags & (SOFT_FURNITURE | BOILERPLATE)) !== 0;
  if (named && !onCoreLine && !quoted && (scope.coreLine !== null || !holdsMost)) return 'skip';
  if ((s.flags & BLOCK) === 0) return INLINE_KEPT.has(name) ? 'inline' : 'unwrap';

  const textual = TEXT_BLOCKS.has(name) || s.blockKids === 0;
  if (CONDITIONAL.has(name) && !onCoreLine && !quoted && !holdsMost && looksLikeFurniture(el, s)) return 'skip';
  if (!TABLE_PARTS.has(name) && isLinkBlock(el, s, textual, scope.stats)) return 'skip';
  if (SUBHEADS.has(name) && linkDensity(s) > 0.5) return 'skip';
  if (textual && isPromo(el, s, scope.stats)) return 'skip';
  return TEXT_BLOCKS.has(name) || OUTER_BLOCKS.has(name) ? 'block' : 'container';
}
