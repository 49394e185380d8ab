import { isTag, type AnyNode, type Element } from 'domhandler';
import { textContent } from 'domutils';
import { parseBylines } from '../../cleaners/bylines.js';
import { parseDate } from '../../cleaners/dates.js';
import { comparable, htmlToText, normalizeWhitespace } from '../../cleaners/text.js';
import { resolveUrl } from '../../cleaners/urls.js';
import type { Page } from '../page.js';
import { isWithin, scanPage, tokens } from './scan.js';

/**
 * Value helpers shared by the embedded-data strategies, the generic extractor and the site maps,
 * so every strategy cleans a headline, a tag list or a description the same way.
 */

/** A non-blank string with markup removed and whitespace collapsed, else null. */
export function plainText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = normalizeWhitespace(/<[a-z!/]/i.test(value) ? htmlToText(value) : value);
  return text === '' ? null : text;
}

/**
 * The raw date string when the shared date cleaner can read it, else null: a field holding junk
 * must not stop a later strategy from finding the date.
 */
export function readableDate(value: unknown): string | null {
  const text = plainText(value);
  return text && parseDate(text) !== null ? text : null;
}

/**
 * The raw bylines the shared byline cleaner finds a name in, de-duplicated: a username or a job
 * title alone must not stop a later strategy from finding the byline.
 */
export function readableBylines(values: readonly string[]): string[] {
  return [...new Set(values)].filter((value) => parseBylines(value).length > 0);
}

/** Classes of boxes about other stories, or comments: their authors and dates are not this story's. */
const ELSEWHERE_CLASS = /comment|related|recommend|promo/;

/** True inside a page footer, a comment thread or a box of related, recommended or promoted stories. */
export function aboutOtherStories(el: AnyNode): boolean {
  for (let node: AnyNode | null = el; node; node = node.parent) {
    if (!isTag(node)) continue;
    if (ELSEWHERE_CLASS.test(node.attribs.class?.toLowerCase() ?? '') || node.attribs.role === 'contentinfo') return true;
    if (node.name === 'footer' && node.parent !== null && isTag(node.parent) && node.parent.name === 'body') return true;
  }
  return false;
}

/**
 * A machine-readable date in the markup: schema.org microdata (`itemprop=datePublished` or
 * `dateModified`: its `datetime`, `content` or text), then, for the published date, `<time pubdate>`
 * and the first `<time datetime>` that is not about other stories. `scope` limits the search.
 */
export function markupDate(page: Page, scope: AnyNode | null, which: 'published' | 'modified'): string | null {
  const candidates = scanPage(page).times.filter((el) => (scope === null || isWithin(el, scope)) && !aboutOtherStories(el));
  const prop = which === 'published' ? 'datepublished' : 'datemodified';
  const tests: Array<(el: Element) => boolean> = [(el) => tokens(el, 'itemprop').includes(prop)];
  if (which === 'published') tests.push((el) => el.name === 'time' && el.attribs.pubdate !== undefined, (el) => el.name === 'time' && el.attribs.datetime !== undefined);
  for (const test of tests) {
    for (const el of candidates.filter(test)) {
      const machine = readableDate(el.attribs.datetime) ?? readableDate(el.attribs.content);
      const printed = machine === null || !statesZone(machine) ? readableDate(textContent(el)) : null;
      // A zone the page prints ("08:00 AM EDT") beats a machine time without one ("2022-10-11 08:00:00").
      if (machine && printed && statesZone(printed) && sameDay(machine, printed)) return printed;
      const date = machine ?? printed;
      if (date) return date;
    }
  }
  return null;
}

/** True when a date string fixes its instant itself (an offset or a zone), so no default zone applies. */
export function statesZone(date: string): boolean {
  return parseDate(date, { defaultTimeZone: 'UTC' }) === parseDate(date, { defaultTimeZone: 'Pacific/Kiritimati' });
}

function sameDay(a: string, b: string): boolean {
  const [x, y] = [parseDate(a), parseDate(b)];
  return x !== null && y !== null && Math.abs(Date.parse(x) - Date.parse(y)) <= 26 * 3600_000;
}

/** True when a date string states a time of day, not just the day. */
export function hasTime(date: string): boolean {
  return /\d:\d\d/.test(date);
}

/** True for values that are links, not names (`article:author` often holds a profile URL). */
export function isUrl(value: string): boolean {
  return /^(?:https?:)?\/\/\S+$|^www\.\S+$/i.test(value.trim());
}

/** Tags that carry no subject: AP's distribution codes ("NE State Wire", "AP Top News") and CMS plumbing. */
const NOISE_TAG = /\bstate wire$|^ap (?:top news|online|[a-z]+ (?:news|headlines))\b|^(?:article|news|story|home|homepage|index|none|null|undefined)$/i;
const MAX_TAG_LENGTH = 80;

/**
 * Tags from keyword lists: a single value holding a whole list is split on commas or semicolons;
 * noise and duplicates (case-insensitive) are removed, the first spelling kept.
 *
 * @example cleanTags(['Belarus, Lithuania', 'NE State Wire', 'belarus']) // ['Belarus', 'Lithuania']
 */
export function cleanTags(values: readonly string[]): string[] {
  const split = values.length === 1 ? values[0]!.split(/[;,]/) : values;
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of split) {
    const tag = plainText(raw);
    if (!tag || tag.length > MAX_TAG_LENGTH || NOISE_TAG.test(tag) || isUrl(tag)) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** Separators between a headline and the site or section names that pages append to titles; captured, to rejoin what stays. */
const TITLE_SEPARATOR = /(\s+(?:[|•·»:]{1,2}|[-–—]{1,2}|\/)\s+)/;
/** A part that is a site's name with a few more letters ("CNN Politics", "The Guardian") still names the site; a headline that mentions it does not. */
const NAME_SUFFIX = 10;

/**
 * A page title without the site's name around the headline: split on " | ", " - ", " — ",
 * " :: ", " · " …, leading and trailing parts are dropped while they name the site (`names`:
 * og:site_name, the host's brand) or are a suffix the page's other titles (`others`: og:title,
 * twitter:title) end with too while their headlines differ. Anything else stays, separators and
 * all: a headline may hold a dash or a bar itself.
 *
 * @example stripTitleAffixes('Why Trump won’t change | CNN Politics', ['CNN']) // 'Why Trump won’t change'
 * @example stripTitleAffixes('Brexit - the vote | Politics | Example', ['Example']) // 'Brexit - the vote | Politics'
 */
export function stripTitleAffixes(title: string, names: readonly string[], others: ReadonlyArray<string | null> = []): string {
  const pieces = title.trim().split(TITLE_SEPARATOR);
  if (pieces.length < 3) return title.trim();
  const known = names.map(comparable).filter((n) => n.length >= 2);
  const repeated = repeatedSuffixes(pieces, others);
  const isAffix = (part: string) => repeated.has(comparable(part)) || namesSite(comparable(part), known);
  // Parts sit at even indices, separators between them.
  let [first, last] = [0, pieces.length - 1];
  while (last > first && isAffix(pieces[last]!)) last -= 2;
  while (first < last && isAffix(pieces[first]!)) first += 2;
  return pieces.slice(first, last + 1).join('').trim();
}

/**
 * True when a text (`comparable` form) is one of the site's names (`comparable` too), part of
 * one, or one with a few more letters before or after ("CNN Politics", "The Guardian"); a
 * headline that merely mentions the site ("Why CNN matters") is not.
 */
export function namesSite(text: string, names: readonly string[]): boolean {
  return text !== '' && names.some((n) => n.includes(text) || ((text.startsWith(n) || text.endsWith(n)) && text.length <= n.length + NAME_SUFFIX));
}

/** Last parts that another title of the page ends with too, where the two titles' first parts differ. */
function repeatedSuffixes(pieces: readonly string[], others: ReadonlyArray<string | null>): Set<string> {
  const suffixes = new Set<string>();
  const head = comparable(pieces[0] ?? '');
  const tail = comparable(pieces.at(-1) ?? '');
  for (const other of others) {
    const theirs = other?.trim().split(TITLE_SEPARATOR);
    if (!theirs || theirs.length < 3 || comparable(theirs[0]!) === head) continue;
    if (comparable(theirs.at(-1)!) === tail && tail !== '') suffixes.add(tail);
  }
  return suffixes;
}

/** Brand words of a host, for recognising site names in titles: `edition.cnn.com` → `cnn`. */
export function hostBrand(host: string | null): string | null {
  if (!host) return null;
  const labels = host.split('.');
  const tld = labels.length >= 3 && /^(?:co|com|org|net|gov|ac)$/.test(labels.at(-2) ?? '') ? 3 : 2;
  return labels.at(-tld) ?? null;
}

/** An absolute http(s) URL on the page's own site (same host or parent domain), else null. */
export function sameSiteUrl(page: Page, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const url = resolveUrl(value, page.url ?? undefined);
  if (!url) return null;
  const u = new URL(url);
  if (u.pathname === '/' && u.search === '') return null;
  if (!page.host) return url;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const brand = hostBrand(page.host);
  return host === page.host || host.endsWith(`.${page.host}`) || page.host.endsWith(`.${host}`) || (brand !== null && hostBrand(host) === brand)
    ? url
    : null;
}
