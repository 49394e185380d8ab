import { parseDate } from '../../cleaners/dates.js';
import { comparable } from '../../cleaners/text.js';
import { resolveUrl } from '../../cleaners/urls.js';
import type { ImageDraft } from '../../types.js';
import type { Page } from '../page.js';
import type { PageField, PageFields, Strategy } from '../strategy.js';
import { corroboratedH1, dekFromDescription, soleH1 } from './headline.js';
import { parseLenientJson } from './lenient-json.js';
import { metaValue, metaValues, scanPage, type PageScan } from './scan.js';
import { pageBylines, pageDate } from '../generic/metadata.js';
import { cleanTags, hasTime, hostBrand, isUrl, plainText, readableBylines, readableDate, stripTitleAffixes } from './values.js';

// Keys in order of trust: OpenGraph/article (set deliberately for sharing), then Parse.ly and
// Sailthru (analytics feeds publishers keep accurate), then Dublin Core and the plain HTML names.
const TITLE = ['og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'dcterms.title'];
const DESCRIPTION = ['og:description', 'twitter:description', 'description', 'sailthru.description', 'dc.description', 'dcterms.description'];
const AUTHOR = ['article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'author', 'dc.creator', 'dcterms.creator', 'byl'];
const PUBLISHED = [
  ...['article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time'],
  ...['parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created'],
  ...['datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article.published', 'original-publish-date'],
];
const MODIFIED = [
  ...['article:modified_time', 'og:article:modified_time', 'article:modified', 'og:updated_time', 'modified_time'],
  ...['dc.date.modified', 'dcterms.modified', 'datemodified', 'last-modified', 'lastmod', 'revision_date'],
];
const SECTION = ['article:section', 'og:article:section', 'parsely-section', 'section', 'article.section'];
const TAGS = ['article:tag', 'og:article:tag', 'news_keywords', 'parsely-tags', 'sailthru.tags', 'keywords', 'dc.subject'];
const LANGUAGE = ['content-language', 'og:locale', 'dc.language', 'dcterms.language', 'language'];
const IMAGE = ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'];
const COPYRIGHT = ['copyright', 'dc.rights', 'dcterms.rights'];
/** A day-only date and a timestamp within this distance (any zone) name the same day. */
const SAME_DAY_MS = 36 * 3600_000;

/**
 * Meta tags: OpenGraph and `article:*`, Twitter cards, Parse.ly (incl. the old `parsely-page`
 * JSON), Sailthru, Dublin Core (`dc.*`, `DC.*`, `dcterms.*`) and plain names, plus the canonical
 * link and `<html lang>`. Flat and often shaped for sharing rather than reading, so it comes after
 * JSON-LD and page state.
 */
export const metaStrategy: Strategy = {
  name: 'meta',
  extract(page: Page, wanted: ReadonlySet<PageField>): PageFields {
    const scan = scanPage(page);
    const parsely = parselyPage(scan);
    const found: PageFields = {};
    const headline = wanted.has('headline') || wanted.has('subheadline') ? metaHeadline(page, scan, parsely) : null;
    if (headline && wanted.has('headline')) found.headline = headline;
    if (wanted.has('subheadline')) {
      const dek = dekFromDescription(page, metaValue(scan, ...DESCRIPTION), headline);
      if (dek) found.subheadline = dek;
    }
    if (wanted.has('bylines')) {
      const bylines = metaBylines(page, scan, parsely);
      if (bylines.length > 0) found.bylines = bylines;
    }
    const text = (field: 'updatedAt' | 'section' | 'copyrightNotice', value: unknown) => {
      const v = wanted.has(field) ? plainText(value) : null;
      if (v) found[field] = v;
    };
    if (wanted.has('publishedAt')) {
      const published = firstDate(scan, PUBLISHED, readableDate(parsely?.pub_date));
      const date = published && !hasTime(published) ? (timedSameDay(page, published) ?? published) : published;
      if (date) found.publishedAt = date;
    }
    text('updatedAt', firstDate(scan, MODIFIED, null));
    text('section', metaValue(scan, ...SECTION) ?? parsely?.section);
    text('copyrightNotice', metaValue(scan, ...COPYRIGHT));
    if (wanted.has('tags')) {
      const tags = cleanTags(TAGS.map((key) => metaValues(scan, key)).find((v) => v.length > 0) ?? strings(parsely?.tags));
      if (tags.length > 0) found.tags = tags;
    }
    if (wanted.has('language')) {
      const language = scan.lang ?? metaValue(scan, ...LANGUAGE);
      if (language) found.language = language;
    }
    if (wanted.has('url')) {
      const url = pageUrl(page, scan.canonical) ?? pageUrl(page, metaValue(scan, 'og:url', 'twitter:url'));
      if (url) found.url = url;
    }
    if (wanted.has('images')) {
      const image = metaImage(page, scan);
      if (image) found.images = [image];
    }
    return found;
  },
};

/**
 * The declared title, or the visible h1 it corroborates (which also drops " | Site" endings).
 * When the page shows a single headline h1 that no declared title matches, the social title is a
 * rewrite and yields to it (the generic extractor reads it). Otherwise the first declared title,
 * without the site's name.
 */
function metaHeadline(page: Page, scan: PageScan, parsely: Record<string, unknown> | null): string | null {
  const titles = TITLE.map((key) => metaValue(scan, key));
  const parselyTitle = plainText(parsely?.title);
  const h1 = corroboratedH1(scan, [...titles, parselyTitle, scan.title]);
  if (h1) return h1;
  if (soleH1(page, scan)) return null;
  const declared = plainText(titles.find(Boolean) ?? parselyTitle);
  return declared ? stripTitleAffixes(declared, siteNames(page, scan), [scan.title, ...titles]) : null;
}

/** The first readable date that states a time of day, else the first that states only the day. */
function firstDate(scan: PageScan, keys: readonly string[], extra: string | null): string | null {
  let dayOnly: string | null = null;
  for (const value of [...keys.flatMap((key) => scan.meta.get(key) ?? []), extra]) {
    const date = readableDate(value);
    if (date && hasTime(date)) return date;
    dayOnly ??= date;
  }
  return dayOnly;
}

/** A day-only meta date ("2016-12-15") made precise by a timestamp on that day in the markup or printed under the headline. */
function timedSameDay(page: Page, day: string): string | null {
  const timed = pageDate(page);
  if (!timed || !hasTime(timed)) return null;
  const [a, b] = [parseDate(day), parseDate(timed)];
  return a && b && Math.abs(Date.parse(a) - Date.parse(b)) <= SAME_DAY_MS ? timed : null;
}

/**
 * Author names from the first key that has any (profile URLs skipped). An author that is only the
 * site's own name ("ABC News") yields to people named in the page's byline markup.
 */
function metaBylines(page: Page, scan: PageScan, parsely: Record<string, unknown> | null): string[] {
  const names = readableBylines(AUTHOR.map((key) => metaValues(scan, key).filter((v) => !isUrl(v))).find((v) => v.length > 0) ?? strings(parsely?.authors ?? parsely?.author));
  const site = siteNames(page, scan).map(comparable);
  const onlySite = names.length > 0 && names.every((n) => site.includes(comparable(n)));
  return onlySite && pageBylines(page) !== null ? [] : names;
}

function siteNames(page: Page, scan: PageScan): string[] {
  const names = [metaValue(scan, 'og:site_name', 'application-name', 'apple-mobile-web-app-title'), metaValue(scan, 'twitter:site')?.replace(/^@/, ''), hostBrand(page.host)];
  return names.filter((n): n is string => Boolean(n) && comparable(n ?? '').length >= 2);
}

/** The old Parse.ly `parsely-page` tag: one JSON object with title, authors, pub_date, section, tags. */
function parselyPage(scan: PageScan): Record<string, unknown> | null {
  const raw = metaValue(scan, 'parsely-page');
  const value = raw ? parseLenientJson(raw)[0] : undefined;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function metaImage(page: Page, scan: PageScan): ImageDraft | null {
  const url = IMAGE.flatMap((key) => scan.meta.get(key) ?? []).map((v) => resolveUrl(v, page.url ?? undefined)).find(Boolean);
  if (!url) return null;
  return {
    url,
    alt: metaValue(scan, 'og:image:alt', 'twitter:image:alt'),
    width: metaValue(scan, 'og:image:width'),
    height: metaValue(scan, 'og:image:height'),
  };
}

/** A declared page URL, absolute; a site's home page is a common misconfiguration, not this story. */
function pageUrl(page: Page, value: string | null): string | null {
  const url = value ? resolveUrl(value, page.url ?? undefined) : null;
  return url && new URL(url).pathname !== '/' ? url : null;
}

/** Parse.ly's JSON gives lists as arrays or as one bracketed string ("[a, b]"). */
function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string') return [];
  const inner = value.replace(/^\s*\[|\]\s*$/g, '').trim();
  return inner ? [inner] : [];
}
