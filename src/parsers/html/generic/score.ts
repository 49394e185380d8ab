import { isTag, type Element } from 'domhandler';
import { textOf } from './dom.js';
import { tagScore } from './patterns.js';
import { BLOCK, BOILERPLATE, FURNITURE, IN_UNLIKELY, JUNK, SOFT_FURNITURE, UNLIKELY, linkDensity, type NodeStats, type PageStats } from './stats.js';

/** A run of text shorter than this is not a paragraph. */
const MIN_PARAGRAPH_CHARS = 25;
const ANCESTOR_LEVELS = 5;
/** Elements whose own text is never scored as a paragraph (Readability scores neither). */
const NOT_PARAGRAPHS: ReadonlySet<string> = new Set(['li', 'dt', 'dd', 'th', 'h1', 'caption', 'figcaption', 'address', 'summary', 'a', 'body', 'html']);
/** Paragraph-like elements credit their parent; a box with loose text credits itself. */
const PARAGRAPHS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Text that never votes for a candidate; a second try lets unlikely-looking boxes vote (Readability's retry). */
const SKIP_FLAGS = JUNK | FURNITURE;
const UNLIKELY_FLAGS = UNLIKELY | IN_UNLIKELY;
/** Top candidates scoring this close to the best vote for a common ancestor. */
const CLOSE_SCORE = 0.75;
const MIN_VOTES = 3;

export interface Scored {
  /** The best-scoring element: the densest prose of the story. */
  best: Element;
  /** The element the story was found to fill (`best` or an ancestor). */
  top: Element;
  /** `top` and the siblings that belong with it, in document order. */
  roots: Element[];
}

function parentElement(el: Element): Element | null {
  return el.parent && isTag(el.parent) ? el.parent : null;
}

function elementChildren(el: Element): Element[] {
  return el.children.filter(isTag);
}

/**
 * Readability's content score, on precomputed stats: every paragraph (≥ 25 characters of its own
 * text) gives 1, plus one per comma-separated part, plus up to 3 for length, to its ancestors,
 * fading with distance; each candidate's score is then scaled by its share of non-link text.
 */
function scoreParagraphs({ elements, stats }: PageStats, skip: number): Element[] {
  const candidates: Element[] = [];
  for (const el of elements) stats.get(el)!.score = Number.NaN;
  for (const el of elements) {
    const s = stats.get(el)!;
    if ((s.flags & skip) !== 0 || (s.flags & BLOCK) === 0 || s.inlineChars < MIN_PARAGRAPH_CHARS) continue;
    if (NOT_PARAGRAPHS.has(el.name)) continue;
    const points = 2 + s.inlineCommas + Math.min(Math.floor(s.inlineChars / 100), 3);
    let node: Element | null = PARAGRAPHS.has(el.name) || s.blockKids === 0 ? parentElement(el) : el;
    for (let level = 0; node && level < ANCESTOR_LEVELS; level++, node = parentElement(node)) {
      if (!parentElement(node)) break;
      const a = stats.get(node);
      if (!a) break;
      if (Number.isNaN(a.score)) {
        a.score = tagScore(node.name) + a.weight;
        candidates.push(node);
      }
      a.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  for (const el of candidates) {
    const s = stats.get(el)!;
    s.score *= 1 - linkDensity(s);
  }
  return candidates;
}

function scoreOf(stats: ReadonlyMap<Element, NodeStats>, el: Element | null): number {
  const s = el ? stats.get(el) : undefined;
  return s && !Number.isNaN(s.score) ? s.score : Number.NaN;
}

/**
 * The top candidate, moved up when several near-best candidates share an ancestor or when its
 * parent scores better, then joined by siblings that score well or read as prose.
 */
export function pickByScore(page: PageStats, body: Element, strict: boolean): Scored | null {
  const { stats } = page;
  const skip = strict ? SKIP_FLAGS | UNLIKELY_FLAGS : SKIP_FLAGS;
  const candidates = scoreParagraphs(page, skip)
    .map((el) => ({ el, score: stats.get(el)!.score }))
    .sort((a, b) => b.score - a.score)
    .map((c) => c.el);
  const best = candidates[0];
  if (!best) return null;
  let top = best;
  const topScore = stats.get(top)!.score;

  // Several close runners-up inside one ancestor: the story is that ancestor.
  const runnersUp = candidates.slice(1, 5).filter((c) => stats.get(c)!.score / topScore >= CLOSE_SCORE);
  if (runnersUp.length >= MIN_VOTES) {
    const ancestorSets = runnersUp.map((c) => {
      const set = new Set<Element>();
      for (let a = parentElement(c); a; a = parentElement(a)) set.add(a);
      return set;
    });
    for (let a = parentElement(top); a && a !== body; a = parentElement(a)) {
      if (ancestorSets.filter((set) => set.has(a!)).length >= MIN_VOTES) {
        top = a;
        break;
      }
    }
  }

  // Climb while the parent keeps most of the score, and take it when it scores better.
  let lastScore = scoreOf(stats, top);
  const threshold = lastScore / 3;
  for (let parent = top === body ? null : parentElement(top); parent && parent !== body; parent = parentElement(parent)) {
    const parentScore = scoreOf(stats, parent);
    if (Number.isNaN(parentScore)) continue;
    if (parentScore < threshold) break;
    if (parentScore > lastScore) {
      top = parent;
      break;
    }
    lastScore = parentScore;
  }
  // An only child (furniture and empty boxes aside) stands for its parent.
  const holdsSomething = (el: Element) => {
    const s = stats.get(el);
    return s !== undefined && (s.flags & skip) === 0 && (s.chars > 0 || s.imgs > 0);
  };
  for (let parent = top === body ? null : parentElement(top); parent && parent !== body && elementChildren(parent).filter(holdsSomething).length === 1; parent = parentElement(parent)) {
    top = parent;
  }

  return { best, top, roots: withSiblings(page, top, best, body, skip) };
}

/** Layout class names that many unrelated boxes share (grid columns, wrappers, spacing utilities). */
const LAYOUT_CLASS = /^(?:row|col|cols?-.*|columns?|container|wrap|wrapper|inner|outer|clearfix|clear|grid|cell|box|block|section|content|main|left|right|center|pull-.*|float-.*|span\d+|(?:d|[mp][trblxy]?|[wh]|g|gap|text|align|justify|flex|order|offset)-.*|\d+|is-.*|has-.*)$/;

/** A class attribute with at least one word that names a component rather than a layout slot. */
function isSpecificClass(value: string): boolean {
  return value.split(/\s+/).some((word) => word !== '' && !LAYOUT_CLASS.test(word));
}

/**
 * `top` with the siblings that belong to the story (Readability): siblings that score well, prose
 * paragraphs, and other chunks of a body split around figures or ads — recognised by sharing the
 * class of `top` or of the best-scoring element, even when nested too deep to be scored.
 */
function withSiblings({ elements, stats }: PageStats, top: Element, best: Element, body: Element, skip: number): Element[] {
  const parent = parentElement(top);
  if (!parent || top === body) return [top];
  const topScore = Number.isNaN(scoreOf(stats, top)) ? 0 : scoreOf(stats, top);
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';

  const chunks = new Set<Element>();
  const chunkClasses = new Set([topClass, best.attribs.class ?? ''].filter(isSpecificClass));
  // Which child of `parent` each element sits in; memoised so that every element is climbed once.
  const siblingOf = new Map<Element, Element | null>();
  const branch = (el: Element): Element | null => {
    const path: Element[] = [];
    let node: Element | null = el;
    let found: Element | null | undefined;
    while (found === undefined) {
      if (!node) found = null;
      else if (node.parent === parent) found = node;
      else if (siblingOf.has(node)) found = siblingOf.get(node)!;
      else {
        path.push(node);
        node = parentElement(node);
      }
    }
    for (const visited of path) siblingOf.set(visited, found);
    return found;
  };
  for (const el of elements) {
    const s = stats.get(el)!;
    if (!chunkClasses.has(el.attribs.class ?? '') || s.chars === 0 || linkDensity(s) >= 0.5) continue;
    if ((s.flags & (skip | BOILERPLATE | SOFT_FURNITURE)) !== 0) continue;
    const child = branch(el);
    if (child && child !== top) chunks.add(child);
  }

  return elementChildren(parent).filter((sibling) => {
    if (sibling === top) return true;
    const s = stats.get(sibling);
    if (!s || (s.flags & skip) !== 0) return false;
    if (chunks.has(sibling)) return true;
    if ((s.flags & (BOILERPLATE | SOFT_FURNITURE)) !== 0) return false;
    const bonus = topClass !== '' && sibling.attribs.class === topClass ? topScore * 0.2 : 0;
    if (!Number.isNaN(s.score) && s.score + bonus >= threshold) return true;
    if (sibling.name !== 'p') return false;
    const density = linkDensity(s);
    if (s.chars > 80 && density < 0.25) return true;
    return s.chars < 80 && s.chars > 0 && density === 0 && /\.( |$)/.test(textOf(sibling, stats));
  });
}
