import { isTag, type AnyNode, type Element, type Text } from 'domhandler';
import { textContent } from 'domutils';
import { parseDate } from '../../cleaners/dates.js';
import { corroboratedH1, headlineElement, soleH1, textsNearHeadline } from '../embedded/headline.js';
import { isWithin, metaValue, scanPage, tokens, type PageScan } from '../embedded/scan.js';
import {
  aboutOtherStories,
  cleanTags,
  hasTime,
  hostBrand,
  isUrl,
  markupDate,
  plainText,
  readableBylines,
  readableDate,
  statesZone,
  stripTitleAffixes,
} from '../embedded/values.js';
import { perPage, type Page } from '../page.js';
import type { PageField, PageFields, Strategy } from '../strategy.js';

/** Link texts next to author names that are not names. */
const NOT_A_NAME = /\b(?:bio|biography|profile|posts?|articles?|stories|follow|e-?mail|twitter|facebook|contact|more|view|see|read|subscribe|comments?|share|updated|published)\b/i;
/** Furniture that trails names in a byline box: a date, a time, "Updated …". */
const BYLINE_TAIL = /\s(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\.? \p{Lu}\p{Ll}{2,8}\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d\d|(?:updated|published|posted)\b).*$/isu;
const PUBLISHED_LABEL = /^(?:first\s+)?(?:published|posted|publié|publicado|veröffentlicht)(?:\s+on)?\s*:?\s*/i;
const UPDATED_LABEL = /^(?:last\s+)?(?:updated|modified|mis à jour|actualizado|aktualisiert)(?:\s+on)?\s*:?\s*/i;
const BY_LINE = /^(?:by|par|por|von|di)\s+\p{Lu}/iu;
const BY_ALONE = /^(?:by|par|por|von|di):?$/i;
const MAX_BYLINE = 120;
const MAX_BYLINE_WORDS = 16;
const MAX_LABELLED = 120;
const MAX_DATELINE = 60;
const MAX_CRUMB = 40;
const HOME = /^(?:home|homepage|accueil|inicio|startseite|news)$/i;

/**
 * The generic metadata extractor, for what neither a site map nor embedded data gave: the
 * visible headline, bylines, dates, breadcrumb section, tags and dateline, read from the markup
 * of the article around the `<h1>` and from the text near it.
 */
export const genericMetadataStrategy: Strategy = {
  name: 'generic',
  extract(page: Page, wanted: ReadonlySet<PageField>): PageFields {
    const found: PageFields = {};
    const view = viewOf(page);
    const inScope = (el: Element) => view.scope === null || isWithin(el, view.scope);
    if (wanted.has('headline')) {
      const headline = genericHeadline(page, view.scan);
      if (headline) found.headline = headline;
    }
    if (wanted.has('bylines')) {
      const bylines = pageBylines(page);
      if (bylines) found.bylines = bylines;
    }
    if (wanted.has('publishedAt')) {
      const published = pageDate(page);
      if (published) found.publishedAt = published;
    }
    if (wanted.has('updatedAt')) {
      const updated = markupDate(page, view.scope, 'modified') ?? labelledDate(view.near(), UPDATED_LABEL);
      if (updated) found.updatedAt = updated;
    }
    if (wanted.has('section')) {
      const section = breadcrumbSection(page, view.scan);
      if (section) found.section = section;
    }
    if (wanted.has('tags')) {
      const tags = cleanTags(view.scan.tagLinks.filter(inScope).map((el) => textContent(el)));
      if (tags.length > 0) found.tags = tags;
    }
    if (wanted.has('dateline')) {
      const dateline = view.scan.datelines
        .filter(inScope)
        .map((el) => plainText(textContent(el)))
        // "Dateline" classes also name the date line ("Posted Sep 12, 2025"): a place has no digits.
        .find((t): t is string => t !== null && t.length <= MAX_DATELINE && !/\d/.test(t));
      if (dateline) found.dateline = dateline;
    }
    return found;
  },
};

interface PageView {
  scan: PageScan;
  /** The article or main block around the headline; null for the whole page. */
  scope: Element | null;
  /** Text nodes near the headline (computed on first use). */
  near: () => Text[];
}

const viewOf = perPage((page): PageView => {
  const h1 = headlineElement(page);
  return { scan: scanPage(page), scope: h1 ? articleScope(h1) : null, near: () => textsNearHeadline(page) };
});

/**
 * The publication date in the article's markup: microdata or a `<time>` element, else the date
 * printed for readers near the headline. Shared with the meta strategy, which uses it to give a
 * day-only meta date its time.
 */
export function pageDate(page: Page): string | null {
  return markupDate(page, viewOf(page).scope, 'published') ?? printedDate(page);
}

/** The publication date as printed for readers near the headline: after a "Published" label, a text that is only a timestamp, or a short element whose class says date. */
const printedDate = perPage((page): string | null => {
  const view = viewOf(page);
  const near = view.near();
  const inScope = (el: Element) => view.scope === null || isWithin(el, view.scope);
  return labelledDate(near, PUBLISHED_LABEL) ?? bareTimestamp(near) ?? classedDate(view.scan.dated.filter(inScope));
});

/** A time that claims UTC: "Z", "+00:00", "GMT", "GMT+0000 (UTC)". */
const CLAIMS_UTC = /(?:[Zz]|[+-]00:?00|\b(?:GMT|UTC|UT)(?:[+-]00:?00)?)(?: ?\([^()]*\))?$/;
const SAME_CLOCK_MS = 60_000;

/**
 * A date printed near the headline, when a machine date that claims UTC is the page's local time
 * with a "Z" written after it: the page prints the same clock time without a zone
 * ("2017-03-09T16:21:24Z" in the meta, "March 9 2017 4:21 PM" under the headline of a New York
 * site). Readers see local time, so the printed one is right; read in the page's zone, it is the
 * true instant. Where the local zone is UTC both give the same instant. Only texts that show the
 * machine's clock time ("4:21", "16:21") are read, so a page without one costs no date parsing.
 */
export function printedOverMislabelledUtc(page: Page, machine: string): string | null {
  if (!CLAIMS_UTC.test(machine.trim())) return null;
  const instant = parseDate(machine);
  if (instant === null) return null;
  const at = new Date(instant);
  const minutes = String(at.getUTCMinutes()).padStart(2, '0');
  const clock = new RegExp(`(?<!\\d)(?:${at.getUTCHours()}|${at.getUTCHours() % 12 || 12}):${minutes}(?!\\d)`);
  for (const node of viewOf(page).near()) {
    const text = node.data.trim();
    if (text.length > MAX_LABELLED || !clock.test(text)) continue;
    const printed = readableDate(text);
    const read = printed !== null && hasTime(printed) && !statesZone(printed) ? parseDate(printed) : null;
    if (read !== null && Math.abs(Date.parse(read) - Date.parse(instant)) < SAME_CLOCK_MS) return printed;
  }
  return null;
}

/**
 * The headline: a heading the `<title>` corroborates (an h1, else an h2: an h1 that nothing
 * corroborates may be a section banner); else the page's only headline h1; else the `<title>`
 * without the site's name.
 */
function genericHeadline(page: Page, scan: PageScan): string | null {
  const corroborated = corroboratedH1(scan, [scan.title]);
  if (corroborated) return corroborated;
  const names = [metaValue(scan, 'og:site_name', 'application-name'), hostBrand(page.host)].filter((n): n is string => Boolean(n));
  return soleH1(page, scan) ?? (scan.title ? stripTitleAffixes(scan.title, names, [metaValue(scan, 'og:title'), metaValue(scan, 'twitter:title')]) : null);
}

/** The article or main block around the headline, where the story's own metadata lives. */
function articleScope(h1: Element): Element | null {
  for (let node = h1.parent; node; node = node.parent) {
    if (!isTag(node)) continue;
    if (node.name === 'article' || node.name === 'main' || node.attribs.role === 'main' || (node.attribs.itemtype ?? '').includes('Article')) return node;
  }
  return null;
}

/**
 * The bylines printed on the page, as raw strings: from the most specific kind of author element
 * in the article, else links to author pages near the headline, else a "By …" line near it.
 * Shared with the meta strategy, which lets a site-name author yield to them.
 */
export const pageBylines = perPage((page): string[] | null => {
  const view = viewOf(page);
  return markupBylines(view) ?? authorLinks(view) ?? byLine(view.near());
});

/**
 * Author elements by how specifically they name a person: a name inside microdata `author`, the
 * `author` itself, a `rel=author` link, a byline or author class that says "name", a byline box,
 * an author box. The most specific kind present wins; each element is one raw byline.
 */
function markupBylines(view: PageView): string[] | null {
  const ranked: string[][] = [[], [], [], [], [], []];
  for (const el of view.scan.authors) {
    if ((view.scope !== null && !isWithin(el, view.scope)) || aboutOtherStories(el)) continue;
    const cls = el.attribs.class?.toLowerCase() ?? '';
    const author = tokens(el, 'itemprop').includes('author');
    const names = author ? itemNames(el) : [];
    const rank = names.length > 0 ? 0 : author ? 1 : tokens(el, 'rel').includes('author') ? 2 : cls.includes('name') ? 3 : cls.includes('byline') ? 4 : 5;
    for (const raw of names.length > 0 ? names : [el.name === 'meta' ? (el.attribs.content ?? '') : textContent(el)]) {
      const text = bylineText(raw);
      if (text) ranked[rank]!.push(text);
    }
  }
  return ranked.map(readableBylines).find((names) => names.length > 0) ?? null;
}

/** `itemprop=name` values inside a microdata author. */
function itemNames(author: Element): string[] {
  const names: string[] = [];
  const stack: AnyNode[] = [...author.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (tokens(node, 'itemprop').includes('name')) names.push(node.attribs.content ?? textContent(node));
    else stack.push(...node.children);
  }
  return names.reverse();
}

/** Links to author pages, when their text is near the headline (elsewhere they credit other stories). */
function authorLinks(view: PageView): string[] | null {
  const nearby = new Set<AnyNode | null>(view.near().map((t) => t.parent));
  const names = view.scan.authorLinks
    .filter((el) => nearby.has(el) || el.children.some((c) => nearby.has(c)))
    .map((el) => bylineText(textContent(el)))
    .filter((t): t is string => t !== null);
  const readable = readableBylines(names);
  return readable.length > 0 ? readable : null;
}

/** A "By …" line near the headline, when no element is marked as a byline. */
function byLine(near: Text[]): string[] | null {
  for (const node of near) {
    const data = node.data.trim();
    if (!BY_LINE.test(data) && !BY_ALONE.test(data)) continue;
    const text = labelledText(node, BY_ALONE);
    const byline = text && BY_LINE.test(text) ? bylineText(text) : null;
    if (byline && readableBylines([byline]).length > 0) return [byline];
  }
  return null;
}

/** A byline box's text without the furniture after the names ("/" and "|" read as commas); null when not a byline. */
function bylineText(raw: string): string | null {
  const text = plainText(raw)
    ?.replace(BYLINE_TAIL, '')
    .replace(/\s+[/|]\s+/g, ', ')
    .replace(/[\s,/|]+$/, '');
  if (!text || text.length < 3 || text.length > MAX_BYLINE || text.split(' ').length > MAX_BYLINE_WORDS) return null;
  return /\p{L}/u.test(text) && !isUrl(text) && !NOT_A_NAME.test(text.replace(BY_LINE, '')) ? text : null;
}

/** "Published Sep 12, 2025 7:42 AM CDT", "Updated: 3:15 PM EDT, Fri September 12, 2025": the date without its label. */
function labelledDate(near: Text[], label: RegExp): string | null {
  for (const node of near) {
    if (!label.test(node.data.trimStart())) continue;
    const text = labelledText(node, label);
    if (!text || text.length > MAX_LABELLED) continue;
    const date = readableDate(text.replace(label, ''));
    if (date) return date;
  }
  return null;
}

/** A text near the headline that is nothing but a date and time ("December 16, 2016, 4:19 PM"), unless labelled as an update. */
function bareTimestamp(near: Text[]): string | null {
  for (const node of near) {
    const text = node.data.trim();
    // Only a clock time ("4:19") makes a timestamp; reading every number as a date costs too much.
    if (text.length > MAX_LABELLED || !/\d:\d\d/.test(text) || UPDATED_LABEL.test(text)) continue;
    const date = readableDate(text);
    if (date && hasTime(date)) return date;
  }
  return null;
}

/** Last resort: a short element whose class says date or time and whose whole text is one ("19.07.2022"). */
function classedDate(candidates: Element[]): string | null {
  for (const el of candidates) {
    if (aboutOtherStories(el)) continue;
    const text = textContent(el);
    const date = text.length <= MAX_LABELLED ? readableDate(text) : null;
    if (date) return date;
  }
  return null;
}

/** The text of the element holding a label, or of its parent when the label stands in an element of its own (`<b>By</b> <a>…</a>`). */
function labelledText(node: Text, label: RegExp): string | null {
  let el = node.parent;
  let text = el ? plainText(textContent(el)) : null;
  if (text !== null && label.test(text) && text.replace(label, '').trim() === '' && el?.parent) {
    el = el.parent;
    text = plainText(textContent(el));
  }
  return text;
}

/** The top section in the page's breadcrumb trail (after "Home"): microdata names, else the trail's links or items. */
function breadcrumbSection(page: Page, scan: PageScan): string | null {
  for (const trail of scan.breadcrumbs) {
    const items = page.$(trail).find('[itemprop~=name], a, li').toArray();
    const crumbs = items
      .filter((el) => isTag(el) && (tokens(el, 'itemprop').includes('name') || !items.some((other) => other !== el && isWithin(other, el))))
      .map((el) => plainText(isTag(el) ? (el.attribs.content ?? textContent(el)) : ''))
      .filter((t): t is string => t !== null && t.length <= MAX_CRUMB && !HOME.test(t));
    if (crumbs[0]) return crumbs[0];
  }
  return null;
}
