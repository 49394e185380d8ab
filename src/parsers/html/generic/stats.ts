import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import {
  BLOCK_TAGS,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  HEADING_TAGS,
  JUNK_TAGS,
  SOFT_FURNITURE_TAGS,
  BODY_CLASS,
  classWeight,
  hasFurnitureName,
  isUnlikely,
} from './patterns.js';

/** Never story text: junk tags and hidden elements. Their subtree is not visited. */
export const JUNK = 1;
/** Page furniture by tag or ARIA role (nav, aside, menu). Like junk, its subtree is not visited: Readability drops it before scoring too. */
export const FURNITURE = 2;
/** Furniture by tag only when it holds little of the story (form, header, footer). */
export const SOFT_FURNITURE = 4;
/** Furniture by class or id (share bars, related blocks, ads, comments…). */
export const BOILERPLATE = 8;
/** Unlikely to hold the story, by class or id; its text does not count towards any candidate. */
export const UNLIKELY = 16;
/** Inside an UNLIKELY element. */
export const IN_UNLIKELY = 32;
/** Laid out as a block (starts a new run of text). */
export const BLOCK = 64;
/** Named as the story's body: `itemprop="articleBody"` or a CMS body class. */
export const DECLARED_BODY = 128;

/**
 * What one element holds, computed bottom-up once per page, so that no decision ever re-reads a
 * subtree's text. Lengths are in characters of whitespace-collapsed visible text.
 */
export interface NodeStats {
  flags: number;
  /** `class + " " + id`, lower-cased. */
  names: string;
  /** Class weight (±25), Readability style. */
  weight: number;
  chars: number;
  /** Characters inside links; in-page `#` links count 0.3. */
  linkChars: number;
  commas: number;
  /** Text of this element's own run: not inside a nested block. */
  inlineChars: number;
  inlineCommas: number;
  /** Block children that are not junk. */
  blockKids: number;
  /** Descendant elements that are not junk. */
  elems: number;
  paras: number;
  /** Characters inside `blockquote` descendants (quoted posts, pull quotes). */
  quoteChars: number;
  imgs: number;
  lis: number;
  inputs: number;
  embeds: number;
  headingChars: number;
  tables: number;
  /** Readability content score; NaN until the element is credited by a paragraph. */
  score: number;
}

export interface PageStats {
  /** Every element not inside junk, in document order. */
  elements: Element[];
  stats: Map<Element, NodeStats>;
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** Whole class tokens only: "html_av-submenu-hidden" on <html> hides nothing. */
const HIDDEN_NAMES = /(?:^|\s)(?:hidden|hide|sr-only|visually-?hidden|visuallyhidden|screen-?reader-?(?:text|only)|offscreen)(?:$|\s)/;
const INPUT_TAGS: ReadonlySet<string> = new Set(['input', 'select', 'textarea', 'button']);
const EMBED_TAGS: ReadonlySet<string> = new Set(['iframe', 'object', 'embed', 'video', 'audio']);

/** What an element's class and id say about it; the same names recur, so each is judged once per page. */
interface NameVerdict {
  /** `class + " " + id` as written. */
  raw: string;
  names: string;
  weight: number;
  hidden: boolean;
  body: boolean;
  /** Furniture by its names: worked out when a box first asks, the costliest test and only boxes need it. */
  boilerplate?: boolean;
  unlikely: boolean;
}

const NO_NAMES: NameVerdict = { raw: ' ', names: ' ', weight: 0, hidden: false, body: false, boilerplate: false, unlikely: false };

function judgeNames(raw: string): NameVerdict {
  const names = raw.toLowerCase();
  return { raw, names, weight: classWeight(names), hidden: HIDDEN_NAMES.test(names), body: BODY_CLASS.test(names), unlikely: isUnlikely(names) };
}

function isBoilerplate(verdict: NameVerdict): boolean {
  verdict.boilerplate ??= !verdict.body && hasFurnitureName(verdict.raw);
  return verdict.boilerplate;
}

function isHidden(el: Element, verdict: NameVerdict): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (a.style !== undefined && HIDDEN_STYLE.test(a.style)) return true;
  return verdict.hidden;
}

function classify(el: Element, verdict: NameVerdict): number {
  const name = el.name;
  if (JUNK_TAGS.has(name) || (name !== 'body' && name !== 'html' && isHidden(el, verdict))) return JUNK;
  let flags = BLOCK_TAGS.has(name) || name.includes('-') ? BLOCK : 0;
  const role = el.attribs.role;
  if (FURNITURE_TAGS.has(name) || (role !== undefined && FURNITURE_ROLES.has(role))) flags |= FURNITURE;
  if (SOFT_FURNITURE_TAGS.has(name)) flags |= SOFT_FURNITURE;
  if (name !== 'body' && name !== 'html' && name !== 'a') {
    if ((flags & BLOCK) !== 0 && isBoilerplate(verdict)) flags |= BOILERPLATE;
    if (verdict.unlikely && !isStoryBox(el)) flags |= UNLIKELY;
  }
  if (verdict.body || isArticleBody(el)) flags |= DECLARED_BODY;
  return flags;
}

const ARTICLE_BODY = /(?:^|\s)articleBody(?:\s|$)/;

/** `itemprop="articleBody"`: schema.org microdata for the story's text. */
export function isArticleBody(el: Element): boolean {
  const itemprop = el.attribs.itemprop;
  return itemprop !== undefined && ARTICLE_BODY.test(itemprop);
}

/** Elements that declare themselves the page's main content are never unlikely, whatever their class. */
function isStoryBox(el: Element): boolean {
  return el.name === 'article' || el.name === 'main' || el.attribs.role === 'main' || isArticleBody(el);
}

/**
 * A class rather than an object literal: inside `parseStories`, V8 came to allocate the literal
 * with a property array of its own for each element, and `computeStats` ran twice as slow as on
 * its own (1.3 against 0.6 ms a page). A constructor keeps one stable shape.
 */
class ElementStats implements NodeStats {
  names: string;
  weight: number;
  chars = 0;
  linkChars = 0;
  commas = 0;
  inlineChars = 0;
  inlineCommas = 0;
  blockKids = 0;
  elems = 0;
  paras = 0;
  quoteChars = 0;
  imgs = 0;
  lis = 0;
  inputs = 0;
  embeds = 0;
  headingChars = 0;
  tables = 0;
  score = Number.NaN;

  constructor(
    public flags: number,
    verdict: NameVerdict,
  ) {
    this.names = verdict.names;
    this.weight = verdict.weight;
  }
}

const SPACE = 1;
const COMMA = 2;
/**
 * Class of every UTF-16 code unit, looked up rather than compared: this loop runs over every
 * character of the page, and a table beats branches and set lookups threefold. Spaces are ASCII
 * whitespace, NBSP, zero-width and ideographic spaces; commas include those of other scripts
 * (Arabic, CJK, small and full-width forms), which Readability counts too.
 */
const CHAR_CLASS = new Uint8Array(0x10000);
for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x200b, 0x3000]) CHAR_CLASS[code] = SPACE;
for (const code of [0x2c, 0x60c, 0xfe50, 0xfe10, 0xfe11, 0x2e41, 0x2e34, 0x2e32, 0xff0c, 0x3001]) CHAR_CLASS[code] = COMMA;

/** Adds a text node's whitespace-collapsed characters and commas to its element's own run. */
function countText(data: string, target: NodeStats): void {
  let chars = 0;
  let commas = 0;
  let space = true;
  for (let i = 0; i < data.length; i++) {
    const kind = CHAR_CLASS[data.charCodeAt(i)];
    if (kind === SPACE) {
      if (!space) chars++;
      space = true;
    } else {
      chars++;
      space = false;
      if (kind === COMMA) commas++;
    }
  }
  target.chars += chars;
  target.inlineChars += chars;
  target.commas += commas;
  target.inlineCommas += commas;
}

/**
 * Stats for every element under `roots`, in two linear passes without recursion: document order
 * (classify, count own text), then reverse document order (add each element into its parent).
 * Each element's stats and its parent's position are kept in arrays beside `elements`, so neither
 * pass looks anything up in the map it builds.
 */
export function computeStats(roots: readonly AnyNode[]): PageStats {
  const elements: Element[] = [];
  const list: NodeStats[] = [];
  /** Position of each element's parent in `elements`; -1 for a root. */
  const parents: number[] = [];
  const stats = new Map<Element, NodeStats>();
  const verdicts = new Map<string, NameVerdict>();
  const stack: Element[] = [];
  const stackParents: number[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    const root = roots[i]!;
    if (isTag(root)) {
      stack.push(root);
      stackParents.push(-1);
    }
  }

  while (stack.length > 0) {
    const node = stack.pop()!;
    const parentIndex = stackParents.pop()!;
    const { class: className, id } = node.attribs;
    let verdict = NO_NAMES;
    if (className !== undefined || id !== undefined) {
      const rawNames = `${className ?? ''} ${id ?? ''}`;
      const known = verdicts.get(rawNames);
      if (known) verdict = known;
      else {
        verdict = judgeNames(rawNames);
        verdicts.set(rawNames, verdict);
      }
    }
    let flags = classify(node, verdict);
    if (parentIndex >= 0 && (list[parentIndex]!.flags & (IN_UNLIKELY | UNLIKELY)) !== 0) flags |= IN_UNLIKELY;
    const s = new ElementStats(flags, verdict);
    const index = elements.length;
    elements.push(node);
    list.push(s);
    parents.push(parentIndex);
    stats.set(node, s);
    if ((flags & (JUNK | FURNITURE)) !== 0) continue;
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (isText(kid)) countText(kid.data, s);
      else if (isTag(kid)) {
        stack.push(kid);
        stackParents.push(index);
      }
    }
  }

  for (let i = elements.length - 1; i >= 0; i--) {
    const parentIndex = parents[i]!;
    if (parentIndex < 0) continue;
    const el = elements[i]!;
    const s = list[i]!;
    const p = list[parentIndex]!;
    const name = el.name;
    if ((s.flags & JUNK) !== 0) {
      if (INPUT_TAGS.has(name)) p.inputs++;
      else if (EMBED_TAGS.has(name)) p.embeds++;
      continue;
    }
    const linkWeight = name === 'a' ? (el.attribs.href?.startsWith('#') ? 0.3 : 1) : 0;
    p.elems += s.elems + 1;
    p.chars += s.chars;
    p.commas += s.commas;
    p.linkChars += linkWeight > 0 ? s.chars * linkWeight : s.linkChars;
    p.paras += s.paras + (name === 'p' ? 1 : 0);
    p.quoteChars += name === 'blockquote' ? s.chars : s.quoteChars;
    p.imgs += s.imgs + (name === 'img' ? 1 : 0);
    p.lis += s.lis + (name === 'li' ? 1 : 0);
    p.inputs += s.inputs;
    p.embeds += s.embeds;
    p.headingChars += HEADING_TAGS.has(name) ? s.chars : s.headingChars;
    p.tables += s.tables + (name === 'table' ? 1 : 0);
    if ((s.flags & BLOCK) !== 0) {
      p.blockKids++;
    } else {
      p.inlineChars += s.inlineChars;
      p.inlineCommas += s.inlineCommas;
    }
  }
  return { elements, stats };
}

export function linkDensity(s: NodeStats): number {
  return s.chars > 0 ? s.linkChars / s.chars : 0;
}
