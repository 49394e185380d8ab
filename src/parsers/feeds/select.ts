import { isTag, type Element, type ParentNode } from 'domhandler';
import { resolveUrl } from '../cleaners/urls.js';
import { attr, childElements, descendants, localName, namespaceOf, rawText } from '../xml.js';

/**
 * Namespace-aware lookups for feeds. xml.ts matches local names across every prefix, which is
 * right for wire formats but not here: an RSS item holds `title` and `media:title`, `link` and
 * `atom:link`, `description` and `media:description`, and only the first of each is the item's.
 */

/** Extension namespaces by their usual prefix; a selector `dc:creator` matches either. */
export const NAMESPACES = {
  atom: ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'],
  content: ['http://purl.org/rss/1.0/modules/content/'],
  dc: ['http://purl.org/dc/elements/1.1/'],
  dcterms: ['http://purl.org/dc/terms/'],
  feedburner: ['http://rssnamespace.org/feedburner/ext/1.0'],
  media: ['http://search.yahoo.com/mrss/', 'http://search.yahoo.com/mrss'],
  rss1: ['http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/'],
} as const satisfies Record<string, readonly string[]>;

type Prefix = keyof typeof NAMESPACES;

/** A format's own vocabulary: its unprefixed elements, plus any prefix bound to one of `own`. */
export interface Vocabulary {
  own: readonly string[];
}

/**
 * `'title'` is the format's own element; `'dc:creator'` is `creator` in the Dublin Core
 * namespace, whatever prefix the feed chose (or the literal `dc:` prefix when undeclared).
 */
export type Selector = string;

function selects(el: Element, selector: Selector, vocab: Vocabulary): boolean {
  const colon = selector.indexOf(':');
  const wanted = (colon === -1 ? selector : selector.slice(colon + 1)).toLowerCase();
  if (localName(el) !== wanted) return false;
  const prefixAt = el.name.indexOf(':');
  if (colon === -1) return prefixAt === -1 || vocab.own.includes(namespaceOf(el) ?? '');
  const prefix = selector.slice(0, colon) as Prefix;
  const ns = namespaceOf(el);
  if (ns !== undefined) return (NAMESPACES[prefix] as readonly string[]).includes(ns);
  return prefixAt !== -1 && el.name.slice(0, prefixAt).toLowerCase() === prefix;
}

/** Every direct child matching any selector, in document order. */
export function all(parent: ParentNode | null | undefined, vocab: Vocabulary, ...selectors: Selector[]): Element[] {
  return childElements(parent).filter((el) => selectors.some((s) => selects(el, s, vocab)));
}

/** The first direct child matching, trying selectors in order of preference. */
export function first(parent: ParentNode | null | undefined, vocab: Vocabulary, ...selectors: Selector[]): Element | undefined {
  const kids = childElements(parent);
  for (const selector of selectors) {
    const found = kids.find((el) => selects(el, selector, vocab));
    if (found) return found;
  }
  return undefined;
}

/**
 * Every descendant matching the selector, in document order, wherever a broken feed left it;
 * empty ones (`<item/>` nested in an item by a broken generator) hold no story and are skipped.
 */
export function deep(root: ParentNode | null | undefined, vocab: Vocabulary, selector: Selector): Element[] {
  const local = selector.slice(selector.indexOf(':') + 1);
  return descendants(root, local).filter((el) => selects(el, selector, vocab) && (el.children.some(isTag) || rawText(el).trim() !== ''));
}

/** The first non-blank text among the selectors, raw (markup in it is finalize's to strip). */
export function firstText(parent: ParentNode | null | undefined, vocab: Vocabulary, ...selectors: Selector[]): string | undefined {
  const kids = childElements(parent);
  for (const selector of selectors) {
    for (const el of kids) {
      if (!selects(el, selector, vocab)) continue;
      const value = rawText(el).trim();
      if (value !== '') return value;
    }
  }
  return undefined;
}

/** Non-blank texts of every matching child, in document order. */
export function allTexts(parent: ParentNode | null | undefined, vocab: Vocabulary, ...selectors: Selector[]): string[] {
  return all(parent, vocab, ...selectors)
    .map((el) => rawText(el).trim())
    .filter((value) => value !== '');
}

/** `xml:lang` on the element or its nearest ancestor. */
export function xmlLang(el: Element): string | undefined {
  for (let node: ParentNode | null = el; node && 'attribs' in node; node = node.parent) {
    const lang = (node as Element).attribs['xml:lang'];
    if (lang !== undefined && lang.trim() !== '') return lang.trim();
  }
  return undefined;
}

/**
 * The base URL in effect at an element: `xml:base` attributes from the root down, each resolved
 * against the one above it, starting from `fallback` (the feed's own link or the fetch URL).
 */
export function baseUrl(el: Element, fallback: string | undefined): string | undefined {
  const bases: string[] = [];
  for (let node: ParentNode | null = el; node && 'attribs' in node; node = node.parent) {
    const base = (node as Element).attribs['xml:base']?.trim();
    if (base) bases.push(base);
  }
  let current = fallback;
  for (const base of bases.reverse()) current = resolveUrl(base, current) ?? current;
  return current;
}

/** A link resolved against a base; kept as given when it cannot be (finalize tries again). */
export function resolveLink(link: string | undefined, base: string | undefined): string | undefined {
  const trimmed = link?.trim();
  if (!trimmed) return undefined;
  return resolveUrl(trimmed, base) ?? trimmed;
}

/**
 * The feed's own address from its `rel="self"` link, when absolute: the document URL to resolve
 * against when the feed is read from a file rather than fetched.
 */
export function selfLink(parent: ParentNode | null | undefined, vocab: Vocabulary, selector: Selector): string | undefined {
  const self = all(parent, vocab, selector).find((l) => attr(l, 'rel')?.trim().toLowerCase() === 'self');
  const href = attr(self, 'href')?.trim();
  return href && /^https?:\/\//i.test(href) ? href : undefined;
}
