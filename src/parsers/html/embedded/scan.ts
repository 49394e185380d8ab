import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { textContent } from 'domutils';
import { normalizeWhitespace } from '../../cleaners/text.js';
import { perPage } from '../page.js';
import type { Heading } from './headline.js';

/**
 * What the metadata strategies read from a page, collected in one walk of the DOM: one pass
 * instead of a CSS query per signal (each query walks the whole page again). Read-only once made.
 */
export interface PageScan {
  /** Meta tags by lower-case key (`property`, else `name`, else `http-equiv`), values in page order. */
  meta: Map<string, string[]>;
  /** Texts of `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** Inline scripts that may hold page state: Next.js data (plain JSON) or an assignment (`window.__INITIAL_STATE__ = …`). */
  stateScripts: Array<{ json: boolean; text: string }>;
  /** The document's `<title>` (not an SVG's), whitespace-collapsed. */
  title: string | null;
  /** `<link rel=canonical>` href. */
  canonical: string | null;
  /** `<html lang>`. */
  lang: string | null;
  h1: Element[];
  h2: Element[];
  p: Element[];
  /** Elements marked as naming an author: `itemprop=author`, `rel=author`, a class with "byline" or "author". */
  authors: Element[];
  /** Links to an author's page (`/author/…`, `/profile/…`, `/staff/…`). */
  authorLinks: Element[];
  /** `<time>` elements and `itemprop=datePublished|dateModified` elements. */
  times: Element[];
  /** Elements whose class says date, time or publish. */
  dated: Element[];
  /** Breadcrumb containers: BreadcrumbList microdata, a class with "breadcrumb", `nav[aria-label*=breadcrumb]`. */
  breadcrumbs: Element[];
  /** `a[rel~=tag]`. */
  tagLinks: Element[];
  /** `itemprop=dateline` or a class with "dateline". */
  datelines: Element[];
  /** The headline candidates of each level, read on first use (see `headline.ts`). */
  headings: { h1?: Heading[]; h2?: Heading[] };
}

/** Scripts larger than this are not page state worth parsing (and would cost too much to). */
const MAX_STATE_SCRIPT = 4_000_000;
/** Plain substring tests: inline scripts run to megabytes, and a regex over each costs more. */
const STATE_MARKERS = ['__INITIAL_STATE__', '__PRELOADED_STATE__', 'Fusion.globalContent'];
const AUTHOR_PATH = /\/(?:author|authors|writer|writers|profile|profiles|people|staff|editors|contributors|journalist|journalists)\//i;

/** The page's scan, made on first use and shared by every strategy. */
export const scanPage = perPage((page): PageScan => walk(page.$.root().toArray()));

/** The first value of a meta key, trimmed; null when absent or blank. */
export function metaValue(scan: PageScan, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const value of scan.meta.get(key) ?? []) if (value !== '') return value;
  }
  return null;
}

/** Every non-blank value of the first meta key that has one. */
export function metaValues(scan: PageScan, ...keys: string[]): string[] {
  for (const key of keys) {
    const values = (scan.meta.get(key) ?? []).filter((v) => v !== '');
    if (values.length > 0) return values;
  }
  return [];
}

/** True when `el` lies inside `ancestor` (or is it). */
export function isWithin(el: AnyNode, ancestor: AnyNode): boolean {
  for (let node: AnyNode | null = el; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

/** Space-separated attribute tokens, lower-cased: `itemprop`, `rel`. */
export function tokens(el: Element, attribute: string): string[] {
  return (el.attribs[attribute] ?? '').toLowerCase().split(/\s+/);
}

function walk(roots: AnyNode[]): PageScan {
  const scan: PageScan = {
    ...{ meta: new Map(), jsonLd: [], stateScripts: [], title: null, canonical: null, lang: null },
    ...{ h1: [], h2: [], p: [], authors: [], authorLinks: [], times: [], dated: [], breadcrumbs: [], tagLinks: [], datelines: [], headings: {} },
  };

  // Iterative: hostile pages nest deeply, and recursion would overflow the stack.
  const stack: AnyNode[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) {
      if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      continue;
    }
    const name = node.name;
    if (name === 'svg' || name === 'math' || name === 'template') continue;
    if (name === 'meta') {
      addMeta(scan.meta, node);
      continue;
    }
    if (name === 'script') {
      addScript(node, scan.jsonLd, scan.stateScripts);
      continue;
    }
    if (name === 'title') {
      scan.title ??= normalizeWhitespace(textContent(node)) || null;
      continue;
    }
    classify(node, scan);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return scan;
}

/** Class words worth a closer look; one test per element keeps the walk cheap. */
const CLASS_SIGNAL = /author|byline|date|time|publish|breadcrumb/i;

/** Files an element under every signal it carries (an element can be an author link and a byline). */
function classify(el: Element, scan: PageScan): void {
  const name = el.name;
  const a = el.attribs;
  switch (name) {
    case 'p':
      scan.p.push(el);
      break;
    case 'h1':
      scan.h1.push(el);
      break;
    case 'h2':
      scan.h2.push(el);
      break;
    case 'time':
      scan.times.push(el);
      break;
    case 'a':
      if (a.rel !== undefined && /\btag\b/i.test(a.rel)) scan.tagLinks.push(el);
      if (a.href !== undefined && AUTHOR_PATH.test(a.href)) scan.authorLinks.push(el);
      break;
    case 'link':
      if (scan.canonical === null && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? '')) scan.canonical = a.href?.trim() || null;
      break;
    case 'html':
      scan.lang ??= a.lang?.trim() || a['xml:lang']?.trim() || null;
      break;
    case 'nav':
      if (/readcrumb/i.test(a['aria-label'] ?? '')) scan.breadcrumbs.push(el);
      break;
  }
  const itemprop = a.itemprop === undefined ? '' : a.itemprop.toLowerCase();
  const cls = a.class !== undefined && CLASS_SIGNAL.test(a.class) ? a.class.toLowerCase() : '';
  if (itemprop === '' && cls === '' && a.rel === undefined && a.itemtype === undefined) return;
  if (/\bauthor\b/.test(itemprop) || (a.rel !== undefined && /\bauthor\b/i.test(a.rel)) || cls.includes('byline') || cls.includes('author')) scan.authors.push(el);
  if (name !== 'time' && /\bdate(?:published|modified)\b/.test(itemprop)) scan.times.push(el);
  if (cls.includes('date') || cls.includes('time') || cls.includes('publish')) scan.dated.push(el);
  if (cls.includes('breadcrumb') || (a.itemtype ?? '').includes('BreadcrumbList')) scan.breadcrumbs.push(el);
  if (cls.includes('dateline') || /\bdateline\b/.test(itemprop)) scan.datelines.push(el);
}

function addMeta(meta: Map<string, string[]>, el: Element): void {
  const a = el.attribs;
  // Microdata (`itemprop`) describes the element it sits in, not the page; the generic extractor reads it in place.
  const key = (a.property ?? a.name ?? a['http-equiv'])?.trim().toLowerCase();
  // Some archivers (Mercury's fixtures) rewrite `content` as `value`.
  const value = a.content ?? a.value;
  if (!key || value === undefined) return;
  const list = meta.get(key);
  const clean = normalizeWhitespace(value);
  if (list) list.push(clean);
  else meta.set(key, [clean]);
}

function addScript(el: Element, jsonLd: string[], stateScripts: Array<{ json: boolean; text: string }>): void {
  const type = (el.attribs.type ?? '').toLowerCase();
  if (type.includes('ld+json')) {
    jsonLd.push(scriptText(el));
    return;
  }
  if (el.attribs.src !== undefined) return;
  const text = scriptText(el);
  if (text.length > MAX_STATE_SCRIPT) return;
  if (el.attribs.id === '__NEXT_DATA__') stateScripts.push({ json: true, text });
  else if (STATE_MARKERS.some((marker) => text.includes(marker))) stateScripts.push({ json: false, text });
}

function scriptText(el: Element): string {
  const only = el.children.length === 1 ? el.children[0] : undefined;
  if (only && isText(only)) return only.data;
  let text = '';
  for (const child of el.children) if (isText(child)) text += child.data;
  return text;
}
