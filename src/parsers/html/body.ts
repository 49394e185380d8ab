import type { Cheerio } from 'cheerio/slim';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { escapeAttribute, escapeText } from 'entities';
import { collapseWhitespace } from '../cleaners/text.js';
import { resolveUrl } from '../cleaners/urls.js';
import type { ImageDraft } from '../types.js';
import { textOf } from './generic/dom.js';
import { figureImages, imageOf } from './generic/figures.js';
import { CAPTION_CLASS, SUBHEADS, TABLE_PARTS, TEXT_BLOCKS } from './generic/patterns.js';
import { decide, lineTo, type Act, type PruneScope } from './generic/prune.js';
import { JUNK, computeStats, type NodeStats } from './generic/stats.js';
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
   * The densest prose of the story (the best-scoring element), when known: it and the boxes
   * around it are never furniture. Without it, a box that holds most of the text is protected.
   */
  core?: Element;
}

/** Closes what an element opened, once its children are written. */
interface Close {
  close: true;
  act: Act;
  tag: string;
  /** Output length and text written when the block opened: a block with no text is taken back. */
  mark: number;
  written: number;
}

/** Blocks written as another tag: story markup has no definition lists. */
const BLOCK_AS: Readonly<Record<string, string>> = { dt: 'p', dd: 'p' };

function isClose(frame: AnyNode | Close): frame is Close {
  return (frame as Close).close === true;
}

/** A table laid out for the page rather than for data: its cells are plain containers. */
function isLayoutTable(s: NodeStats): boolean {
  return s.tables > 0 || s.paras > 2;
}

function cellSpan(el: Element): string {
  const { colspan, rowspan } = el.attribs;
  return `${colspan && /^\d+$/.test(colspan) ? ` colspan="${colspan}"` : ''}${rowspan && /^\d+$/.test(rowspan) ? ` rowspan="${rowspan}"` : ''}`;
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
  const imageUrls = new Set<string>();
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

  const addImages = (found: ImageDraft[]) => {
    for (const image of found) {
      if (imageUrls.has(image.url)) continue;
      imageUrls.add(image.url);
      images.push(image);
    }
  };
  const dropTrailingBreak = () => {
    if (parts.at(-1) === '<br>') parts.pop();
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
      dropTrailingBreak();
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
    const collapsed = collapseWhitespace(data);
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
  // A box ends a run of text: inside a text block it is a space, elsewhere the end of a paragraph.
  const boxBoundary = () => {
    if (textDepth > 0) space = true;
    else closePara();
  };

  const scope: PruneScope = { stats, skip: options.skip, coreLine: options.core ? lineTo(options.core, roots) : null, storyChars: 0 };
  for (const root of roots) {
    const s = stats.get(root);
    if (s) scope.storyChars += s.chars - s.linkChars;
  }
  const rootSet = new Set<AnyNode>(roots);
  const stack: Array<AnyNode | Close> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);

  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (isClose(frame)) {
      if (frame.act === 'container') {
        boxBoundary();
        if (frame.tag === 'table') layoutDepth--;
      } else if (frame.act === 'inline') {
        const inline = inlines.pop();
        // An inline element left empty (a link around an image that went to `images`) is taken back.
        if (inline?.open) {
          if (written === frame.written && parts.length - 1 === frame.mark) parts.length = frame.mark;
          else parts.push(`</${inline.tag}>`);
        }
        inlinesOpenFrom = Math.min(inlinesOpenFrom, inlines.length);
      } else {
        if (frame.tag === 'pre') preDepth--;
        if (TEXT_BLOCKS.has(frame.tag)) textDepth--;
        if (written === frame.written) parts.length = frame.mark;
        else {
          dropTrailingBreak();
          parts.push(`</${BLOCK_AS[frame.tag] ?? frame.tag}>`);
          lastHeading = SUBHEADS.has(frame.tag) ? { mark: frame.mark, written: frame.written } : null;
        }
        space = false;
      }
      continue;
    }
    if (isText(frame)) {
      writeText(frame.data);
      continue;
    }
    if (!isTag(frame)) continue;
    const el = frame;
    const s = stats.get(el);
    let act: Act = rootSet.has(el) ? (s && (s.flags & JUNK) === 0 ? 'container' : 'skip') : decide(el, scope);
    switch (act) {
      case 'skip':
        continue;
      case 'figure':
        addImages(figureImages(el, stats));
        continue;
      case 'image': {
        const image = imageOf(el);
        if (image) addImages([image]);
        continue;
      }
      case 'caption': {
        // A caption or credit outside any figure belongs to the picture before it, if that has none.
        const last = images.at(-1);
        const field = CAPTION_CLASS.test(s!.names) ? 'caption' : 'credit';
        if (last && !last[field]) last[field] = textOf(el, stats) || null;
        continue;
      }
      case 'break':
        if (textDepth === 0 && paraMark >= 0 && lastBreak === parts.length - 1) {
          parts.length = lastBreak;
          closePara();
        } else if (textDepth > 0 || paraMark >= 0) {
          parts.push('<br>');
          lastBreak = parts.length - 1;
          space = false;
        }
        continue;
      case 'unwrap':
        break;
      case 'inline': {
        const href = el.name === 'a' ? (el.attribs.href ? resolveUrl(el.attribs.href, options.baseUrl ?? undefined) : null) : undefined;
        if (href === null) break;
        ensureText();
        if (space) parts.push(' ');
        space = false;
        stack.push({ close: true, act, tag: el.name, mark: parts.length, written });
        parts.push(href === undefined ? `<${el.name}>` : `<a href="${escapeAttribute(href)}">`);
        inlines.push({ tag: el.name, open: true });
        break;
      }
      case 'block':
      case 'container': {
        const tag = el.name;
        if (tag === 'table' && isLayoutTable(s!)) layoutDepth++;
        if (layoutDepth > 0 && TABLE_PARTS.has(tag)) act = 'container';
        if (act === 'container') {
          boxBoundary();
          stack.push({ close: true, act, tag, mark: 0, written: 0 });
          break;
        }
        closePara();
        const mark = parts.length;
        parts.push(`<${BLOCK_AS[tag] ?? tag}${tag === 'td' || tag === 'th' ? cellSpan(el) : ''}>`);
        if (TEXT_BLOCKS.has(tag)) textDepth++;
        if (tag === 'pre') preDepth++;
        space = false;
        stack.push({ close: true, act, tag, mark, written });
        break;
      }
    }
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  closePara();
  // A subhead with nothing after it introduced furniture that was removed ("Related stories").
  if (lastHeading !== null) {
    parts.length = lastHeading.mark;
    written = lastHeading.written;
  }
  return { bodyHtml: parts.join(''), images, chars: written };
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
