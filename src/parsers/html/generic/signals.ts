import { isTag, type Element } from 'domhandler';
import { DECLARED_BODY, FURNITURE, JUNK, isArticleBody, linkDensity, type PageStats } from './stats.js';

/** A declared body with less text than this is a teaser or an empty shell. */
const MIN_DECLARED_CHARS = 500;
const MAX_DECLARED_LINK_DENSITY = 0.3;

/**
 * The element the page itself names as the story's body — `itemprop="articleBody"`, else the
 * largest element with a CMS body class (`article-body`, `entry-content`…) — when it holds prose.
 */
export function declaredBody({ elements, stats }: PageStats): Element | null {
  let best: Element | null = null;
  let bestText = 0;
  let bestMicrodata = false;
  for (const el of elements) {
    const s = stats.get(el)!;
    if ((s.flags & (JUNK | FURNITURE)) !== 0 || (s.flags & DECLARED_BODY) === 0) continue;
    const microdata = isArticleBody(el);
    if (s.chars < MIN_DECLARED_CHARS || linkDensity(s) > MAX_DECLARED_LINK_DENSITY) continue;
    const text = s.chars - s.linkChars;
    // Microdata outranks class names; then the most text, the outermost on a tie.
    if ((microdata && !bestMicrodata) || (microdata === bestMicrodata && text > bestText)) {
      best = el;
      bestText = text;
      bestMicrodata = microdata;
    }
  }
  return best;
}

function contains(ancestor: Element, el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parent && isTag(node.parent) ? node.parent : null) {
    if (node === ancestor) return true;
  }
  return false;
}

/** True when `el` neither holds nor sits inside any of `roots`. */
export function isApart(el: Element, roots: readonly Element[]): boolean {
  return roots.every((root) => !contains(root, el) && !contains(el, root));
}
