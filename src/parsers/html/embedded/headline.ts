import { isTag, isText, type AnyNode, type Element, type Text } from 'domhandler';
import { nextElementSibling, prevElementSibling, textContent } from 'domutils';
import { comparable } from '../../cleaners/text.js';
import { perPage, type Page } from '../page.js';
import { isWithin, metaValue, scanPage, tokens, type PageScan } from './scan.js';
import { hostBrand, namesSite, plainText } from './values.js';

/** Shorter h1 texts are section names or logos, not headlines. */
const MIN_HEADLINE = 10;
/** "Near the headline": text nodes this far before and after the h1's first text (dek, byline, dates). */
const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 60;

/** Labels set above a headline inside its element: "Genetik" in "<span class=kicker>Genetik</span>: Das Geheimnis …". */
const KICKER_CLASS = /(?:^|[\s_-])(?:kicker|eyebrow|overline|dachzeile|topline)(?:$|[\s_-])/;
/** Text only screen readers get: the ": " after a kicker, "Headline:" announcements. */
const SCREEN_READER_CLASS = /(?:^|\s)(?:sr-only|visually-?hidden|screen-reader-(?:text|only)|show-for-sr|a11y-hidden|hidden-tag)(?:$|\s)/;

/** A heading as shown: `text` without a kicker or screen-reader text, `full` with everything (as titles often quote it). */
export interface Heading {
  el: Element;
  text: string;
  full: string;
  /** `comparable` of text and of full, computed once: headings are matched against titles by several strategies. */
  keys: readonly string[];
}

/**
 * The page's visible headline when a declared title corroborates it: the title equals the
 * heading or starts with it (" | Site" appended), or the heading starts with the title (a declared
 * headline cut to 110 characters for search engines). An `<h1>` first; an `<h2>` only when no
 * h1 is corroborated (the h1s are the site's name, or a breadcrumb's). Null when none is.
 */
export function corroboratedH1(scan: PageScan, declared: ReadonlyArray<string | null>): string | null {
  return corroboratedHeading(scan, declared)?.text ?? null;
}

function corroboratedHeading(scan: PageScan, declared: ReadonlyArray<string | null>): Heading | null {
  const titles = declared.filter((t): t is string => Boolean(t)).map(comparable);
  if (titles.length === 0) return null;
  const matches = (key: string) => titles.some((t) => t.startsWith(key) || (t.length >= MIN_HEADLINE && key.startsWith(t)));
  for (const level of ['h1', 'h2'] as const) {
    const found = headings(scan, level).find((h) => h.keys.some(matches));
    if (found) return found;
  }
  return null;
}

/**
 * The page's only headline-like h1 — long enough, and not the site's name — or null when there
 * are none or several. A story page shows its headline in one h1; the social title (og:title) is
 * often a different, rewritten one.
 */
export function soleH1(page: Page, scan: PageScan): string | null {
  return soleHeading(page, scan)?.text ?? null;
}

function soleHeading(page: Page, scan: PageScan): Heading | null {
  const names = [metaValue(scan, 'og:site_name', 'application-name'), hostBrand(page.host)]
    .filter((n): n is string => Boolean(n))
    .map(comparable)
    .filter((n) => n.length >= 3);
  const candidates = headings(scan, 'h1').filter((h) => !namesSite(h.keys[0]!, names));
  const texts = new Set(candidates.map((h) => h.text));
  return texts.size === 1 ? candidates[0]! : null;
}

/**
 * The page's headings of one level that could be its headline, in page order: long enough, shown
 * to readers, and not the current page's name at the end of a breadcrumb trail.
 */
function headings(scan: PageScan, level: 'h1' | 'h2'): Heading[] {
  // h2s are many (every box title) and rarely needed: each level is read on first use.
  return (scan.headings[level] ??= headingsOf(scan, scan[level]));
}

function headingsOf(scan: PageScan, elements: readonly Element[]): Heading[] {
  const out: Heading[] = [];
  for (const el of elements) {
    if (isUnseen(el) || isTrailItem(scan, el)) continue;
    const full = plainText(textContent(el));
    // A heading whose every word sits in a kicker-named box is all headline.
    const text = plainText(shownText(el)) ?? full;
    const key = text === null ? '' : comparable(text);
    if (full !== null && text !== null && key.length >= MIN_HEADLINE) out.push({ el, text, full, keys: full === text ? [key] : [key, comparable(full)] });
  }
  return out;
}

/**
 * True for a heading that is an item of a breadcrumb trail (the current page's name at its end,
 * which may be shortened or a section's): inside a list item or a microdata `itemListElement` of
 * the trail. A headline merely placed beside the trail, in the same box, is not one.
 */
function isTrailItem(scan: PageScan, el: Element): boolean {
  const trail = scan.breadcrumbs.find((t) => isWithin(el, t));
  if (!trail) return false;
  for (let node: AnyNode | null = el; node && node !== trail; node = node.parent) {
    if (isTag(node) && (node.name === 'li' || tokens(node, 'itemprop').includes('itemlistelement'))) return true;
  }
  return false;
}

/** Hidden from readers: the `hidden` attribute, an inline `display:none`, or a screen-reader-only class. */
function isUnseen(el: Element): boolean {
  const a = el.attribs;
  return a.hidden !== undefined || /display\s*:\s*none/i.test(a.style ?? '') || SCREEN_READER_CLASS.test(a.class?.toLowerCase() ?? '');
}

/** An element's text without kickers and screen-reader text inside it. */
function shownText(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) out += node.data;
    else if (isTag(node)) {
      const cls = node.attribs.class?.toLowerCase() ?? '';
      if (isUnseen(node) || KICKER_CLASS.test(cls)) continue;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return out;
}

/** The heading that holds the headline: the one a declared title corroborates, or the only h1, else the first h1. */
export function headlineElement(page: Page): Element | null {
  const scan = scanPage(page);
  return (corroboratedHeading(scan, [scan.title, metaValue(scan, 'og:title')]) ?? soleHeading(page, scan))?.el ?? scan.h1[0] ?? null;
}

/** Non-blank text nodes around the headline in document order: where a dek, the bylines and the dates are printed. */
export const textsNearHeadline = perPage((page): Text[] => {
  const h1 = headlineElement(page);
  return h1 ? textsAround(page, h1) : [];
});

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
  if (headline && comparable(headline) === comparable(text)) return null;
  const shown = shownDescriptions(page);
  if (!shown.has(text)) shown.set(text, isShownOnItsOwn(page, text));
  return shown.get(text) ? text : null;
}

/** Whether each description asked about is shown near the headline: JSON-LD and the meta tags usually repeat one. */
const shownDescriptions = perPage((): Map<string, boolean> => new Map());

function isShownOnItsOwn(page: Page, text: string): boolean {
  const key = comparable(text);
  const seen = new Set<Element>();
  return textsNearHeadline(page).some((node) => {
    const el = node.parent;
    if (!el || !isTag(el) || seen.has(el)) return false;
    seen.add(el);
    // Only an element about as long as the description can be it; reading a big block's text would cost too much.
    const raw = textUpTo(el, text.length * 2);
    if (raw.length < key.length || raw.length > text.length * 2 || comparable(raw) !== key) return false;
    return !(el.name === 'p' && (prevElementSibling(el)?.name === 'p' || nextElementSibling(el)?.name === 'p'));
  });
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
