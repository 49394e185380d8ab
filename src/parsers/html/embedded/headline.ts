import { isTag, isText, type AnyNode, type Element, type Text } from 'domhandler';
import { nextElementSibling, prevElementSibling, textContent } from 'domutils';
import type { Page } from '../page.js';
import { isWithin, metaValue, scanPage, type PageScan } from './scan.js';
import { comparable, hostBrand, plainText } from './values.js';

/** Shorter h1 texts are section names or logos, not headlines. */
const MIN_HEADLINE = 10;
/** "Near the headline": text nodes this far before and after the h1's first text (dek, byline, dates). */
const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 60;
/** An h1 that is the site's name with a few more letters ("CNN Politics") is a banner, not a headline. */
const SECTION_SUFFIX = 10;

/**
 * The page's visible headline (an `<h1>`) when a declared title corroborates it: the title equals
 * the h1 or starts with it (" | Site" appended), or the h1 starts with the title (a declared
 * headline cut to 110 characters for search engines). Null when no h1 is corroborated.
 */
export function corroboratedH1(scan: PageScan, declared: ReadonlyArray<string | null>): string | null {
  const titles = declared.filter((t): t is string => Boolean(t)).map(comparable);
  if (titles.length === 0) return null;
  for (const text of h1Texts(scan)) {
    const key = comparable(text);
    if (titles.some((t) => t.startsWith(key) || (t.length >= MIN_HEADLINE && key.startsWith(t)))) return text;
  }
  return null;
}

/**
 * The page's only headline-like h1 — long enough, and not the site's name — or null when there
 * are none or several. A story page shows its headline in one h1; the social title (og:title) is
 * often a different, rewritten one.
 */
export function soleH1(page: Page, scan: PageScan): string | null {
  const names = [metaValue(scan, 'og:site_name', 'application-name'), hostBrand(page.host)]
    .filter((n): n is string => Boolean(n))
    .map(comparable)
    .filter((n) => n.length >= 3);
  const isName = (c: string) => names.some((n) => c === n || n.includes(c) || (c.includes(n) && c.length <= n.length + SECTION_SUFFIX));
  const candidates = h1Texts(scan).filter((t) => !isName(comparable(t)));
  return candidates.length === 1 ? candidates[0]! : null;
}

const h1Cache = new WeakMap<PageScan, string[]>();

/** Texts of the page's h1s that are long enough to be a headline, in page order, without repeats. */
function h1Texts(scan: PageScan): string[] {
  let texts = h1Cache.get(scan);
  if (!texts) {
    const all = scan.h1.map((el) => plainText(textContent(el))).filter((t): t is string => t !== null && comparable(t).length >= MIN_HEADLINE);
    texts = [...new Set(all)];
    h1Cache.set(scan, texts);
  }
  return texts;
}

/** The h1 that holds the headline: the one a declared title corroborates, or the only one, else the first. */
export function headlineElement(page: Page): Element | null {
  const scan = scanPage(page);
  const text = corroboratedH1(scan, [scan.title, metaValue(scan, 'og:title')]) ?? soleH1(page, scan);
  return (text ? scan.h1.find((el) => plainText(textContent(el)) === text) : null) ?? scan.h1[0] ?? null;
}

const nearCache = new WeakMap<Page, Text[]>();

/** Non-blank text nodes around the headline in document order: where a dek, the bylines and the dates are printed. */
export function textsNearHeadline(page: Page): Text[] {
  let near = nearCache.get(page);
  if (!near) {
    const h1 = headlineElement(page);
    near = h1 ? textsAround(page, h1) : [];
    nearCache.set(page, near);
  }
  return near;
}

function textsAround(page: Page, h1: Element): Text[] {
  const texts: Text[] = [];
  let at = -1;
  const stack: AnyNode[] = [...page.$.root().toArray()];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) {
      if (node.data.trim() === '') continue;
      if (at < 0 && isWithin(node, h1)) at = texts.length;
      texts.push(node);
      if (at >= 0 && texts.length > at + WINDOW_AFTER) break;
    } else if (isTag(node)) {
      if (node.name === 'script' || node.name === 'style' || node.name === 'svg' || node.name === 'noscript') continue;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return at < 0 ? [] : texts.slice(Math.max(0, at - WINDOW_BEFORE));
}

/** Starts like a wire lead: "MEXICO CITY (AP) —", "LONDON (Reuters) -", "WASHINGTON —". */
const WIRE_LEAD = /^[\p{Lu}][\p{Lu}\p{M} .,'’-]{2,60}(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s/u;
const MIN_DEK = 15;
const MAX_DEK = 320;

/**
 * A description that reads as the story's dek (standfirst), or null. Meta and JSON-LD descriptions
 * are often an SEO summary instead: the lead paragraph or its start, cut with an ellipsis. So a
 * description is a dek only when the page shows it under the headline as an element of its own —
 * not as one of the story's running paragraphs — and it is complete and not the headline.
 */
export function dekFromDescription(page: Page, description: unknown, headline: string | null): string | null {
  const text = plainText(description);
  if (!text || text.length < MIN_DEK || text.length > MAX_DEK) return null;
  if (/(?:…|\.\.\.|\[…\])$/.test(text) || WIRE_LEAD.test(text)) return null;
  const key = comparable(text);
  if (headline && comparable(headline) === key) return null;
  const seen = new Set<Element>();
  const shown = textsNearHeadline(page).some((node) => {
    const el = node.parent;
    if (!el || !isTag(el) || seen.has(el)) return false;
    seen.add(el);
    // Only an element about as long as the description can be it; reading a big block's text would cost too much.
    const raw = textUpTo(el, text.length * 2);
    if (raw.length < key.length || raw.length > text.length * 2 || comparable(raw) !== key) return false;
    return !(el.name === 'p' && (prevElementSibling(el)?.name === 'p' || nextElementSibling(el)?.name === 'p'));
  });
  return shown ? text : null;
}

/** An element's text, or its first `max` characters and a bit: enough to tell it from a shorter one. */
function textUpTo(el: Element, max: number): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length > 0 && out.length <= max) {
    const node = stack.pop()!;
    if (isText(node)) out += node.data;
    else if (isTag(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}
