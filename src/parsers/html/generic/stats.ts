import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import {
  BLOCK_TAGS,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  HEADING_TAGS,
  JUNK_TAGS,
  SOFT_FURNITURE_TAGS,
  classWeight,
  isBoilerplate,
  isUnlikely,
} from './patterns.js';

/** Never story text: junk tags and hidden elements. Their subtree is not visited. */
export const JUNK = 1;
/** Page furniture by tag or ARIA role (nav, aside, menu). */
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
/** Inside a furniture element. */
export const IN_FURNITURE = 128;

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
  inlineLinkChars: number;
  inlineCommas: number;
  /** Block children that are not junk. */
  blockKids: number;
  /** Descendant elements that are not junk. */
  elems: number;
  paras: number;
  /** Characters inside `p`, `pre` and `blockquote` descendants. */
  paraChars: number;
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
const PARA_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'blockquote']);

function isHidden(el: Element, names: string): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (a.style !== undefined && HIDDEN_STYLE.test(a.style)) return true;
  return HIDDEN_NAMES.test(names);
}

function classify(el: Element, rawNames: string, names: string): number {
  const name = el.name;
  if (JUNK_TAGS.has(name) || (name !== 'body' && name !== 'html' && isHidden(el, names))) return JUNK;
  let flags = BLOCK_TAGS.has(name) || name.includes('-') ? BLOCK : 0;
  const role = el.attribs.role;
  if (FURNITURE_TAGS.has(name) || (role !== undefined && FURNITURE_ROLES.has(role))) flags |= FURNITURE;
  if (SOFT_FURNITURE_TAGS.has(name)) flags |= SOFT_FURNITURE;
  if (name !== 'body' && name !== 'html' && name !== 'a') {
    if ((flags & BLOCK) !== 0 && isBoilerplate(rawNames)) flags |= BOILERPLATE;
    if (isUnlikely(names) && !isStoryBox(el)) flags |= UNLIKELY;
  }
  return flags;
}

/** Elements that declare themselves the page's main content are never unlikely, whatever their class. */
function isStoryBox(el: Element): boolean {
  const a = el.attribs;
  return el.name === 'article' || el.name === 'main' || a.role === 'main' || (a.itemprop !== undefined && /\barticleBody\b/.test(a.itemprop));
}

function emptyStats(flags: number, names: string): NodeStats {
  return {
    flags,
    names,
    weight: classWeight(names),
    chars: 0,
    linkChars: 0,
    commas: 0,
    inlineChars: 0,
    inlineLinkChars: 0,
    inlineCommas: 0,
    blockKids: 0,
    elems: 0,
    paras: 0,
    paraChars: 0,
    quoteChars: 0,
    imgs: 0,
    lis: 0,
    inputs: 0,
    embeds: 0,
    headingChars: 0,
    tables: 0,
    score: Number.NaN,
  };
}

function isComma(code: number): boolean {
  return code === 0x2c || code === 0x60c || code === 0xfe50 || code === 0xfe10 || code === 0xfe11 || code === 0x2e41 || code === 0x2e34 || code === 0x2e32 || code === 0xff0c || code === 0x3001;
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x200b || code === 0x3000;
}

/**
 * Stats for every element under `roots`, in two linear passes without recursion: document order
 * (classify, count own text), then reverse document order (add each element into its parent).
 */
export function computeStats(roots: readonly AnyNode[]): PageStats {
  const elements: Element[] = [];
  const stats = new Map<Element, NodeStats>();
  const stack: AnyNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);

  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) {
      const parent = node.parent;
      const target = parent && isTag(parent) ? stats.get(parent) : undefined;
      if (!target) continue;
      const data = node.data;
      let chars = 0;
      let commas = 0;
      let space = true;
      for (let i = 0; i < data.length; i++) {
        const code = data.charCodeAt(i);
        if (isSpace(code)) {
          if (!space) chars++;
          space = true;
        } else {
          chars++;
          space = false;
          if (isComma(code)) commas++;
        }
      }
      target.chars += chars;
      target.inlineChars += chars;
      target.commas += commas;
      target.inlineCommas += commas;
      continue;
    }
    if (!isTag(node)) continue;
    const rawNames = `${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`;
    const names = rawNames.toLowerCase();
    let flags = classify(node, rawNames, names);
    const parent = node.parent && isTag(node.parent) ? stats.get(node.parent) : undefined;
    if (parent) {
      if ((parent.flags & (IN_UNLIKELY | UNLIKELY)) !== 0) flags |= IN_UNLIKELY;
      if ((parent.flags & (IN_FURNITURE | FURNITURE)) !== 0) flags |= IN_FURNITURE;
    }
    stats.set(node, emptyStats(flags, names));
    elements.push(node);
    if ((flags & JUNK) !== 0) continue;
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }

  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i]!;
    const s = stats.get(el)!;
    const parentNode = el.parent;
    const p = parentNode && isTag(parentNode) ? stats.get(parentNode) : undefined;
    if (!p) continue;
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
    p.paraChars += PARA_TAGS.has(name) ? s.chars : s.paraChars;
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
      p.inlineLinkChars += linkWeight > 0 ? s.inlineChars * linkWeight : s.inlineLinkChars;
    }
  }
  return { elements, stats };
}

export function linkDensity(s: NodeStats): number {
  return s.chars > 0 ? s.linkChars / s.chars : 0;
}
