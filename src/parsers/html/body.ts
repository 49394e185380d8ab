import type { Cheerio } from 'cheerio/slim';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { escapeAttribute, escapeText } from 'entities';
import { resolveUrl } from '../cleaners/urls.js';
import type { ImageDraft } from '../types.js';
import { textOf } from './generic/dom.js';
import { figureImages, imageOf } from './generic/figures.js';
import { CAPTION_CLASS, CREDIT_LINE_CLASS, FIGURE_CLASS, PROMO_BLOCK_MAX_CHARS, PROMO_LABEL, PROMO_MAX_CHARS, PROMO_TEXT } from './generic/patterns.js';
import { BLOCK, BOILERPLATE, FURNITURE, JUNK, SOFT_FURNITURE, computeStats, linkDensity, type NodeStats } from './generic/stats.js';
import type { Page } from './page.js';

export interface ExtractedBody {
  /** The story's markup: paragraphs, subheads, lists, quotes; boilerplate and figures removed. */
  bodyHtml: string;
  /** Figures found in the container, with their captions and credits kept apart from the text. */
  images: ImageDraft[];
}

export interface RenderedBody extends ExtractedBody {
  /** Characters of text written (whitespace collapsed). */
  chars: number;
}

export interface RenderOptions {
  stats: ReadonlyMap<Element, NodeStats>;
  /** Elements to leave out with their subtree (a site map's `remove` list). */
  skip?: ReadonlySet<Element>;
  /** Resolves links. */
  baseUrl: string | null;
  /**
   * The densest prose of the story (the best-scoring element), when known: furniture names and
   * furniture-like stats never remove it or a box around it. Without it, a box is protected when
   * it holds more than half of the text.
   */
  core?: Element;
}

/** Blocks that hold text directly. */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote', 'td', 'th', 'caption']);
/** Blocks kept as they are, holding other blocks. */
const OUTER_BLOCKS: ReadonlySet<string> = new Set(['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr']);
const SUBHEADS: ReadonlySet<string> = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const TABLE_PARTS: ReadonlySet<string> = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);
const INLINE_KEPT: ReadonlySet<string> = new Set([
  ...['a', 'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'code', 'q', 'cite', 'abbr', 'mark', 'small', 'del', 'ins'],
  ...['kbd', 'samp', 'var'],
]);
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

const enum Act {
  Skip,
  Figure,
  Image,
  Caption,
  Block,
  Container,
  Inline,
  Unwrap,
  Break,
}

interface Close {
  close: true;
  act: Act;
  tag: string | null;
  mark: number;
  written: number;
  heading: boolean;
}

/** What protects a box from furniture rules: lying on the path to the core, or holding most of the text. */
interface Scope {
  coreLine: ReadonlySet<Element> | null;
  storyChars: number;
}

/** `core` and its ancestors up to one of `roots`. */
function lineTo(core: Element, roots: readonly Element[]): Set<Element> {
  const line = new Set<Element>();
  const stop = new Set(roots);
  for (let el: Element | null = core; el && !stop.has(el); el = el.parent && isTag(el.parent) ? el.parent : null) line.add(el);
  return line;
}

function isClose(frame: AnyNode | Close): frame is Close {
  return (frame as Close).close === true;
}

function isLastElement(el: Element): boolean {
  for (let n = el.next; n; n = n.next) if (isTag(n) || (isText(n) && n.data.trim() !== '')) return false;
  return true;
}

/**
 * Readability's conditional cleaning, on precomputed stats: a box with few commas is dropped when
 * it looks like links, images, inputs or embeds rather than prose.
 */
function looksLikeFurniture(el: Element, s: NodeStats): boolean {
  const score = Number.isNaN(s.score) ? 0 : s.score;
  if (s.weight + score < 0) return true;
  if (s.commas >= 10) return false;
  const name = el.name;
  const isList = LISTS.has(name);
  const density = linkDensity(s);
  const headingDensity = s.chars > 0 ? s.headingChars / s.chars : 0;
  if (s.imgs > 1 && s.paras / s.imgs < 0.5) return true;
  if (!isList && s.lis - 100 > s.paras) return true;
  if (s.inputs > Math.floor(s.paras / 3)) return true;
  if (!isList && headingDensity < 0.9 && s.chars < 25 && (s.imgs === 0 || s.imgs > 2) && density > 0) return true;
  if (!isList && s.weight < 25 && density > 0.2) return true;
  if (s.weight >= 25 && density > 0.5) return true;
  if ((s.embeds === 1 && s.chars < 75) || s.embeds > 1) return true;
  return false;
}

/** A short line that is mostly a link: a teaser for another story. */
function isLinkLine(s: NodeStats | undefined): boolean {
  return s !== undefined && s.chars > 0 && s.chars < LINK_LINE_CHARS && s.linkChars >= LINK_LINE_DENSITY * s.chars;
}

function siblingElement(el: Element, direction: 'prev' | 'next'): Element | null {
  for (let n = el[direction]; n; n = n[direction]) {
    if (isTag(n)) return n;
    if (isText(n) && n.data.trim() !== '') return null;
  }
  return null;
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
 * headline [VIDEO]", …), and a list whose items are all links.
 */
function isLinkBlock(el: Element, s: NodeStats, isText: boolean, stats: ReadonlyMap<Element, NodeStats>): boolean {
  // List items are judged with their list: a list of sources or documents may link some items.
  if (s.linkChars === 0 || LIST_ITEMS.has(el.name)) return false;
  if (isText && s.chars < LINK_LINE_CHARS && s.linkChars >= 0.95 * s.chars) return true;
  if (isText && isLinkLine(s)) {
    const prev = siblingElement(el, 'prev');
    const next = siblingElement(el, 'next');
    if ((prev && isLinkLine(stats.get(prev))) || (next && isLinkLine(stats.get(next)))) return true;
  }
  if (LISTS.has(el.name) && isUnderPromoLabel(el, stats)) return true;
  if (LISTS.has(el.name) && s.lis >= MIN_LINK_LIST_ITEMS) {
    const items = el.children.filter((c): c is Element => isTag(c) && c.name === 'li');
    const linkLines = items.filter((li) => isLinkLine(stats.get(li))).length;
    if (items.length >= MIN_LINK_LIST_ITEMS && linkLines >= LINK_LIST_SHARE * items.length) return true;
  }
  const last = isLastElement(el);
  const limit = isText ? (last ? 60 : 30) : last ? 300 : 100;
  return s.chars < limit && s.linkChars > 0.8 * s.chars;
}

/** A short promotional line, or a block of links under a promotional label. */
function isPromo(el: Element, s: NodeStats, stats: ReadonlyMap<Element, NodeStats>): boolean {
  const linked = linkDensity(s) >= 0.5;
  if (s.chars > (linked ? PROMO_BLOCK_MAX_CHARS : PROMO_MAX_CHARS)) return false;
  const text = textOf(el, stats);
  return (s.chars <= PROMO_MAX_CHARS && PROMO_TEXT.test(text)) || (linked && PROMO_LABEL.test(text));
}

function decide(el: Element, s: NodeStats | undefined, options: RenderOptions, scope: Scope): Act {
  if (s === undefined || (s.flags & JUNK) !== 0 || options.skip?.has(el)) return Act.Skip;
  const name = el.name;
  if (name === 'img' || name === 'picture') return Act.Image;
  if (name === 'figure' || (s.imgs > 0 && s.chars < FIGURE_MAX_CHARS && FIGURE_CLASS.test(s.names) && s.paras <= 1)) return Act.Figure;
  if (name === 'br') return Act.Break;
  if (name === 'h1' || name === 'figcaption') return Act.Skip;
  if (el.attribs.itemprop !== undefined && METADATA_ITEMPROP.test(el.attribs.itemprop)) return Act.Skip;
  const block = (s.flags & BLOCK) !== 0;
  if (s.chars < CAPTION_MAX_CHARS && (CAPTION_CLASS.test(s.names) || CREDIT_LINE_CLASS.test(s.names))) return Act.Caption;
  if ((s.flags & FURNITURE) !== 0) return Act.Skip;
  // Furniture names do not apply to what holds most of the story, nor to a quoted post in an embed wrapper.
  // Furniture rules never apply to the story's own boxes, nor to a quoted post in an embed wrapper.
  // A furniture name inside the core still counts ("gallery" around 50 captioned slides), but
  // furniture-like stats do not on a box that holds most of the text.
  const onCoreLine = scope.coreLine?.has(el) === true;
  const holdsMost = s.chars - s.linkChars > scope.storyChars / 2;
  const quoted = s.quoteChars > 0.6 * s.chars;
  const holdsStory = onCoreLine || holdsMost || quoted;
  if ((s.flags & (SOFT_FURNITURE | BOILERPLATE)) !== 0 && !(onCoreLine || quoted || (!scope.coreLine && holdsMost))) return Act.Skip;
  if (!block) return INLINE_KEPT.has(name) ? Act.Inline : Act.Unwrap;

  const textual = TEXT_BLOCKS.has(name) || s.blockKids === 0;
  if (CONDITIONAL.has(name) && !holdsStory && looksLikeFurniture(el, s)) return Act.Skip;
  if (!TABLE_PARTS.has(name) && isLinkBlock(el, s, textual, options.stats)) return Act.Skip;
  if (SUBHEADS.has(name) && linkDensity(s) > 0.5) return Act.Skip;
  if (textual && s.chars > 0 && s.elems <= PROMO_MAX_ELEMENTS && isPromo(el, s, options.stats)) return Act.Skip;
  return TEXT_BLOCKS.has(name) || OUTER_BLOCKS.has(name) ? Act.Block : Act.Container;
}

/** A table laid out for the page rather than for data: its cells are plain containers. */
function isLayoutTable(s: NodeStats): boolean {
  return s.tables > 0 || s.paras > 2;
}

/**
 * Writes clean body markup for the given roots in one iterative walk: kept blocks are copied,
 * loose inline text becomes paragraphs (a double `<br>` splits one), furniture is skipped, and
 * figures go to `images` with their captions. Nothing in the DOM is changed.
 */
export function renderBody(roots: readonly Element[], options: RenderOptions): RenderedBody {
  const { stats } = options;
  const parts: string[] = [];
  const images: ImageDraft[] = [];
  let written = 0;
  let paraMark = -1;
  let paraWritten = 0;
  let textDepth = 0;
  let preDepth = 0;
  let layoutDepth = 0;
  let lastBreak = -1;
  let space = false;
  let lastHeading: { mark: number; written: number } | null = null;
  // Inline elements open in the output; those below `inlinesOpenFrom` were already closed by a paragraph end.
  const inlines: Array<{ tag: string; open: boolean }> = [];
  let inlinesOpenFrom = 0;
  const imageUrls = new Set<string>();
  const addImages = (found: ImageDraft[]) => {
    for (const image of found) {
      if (imageUrls.has(image.url)) continue;
      imageUrls.add(image.url);
      images.push(image);
    }
  };

  const closePara = () => {
    if (paraMark < 0) return;
    for (let i = inlines.length - 1; i >= inlinesOpenFrom; i--) {
      const inline = inlines[i]!;
      if (inline.open) parts.push(`</${inline.tag}>`);
      inline.open = false;
    }
    inlinesOpenFrom = inlines.length;
    if (written === paraWritten) parts.length = paraMark;
    else {
      parts.push('</p>');
      lastHeading = null;
    }
    paraMark = -1;
    lastBreak = -1;
  };
  const ensureText = () => {
    if (textDepth > 0 || paraMark >= 0) return;
    paraMark = parts.length;
    paraWritten = written;
    parts.push('<p>');
    space = false;
  };
  const writeText = (data: string) => {
    if (preDepth > 0) {
      ensureText();
      parts.push(escapeText(data));
      written += data.length;
      return;
    }
    const collapsed = data.replace(/\s+/g, ' ');
    if (collapsed === ' ' || collapsed === '') {
      if (textDepth > 0 || paraMark >= 0) space = true;
      return;
    }
    ensureText();
    if (space || collapsed.startsWith(' ')) parts.push(' ');
    const trimmed = collapsed.trim();
    parts.push(escapeText(trimmed));
    written += trimmed.length;
    space = collapsed.endsWith(' ');
    lastBreak = -1;
  };

  const scope: Scope = { coreLine: options.core ? lineTo(options.core, roots) : null, storyChars: 0 };
  for (const root of roots) {
    const s = stats.get(root);
    if (s) scope.storyChars += s.chars - s.linkChars;
  }

  const stack: Array<AnyNode | Close> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
  const rootSet = new Set<AnyNode>(roots);

  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (isClose(frame)) {
      if (frame.act === Act.Container) {
        if (textDepth > 0) space = true;
        else closePara();
        if (frame.tag === 'table') layoutDepth--;
        continue;
      }
      if (frame.act === Act.Inline) {
        const inline = inlines.pop();
        if (inline?.open) parts.push(`</${inline.tag}>`);
        inlinesOpenFrom = Math.min(inlinesOpenFrom, inlines.length);
        continue;
      }
      // A block: dropped when nothing was written inside it.
      if (frame.tag === 'pre') preDepth--;
      if (frame.tag !== null && TEXT_BLOCKS.has(frame.tag)) textDepth--;
      if (written === frame.written) {
        parts.length = frame.mark;
      } else {
        parts.push(`</${frame.tag}>`);
        lastHeading = frame.heading ? { mark: frame.mark, written: frame.written } : null;
      }
      space = false;
      continue;
    }
    if (isText(frame)) {
      writeText(frame.data);
      continue;
    }
    if (!isTag(frame)) continue;
    const el = frame;
    const s = stats.get(el);
    const act = rootSet.has(el) ? (s && (s.flags & JUNK) === 0 ? Act.Container : Act.Skip) : decide(el, s, options, scope);
    switch (act) {
      case Act.Skip:
        continue;
      case Act.Figure:
        addImages(figureImages(el, stats));
        continue;
      case Act.Image: {
        const image = imageOf(el);
        if (image) addImages([image]);
        continue;
      }
      case Act.Caption: {
        // A caption or credit outside any figure belongs to the picture before it, if that has none.
        const last = images.at(-1);
        const field = CAPTION_CLASS.test(s!.names) ? 'caption' : 'credit';
        if (last && !last[field]) last[field] = textOf(el, stats) || null;
        continue;
      }
      case Act.Break:
        if (textDepth === 0 && paraMark >= 0 && lastBreak === parts.length - 1) {
          parts.length = lastBreak;
          closePara();
        } else if (textDepth > 0 || paraMark >= 0) {
          parts.push('<br>');
          lastBreak = parts.length - 1;
          space = false;
        }
        continue;
      case Act.Unwrap:
        break;
      case Act.Inline: {
        const href = el.name === 'a' ? (el.attribs.href ? resolveUrl(el.attribs.href, options.baseUrl ?? undefined) : null) : undefined;
        if (href === null) break;
        ensureText();
        if (space) parts.push(' ');
        space = false;
        parts.push(href === undefined ? `<${el.name}>` : `<a href="${escapeAttribute(href)}">`);
        inlines.push({ tag: el.name, open: true });
        stack.push({ close: true, act, tag: el.name, mark: 0, written: 0, heading: false });
        break;
      }
      case Act.Container:
      case Act.Block: {
        const tag = el.name;
        let kind = act;
        if (tag === 'table' && isLayoutTable(s!)) layoutDepth++;
        if (layoutDepth > 0 && TABLE_PARTS.has(tag)) kind = Act.Container;
        if (kind === Act.Container) {
          if (textDepth > 0) space = true;
          else closePara();
          stack.push({ close: true, act: kind, tag, mark: 0, written: 0, heading: false });
          break;
        }
        closePara();
        const mark = parts.length;
        const span = tag === 'td' || tag === 'th' ? cellSpan(el) : '';
        parts.push(`<${tag}${span}>`);
        if (TEXT_BLOCKS.has(tag)) textDepth++;
        if (tag === 'pre') preDepth++;
        space = false;
        stack.push({ close: true, act: kind, tag, mark, written, heading: SUBHEADS.has(tag) });
        break;
      }
    }
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  closePara();
  // A subhead with nothing after it introduced furniture that was removed ("Related stories").
  if (lastHeading !== null) {
    const { mark, written: before } = lastHeading;
    parts.length = mark;
    written = before;
  }
  return { bodyHtml: parts.join(''), images, chars: written };
}

function cellSpan(el: Element): string {
  const { colspan, rowspan } = el.attribs;
  return `${colspan && /^\d+$/.test(colspan) ? ` colspan="${colspan}"` : ''}${rowspan && /^\d+$/.test(rowspan) ? ` rowspan="${rowspan}"` : ''}`;
}

/**
 * Cleans an article container into body markup and its images. The container is read, never
 * changed, so strategies that run later see the page as it was.
 */
export function extractBody(page: Page, container: Cheerio<AnyNode>, remove: readonly string[]): ExtractedBody {
  const roots = container.toArray().filter(isTag);
  const { stats } = computeStats(roots);
  const skip = remove.length > 0 ? new Set(container.find(remove.join(', ')).toArray().filter(isTag)) : undefined;
  const { bodyHtml, images } = renderBody(roots, { stats, baseUrl: page.url, ...(skip ? { skip } : {}) });
  return { bodyHtml, images };
}
